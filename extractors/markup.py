"""Markup found in text exports: cell tags (`<b>`, `**bold**`, `<p>`, `<li>`, `<i>`, `<br>`, `<math>`),
escapes, and the line-level markup that makes a heading or a caption.

Headings give tables, formulas and statements their `context`; captions ("Tabel III.16 ...")
give tables their `title`. Both are recognised by shape only, never by a report's wording.
"""

from __future__ import annotations

import html
import re
from collections.abc import Sequence
from functools import lru_cache
from typing import Protocol

_TAG = re.compile(
    r"</?(?:b|i|u|p|li|ul|ol|br|strong|em|span|div|sup|sub|td|tr|th|math|mi|mn|mo|mrow|semantics)\b[^>]*>",
    re.I,
)
_BLOCK_TAG = re.compile(r"</?(?:p|li|br|div|tr)\b[^>]*>", re.I)
_EMPH = re.compile(r"(\*\*|__)(.+?)\1")
_ESCAPE = re.compile(r"\\([*_\[\]()#.\-+!`|\\])")
_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")
_SPACES = re.compile(r"\s+")


class _Numbered(Protocol):
    number: int
    text: str


_MARKUP_CHARS = frozenset("<*_\\&[")


@lru_cache(maxsize=16384)
def strip_markup(text: str) -> str:
    """Cell text without HTML/markdown emphasis, entities decoded, whitespace collapsed."""
    if _MARKUP_CHARS.isdisjoint(text):
        return " ".join(text.split())
    t = _BLOCK_TAG.sub(" ", text)
    t = _TAG.sub("", t)
    t = _EMPH.sub(r"\2", t)
    t = t.replace("**", "")
    t = _LINK.sub(r"\1", t)
    t = _ESCAPE.sub(r"\1", t)
    t = html.unescape(t)
    return _SPACES.sub(" ", t).strip()


def is_bold(text: str) -> bool:
    s = text.strip()
    return bool(s) and (s.startswith(("<b>", "**", "<strong>")) or "<b>" in s[:12])


# --------------------------------------------------------------------------- captions

_CAPTION = re.compile(r"^\s*(?:\*\*|<b>|#+\s*)*\s*(?:Tabel|Table)\s*\.?\s*(?:[\dIVX]+\b)", re.I)
_FIGURE_CAPTION = re.compile(r"^\s*(?:\*\*|<b>|#+\s*)*\s*(?:Gambar|Grafik|Diagram|Figure|Sumber)\b", re.I)


def is_caption(text: str) -> bool:
    """A table caption line: 'Tabel 1. 2 Perjanjian Kinerja', '**Tabel III.16 ...**' (never a tab row)."""
    return "\t" not in text and bool(_CAPTION.match(text))


def is_figure_caption(text: str) -> bool:
    """'Gambar 1. 1 ...', 'Sumber: ...' lines: neither headings nor prose."""
    return "\t" not in text and bool(_FIGURE_CAPTION.match(text))


# --------------------------------------------------------------------------- headings

_MD_HEADING = re.compile(r"^\s*#{1,6}\s+(.+)$")
_BAB = re.compile(r"^(?:BAB|Bab)\s+[IVX\d]+\b")
_MAJOR_ENUM = re.compile(r"^(?:[A-H]|[IVX]{1,4})\.\s+\S")
_NUM_ENUM = re.compile(r"^\d{1,2}(?:\.\d{1,2})*[.)]?\s+[A-Z]")
_MINOR_ENUM = re.compile(r"^(?:-\s+[a-h]\)|[a-h][.)])\s+\S")
_BULLET = re.compile(r"^\s*(?:[-*•▪❖◆●]|\d+[.)]\s|\(?[a-z0-9]{1,3}\))")
_TERMINAL = re.compile(r"[.;,]\s*$")
_INDICATOR = re.compile(
    r"^(?:[-\s]*)(?:\d+[.)]\s*|[a-z][.)]\s*)?Indikator(?:\s+Kinerja|\s+\d+\s*:|\s*:)(?!\s+(?:ini|tersebut)\b)",
    re.I,
)
_MAJOR = re.compile(r"^(?:BAB\b|Bab\b|[A-H]\.\s|[IVX]{1,4}\.\s)|[Ss]asaran")
_DIGIT = re.compile(r"\d")


_ALPHA = re.compile(r"[^\W\d_]")
_DIGITS = re.compile(r"\d")


def _all_caps(text: str) -> bool:
    return text == text.upper() and len(_ALPHA.findall(text)) >= 4 and len(_DIGITS.findall(text)) <= 4


@lru_cache(maxsize=16384)
def heading_text(text: str) -> str:
    """The heading a line is (markup removed), or '' when it is not one."""
    raw = text.strip()
    if not raw or len(raw) > 220 or "\t" in text or "$" in text or "=" in text:
        return ""
    if is_caption(text) or is_figure_caption(text):
        return ""
    md = _MD_HEADING.match(raw)
    if md:
        return strip_markup(md.group(1)).strip(" :")
    plain = strip_markup(raw)
    if not plain or len(plain) > 160:
        return ""
    if raw.startswith(("**", "<b>", "<strong>")) and not _BULLET.match(plain):
        return plain.strip(" :")
    if _BAB.match(plain) or _MAJOR_ENUM.match(plain):
        return plain if not _TERMINAL.search(plain) else ""
    if (_NUM_ENUM.match(plain) and len(plain) <= 100) or _MINOR_ENUM.match(plain):
        return plain.lstrip("- ") if not _TERMINAL.search(plain) and ";" not in plain else ""
    if len(plain) <= 100 and _all_caps(plain) and not _TERMINAL.search(plain):
        return plain.strip(" :")
    return ""


@lru_cache(maxsize=16384)
def is_indicator_title(text: str) -> bool:
    """'Indikator Kinerja Kegiatan Indeks ...', '**1. Indikator 1: Persentase ...**' (a title, not a sentence)."""
    if "\t" in text or ("ndikator" not in text and "NDIKATOR" not in text):
        return False
    plain = strip_markup(text)
    return 0 < len(plain) <= 250 and bool(_INDICATOR.match(plain)) and not plain.endswith(".")


def is_major_heading(heading: str) -> bool:
    """A chapter/section/sasaran heading: one that ends the scope of an indicator title."""
    return bool(_MAJOR.search(heading[:40]))


_NUMBERED_HEADING = re.compile(r"^(?:\d{1,2}(?:\.\d{1,2})*[.)]|[a-h][.)]|[IVX]{1,4}\.)\s")


def nearest_headings(lines: Sequence[_Numbered]) -> list[str]:
    """For every position, the nearest heading at or before it ('' before the first one). Linear."""
    out: list[str] = []
    current = ""
    for ln in lines:
        h = heading_text(ln.text)
        if h:
            current = h
        out.append(current)
    return out


def nearest_indicator_context(lines: Sequence[_Numbered]) -> list[str]:
    """For every position: 'indicator title › numbered heading' — the nearest indicator title and
    the nearest numbered heading ('3. Terlaksananya ...', 'a. Indeks ... (K1)') in the current
    section, falling back to the nearest heading of any kind. Linear."""
    out: list[str] = []
    heading = ""
    numbered = ""
    indicator = ""
    current = ""
    for ln in lines:
        changed = False
        if is_indicator_title(ln.text):
            indicator = strip_markup(ln.text).lstrip("- ")
            changed = True
        else:
            h = heading_text(ln.text)
            if h:
                heading = h
                if is_major_heading(h):
                    indicator = numbered = ""
                if _NUMBERED_HEADING.match(h):
                    numbered = h
                changed = True
        if changed:  # the context only moves on an indicator title or a heading
            current = _join_context(indicator, numbered or heading)
        out.append(current)
    return out


def _join_context(indicator: str, heading: str) -> str:
    parts = [p for p in (indicator, heading) if p]
    if len(parts) == 2 and parts[0] == parts[1]:
        parts = parts[:1]
    return " › ".join(parts)

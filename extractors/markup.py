"""Markup found inside text-export cells: `<b>`, `**bold**`, `<p>`, `<li>`, `<i>`, `<br>`, escapes."""

from __future__ import annotations

import html

import regex as re

_TAG = re.compile(r"</?(?:b|i|u|p|li|ul|ol|br|strong|em|span|div|sup|sub|td|tr|th)\b[^>]*>", re.I)
_BLOCK_TAG = re.compile(r"</?(?:p|li|br|div|tr)\b[^>]*>", re.I)
_EMPH = re.compile(r"(\*\*|__)(.+?)\1")
_ESCAPE = re.compile(r"\\([*_\[\]()#.\-+!`|\\])")


def strip_markup(text: str) -> str:
    """Cell text without HTML/markdown emphasis, entities decoded, whitespace collapsed."""
    t = _BLOCK_TAG.sub(" ", text)
    t = _TAG.sub("", t)
    t = _EMPH.sub(r"\2", t)
    t = t.replace("**", "")
    t = _ESCAPE.sub(r"\1", t)
    t = html.unescape(t)
    return re.sub(r"\s+", " ", t).strip()


def is_bold(text: str) -> bool:
    s = text.strip()
    return bool(s) and (s.startswith(("<b>", "**", "<strong>")) or "<b>" in s[:12])

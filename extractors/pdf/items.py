"""Numbered items of a PDF page's prose whose first line would pass for a heading.

A PDF line is a printed line, not a paragraph: `1. Jumlah lokasi Program kampung Iklim (PROKLIM) dengan
target capaian 61 yang` / `merupakan Indikator Kinerja Utama, realisasi … 61 dengan prosentase …`. Read
alone, the first line looks like a numbered heading (`1. Jumlah …`, short, no closing stop), so the prose
reader would start a new sentence after it and the target would be cut off from its realisasi and capaian.
An item line that states a figure is no heading: it is joined with the lines that carry its sentence on.
"""

from __future__ import annotations

from collections.abc import Sequence

import regex as re

from extractors.base import Line
from extractors.markup import heading_text

_ITEM = re.compile(r"^\s*(?:\d{1,2}|[a-hA-H])[.)]\s+(?P<rest>\S.*)$")
_YEAR = re.compile(r"^(?:19|20)\d\d$")
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
_SENTENCE_END = re.compile(r"[.;:]\s*$")


def _states_figure(text: str) -> bool:
    """A number in the item's words that is not a year (`61`, `42,5%`), its own enumerator left aside."""
    m = _ITEM.match(text)
    rest = m.group("rest") if m else text
    return any(not _YEAR.match(n) for n in _NUMBER.findall(rest))


def _false_heading(text: str) -> bool:
    return bool(_ITEM.match(text)) and bool(heading_text(text)) and _states_figure(text) \
        and not _SENTENCE_END.search(text)


def _runs_on(prev: Line, nxt: Line) -> bool:
    return nxt.page == prev.page and nxt.number == prev.number + 1 and not _ITEM.match(nxt.text) \
        and not heading_text(nxt.text)


def join_item_lines(lines: Sequence[Line]) -> list[Line]:
    """The lines with every figure-stating item line joined to the next lines of its sentence while the
    joined text would still pass for a heading. The joined Line takes the number of its last source line, so
    that the lines after it still follow on (its figures are then placed at most a line or two low)."""
    out: list[Line] = []
    last: Line | None = None  # the source line joined last into out[-1]
    for ln in lines:
        if out and last is not None and _false_heading(out[-1].text) and _runs_on(last, ln):
            head = out[-1]
            out[-1] = Line(ln.number, f"{head.text.rstrip()} {ln.text.strip()}", head.page)
        else:
            out.append(ln)
        last = ln
    return out

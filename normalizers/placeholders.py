"""Template placeholders: unfilled slots and filled values still in their brackets.

Unfilled: `[Rp]`, `[...%]`, `[…]`, `[nama satuan kerja]`, `[tahun]`, `[xx]`, and bare `....%`,
`xx%`, `Rp ...`, a result `= ...` ending a line, a LaTeX operand `{\\dots}` in prose.
Filled but never un-bracketed: `[87,91%]`, `[74%]`, `[Rp3.558.827.000]`, `[3,18 (contoh)]` —
a remnant whose inner value `bracketed_value` gives for parsing.

Not slots: markdown links `[text](url)`, footnote marks and codes (`[1]`, `[ 408103 ]`),
LaTeX display brackets `\\[ … \\]`, e-mail addresses and web addresses in brackets.
"""

from __future__ import annotations

from functools import lru_cache
from typing import NamedTuple

import regex as re

UNFILLED = "unfilled"
FILLED = "filled"

# a bracketed slot: no nested brackets; may wrap over a line break in prose
_BRACKETED = re.compile(r"(?<!\\)\[([^\[\]]{0,120})\]")
# bare slots in prose: dots or an ellipsis or xx standing for a figure before % (or after Rp)
_BARE_SLOT = re.compile(
    r"(?<![\w.])(?:\.{2,}|…+|[xX]{2,})[ \t]*(?:%|persen\b)"
    r"|(?<![\p{L}])Rp\.?[ \t]*(?:\.{3,}|…+|[xX]{2,})(?![\d])"
    r"|\{[ \t]*\\[lc]?dots[ \t]*\}"  # a LaTeX operand left as {\dots}
    r"|(?<==[ \t]*)(?:\.{3,}|…+)[ \t]*$"  # a result left as `= ...` at the end of a line
)
# what every slot above holds somewhere (a bracket, two dots, an ellipsis, xx, a brace): a cheap test first
_SLOT_MARK = re.compile(r"\[|\.\.|…|[xX]{2}|\{")
# a whole cell that is nothing but a slot
_BARE_CELL = re.compile(r"^\s*(?:Rp\.?\s*)?(?:\.{3,}|…+|[xX]{2,}|\?+)\s*(?:%|persen)?\s*$", re.I)
_FILLER = re.compile(r"^\s*(?:(?:rp\.?|idr)\s*)?(?:\.{2,}|…+|[xX]{1,}|\?+|_+|-{2,})?\s*(?:%|persen)?\s*$", re.I)
_HAS_DIGIT = re.compile(r"\d")
_INTEGER_CODE = re.compile(r"^\s*\d+\s*$")
_EXAMPLE_NOTE = re.compile(r"\s*\(\s*(?:contoh|misal|misalnya|e\.g\.)\s*\)\s*", re.I)
_NOT_A_SLOT = re.compile(r"@|https?:|www\.|\.go\.id|\.com\b", re.I)
_PADDED_BRACKETS = re.compile(r"\s*\[([^\[\]]*)\]\s*")
_IN_BRACKETS = re.compile(r"\[([^\[\]]*)\]")
_LETTERS = re.compile(r"[\p{L}]+")


class Slot(NamedTuple):
    """A placeholder found in a line: where it starts and its text, brackets included."""

    offset: int
    text: str

    @property
    def end(self) -> int:
        return self.offset + len(self.text)

    @property
    def kind(self) -> str:
        """`unfilled` (no figure in it) or `filled` (a figure left in its brackets)."""
        return FILLED if bracketed_value(self.text) is not None else UNFILLED

    @property
    def inner(self) -> str:
        return self.text[1:-1].strip() if self.text.startswith("[") else self.text


def _is_link(text: str, end: int) -> bool:
    return end < len(text) and text[end] == "("


def _slot_inner_ok(inner: str) -> bool:
    """Whether the text inside brackets is a template slot (filled or not)."""
    stripped = inner.strip()
    # not an address, nor a footnote mark or code printed in brackets: [1], [ 408103 ]
    return not (_NOT_A_SLOT.search(stripped) or _INTEGER_CODE.match(stripped))


@lru_cache(maxsize=16384)
def bracketed_value(text: str) -> str | None:
    """The figure inside a filled-but-bracketed remnant: `'[87,91%]'` → `'87,91%'`, else None.

    `'[Rp3.558.827.000]'` → `'Rp3.558.827.000'`; `'[3,18 (contoh)]'` → `'3,18'`; an unfilled
    slot (`'[Rp]'`, `'[...%]'`), a footnote mark (`'[1]'`) or plain text gives None.
    """
    m = _PADDED_BRACKETS.fullmatch(text)
    if not m:
        return None
    inner = _EXAMPLE_NOTE.sub(" ", m.group(1)).strip()
    if not _HAS_DIGIT.search(inner) or not _slot_inner_ok(m.group(1)):
        return None
    # a remnant holds one figure and at most a currency or unit, not a sentence
    if len(_LETTERS.findall(inner)) > 3:
        return None
    return inner.rstrip(".").strip()


@lru_cache(maxsize=16384)
def is_placeholder(text: str) -> bool:
    """True when the whole text is an unfilled template slot: `[Rp]`, `[...%]`, `....`, `xx %`, `[tahun]`."""
    t = text.strip()
    if _BARE_CELL.match(t):
        return True
    m = _IN_BRACKETS.fullmatch(t)
    if not m:
        return False
    inner = m.group(1)
    if _HAS_DIGIT.search(inner):
        return False  # a figure, a footnote or a code: not an unfilled slot
    return _slot_inner_ok(inner) or not inner.strip()


def is_filler(text: str) -> bool:
    """True when the text is only slot filler (dots, ellipsis, xx, Rp, %), as inside `[Rp]` or `[...%]`."""
    return bool(_FILLER.match(text))


def find_placeholders(text: str) -> list[Slot]:
    """Every template slot in a line (or paragraph) of prose, in order: `Slot(offset, text)`.

    Slots are tuples `(offset, text)`; `.kind` says `unfilled` or `filled` (a figure left
    in its brackets, whose value `bracketed_value(slot.text)` gives).
    """
    if _SLOT_MARK.search(text) is None:
        return []  # no bracket, dots, ellipsis, xx or brace: no slot of either kind can stand here
    out: list[Slot] = []
    for m in _BRACKETED.finditer(text):
        if _is_link(text, m.end()) or not _slot_inner_ok(m.group(1)):
            continue
        inner = m.group(1)
        if not inner.strip():
            continue  # `[ ]`: a checkbox, not a slot
        if _HAS_DIGIT.search(inner) and bracketed_value(m.group(0)) is None:
            continue  # digits inside a longer bracketed passage: a citation, not a slot
        out.append(Slot(m.start(), m.group(0)))
    taken = [(s.offset, s.end) for s in out]
    for m in _BARE_SLOT.finditer(text):
        if any(a <= m.start() < b for a, b in taken):
            continue
        out.append(Slot(m.start(), m.group(0)))
    return sorted(out)

"""Body rows of a plain-layout table: labels wrapped over lines gathered with the figures they name.

The events of a table body (label text, figure lines, unit lines, blank lines) are folded into rows:
label lines wait for the next figure line; a figure line that prints its own label starts a row;
figures alone on their lines join the open row until it has as many figures as the table has figure
columns. Each row then becomes cells `[No] + text columns + figure columns`, the figures placed in
the figure columns by count and by type (a percentage goes to a %-column, a rupiah amount to an
amount column).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

import regex as re

from extractors.plain_columns import Span, column_of, place_by_column, segments
from extractors.plain_tokens import Figure, collapse, tidy_unit

_ROWNUM = re.compile(r"^(\d{1,3})\s*(?:\.(?!\d)\s*)?(?=\S)")
_NUMBERED = re.compile(r"^\d{1,2}\s*\.\s*\S")

_BARE_INT = re.compile(r"^\d{1,3}$")
_YEAR = re.compile(r"^(?:19|20)\d\d$")

Block = tuple[int, str]  # (line of its first line, text)


@dataclass
class Fig:
    """A figure as placed in a row: the printed figure, its line, and any unit printed below it."""

    figure: Figure
    line: int
    page: int | None
    unit: str = ""

    @property
    def text(self) -> str:
        return f"{self.figure.text} {tidy_unit(self.unit)}".strip()

    @property
    def unit_printed(self) -> bool:
        """A unit printed with the figure, on its line (`81,29 (indeks)`) or below it."""
        return bool(self.unit) or " " in self.figure.text

    @property
    def raw(self) -> str:
        return f"{self.figure.raw} {self.unit}".strip()


@dataclass
class Row:
    """A body row being assembled: label blocks (each a list of line texts) and figures."""

    blocks: list[list[tuple[int, str]]] = field(default_factory=list)
    figs: list[Fig] = field(default_factory=list)
    own_label: bool = False  # the first figure line printed a label too
    number: tuple[int, str] | None = None  # (line, text) of a row number printed among the figures

    @property
    def line(self) -> int:
        """The line of its first figure; of its first label line when it has none (a heading row)."""
        if self.figs:
            return self.figs[0].line
        return next((b[0][0] for b in self.blocks if b), 0)

    def label_blocks(self) -> list[Block]:
        """Each block of label lines as (line of its first line, its text joined)."""
        return [(b[0][0], collapse(" ".join(t for _, t in b))) for b in self.blocks if b]


@dataclass(frozen=True)
class RowCells:
    """A finished row: the row number, the text cells (with their line) and the figure cells."""

    number: str
    number_line: int | None
    texts: tuple[tuple[str, int | None], ...]
    figures: tuple[Fig | None, ...]
    line: int


def split_rownum(text: str) -> tuple[str, str]:
    """`1 Memastikan …` → ('1', 'Memastikan …'); text without a leading row number → ('', text)."""
    m = _ROWNUM.match(text)
    if not m:
        return "", text
    return m.group(1), text[m.end() :].strip()


def _join(blocks: Sequence[Block]) -> Block:
    return (blocks[0][0], " ".join(t for _, t in blocks)) if blocks else (0, "")


def _continues(text: str) -> bool:
    """A block starting in lower case continues the one above (`lndeks`: an OCR'd capital I does not)."""
    return bool(text) and text[0].islower() and not (text[0] == "l" and text[1:2] not in tuple("aiueo"))


def _merge_continuations(blocks: list[Block]) -> list[Block]:
    out: list[Block] = []
    for block in blocks:
        if out and _continues(block[1]):
            out[-1] = (out[-1][0], f"{out[-1][1]} {block[1]}")
        else:
            out.append(block)
    return out


def numbered_last(rows: Sequence[Row]) -> bool:
    """Whether the table numbers the items of its last text column (`1. Indeks …` under a sasaran)."""
    return any(_NUMBERED.match(t) for r in rows for _, t in r.label_blocks()[1:])


def _assign_blocks(blocks: list[Block], n_text: int, items_numbered: bool = False) -> list[Block]:
    """Spread a row's label blocks over its text columns (`Sasaran`, `Indikator`).

    When the table numbers the items of its last column and this row starts with such a numbered
    item and numbers nothing after it, the row continues the sasaran above: all of it is the item.
    """
    if n_text <= 1:
        return [_join(blocks)]
    blocks = _merge_continuations(blocks)
    numbered = [i for i, (_, t) in enumerate(blocks) if _NUMBERED.match(t)]
    if items_numbered and numbered == [0]:
        return [(0, "")] * (n_text - 1) + [_join(blocks)]
    if len(blocks) <= n_text:
        return [(0, "")] * (n_text - len(blocks)) + blocks
    if numbered and numbered[-1] > 0:
        head, tail = blocks[: numbered[-1]], blocks[numbered[-1] :]
        return [*_assign_blocks(head, n_text - 1), _join(tail)]
    keep = n_text - 1
    return [*blocks[:keep], _join(blocks[keep:])]


def _compatible(fig: Fig, role: str) -> bool:
    """Whether a figure may stand in a column of `role`; a count printed with its unit (`81,29 (indeks)`,
    `42 LHK`) is no amount of money."""
    kind = fig.figure.kind
    if role == "amount" and kind == "number" and fig.unit_printed:
        return False
    return role == "any" or kind in ("number", "dash") or kind == role


def place_figures(figs: Sequence[Fig], roles: Sequence[str]) -> tuple[Fig | None, ...]:
    """Put a row's figures in its figure columns, skipping columns whose type does not fit."""
    n = len(roles)
    if len(figs) >= n:
        return tuple(figs[:n]) if len(figs) == n else tuple(figs)
    out: list[Fig | None] = [None] * n
    col = 0
    for k, fig in enumerate(figs):
        last_allowed = n - (len(figs) - k)
        kind = fig.figure.kind
        exact = next((c for c in range(col, last_allowed + 1) if roles[c] == kind), None)
        if kind == "pct" and exact is not None:
            col = exact  # a percentage belongs in the %-column, whatever stands before it
        while col < last_allowed and not _compatible(fig, roles[col]):
            col += 1
        out[col] = fig
        col += 1
    return tuple(out)


def column_role(header_text: str) -> str:
    t = header_text.lower()
    if "%" in t or "persen" in t or "prosen" in t or "capaian" in t:
        return "pct"
    if "pagu" in t or "anggaran" in t or "rp" in t.split():
        return "amount"
    return "any"


def body_roles(roles: Sequence[str], rows: Sequence[Row]) -> list[str]:
    """Column roles the header leaves open (`Realisasi`) taken from the rows that fill every column: a
    column holding only amounts of money there is an amount column (a short row's `81,29 (indeks)` goes
    past it)."""
    full = [r.figs for r in rows if len(r.figs) == len(roles)]
    out = list(roles)
    for k, role in enumerate(roles):
        if role == "any" and full and all(figs[k].figure.kind == "amount" for figs in full):
            out[k] = "amount"
    return out


def split_headings(rows: Sequence[Row]) -> list[Row]:
    """In a table of one label column whose rows are printed whole, each with its label, the label lines
    standing above such a row (`Program Dukungan Manajemen` over `Dukungan Manajemen … Rp 22.983.430.000`)
    are a heading row of their own, not the start of that row's label."""
    out: list[Row] = []
    for row in rows:
        if row.own_label and len(row.blocks) > 1:
            out.append(Row(blocks=row.blocks[:-1]))
            row = Row(blocks=row.blocks[-1:], figs=row.figs, own_label=True, number=row.number)
        out.append(row)
    return out


def lift_leading_cells(rows: Sequence[Row], has_no: bool, year_column: bool) -> None:
    """Rows printed without a label (`1 2021 89,39 93,64 …`): the row number and a year that opens
    the row are its No and label cells, not figures."""
    for row in rows:
        if row.blocks or len(row.figs) < 2:
            continue
        first = row.figs[0]
        if has_no and _BARE_INT.match(first.figure.text):
            row.number = (first.line, first.figure.text)
            row.figs.pop(0)
        first = row.figs[0]
        if year_column and len(row.figs) >= 2 and _YEAR.match(first.figure.text):
            row.blocks = [[(first.line, first.figure.text)]]
            row.figs.pop(0)


def finish_row(row: Row, has_no: bool, n_text: int, roles: Sequence[str], items_numbered: bool = False) -> RowCells:
    blocks = row.label_blocks()
    number, number_line = (row.number[1], row.number[0]) if row.number else ("", None)
    numbered = [i for i, (_, t) in enumerate(blocks) if _NUMBERED.match(t)]
    an_item = items_numbered and numbered == [0]  # `2. Indeks …`: the item's number, not the row's
    if has_no and blocks and not number and not an_item:
        number, rest = split_rownum(blocks[0][1])
        if number:
            number_line = blocks[0][0]
            blocks = ([(blocks[0][0], rest)] if rest else []) + blocks[1:]
    texts = _assign_blocks(blocks, n_text, items_numbered)
    return RowCells(
        number=number,
        number_line=number_line,
        texts=tuple((t, ln if t else None) for ln, t in texts),
        figures=place_figures(row.figs, roles),
        line=row.line,
    )


def finish_wide_row(row: Row, text_columns: Sequence[Span], columns: Sequence[Span]) -> RowCells:
    """A row of a `pdftotext -layout` table: label segments and figures placed by position."""
    n_text = max(1, len(text_columns))
    parts: list[list[tuple[int, str]]] = [[] for _ in range(n_text)]
    for block in row.blocks:
        for line, raw in block:
            for seg in segments(raw):
                k = column_of(seg, text_columns) if text_columns else 0
                parts[k].append((line, seg.text))
    texts = tuple((" ".join(t for _, t in p), p[0][0] if p else None) for p in parts)
    placed: list[Fig | None] = [None] * len(columns)
    spans = [Span(f.figure.start, f.figure.end) for f in row.figs]
    for fig, k in zip(row.figs, place_by_column(spans, columns), strict=True):
        if placed[k] is None:
            placed[k] = fig
    return RowCells(number="", number_line=None, texts=texts, figures=tuple(placed), line=row.line)

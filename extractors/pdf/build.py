"""Grids → `pipeline.model.Table`: header rows, captions, provenance of every cell."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import regex as re

from extractors.pdf.grid import Grid, GridCell, PageLine
from extractors.pdf.numeric import is_header_label, is_numeric
from pipeline.model import Cell, Provenance, Table

TITLE = re.compile(r"^\s*(Tabel|Table)\s*[\dIVX]", re.I)
HEADING = re.compile(r"^\s*(BAB\s+[IVX\d]+\b|[A-H]\.\s+\S|\d+(\.\d+)*\.?\s+[A-Z][a-z])")


@dataclass(frozen=True)
class PageTable:
    """One grid with what surrounds it on its page."""

    grid: Grid
    n_header: int
    title: str
    context: str
    first_on_page: bool
    last_on_page: bool

    def header_texts(self) -> tuple[tuple[str, ...], ...]:
        return tuple(tuple(" ".join(c.text.split()).lower() for c in r) for r in self.grid.rows[: self.n_header])


def _is_column_numbering(texts: Sequence[str]) -> bool:
    """'1 2 3 4 …' or '(1) (2) (3) …': a row that numbers the columns."""
    digits = [t.strip("() ") for t in texts if t]
    return (
        len(digits) >= 2
        and all(d.isdigit() for d in digits)
        and [int(d) for d in digits] == list(range(int(digits[0]), int(digits[0]) + len(digits)))
    )


def is_header_row(cells: Sequence[GridCell]) -> bool:
    texts = [c.text for c in cells if c.text]
    if not texts:
        return True
    if _is_column_numbering(texts):
        return True
    return not any(is_numeric(t) and not is_header_label(t) for t in texts)


def count_header_rows(rows: Sequence[Sequence[GridCell]]) -> int:
    """Leading rows with no numeric cell (years and '(1)' labels do not count as numbers)."""
    n = 0
    for row in rows:
        if not is_header_row(row):
            break
        n += 1
    if n >= len(rows):  # a table of words: its first row names the columns
        return 1 if rows else 0
    while n and not any(c.text for c in rows[n - 1]):
        n -= 1  # blank rows under the header belong to the body
    return n


def caption(grid: Grid, lines: Sequence[PageLine], lookback: int) -> str:
    """The 'Tabel …' line just above the table, if any."""
    above = [ln for ln in lines if ln.bottom <= grid.bbox[1] + 1][-lookback:]
    for ln in reversed(above):
        if TITLE.match(ln.text):
            return ln.text
    return ""


def heading_text(text: str) -> str | None:
    """The text when the line reads as a section heading ('BAB III', 'B. Realisasi Anggaran')."""
    text = text.strip()
    if HEADING.match(text) and len(text) < 120:
        return text
    return None


def to_cells(row: Sequence[GridCell], source_file: str, page: int) -> tuple[Cell, ...]:
    line = min((c.line for c in row if c.line is not None), default=None)
    return tuple(Cell(c.text, Provenance(source_file, c.line or line, page, c.text)) for c in row)


def banner_text(rows: Sequence[Sequence[GridCell]], n_header: int) -> str:
    """The text of a banner row over a table's header: the first of ≥2 header rows holding one cell of words
    alone in a table of ≥3 columns (`Misi 1: Optimalisasi Penataan Kelembagaan` over `Tujuan | Sasaran | …`).
    It names the table's section, not a column."""
    if n_header < 2 or not rows or len(rows[0]) < 3:
        return ""
    texts = [c.text for c in rows[0] if c.text]
    if len(texts) != 1 or is_numeric(texts[0]) or sum(ch.isalpha() for ch in texts[0]) < 3:
        return ""
    return " ".join(texts[0].split())


def to_table(parts: Sequence[PageTable], table_id: str, source_file: str, continues: str | None = None) -> Table:
    """One Table from a table and the continuations merged into it (their repeated header dropped).

    A banner row over the header (see `banner_text`) becomes the table's context, not a header row."""
    head = parts[0]
    g = head.grid
    banner = banner_text(g.rows, head.n_header)
    header = tuple(to_cells(r, source_file, g.page) for r in g.rows[1 if banner else 0: head.n_header])
    body: list[tuple[Cell, ...]] = []
    for part in parts:  # a continuation's rows after its repeated header rows (counted by `merge`) are body
        body.extend(to_cells(r, source_file, part.grid.page) for r in part.grid.rows[part.n_header:])
    first_line = min((c.line for r in g.rows for c in r if c.line is not None), default=None)
    return Table(
        table_id=table_id,
        source_file=source_file,
        header=header,
        rows=tuple(body),
        engine=g.engine,
        title=head.title,
        context=banner or head.context,
        page=g.page,
        line=first_line,
        continues=continues,
    )

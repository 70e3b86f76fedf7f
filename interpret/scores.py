"""Score tables by year: years down the first (or second) column, score components across.

    No | Tahun | Nilai Kinerja | Penyerapan | Konsistensi | CRO | Efisiensi
    1  | 2021  | 89,39         | 93,64      | 98,68       | 100 | 6,36
    2  | 2022  | -             | -          | -           | -   | -

IKPA, SMART and Nilai Kinerja Anggaran tables look like this. Each (year, component)
cell with a figure becomes one multi_year IndicatorRecord: indikator = the column's
header, realisasi = the score, sasaran = the table's subject (its title without the
`Tabel N` number), line = the line of the figure. A year whose cells are all `-` gives
nothing. Only tables no other reader took come here, and only when every figure of the
component columns is a score (0–100, no rupiah) and a score word (`nilai`, `indeks`,
`IKPA`, …) names the table or a column.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

import regex as re

from interpret.cells import clean, convention_of, is_figure, is_money, quantity, row_text
from interpret.columns import Row
from interpret.context import TableContext
from pipeline.model import IndicatorRecord, Quantity, Table

log = logging.getLogger(__name__)

MAX_SCORE = Decimal(100)
_YEAR_CELL = re.compile(r"^\s*(?:tahun\s+|ta\.?\s+|th\.?\s*)?((?:19|20)\d\d)\s*\*?\s*$", re.I)
_ROW_NUMBER = re.compile(r"^\s*\d{1,2}\.?\s*$")
_EMPTY_SCORE = re.compile(r"^\s*(?:[-−–—]+|n/?a)?\s*$", re.I)
_SCORE_WORDS = re.compile(
    r"\b(?:nilai|skor|score|indeks|ikpa|smart|penilaian|kinerja\s+(?:pelaksanaan\s+|perencanaan\s+)?anggaran)\b",
    re.I)
_CAPTION_NUMBER = re.compile(r"^\s*(?:tabel|table)\s*[\dIVXLC]+(?:\s*[.\-]\s*\d+)*\s*[.:]?\s*", re.I)


@dataclass(frozen=True)
class ScoreGrid:
    """Where the years stand, which columns are components (index, header text), and the year rows."""

    year_col: int
    components: tuple[tuple[int, str], ...]
    rows: tuple[tuple[int, Row], ...]  # (year, row)


def _year_of(text: str) -> int | None:
    m = _YEAR_CELL.match(clean(text))
    return int(m.group(1)) if m else None


def year_position(row: Row) -> int | None:
    """The cell (first or second, after a row number) that holds the row's year."""
    for c in (0, 1):
        if c >= len(row) or _year_of(row[c].text) is None:
            continue
        if c == 1 and not _ROW_NUMBER.match(row[0].text) and clean(row[0].text):
            return None
        return c
    return None


def _header_text(header: Sequence[Row], col: int) -> str:
    """The lowest non-empty header text over a column (the leaf under any super-header)."""
    for row in reversed(header):
        if col < len(row) and clean(row[col].text):
            return clean(row[col].text)
    return ""


def _is_score_cell(text: str) -> bool:
    return bool(_EMPTY_SCORE.match(text)) or is_figure(text)


def score_grid(grid: Sequence[Row]) -> ScoreGrid | None:
    """The score-by-year reading of a raw grid, or None when the grid is not one."""
    first = next((i for i, row in enumerate(grid) if year_position(row) is not None), None)
    if not first:  # None, or no header above the first year row
        return None
    header = grid[:first]
    year_rows = [(pos, row) for row in grid[first:] if (pos := year_position(row)) is not None]
    cols = {pos for pos, _ in year_rows}
    if len(cols) != 1 or len(year_rows) < len(grid) - first - 1:
        return None  # years must stand in one column and fill the body (a total row may follow)
    year_col = cols.pop()
    width = max(len(r) for r in header)
    components = tuple((c, t) for c in range(year_col + 1, width) if (t := _header_text(header, c))
                       and _year_of(t) is None)
    if not components:
        return None
    rows = tuple((year, row) for _, row in year_rows if (year := _year_of(row[year_col].text)) is not None)
    for _, row in rows:
        if not all(_is_score_cell(row[c].text) for c, _ in components if c < len(row)):
            return None
    return ScoreGrid(year_col, components, rows)


def _is_score(q: Quantity) -> bool:
    return q.value is not None and not is_money(q) and Decimal(0) <= q.value <= MAX_SCORE


def subject(title: str) -> str:
    """`Tabel 1. 15 Nilai Kinerja Perencanaan Anggaran` → `Nilai Kinerja Perencanaan Anggaran`."""
    return _CAPTION_NUMBER.sub("", clean(title)).strip(" .:")


def _cell_values(sg: ScoreGrid) -> list[tuple[int, str, Row, Quantity]] | None:
    """(year, component, row, score) of every figure, row by row; None when any figure is not a score."""
    conventions = {c: convention_of(row[c] for _, row in sg.rows if c < len(row)) for c, _ in sg.components}
    out: list[tuple[int, str, Row, Quantity]] = []
    for year, row in sg.rows:
        for c, name in sg.components:
            if c >= len(row) or _EMPTY_SCORE.match(row[c].text):
                continue
            q = quantity(row[c], conventions[c])
            if not _is_score(q):
                return None
            out.append((year, name, row, q))
    return out


def score_table_records(ctx: TableContext, table: Table, grid: Sequence[Row] | None = None) -> list[IndicatorRecord]:
    """One multi_year record per (year, component) score of a score-by-year table; [] for any other table."""
    grid = list(table.header) + list(table.rows) if grid is None else grid
    sg = score_grid(grid)
    if sg is None:
        return []
    names = " ".join(name for _, name in sg.components)
    if not _SCORE_WORDS.search(f"{table.title} {table.context} {names}"):
        return []
    values = _cell_values(sg)
    if not values:
        return []
    sasaran = subject(table.title) or ctx.label
    log.debug("%s: %s read as a score table by year", ctx.source_file, table.table_id)
    records = []
    for year, name, row, q in values:
        records.append(IndicatorRecord(
            report_id=ctx.report_id, source_file=ctx.source_file, line=q.prov.line if q.prov else None,
            page=q.prov.page if q.prov else None, table_id=ctx.table_id, kind="multi_year", year=year,
            sasaran=sasaran, indikator=name, target=None, realisasi=q, capaian=None, raw=row_text(row),
        ))
    return records

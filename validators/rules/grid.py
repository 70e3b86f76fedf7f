"""A table read as numbers: every cell parsed with its column's number convention,
continuations of a table split over pages joined, header labels per column.
Shared by the table rules (sums, row totals, averages, weighted scores)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, Generic, TypeVar

import regex as re

from normalizers.labels import AVERAGE_LABEL
from normalizers.numbers import Hint, column_convention, may_hold_value, parse_number
from pipeline.model import Cell, Document, Provenance, Quantity, Table

SECTION_MARK = re.compile(r"^\s*(?:\d{1,2}\.)+\s*$")
ROW_NUMBER_CELL = re.compile(r"^\s*\d{1,2}[.)]?\s*$")
PERCENT_WORD = re.compile(r"%|persen", re.I)
LETTERS = re.compile(r"\p{L}{2,}")
DIGIT = re.compile(r"\d")

# a total row's label: the word itself and at most two more (`Jumlah Belanja`, `JUMLAH TOTAL`, `Sub Total`),
# not an item named by a count (`Jumlah Layanan Manajemen SDM`, `Jumlah Indikator`)
TOTAL_LABEL = re.compile(
    r"^\W*(?:grand\s*total|sub\s*-?\s*total|total|jumlah|jml\.?)\b(?!\s+(?:indikator|pegawai|layanan|kegiatan))"
    r"(?:\W+[\p{L}\d]+){0,2}\W*$", re.I)
ROW_MARK = re.compile(r"^\s*\d{1,2}[.)]\s*$")
PERCENT_HEADER = re.compile(r"%|persen|capaian|realisasi\s+anggaran\s*\(|rata|indeks|nilai|bobot|skor|ratio|rasio",
                            re.I)
YEAR = re.compile(r"^(?:19|20)\d\d$")
ROW_NUMBER = re.compile(r"^\s*(?:\d{1,2}|[IVX]{1,5}|[a-z])[.)]?\s*$")


T = TypeVar("T")


class _Once(Generic[T]):
    """A property computed on first use and kept in the instance (which then answers without calling
    it again): `functools.cached_property` without the lock it takes on every first use (Python < 3.12),
    a cost paid by every cell of every grid. Works on frozen dataclasses: it writes `__dict__` directly."""

    def __init__(self, func: Callable[[Any], T]):
        self.func = func
        self.name = func.__name__
        self.__doc__ = func.__doc__

    def __set_name__(self, owner: type, name: str) -> None:
        self.name = name

    def __get__(self, obj: Any, owner: type | None = None) -> T:
        if obj is None:
            return self  # type: ignore[return-value]
        value = obj.__dict__[self.name] = self.func(obj)
        return value


@dataclass(frozen=True)
class GridCell:
    """A cell read as a number with its column's `hint`. `q` is parsed on first use: label cells,
    which most rules only ask `number` of, are never parsed."""

    text: str
    prov: Provenance
    hint: Hint

    @_Once
    def q(self) -> Quantity:
        return parse_number(self.text, self.hint, self.prov)

    @_Once
    def number(self) -> bool:
        """A figure (not a year, not a row mark); computed once, cells are read many times."""
        if not may_hold_value(self.text):
            return False  # no digit, no `nihil`: its value is None whatever the hint
        text = self.text.strip()
        return not _is_year(text) and not _is_row_mark(text) and self.q.value is not None  # cheap tests first


@dataclass(frozen=True)
class Grid:
    table_ids: tuple[str, ...]
    title: str
    headers: tuple[str, ...]  # one label per column (header rows joined)
    rows: tuple[tuple[GridCell, ...], ...]
    line: int | None
    # row label by id(row), the row kept beside it so its id is never reused: rules ask it of a row often
    _labels: dict[int, tuple[tuple[GridCell, ...], str]] = field(default_factory=dict, compare=False, repr=False)

    @property
    def n_cols(self) -> int:
        return max((len(r) for r in self.rows), default=0)

    def label(self, row: tuple[GridCell, ...]) -> str:
        """The row's words: its non-numeric cells joined (worked out once per row)."""
        known = self._labels.get(id(row))
        if known is not None and known[0] is row:
            return known[1]
        text = row_label(row)
        self._labels[id(row)] = (row, text)
        return text

    def header(self, col: int) -> str:
        return self.headers[col] if col < len(self.headers) else ""


def _is_year(text: str) -> bool:
    """`YEAR.match(text)` for a stripped text, without the regex engine: 19xx or 20xx in decimal digits."""
    return len(text) == 4 and text[:2] in ("19", "20") and text[2:].isdecimal()


def _is_row_mark(text: str) -> bool:
    """`ROW_MARK.match(text)` for a stripped text, without the regex engine: one or two digits and `.` or `)`."""
    return 2 <= len(text) <= 3 and text[-1] in ".)" and text[:-1].isdecimal()


def row_label(row: tuple[GridCell, ...]) -> str:
    """A row's words: its non-numeric cells joined."""
    return " ".join(c.text.strip() for c in row if not c.number and c.text.strip()).strip()


def _header_labels(table: Table) -> tuple[str, ...]:
    width = max((len(r) for r in (*table.header, *table.rows)), default=0)
    labels = []
    for col in range(width):
        parts = [row[col].text.strip() for row in table.header if col < len(row) and row[col].text.strip()]
        labels.append(" ".join(parts))
    return tuple(labels)


def _is_percent_column(header: str, cells: list[Cell]) -> bool:
    marked = sum(1 for c in cells if "%" in c.text)
    numbered = sum(1 for c in cells if DIGIT.search(c.text))
    return bool(numbered and marked * 2 >= numbered) or bool(PERCENT_WORD.search(header))


def _parse_rows(rows: list[tuple[Cell, ...]], headers: tuple[str, ...]) -> tuple[tuple[GridCell, ...], ...]:
    width = max((len(r) for r in rows), default=0)
    out: list[list[GridCell]] = [[] for _ in rows]
    for col in range(width):
        cells = [r[col] for r in rows if col < len(r)]
        conv = column_convention(c.text for c in cells)
        pct = _is_percent_column(headers[col] if col < len(headers) else "", cells)
        hint = Hint(convention=conv, unit="percent" if pct else "", integer_expected=not pct)
        for i, r in enumerate(rows):
            if col < len(r):
                out[i].append(GridCell(r[col].text, r[col].prov, hint))
    return tuple(tuple(r) for r in out)


DASH_OR_EMPTY = re.compile(r"^\s*(?:[-–—]+|nihil|)\s*$", re.I)


@lru_cache(maxsize=16384)
def _is_label_text(text: str) -> bool:
    """A label cell's text: words, or a row mark (`1.`, `2.1.`), not a figure with its unit."""
    text = text.strip()
    if not text or DASH_OR_EMPTY.match(text):
        return False
    if SECTION_MARK.match(text):
        return True
    if LETTERS.search(text) is None:
        return False
    return not may_hold_value(text) or parse_number(text).value is None


def _texty(cell: Cell) -> bool:
    """A label cell: words, or a row mark (`1.`, `2.1.`), not a figure with its unit."""
    return _is_label_text(cell.text)


def _block_start(row: tuple[Cell, ...]) -> int:
    """Where a row's figures begin: after its last label cell."""
    return max((j + 1 for j, c in enumerate(row) if _texty(c)), default=0)


def realign(rows: list[tuple[Cell, ...]]) -> list[tuple[Cell, ...]]:
    """Ragged rows (a PDF row whose label spans two columns, a total row without its code) get their
    figures moved under the columns where the full-width rows have theirs, labels kept on the left."""
    if not rows:
        return rows
    width = max(len(r) for r in rows)
    if all(len(r) == width for r in rows):
        return rows  # nothing ragged: no row moves (checked before any cell is read)
    starts = [_block_start(r) for r in rows]
    full = [b for r, b in zip(rows, starts, strict=True) if len(r) == width]
    if len(full) < 2:
        return rows
    start = max(set(full), key=full.count)
    out = []
    for row, b in zip(rows, starts, strict=True):
        if len(row) == width or b > start or not row:
            out.append(row)
            continue
        pad = tuple(Cell("", row[0].prov) for _ in range(start - b))
        out.append((*row[:b], *pad, *row[b:]))
    return out


def grids(doc: Document) -> tuple[Grid, ...]:
    """Every table of the document as a Grid, continuations joined to the table they continue."""
    by_id = {t.table_id: t for t in doc.tables}
    chains: dict[str, list[Table]] = {}
    order: list[str] = []
    for t in doc.tables:
        root = t.table_id
        seen = {root}
        while by_id.get(root) is not None and by_id[root].continues and by_id[root].continues in by_id:
            root = by_id[root].continues  # type: ignore[assignment]
            if root in seen:
                break
            seen.add(root)
        if root not in chains:
            chains[root] = []
            order.append(root)
        chains[root].append(t)
    out = []
    for root in order:
        parts = chains[root]
        first = parts[0]
        headers = _header_labels(first)
        rows = realign([r for t in parts for r in t.rows])
        out.append(Grid(tuple(t.table_id for t in parts), first.title, headers, _parse_rows(rows, headers),
                        first.line))
    return tuple(out)


@lru_cache(maxsize=16384)
def _is_total_label(label: str) -> bool:
    return bool(label) and len(label) <= 60 and TOTAL_LABEL.match(label) is not None and not AVERAGE_LABEL.match(label)


@lru_cache(maxsize=16384)
def _is_average_label(label: str) -> bool:
    return bool(label) and len(label) <= 80 and AVERAGE_LABEL.match(label) is not None


def is_total_row(grid: Grid, row: tuple[GridCell, ...]) -> bool:
    """A JUMLAH / Total row: a short total label, and no row number of its own (`6 | Jumlah pedoman` is an item)."""
    if row and ROW_NUMBER_CELL.match(row[0].text):
        return False
    return _is_total_label(grid.label(row))


def is_average_row(grid: Grid, row: tuple[GridCell, ...]) -> bool:
    return _is_average_label(grid.label(row))


def row_line(row: tuple[GridCell, ...]) -> int | None:
    for c in row:
        if c.prov.line is not None:
            return c.prov.line
    return None


def number_line(row: tuple[GridCell, ...], col: int) -> int | None:
    if col < len(row) and row[col].prov.line is not None:
        return row[col].prov.line
    return row_line(row)

"""Quarterly realisation tables: kinerja (K) and rupiah (Rp) per quarter, rows nested program → kegiatan → sub.

    Program/Kegiatan | Indikator | Target (K | Rp) |   I    |   II   | III | IV | …
                     |           |                 | K | Rp | K | Rp | …
    2                | 3         | 6               | 7      | 8      | …          (column numbers, skipped)

The header is known by a row of quarter names (`I II III IV`, `TW I`, `Triwulan II`) over a row
of `K | Rp` pairs; the column-number row the form prints (`2 3 7 8 …`, not consecutive) is no
body row. Each K/Rp pair under a quarter gives, for every row that fills it, an indicator record
(the K as realisasi, period `TW I` …) and a budget record (the Rp as realisasi, kind
`by_program`). A K/Rp pair under a `Target …` heading is the year's target and anggaran (pagu),
under `Realisasi … s/d …` the year's realisation and under `Tingkat Capaian …` its capaian: these
give one more pair of records without a period.

Nesting (`parent_item`): the program of a kegiatan, the kegiatan of a sub-kegiatan. Read from the
rows' own codes where printed (`1.02.01.2.01`), else from the sums: within a program, a kegiatan
row is the sum of the sub-kegiatan rows under it in every quarter (see `hierarchy`). A row above
the first program that is the sum of the programs (the office line) is a total.

A table split over pages arrives as a first table with this header and header-less
continuations; `records` hands them over together so that the sums can run across the page break.
"""

from __future__ import annotations

import itertools
import logging
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

import regex as re

from interpret.cells import clean, dash_as_zero, is_figure, quantity, row_text
from interpret.columns import Row, join_wrapped_rows
from interpret.context import TableContext, single_year
from interpret.header_roles import header_role
from interpret.hierarchy import (
    Amounts,
    close_with_heads,
    code_of,
    heads_by_sums,
    is_nested_numbering,
    parents_by_numbering,
    sums_to,
)
from pipeline.model import BudgetRecord, Cell, IndicatorRecord, Quantity, Table

log = logging.getLogger(__name__)

MAX_HEADER_SCAN = 10  # rows from the top searched for the quarter and K/Rp rows
MAX_QUARTER_TO_UNITS = 4  # rows between the quarter row and the K/Rp row

_QUARTER = re.compile(r"^(?:(?:tw|triwulan|trw|tri)\.?\s*)?(IV|III|II|I)$|^(?:tw|triwulan|trw)\.?\s*([1-4])$", re.I)
_ROMAN = {"1": "I", "2": "II", "3": "III", "4": "IV"}
_PERIOD_ORDER = ("TW I", "TW II", "TW III", "TW IV")
_K = re.compile(r"^\(?\s*(?:k|kinerja|fisik)\s*\)?$", re.I)
_RP = re.compile(r"^\(?\s*(?:rp\.?|rupiah|keuangan)\s*\)?$", re.I)
_BARE_INT = re.compile(r"^\(?\d{1,2}\)?$")
_PROGRAM = re.compile(r"^\W*(?:[\d.]+\s*)?program\b", re.I)
_DASH = re.compile(r"^\s*[-–—]\s*$")

QUARTER, TARGET, YEAR_REALISASI, CAPAIAN = "quarter", "target", "realisasi", "capaian"


@dataclass(frozen=True)
class Pair:
    """One K/Rp column pair and what it holds: a quarter's realisation, the target, the year's realisation…"""

    kind: str
    period: str
    k_col: int | None
    rp_col: int | None


@dataclass(frozen=True)
class QuarterLayout:
    n_header: int
    pairs: tuple[Pair, ...]
    item_col: int
    indikator_col: int | None
    code_col: int | None
    year: int | None

    def of(self, kind: str) -> tuple[Pair, ...]:
        return tuple(p for p in self.pairs if p.kind == kind)


@dataclass(frozen=True)
class _Line:
    """A body row with what the nesting needs: table, item, code, amounts."""

    table_id: str
    row: Row
    item: str
    code: tuple[str, ...] | None
    amounts: Amounts


# --------------------------------------------------------------------------- header


def _texts(row: Row) -> list[tuple[int, str]]:
    return [(i, t) for i, c in enumerate(row) if (t := clean(c.text))]


def quarter_cells(row: Row) -> list[tuple[int, str]]:
    """`[(col, 'TW I'), …]` when the row names two quarters or more, in order, and holds no figure."""
    out = []
    for i, t in _texts(row):
        if is_figure(t):
            return []
        m = _QUARTER.match(t)
        if m is not None:
            out.append((i, "TW " + (m.group(1).upper() if m.group(1) else _ROMAN[m.group(2)])))
    periods = [p for _, p in out]
    return out if len(out) >= 2 and periods == sorted(periods, key=_PERIOD_ORDER.index) else []


def unit_cells(row: Row) -> list[tuple[int, str]]:
    """`[(col, 'K'), (col, 'Rp'), …]` when every filled cell is K or Rp (two K at least), else []."""
    out = []
    for i, t in _texts(row):
        if _K.match(t):
            out.append((i, "K"))
        elif _RP.match(t):
            out.append((i, "Rp"))
        else:
            return []
    return out if sum(u == "K" for _, u in out) >= 2 else []


def is_column_numbers(row: Row) -> bool:
    """`2 | 3 | 7 | 8 | … | 14`: bare increasing column numbers (not necessarily consecutive)."""
    texts = [t for _, t in _texts(row)]
    if len(texts) < 3 or not all(_BARE_INT.match(t) for t in texts):
        return False
    nums = [int(t.strip("()")) for t in texts]
    return all(a < b for a, b in itertools.pairwise(nums))


def _pairs_of(units: list[tuple[int, str]]) -> list[tuple[int | None, int | None]]:
    out: list[tuple[int | None, int | None]] = []
    for col, unit in units:
        if unit == "K":
            out.append((col, None))
        elif out and out[-1][1] is None:
            out[-1] = (out[-1][0], col)
        else:
            out.append((None, col))
    return out


def _covering(rows: Sequence[Row], col: int) -> str:
    """The nearest header text above `col`: in the lowest row first, the filled cell starting at or left of it."""
    for row in reversed(rows):
        left = [(i, t) for i, t in _texts(row) if i <= col]
        if left:
            return left[-1][1]
    return ""


def _pair_kind(text: str) -> str:
    role = header_role(text).role
    if role == "target":
        return TARGET
    if role in ("capaian", "pct"):
        return CAPAIAN
    if role == "realisasi":
        return YEAR_REALISASI
    return ""


def _classify_pairs(above: Sequence[Row], quarters: list[tuple[int, str]],
                    pairs: list[tuple[int | None, int | None]]) -> list[Pair]:
    out = []
    for k, rp in pairs:
        first = k if k is not None else rp
        last = rp if rp is not None else k
        assert first is not None and last is not None
        period = next((p for c, p in quarters if first - 1 <= c <= last), "")
        if period:
            out.append(Pair(QUARTER, period, k, rp))
            continue
        kind = _pair_kind(_covering([r for r in above if not is_column_numbers(r)], first))
        if kind:
            out.append(Pair(kind, "", k, rp))
    return out


def _text_columns(header: Sequence[Row], first_value: int) -> tuple[int, int | None, int | None]:
    """(item, indikator, code) columns left of the figures, by their header words."""
    roles: dict[int, str] = {}
    for row in header:
        for i, t in _texts(row):
            if i >= first_value:
                continue
            role = header_role(t).role
            if role in ("item", "indikator", "no") and i not in roles:
                roles[i] = role
            elif role == "" and t.lower().startswith("kode") and i not in roles:
                roles[i] = "no"
    item = next((i for i, r in sorted(roles.items()) if r == "item"), None)
    indikator = next((i for i, r in sorted(roles.items()) if r == "indikator"), None)
    code = next((i for i, r in sorted(roles.items()) if r == "no"), None)
    if item is None:
        item = next((i for i in range(first_value) if i not in (indikator, code)), 0)
    return item, indikator, code


def quarter_layout(grid: Sequence[Row]) -> QuarterLayout | None:
    """The layout of a quarterly K/Rp table from its top rows, or None when the grid is not one."""
    for qi, row in enumerate(grid[:MAX_HEADER_SCAN]):
        quarters = quarter_cells(row)
        if not quarters:
            continue
        for ui in range(qi + 1, min(qi + 1 + MAX_QUARTER_TO_UNITS, len(grid))):
            units = unit_cells(grid[ui])
            if not units:
                continue
            above = [r for r in grid[:ui] if r is not row]
            pairs = _classify_pairs(above, quarters, _pairs_of(units))
            if not any(p.kind == QUARTER for p in pairs):
                return None
            first_value = min(c for p in pairs for c in (p.k_col, p.rp_col) if c is not None)
            item, indikator, code = _text_columns(grid[:ui], first_value)
            year = single_year(" ".join(t for r in grid[:ui] for _, t in _texts(r)))
            return QuarterLayout(ui + 1, tuple(pairs), item, indikator, code, year)
        return None
    return None


# --------------------------------------------------------------------------- body


def _text(row: Row, col: int | None) -> str:
    return clean(row[col].text) if col is not None and col < len(row) else ""


def _cell(row: Row, col: int | None) -> Cell | None:
    if col is None or col >= len(row):
        return None
    cell = row[col]
    t = clean(cell.text)
    return cell if t and (is_figure(t) or _DASH.match(t)) else None


def _amount(row: Row, col: int | None) -> Decimal:
    cell = _cell(row, col)
    if cell is None or _DASH.match(cell.text):
        return Decimal(0)
    q = quantity(cell, None, "rupiah")
    return q.value if q.value is not None else Decimal(0)


def _line_of(table_id: str, row: Row, layout: QuarterLayout) -> _Line:
    item = _text(row, layout.item_col)
    code = code_of(_text(row, layout.code_col)) if layout.code_col is not None else None
    code = code or code_of(item)
    cols = [p.rp_col for p in layout.pairs if p.kind in (QUARTER, TARGET)]
    return _Line(table_id, row, item, code, tuple(_amount(row, c) for c in cols))


def body_lines(parts: Sequence[tuple[Table, int]], layout: QuarterLayout) -> list[_Line]:
    """Body rows of the table and its continuations (header rows and column numbers dropped)."""
    out: list[_Line] = []
    for table, skip in parts:
        grid = (table.header + table.rows)[skip:]
        rows = join_wrapped_rows(tuple(r for r in grid if not is_column_numbers(r) and not unit_cells(r)))
        for row in rows:
            line = _line_of(table.table_id, row, layout)
            if line.item or any(_cell(row, c) for p in layout.pairs for c in (p.k_col, p.rp_col)):
                out.append(line)
    return out


def _parents_by_sums(lines: Sequence[_Line]) -> tuple[list[str], list[bool]]:
    """parent_item and is_total per line, from the program rows and the sums under them."""
    n = len(lines)
    parents, totals = [""] * n, [False] * n
    programs = [i for i, ln in enumerate(lines) if _PROGRAM.match(ln.item)]
    bounds = [*programs, n]
    if programs:
        for i in range(programs[0]):
            totals[i] = sums_to(lines[i].amounts, [lines[p].amounts for p in programs])
    segments = [(p, bounds[k + 1]) for k, p in enumerate(programs)] or [(-1, n)]
    for head, end in segments:
        members = list(range(head + 1, end))
        owner = lines[head].item if head >= 0 else ""
        amounts = [lines[i].amounts for i in members]
        heads = heads_by_sums(amounts)
        if heads is not None and head >= 0:
            heads = close_with_heads(amounts, heads, lines[head].amounts)
        if heads is None:
            log.debug("quarterly: rows under %r do not balance as kegiatan and sub-kegiatan", owner[:60])
            for i in members:
                parents[i] = owner
            continue
        kegiatan = owner
        for i, is_head in zip(members, heads, strict=True):
            if is_head:
                parents[i], kegiatan = owner, lines[i].item
            else:
                parents[i] = kegiatan
    return parents, totals


def nesting(lines: Sequence[_Line]) -> tuple[list[str], list[bool]]:
    """parent_item and is_total per line: by the printed codes when they nest, else by the sums."""
    codes = [ln.code for ln in lines]
    if is_nested_numbering(codes):
        idx = parents_by_numbering(codes)
        return [lines[p].item if p is not None else "" for p in idx], [False] * len(lines)
    return _parents_by_sums(lines)


# --------------------------------------------------------------------------- records


def _q(row: Row, col: int | None, unit: str) -> Quantity | None:
    """The figure of a K or Rp cell; a dash under Rp is no money spent (zero), under K it is not given."""
    cell = _cell(row, col)
    if cell is None:
        return None
    if unit == "rupiah" and _DASH.match(cell.text):
        return dash_as_zero(cell)
    return quantity(cell, None, unit)


def _records_of(ctx: TableContext, layout: QuarterLayout, line: _Line, parent: str, total: bool
                ) -> tuple[list[IndicatorRecord], list[BudgetRecord]]:
    row = line.row
    indikator = _text(row, layout.indikator_col) or line.item
    target = next((_q(row, p.k_col, "") for p in layout.of(TARGET)), None)
    pagu = next((_q(row, p.rp_col, "rupiah") for p in layout.of(TARGET)), None)
    year = layout.year or ctx.year
    ind: list[IndicatorRecord] = []
    bud: list[BudgetRecord] = []

    def add(period: str, k: Quantity | None, rp: Quantity | None, capaian: Quantity | None = None,
            pct: Quantity | None = None) -> None:
        if k is not None or capaian is not None:
            where = k or capaian
            ind.append(IndicatorRecord(
                report_id=ctx.report_id, source_file=ctx.source_file, line=_line(where, row), page=_page(where, row),
                table_id=line.table_id, kind="measurement", year=year, sasaran=line.item, indikator=indikator,
                target=target, realisasi=k, capaian=capaian, raw=row_text(row), period=period))
        if rp is not None or pct is not None:
            where = rp or pct
            bud.append(BudgetRecord(
                report_id=ctx.report_id, source_file=ctx.source_file, line=_line(where, row), page=_page(where, row),
                table_id=line.table_id, kind="by_program", year=year, item=line.item, parent_item=parent,
                is_total=total, pagu=pagu, realisasi=rp, pct=pct, raw=row_text(row), period=period))

    for p in layout.of(QUARTER):
        add(p.period, _q(row, p.k_col, ""), _q(row, p.rp_col, "rupiah"))
    real = next(iter(layout.of(YEAR_REALISASI)), None)
    cap = next(iter(layout.of(CAPAIAN)), None)
    k = _q(row, real.k_col, "") if real else None
    rp = _q(row, real.rp_col, "rupiah") if real else None
    ck = _q(row, cap.k_col, "percent") if cap else None
    crp = _q(row, cap.rp_col, "percent") if cap else None
    if k or rp or ck or crp:
        add("", k, rp, ck, crp)
    elif not ind and target is not None:
        ind.append(IndicatorRecord(
            report_id=ctx.report_id, source_file=ctx.source_file, line=_line(target, row), page=_page(target, row),
            table_id=line.table_id, kind="target_only", year=year, sasaran=line.item, indikator=indikator,
            target=target, realisasi=None, capaian=None, raw=row_text(row)))
    return ind, bud


def _line(q: Quantity | None, row: Row) -> int | None:
    if q is not None and q.prov is not None and q.prov.line is not None:
        return q.prov.line
    return next((c.prov.line for c in row if c.prov.line is not None), None)


def _page(q: Quantity | None, row: Row) -> int | None:
    if q is not None and q.prov is not None and q.prov.page is not None:
        return q.prov.page
    return next((c.prov.page for c in row if c.prov.page is not None), None)


def quarterly_records(ctx: TableContext, layout: QuarterLayout, parts: Sequence[tuple[Table, int]]
                      ) -> tuple[list[IndicatorRecord], list[BudgetRecord]]:
    """Records of a quarterly table given as (table, header rows to skip) parts in page order."""
    lines = body_lines(parts, layout)
    parents, totals = nesting(lines)
    ind: list[IndicatorRecord] = []
    bud: list[BudgetRecord] = []
    for line, parent, total in zip(lines, parents, totals, strict=True):
        i, b = _records_of(ctx, layout, line, parent, total)
        ind += i
        bud += b
    log.debug("%s: quarterly table %s: %d rows, %d indicator and %d budget records",
              ctx.source_file, ctx.table_id, len(lines), len(ind), len(bud))
    return ind, bud

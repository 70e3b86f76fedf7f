"""Rule family 3 — sums inside tables.

* column totals: a JUMLAH / Total / Grand Total row against the item rows above it
  (the rows since the previous total, every item row, the subtotals, or the top-level
  rows of a hierarchy: any one reading that adds up is accepted);
* row totals: a JUMLAH column against the columns before it (L + P = JUMLAH), checked
  only where the relation holds on most rows of the table;
* totals written into a label (`Paspor total permohonan = 7.630`) against the rows they head;
* counts (`Jumlah Indikator 32`) against the numbered rows listed.

Parts are intervals of their printed precision, so a total of rounded parts has the
summed half-units as tolerance (XBRL Calculations 1.1).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import replace
from decimal import Decimal
from functools import lru_cache

import regex as re

from normalizers.numbers import ID, parse_token
from pipeline.model import Severity
from validators.rounding import fmt
from validators.rules.base import CellKey, Check, Constraint, Context, Figure, Issue, figure
from validators.rules.grid import (
    PERCENT_HEADER,
    ROW_NUMBER,
    Grid,
    GridCell,
    is_average_row,
    is_total_row,
    number_line,
)

NUMBER_HEADER = re.compile(r"^\W*(?:no|nomor|kode)\W*$", re.I)
TOTAL_HEADER = re.compile(r"^\W*(?:jumlah|total)\b", re.I)
NON_DIGIT = re.compile(r"\D")

Row = tuple[GridCell, ...]
LABEL_TOTAL = re.compile(r"\b(?:total|jumlah)\b[^=\d]{0,40}=\s*(\d[\d.,]*)", re.I)
COUNT_LABEL = re.compile(r"^\W*jumlah\s+(?:indikator|kegiatan|sasaran|program)\b", re.I)


def _cell(row: Row, col: int) -> GridCell | None:
    return row[col] if col < len(row) else None


def _page(row: Row, col: int) -> int | None:
    """The page of a row's cell (PDF), else of any of its cells."""
    c = _cell(row, col)
    if c is not None and c.prov.page is not None:
        return c.prov.page
    return next((x.prov.page for x in row if x.prov.page is not None), None)


@lru_cache(maxsize=4096)
def _unsummable_header(header: str) -> bool:
    """A header of percentages, indices or scores, or of row numbers (`No`): a pure function of the text,
    asked again for every total row of a table."""
    return bool(PERCENT_HEADER.search(header) or NUMBER_HEADER.match(header))


def _summable(grid: Grid, col: int, rows: Sequence[Row]) -> bool:
    """A column of amounts or counts: not percentages, indices, scores or the row numbers (`No`)."""
    if _unsummable_header(grid.header(col)):
        return False
    values = [c.q.value for r in rows if (c := _cell(r, col)) is not None and c.number]
    if len(values) >= 2 and all(v == i for i, v in enumerate(values, 1)):
        return False  # 1, 2, 3, …: a numbering column
    for row in rows:
        c = _cell(row, col)
        if c is not None and c.number and (c.q.unit in ("percent", "indeks") or "%" in c.text):
            return False
    return True


RUPIAH_SCALE = Decimal(1_000_000)  # an amount this large is rupiah, not a count or a percentage
PERCENT_SCALE = Decimal(1000)


def _percent_like(cell: GridCell) -> bool:
    """`8,39`, `13,72`, `45 %`: a percentage or a ratio, not an amount."""
    value = cell.q.value
    return value is not None and ("%" in cell.text or (cell.q.decimals > 0 and abs(value) < PERCENT_SCALE))


def mixed_column(grid: Grid, col: int) -> bool:
    """A column holding rupiah amounts and percent-like figures: cells of a percentage column read into an
    amount column (a table whose cells were placed by order, not position). Which of its figures are the
    items of a total is then unknown."""
    cells = [c for r in grid.rows if (c := _cell(r, col)) is not None and c.number]
    return any(c.q.value is not None and abs(c.q.value) >= RUPIAH_SCALE and not _percent_like(c) for c in cells) \
        and any(_percent_like(c) for c in cells)


def _figures(rows: Sequence[Row], col: int) -> list[Figure]:
    out = []
    for row in rows:
        c = _cell(row, col)
        if c is not None and c.number:
            out.append(figure(c.q, c.prov.line))
    return out


class ColumnFigures:
    """The Figure of each (row, column) of one grid, made once: a total row's readings (the rows since the
    last total, every item row, the subtotals, every suffix of a block) and the grid's other total rows
    read the same cells again and again."""

    def __init__(self) -> None:
        self._made: dict[tuple[int, int], Figure | None] = {}  # keyed by id(row): the grid keeps its rows

    def of(self, row: Row, col: int) -> Figure | None:
        key = (id(row), col)
        if key in self._made:
            return self._made[key]
        c = _cell(row, col)
        f = self._made[key] = figure(c.q, c.prov.line) if c is not None and c.number else None
        return f

    def reading(self, rows: Sequence[Row], col: int) -> list[Figure]:
        """`_figures(rows, col)` from the figures already made."""
        return [f for row in rows if (f := self.of(row, col)) is not None]


def _first_text(row: Row) -> str:
    return row[0].text.strip() if row else ""


def _candidates(grid: Grid, idx: int) -> list[list[Row]]:
    """The readings of which rows a total at `idx` adds up, most likely first."""
    rows = grid.rows
    last_total = max((j for j in range(idx) if is_total_row(grid, rows[j])), default=-1)
    since = [r for r in rows[last_total + 1:idx] if not is_average_row(grid, r)]
    items = [r for r in rows[:idx] if not is_total_row(grid, r) and not is_average_row(grid, r)]
    subtotals = [r for r in rows[:idx] if is_total_row(grid, r)]
    top = [r for r in since if _first_text(r)]
    sub = [r for r in since if not _first_text(r)]
    # a block at the end: the children of the last section header (`3.1.1 … 3.1.6` under `3.1`)
    suffixes = [since[k:] for k in range(1, len(since) - 1)]
    out = [since, items, subtotals, top, sub, *suffixes]
    return [c for c in out if c]


ITEM_NUMBER = re.compile(r"^(\d{1,2}(?:\.\d{1,2})+)\.?(?:\s|$)")


def _opens_mid_list(rows: Sequence[Row]) -> bool:
    """The rows open on a numbered sub-item after the first of its list (`3.1.2.` and no `3.1.1.`
    among them): the list began above the table (on a page not read with it), so a total under
    these rows is not theirs alone."""
    numbers = [m.group(1).split(".") for r in rows if (m := ITEM_NUMBER.match(_first_text(r)))]
    if not numbers:
        return False
    first = numbers[0]
    return int(first[-1]) > 1 and not any(n[:-1] == first[:-1] and int(n[-1]) < int(first[-1]) for n in numbers)


def _sum_issue(check: Check, grid: Grid, total: Figure, parts: list[Figure], line: int | None,
               label: str, severity: Severity, page: int | None = None) -> Issue:
    c = Constraint("sum", total, tuple(parts))
    expected = c.computed().mid
    shown = " + ".join(p.raw.strip() for p in parts[:12]) + (" + …" if len(parts) > 12 else "")
    return Issue(
        check.name, severity, line, f"{grid.title or 'table'}: {label}"[:160], total.raw.strip(),
        fmt(expected, total.decimals), f"{label}: {total.raw.strip()} stated, but {shown} = {fmt(expected)}",
        difference=fmt(total.value - expected, total.decimals), constraint=c, page=page,
        related_lines=tuple(sorted({p.key[0] for p in parts if p.key})),
    )


# a parent row is recognised by its children's sum up to this share of it: a few rupiah of rounding in a
# billion-rupiah program row (2.097.133.803 printed over kegiatan summing to 2.097.133.804) still makes it
# their parent; small figures (counts, percentages) get no slack
PARENT_SLACK = Decimal("1e-8")


def _slack(value: Decimal) -> Decimal:
    return abs(value) * PARENT_SLACK


def _same_amount(acc: Decimal, value: Decimal) -> bool:
    """The sum of a parent's rows equals it, up to its slack."""
    return abs(acc - value) <= _slack(value)


def _parent_spans(parts: list[Figure]) -> list[tuple[int, int]]:
    """(i, j): the row i equals, up to its slack, the sum of the rows i+1 .. j-1 right after it."""
    spans: list[tuple[int, int]] = []
    i = 0
    while i < len(parts):
        acc = Decimal(0)
        j = i + 1
        while j < len(parts) and acc < parts[i].value - _slack(parts[i].value):
            acc += parts[j].value
            j += 1
        if j > i + 1 and _same_amount(acc, parts[i].value) and parts[i].value != 0:
            spans.append((i, j))
            i = j
        else:
            i += 1
    return spans


def rounded_parents(parts: list[Figure]) -> list[tuple[Figure, list[Figure]]]:
    """The parents recognised within their slack whose rows do not sum to them exactly: (parent, rows)."""
    out = []
    for i, j in _parent_spans(parts):
        children = parts[i + 1 : j]
        if sum((c.value for c in children), Decimal(0)) != parts[i].value:
            out.append((parts[i], children))
    return out


def _hierarchy_readings(parts: list[Figure]) -> list[list[Figure]]:
    """Where a row equals the sum of the rows right after it (a program and its kegiatan),
    the readings without the children and without the parents."""
    spans = _parent_spans(parts)
    parents = {i for i, _ in spans}
    children = {k for i, j in spans for k in range(i + 1, j)}
    after = _subtotals_after(parts)
    if not parents:
        return after
    tops = [p for k, p in enumerate(parts) if k not in children]
    leaves = [p for k, p in enumerate(parts) if k not in parents]
    return [tops, leaves, *after]


def _subtotals_after(parts: list[Figure]) -> list[list[Figure]]:
    """Where a row equals the sum of the rows right before it, back to the previous such row (the `Jumlah`
    of a sasaran printed under its items, its label lost), the reading without those items."""
    children: set[int] = set()
    start = 0
    for i, part in enumerate(parts):
        if part.value == 0:
            continue
        acc = Decimal(0)
        for k in range(i - 1, start - 1, -1):
            acc += parts[k].value
            if acc == part.value:
                children.update(range(k, i))
                start = i + 1
                break
    if not children:
        return []
    return [[p for k, p in enumerate(parts) if k not in children]]


def _impossible(total: Figure, parts: list[Figure]) -> bool:
    """Non-negative items of which one alone reaches the total while others add more: no item/total relation.

    Whatever the signs, an item that repeats the total while the others do not cancel out is the total
    printed again among the rows (a parent row carrying it, a line read into the wrong row), not an item."""
    if total.value != 0:
        repeats = [k for k, p in enumerate(parts) if p.value == total.value]
        if repeats and sum((p.value for k, p in enumerate(parts) if k != repeats[0]), Decimal(0)) != 0:
            return True
    if total.value < 0 or any(p.value < 0 for p in parts):
        return False
    biggest = max(p.value for p in parts)
    rest = sum((p.value for p in parts), Decimal(0)) - biggest
    return biggest > total.value or (biggest == total.value and rest > 0)


def check_column_totals(ctx: Context, check: Check) -> Iterator[Issue]:
    for grid in ctx.grids:
        figures = ColumnFigures()
        seen: set[CellKey | None] = set()
        for idx, row in enumerate(grid.rows):
            if not is_total_row(grid, row):
                continue
            yield from _check_total_row(ctx, check, grid, idx, row, figures, seen)


def _parent_issues(check: Check, grid: Grid, rows: Sequence[Row], col: int, figures: ColumnFigures,
                   seen: set[CellKey | None]) -> list[Issue]:
    """A total that holds over the top rows of a hierarchy whose parent rows were recognised within their
    slack: each such parent, a few rupiah off the rows under it, is reported on its own line."""
    placed = [(r, f) for r in rows if (f := figures.of(r, col)) is not None]
    found = []
    for parent, children in rounded_parents([f for _, f in placed]):
        if parent.key in seen:
            continue
        seen.add(parent.key)
        prow = next(r for r, f in placed if f is parent)
        found.append(_sum_issue(check, grid, parent, children, number_line(prow, col),
                                grid.label(prow) or "parent row", check.severity, _page(prow, col)))
    return found


def _check_total_row(ctx: Context, check: Check, grid: Grid, idx: int, row: Row, figures: ColumnFigures,
                     seen: set[CellKey | None]) -> Iterator[Issue]:
    candidates = _candidates(grid, idx)
    if not candidates or _opens_mid_list(grid.rows[:idx]):
        return
    failures: list[Issue] = []
    parents: list[Issue] = []
    checked = 0
    for col, cell in enumerate(row):
        if not cell.number or not _summable(grid, col, [*candidates[0], row]):
            continue
        total = figure(cell.q, cell.prov.line)
        readings = [figures.reading(rows, col) for rows in candidates]
        readings = [r for r in readings if r]
        if not readings or (len(readings[0]) < 2 and len(readings) == 1):
            continue
        checked += 1
        hierarchy = _hierarchy_readings(readings[0])
        readings += hierarchy
        holding = next((r for r in readings if Constraint("sum", total, tuple(r)).holds()), None)
        if holding is not None:
            ctx.holding.append(Constraint("sum", total, tuple(holding)))
            if holding is not readings[0]:
                parents += _parent_issues(check, grid, candidates[0], col, figures, seen)
            continue
        parts = hierarchy[0] if hierarchy else readings[0]  # report the sum of the top level of a hierarchy
        if len(parts) < 2 or _impossible(total, parts):
            continue  # an item larger than its total: not an item/total structure (a misread table)
        # a column mixing amounts and percentages was misread: its failure is no evidence of a wrong figure
        severity = Severity.WARNING if mixed_column(grid, col) else check.severity
        failures.append(_sum_issue(check, grid, total, parts, number_line(row, col), grid.label(row) or "total",
                                   severity, cell.prov.page))
    if failures and checked >= 3 and len(failures) == checked:
        # every column fails: the rows were probably read wrongly, not summed wrongly
        failures = [replace(f, severity=Severity.WARNING) for f in failures]
    yield from failures
    yield from parents


def check_row_totals(ctx: Context, check: Check) -> Iterator[Issue]:
    for grid in ctx.grids:
        for tcol in range(1, len(grid.headers)):
            if not TOTAL_HEADER.match(grid.header(tcol)):
                continue
            prev = max((j for j in range(tcol) if TOTAL_HEADER.match(grid.header(j))),
                       default=-1)
            cols = [j for j in range(prev + 1, tcol) if _summable(grid, j, grid.rows)]
            yield from _check_row_total_column(ctx, check, grid, tcol, cols)


def _check_row_total_column(ctx: Context, check: Check, grid: Grid, tcol: int, cols: list[int]) -> Iterator[Issue]:
    results: list[tuple[Constraint, Row, bool]] = []
    for row in grid.rows:
        tc = _cell(row, tcol)
        parts = [c for j in cols if (c := _cell(row, j)) is not None and c.number]
        if tc is None or not tc.number or len(parts) < 2:
            continue
        total = figure(tc.q, tc.prov.line)
        constraint = Constraint("sum", total, tuple(figure(c.q, c.prov.line) for c in parts))
        results.append((constraint, row, constraint.holds()))
    good = sum(1 for _, _, ok in results if ok)
    if good < 2 or good * 3 < len(results) * 2:
        return  # the relation is not established by the table itself
    for constraint, row, ok in results:
        if ok:
            ctx.holding.append(constraint)
            continue
        total = constraint.result
        yield _sum_issue(check, grid, total, list(constraint.operands), total.key[0] if total.key else None,
                         f"row total ({grid.label(row)[:60]})", check.severity, _page(row, tcol))


def check_label_totals(ctx: Context, check: Check) -> Iterator[Issue]:
    """`Paspor total permohonan = 7.630` heading rows whose numbers should add up to it."""
    for grid in ctx.grids:
        for idx, row in enumerate(grid.rows):
            m = next((LABEL_TOTAL.search(c.text) for c in row
                      if "=" in c.text and not c.number and LABEL_TOTAL.search(c.text)), None)  # `=` first: cheap
            if m is None:
                continue
            parsed = parse_token(m.group(1), ID)  # a count: a lone separator groups thousands
            if parsed is None:
                continue
            value, decimals = parsed
            group = [row]
            for nxt in grid.rows[idx + 1:]:
                if _first_text(nxt) or is_total_row(grid, nxt):
                    break
                group.append(nxt)
            col = max((j for j, c in enumerate(row) if c.number), default=None)
            if col is None or len(group) < 2:
                continue
            parts = _figures(group, col)
            line = row[0].prov.line if row else None
            total = Figure(value, decimals, decimals == 0, (line, NON_DIGIT.sub("", m.group(1))) if line else None,
                           m.group(1))
            constraint = Constraint("sum", total, tuple(parts))
            if constraint.holds():
                ctx.holding.append(constraint)
                continue
            yield _sum_issue(check, grid, total, parts, line, m.group(0).split("=")[0].strip(), check.severity,
                             row[0].prov.page if row else None)


def check_counts(ctx: Context, check: Check) -> Iterator[Issue]:
    """`Jumlah Indikator 32` against the numbered rows listed above it."""
    for grid in ctx.grids:
        start = 0
        for idx, row in enumerate(grid.rows):
            label = grid.label(row)
            if not COUNT_LABEL.match(label):
                if is_total_row(grid, row):
                    start = idx + 1
                continue
            nums = [c for c in row if c.number and c.q.decimals == 0 and "%" not in c.text]
            if not nums:
                continue
            claimed = nums[0]
            listed = list(grid.rows[start:idx])
            numbered = [r for r in listed if r and ROW_NUMBER.match(r[0].text) and r[0].text.strip()]
            start = idx + 1
            if not numbered or len(numbered) != len(listed):
                continue  # some rows are not numbered: what the count counts is not certain
            seq = [parse_token(r[0].text.strip().rstrip(".)")) for r in numbered]
            values = [int(s[0]) for s in seq if s is not None]
            if len(values) != len(numbered) or values != list(range(1, len(values) + 1)):
                continue
            if Decimal(len(values)) == claimed.q.value:
                continue
            yield Issue(check.name, check.severity, claimed.prov.line, f"{grid.title or 'table'}: {label}"[:160],
                        claimed.text.strip(), str(len(values)),
                        f"{label} {claimed.text.strip()} stated, but the table lists {len(values)} numbered rows",
                        difference=fmt(claimed.q.value - len(values)), page=claimed.prov.page)

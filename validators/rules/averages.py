"""Rule family 4 — averages: a `Rata-rata capaian` row against the rows it averages (the
rows since the previous total, the rows of its sasaran group, or every item row), and a
prose `rata-rata capaian … sebesar A %, dengan rincian sebagai berikut:` against the
capaian listed after it (the mean of all, or the mean of the per-item means)."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from decimal import Decimal

import regex as re

from normalizers.numbers import NumberMatch, find_numbers
from pipeline.model import Severity, Statement
from validators.rounding import Interval, Verdict, fmt, judge, stated_interval
from validators.rules.base import Check, Context, Issue
from validators.rules.grid import Grid, GridCell, is_average_row, is_total_row

LIST_FOLLOWS = re.compile(r"berikut|:\s*$")

Row = tuple[GridCell, ...]
AVERAGE_CLAIM = re.compile(r"rata\s*-?\s*rata[^.%]{0,80}?sebesar\s*$", re.I)
CAPAIAN_BEFORE = re.compile(r"capaian(?:nya)?\s*(?:kinerja\s*)?(?:sebesar|adalah|yaitu)?\s*\[?\s*$", re.I)
LIST_ITEM = re.compile(r"^\s*(?:\d{1,2}|[a-z])[.)]\s")


def mean_interval(values: Sequence[Interval]) -> Interval:
    total = Interval.exact(Decimal(0))
    for v in values:
        total = total + v
    n = Decimal(len(values))
    return Interval(total.lo / n, total.hi / n, total.mid / n)


def _col_values(rows: Sequence[Row], col: int) -> list[Interval]:
    out = []
    for r in rows:
        if col < len(r) and r[col].number and r[col].q.value is not None:
            out.append(stated_interval(r[col].q.value, r[col].q.decimals))
    return out


def _groups(grid: Grid, idx: int) -> list[list[Row]]:
    rows = grid.rows
    last = max((j for j in range(idx) if is_total_row(grid, rows[j]) or is_average_row(grid, rows[j])), default=-1)
    since = list(rows[last + 1:idx])
    head = max((j for j, r in enumerate(since) if r and r[0].text.strip()), default=0)
    items = [r for r in rows[:idx] if not is_total_row(grid, r) and not is_average_row(grid, r)]
    return [g for g in (since, since[head:], items) if g]


def check_average_rows(ctx: Context, check: Check) -> Iterator[Issue]:
    for grid in ctx.grids:
        for idx, row in enumerate(grid.rows):
            if not is_average_row(grid, row):
                continue
            for col, cell in enumerate(row):
                if not cell.number or cell.q.value is None:
                    continue
                readings = [v for g in _groups(grid, idx) if len(v := _col_values(g, col)) >= 2]
                if not readings:
                    continue
                verdicts = [judge(cell.q.value, cell.q.decimals, mean_interval(v), extra_tolerance=check.tolerance)
                            for v in readings]
                if Verdict.OK in verdicts or Verdict.TRUNCATED in verdicts:
                    continue
                expected = mean_interval(readings[0]).mid
                yield Issue(check.name, check.severity, cell.prov.line, f"{grid.title or 'table'}: {grid.label(row)}"
                            [:160], cell.text.strip(), fmt(expected, max(cell.q.decimals, 2)),
                            f"{grid.label(row)}: {cell.text.strip()} stated, but the mean of the "
                            f"{len(readings[0])} values above is {fmt(expected, 4)}",
                            difference=fmt(cell.q.value - expected, max(cell.q.decimals, 2)), page=cell.prov.page)


def _percents(st: Statement) -> list[NumberMatch]:
    return [m for m in find_numbers(st.text) if m.unit == "percent" and m.value is not None]


def check_prose_averages(ctx: Context, check: Check) -> Iterator[Issue]:
    statements = ctx.report.document.statements
    for i, st in enumerate(statements):
        for m in _percents(st):
            if not AVERAGE_CLAIM.search(st.text[:m.start]) or m.value is None:
                continue
            if not LIST_FOLLOWS.search(st.text[m.end:]):
                continue  # the items are listed after the claim only when it says so
            groups = _listed(statements, i)
            if len(groups) < 2:
                continue
            flat = [v for g in groups for v in g]
            readings = [flat, [mean_interval(g) for g in groups]]
            verdicts = [judge(m.value, m.decimals, mean_interval(r)) for r in readings]
            if Verdict.MISMATCH not in verdicts or Verdict.OK in verdicts:
                continue
            expected = mean_interval(flat).mid
            yield Issue(check.name, Severity.WARNING, st.prov.line, st.text[:120].strip(), m.raw,
                        fmt(expected, 2), f"average {m.raw} stated, but the {len(flat)} capaian listed after it "
                        f"average {fmt(expected, 2)} (per item {fmt(mean_interval(readings[1]).mid, 2)})",
                        difference=fmt(m.value - expected, 2), page=st.prov.page)


def _listed(statements: Sequence[Statement], i: int) -> list[list[Interval]]:
    """The capaian of the numbered items right after statement i, one list per item."""
    groups: list[list[Interval]] = []
    start = statements[i].prov.line or 0
    for st in statements[i + 1:i + 12]:
        if st.prov.line is not None and st.prov.line - start > 30:
            break
        values = [stated_interval(m.value, m.decimals) for m in _percents(st)
                  if m.value is not None and CAPAIAN_BEFORE.search(st.text[:m.start])]
        if LIST_ITEM.match(st.text):
            groups.append(values)
        elif groups and values:
            groups[-1].extend(values)
        elif groups:
            break
    return [g for g in groups if g]

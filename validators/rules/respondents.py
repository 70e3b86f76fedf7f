"""Rule family 1 (capaian) — a mean over zero respondents.

A survey table reports, per period (month, quarter), a score per element and an index, with
the number of respondents of that period in a row or column of its own (`Responden`). Where a
period has 0 respondents, a score printed for it (`0,00`) is a mean over nobody: an undefined
ratio, not a score of zero.

The table may come as a grid (respondents a column: the period's row; respondents a row: the
period's column) or, from layouts that lose the grid, as one sentence per row (`Responden 12 31
0 …`) beside a grid or sentences holding the scores. Every shape is read as a `Series`: a label
and the figures of one row or column, in order.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from decimal import Decimal
from itertools import pairwise

import regex as re

from normalizers.numbers import find_numbers
from pipeline.model import Statement
from validators.rules.base import Check, Context, Issue
from validators.rules.grid import Grid

RESPONDENTS = re.compile(r"^\W*(?:jumlah\s+|jml\.?\s+)?responden\b", re.I)
GAP = re.compile(r"^\s*$")
MIN_PERIODS = 3
NEAR_LINES = 120  # how far before the respondents (in lines) the scores they weigh may end


@dataclass(frozen=True)
class Point:
    value: Decimal | None
    decimals: int
    raw: str
    line: int | None
    page: int | None = None


@dataclass(frozen=True)
class Series:
    """The figures of one row or column of a table (or of one sentence that is a table row)."""

    label: str
    points: tuple[Point, ...]
    first: int
    last: int

    @property
    def scores(self) -> bool:
        """Means, not counts: some figure is printed with decimals."""
        return any(p.decimals > 0 for p in self.points if p.value is not None)


def _grid_series(grid: Grid) -> Iterator[Series]:
    """Every column (labelled by its header) and every row (labelled by its words) of a grid."""
    for col in range(grid.n_cols):
        cells = [r[col] for r in grid.rows if col < len(r) and r[col].number]
        if len(cells) >= MIN_PERIODS:
            pts = tuple(Point(c.q.value, c.q.decimals, c.text.strip(), c.prov.line, c.prov.page) for c in cells)
            yield _series(grid.header(col), pts)
    for row in grid.rows:
        cells = [c for c in row if c.number]
        if len(cells) >= MIN_PERIODS:
            pts = tuple(Point(c.q.value, c.q.decimals, c.text.strip(), c.prov.line, c.prov.page) for c in cells)
            yield _series(grid.label(row), pts)


def statement_series(st: Statement) -> Series | None:
    """A sentence that is a table row: a label, then figures separated by nothing but spaces."""
    figs = [m for m in find_numbers(st.text) if not m.is_year]
    if len(figs) < MIN_PERIODS or any(m.value is None for m in figs):
        return None
    if any(not GAP.match(st.text[a.end:b.start]) for a, b in pairwise(figs)):
        return None
    line, page = st.prov.line, st.prov.page
    pts = tuple(Point(m.value, m.decimals, m.raw.strip(), line, page) for m in figs)
    return _series(st.text[:figs[0].start], pts)


def _series(label: str, points: tuple[Point, ...]) -> Series:
    lines = [p.line for p in points if p.line is not None] or [0]
    return Series(label.strip(), points, min(lines), max(lines))


def zero_periods(resp: Series) -> list[int]:
    """The periods with 0 respondents, where the series is a count of respondents (whole, some > 0)."""
    values = [p.value for p in resp.points]
    if not RESPONDENTS.match(resp.label) or any(v is None or v != v.to_integral_value() or v < 0 for v in values):
        return []
    if not any(values):
        return []
    return [i for i, v in enumerate(values) if v == 0]


def scores_beside(resp: Series, series: Sequence[Series]) -> Series | None:
    """The score series the respondents weigh: as many periods, means, ending nearest before (or beside) them."""
    near = [s for s in series if s is not resp and len(s.points) == len(resp.points) and s.scores
            and not RESPONDENTS.match(s.label) and resp.first - NEAR_LINES <= s.last <= resp.last]
    return max(near, key=lambda s: (s.last, s.first), default=None)


def _has_respondents(ctx: Context) -> bool:
    """Cheap pre-test: some header, row label or sentence opens with `Responden`."""
    if any(RESPONDENTS.match(st.text) for st in ctx.report.document.statements):
        return True
    return any(RESPONDENTS.match(h) for g in ctx.grids for h in g.headers) or \
        any(RESPONDENTS.match(g.label(r)) for g in ctx.grids for r in g.rows)


def check_zero_respondents(ctx: Context, check: Check) -> Iterator[Issue]:
    if not _has_respondents(ctx):
        return
    series = [s for g in ctx.grids for s in _grid_series(g)]
    series += [s for st in ctx.report.document.statements if (s := statement_series(st)) is not None]
    for resp in series:
        for i in zero_periods(resp):
            scores = scores_beside(resp, series)
            if scores is None or scores.points[i].value is None:
                continue
            p, r = scores.points[i], resp.points[i]
            subject = f"{scores.label or 'score'} over {resp.label}"[:160]
            yield Issue(check.name, check.severity, p.line, subject, p.raw, "undefined (0 respondents)",
                        f"{p.raw} is printed for a period with {r.raw} respondents (line {r.line}): a mean over "
                        "zero respondents is undefined, not a score", page=p.page,
                        related_lines=tuple(x for x in (r.line,) if x is not None))

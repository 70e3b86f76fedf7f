"""Rule family 7 (prose claims) — `meningkat dari tahun ke tahun` against the series it describes.

A sentence claiming a steady rise (or fall) over the years describes the multi-year table shown
just before it: a year column and, beside it, the column whose name the sentence uses (`jumlah
layanan keimigrasian` → `Layanan Keimigrasian yang diterima`). A year in which that column moves
the other way contradicts the claim. Which column is meant is a reading, so the finding is a warning.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from decimal import Decimal
from itertools import pairwise

import regex as re

from pipeline.model import Statement
from validators.rules.base import Check, Context, Issue
from validators.rules.grid import Grid, GridCell

RISE = re.compile(r"(?:peningkatan|meningkat|kenaikan|naik|bertambah)\w*\s+(?:secara\s+\w+\s+)?"
                  r"(?:dari\s+tahun\s+ke\s+tahun|setiap\s+tahun|tiap\s+tahun)|(?:terus|selalu)\s+(?:me)?ningkat", re.I)
FALL = re.compile(r"(?:penurunan|menurun|turun|berkurang)\w*\s+(?:secara\s+\w+\s+)?"
                  r"(?:dari\s+tahun\s+ke\s+tahun|setiap\s+tahun|tiap\s+tahun)|(?:terus|selalu)\s+(?:me)?nurun", re.I)
YEAR_CELL = re.compile(r"^\s*((?:19|20)\d\d)\s*$")
WORD = re.compile(r"\p{L}{4,}")
BEFORE = 40  # lines between the table and the sentence describing it
MIN_YEARS = 3
COMMON = frozenset({"jumlah", "tahun", "yang", "dengan", "pada", "dari", "data", "total", "nilai"})


@dataclass(frozen=True)
class Point:
    year: int
    cell: GridCell

    @property
    def value(self) -> Decimal:
        assert self.cell.q.value is not None
        return self.cell.q.value


# a word every claim of RISE or FALL holds (same engine and flags): a sentence without one is passed at once
CLAIM_WORD = re.compile(r"tahun|terus|selalu", re.I)


def claimed_direction(text: str) -> int:
    """+1 for a claimed rise year after year, -1 for a fall, 0 for neither (or both)."""
    if CLAIM_WORD.search(text) is None:
        return 0
    rise, fall = RISE.search(text) is not None, FALL.search(text) is not None
    return 0 if rise == fall else (1 if rise else -1)


def _words(text: str) -> set[str]:
    return {w.lower() for w in WORD.findall(text)} - COMMON


def year_series(grid: Grid, text: str) -> list[Point]:
    """The series of the column the sentence names, by year (rows opening with a year)."""
    rows = [(int(m.group(1)), r) for r in grid.rows if r and (m := YEAR_CELL.match(r[0].text))]
    if len(rows) < MIN_YEARS:
        return []
    words = _words(text)
    scored = []
    for col in range(1, grid.n_cols):
        overlap = len(words & _words(grid.header(col)))
        cells = [(y, r[col]) for y, r in rows if col < len(r) and r[col].number and r[col].q.value is not None]
        if overlap and len(cells) == len(rows) and not any("%" in c.text for _, c in cells):
            scored.append((overlap, -col, [Point(y, c) for y, c in cells]))
    if not scored:
        return []
    return max(scored, key=lambda s: (s[0], s[1]))[2]


def against(series: Sequence[Point], direction: int) -> list[tuple[Point, Point]]:
    """Consecutive years moving against the claimed direction."""
    ordered = sorted(series, key=lambda p: p.year)
    return [(a, b) for a, b in pairwise(ordered) if (b.value - a.value) * direction < 0]


def described_series(grids: Sequence[Grid], line: int, text: str) -> tuple[Grid, list[Point]] | None:
    """The nearest table before `line` (within BEFORE lines) holding a year series of the column the
    sentence names; tables in between without one (a comparison with the national standard) are passed."""
    before = sorted((g for g in grids if g.rows and g.line is not None and line - BEFORE <= g.line < line),
                    key=lambda g: g.line or 0, reverse=True)
    for grid in before:
        series = year_series(grid, text)
        if series:
            return grid, series
    return None


def check_trend_claims(ctx: Context, check: Check) -> Iterator[Issue]:
    grids = ctx.grids
    for st in ctx.report.document.statements:
        yield from _check(st, grids, check)


def _check(st: Statement, grids: Sequence[Grid], check: Check) -> Iterator[Issue]:
    direction = claimed_direction(st.text)
    if not direction or st.prov.line is None:
        return
    found = described_series(grids, st.prov.line, st.text)
    if found is None:
        return
    grid, series = found
    wrong = against(series, direction)
    if not wrong:
        return
    moves = "; ".join(f"{a.year} {a.cell.text.strip()} → {b.year} {b.cell.text.strip()}" for a, b in wrong)
    claim = "rise" if direction > 0 else "fall"
    lines = tuple(sorted({x for a, b in wrong for x in (a.cell.prov.line, b.cell.prov.line) if x is not None}))
    yield Issue(check.name, check.severity, st.prov.line, st.text[:160], f"a {claim} every year", moves,
                f"the text claims a {claim} year after year, but the table before it (line {grid.line}) moves the "
                f"other way: {moves}", page=st.prov.page, related_lines=lines)

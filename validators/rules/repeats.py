"""Rule family 8 (cross-references) — one row of figures printed in two tables.

A report often prints the same row twice: an application's score table copied in full, then
again as a small summary table (`Tabel III.28 Nilai Kinerja Pelaksanaan Anggaran`). Two rows of
different tables that give the same figure under the same column name in several columns are
one row; a column where they then differ states one quantity twice with two values.

Rows are matched through an index of their figures (value → rows holding it), so only rows that
share figures are ever compared; columns are matched by name (one header's words within the other's).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from decimal import Decimal

import regex as re

from validators.rounding import fmt
from validators.rules.base import Check, Context, Issue
from validators.rules.grid import Grid, GridCell

WORD = re.compile(r"[\p{L}\d]+")
YEAR = re.compile(r"\b(?:19|20)\d\d\b")
MIN_AGREE = 3  # distinct figures two rows must share, column by column, to be one row
MAX_POSTING = 40  # a figure held by more rows than this (0, 100) is no evidence of a shared row


@dataclass(frozen=True)
class Row:
    """A table row as named figures: column name words → cell."""

    grid: int
    title: str
    cells: tuple[tuple[frozenset[str], GridCell], ...]


def _words(text: str) -> frozenset[str]:
    return frozenset(w.lower() for w in WORD.findall(text))


def _rows(grids: Sequence[Grid]) -> list[Row]:
    out = []
    for gi, g in enumerate(grids):
        names = [_words(g.header(c)) for c in range(g.n_cols)]
        for r in g.rows:
            cells = tuple((names[c], cell) for c, cell in enumerate(r) if cell.number and names[c])
            if len(cells) >= MIN_AGREE + 1:
                out.append(Row(gi, g.title, cells))
    return out


def _same_name(a: frozenset[str], b: frozenset[str]) -> bool:
    return bool(a) and bool(b) and (a <= b or b <= a)


def _equal(a: GridCell, b: GridCell) -> bool | None:
    """Equal at the coarser printed precision; None when either is no figure."""
    if a.q.value is None or b.q.value is None:
        return None
    places = Decimal(1).scaleb(-min(a.q.decimals, b.q.decimals))
    return a.q.value.quantize(places) == b.q.value.quantize(places)


def _years(title: str) -> frozenset[str]:
    return frozenset(YEAR.findall(title))


def compare(a: Row, b: Row) -> tuple[list[Decimal], list[tuple[GridCell, GridCell]]]:
    """The figures two rows share column by column, and the columns where they differ."""
    agree: list[Decimal] = []
    differ: list[tuple[GridCell, GridCell]] = []
    for name_a, ca in a.cells:
        match = [cb for name_b, cb in b.cells if _same_name(name_a, name_b)]
        if len(match) != 1:
            continue  # no column of that name, or an ambiguous one
        same = _equal(ca, match[0])
        if same is True and ca.q.value is not None:
            agree.append(ca.q.value)
        elif same is False:
            differ.append((ca, match[0]))
    return agree, differ


def _candidates(rows: Sequence[Row]) -> Iterator[tuple[Row, Row]]:
    """Pairs of rows of different tables that share at least MIN_AGREE figures (by an index of values)."""
    index: dict[Decimal, list[int]] = defaultdict(list)
    for i, r in enumerate(rows):
        for v in {c.q.value for _, c in r.cells if c.q.value is not None}:
            index[v].append(i)
    for i, r in enumerate(rows):
        shared: Counter[int] = Counter()
        for v in {c.q.value for _, c in r.cells if c.q.value is not None}:
            posting = index[v]
            if len(posting) <= MAX_POSTING:
                shared.update(j for j in posting if j > i and rows[j].grid != r.grid)
        for j, n in sorted(shared.items()):
            if n >= MIN_AGREE:
                yield r, rows[j]


def check_repeated_rows(ctx: Context, check: Check) -> Iterator[Issue]:
    rows = _rows(ctx.grids)
    for a, b in _candidates(rows):
        ya, yb = _years(a.title), _years(b.title)
        if ya and yb and not ya & yb:
            continue  # tables of different years
        agree, differ = compare(a, b)
        if len(set(agree)) < MIN_AGREE or len(differ) != 1:
            continue
        first, later = differ[0]
        if (first.prov.line or 0) > (later.prov.line or 0):
            first, later = later, first
        yield Issue(check.name, check.severity, later.prov.line, (b.title or a.title or "table row")[:160],
                    later.text.strip(), first.text.strip(),
                    f"{later.text.strip()} here but {first.text.strip()} in the same row of another table "
                    f"(line {first.prov.line}), whose other {len(agree)} figures agree",
                    difference=_diff(later, first), page=later.prov.page,
                    related_lines=tuple(x for x in (first.prov.line,) if x is not None))


def _diff(a: GridCell, b: GridCell) -> str:
    if a.q.value is None or b.q.value is None:
        return ""
    return fmt(a.q.value - b.q.value, max(a.q.decimals, b.q.decimals))

"""Rule family 8 (cross-references) — one head count split two ways in one table.

A staff recap often classifies the same people twice side by side, each class split by sex:
`TEKNIS LK | PR | NON TEKNIS LK | PR | STRUKTURAL LK | PR | NON STRUKTURAL LK | PR | JUMLAH`.
Where the pairs fall into two groups that each add up to the same count in every row, the two
groups partition the same people, so their men (and their women) must agree too: a row where
the men counted by one classification differ from the men counted by the other is inconsistent.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from decimal import Decimal

import regex as re

from validators.rules.base import Check, Context, Issue
from validators.rules.grid import Grid, GridCell, row_line

MALE = re.compile(r"(?:^|\s)(?:lk|l|laki\s*-?\s*laki|laki|pria)\.?$", re.I)
FEMALE = re.compile(r"(?:^|\s)(?:pr|p|perempuan|wanita)\.?$", re.I)
MIN_PAIRS = 4  # two groups of at least two classes each


@dataclass(frozen=True)
class Pair:
    name: str
    male: int  # column index
    female: int


def sex_pairs(headers: Sequence[str]) -> list[Pair]:
    """Adjacent (men, women) columns with the class they count: `TEKNIS LK` then `PR`."""
    pairs: list[Pair] = []
    for col in range(len(headers) - 1):
        m, f = MALE.search(headers[col]), FEMALE.search(headers[col + 1])
        if m is None or f is None:
            continue
        name, other = headers[col][:m.start()].strip(), headers[col + 1][:f.start()].strip()
        if name and other in ("", name):
            pairs.append(Pair(name, col, col + 1))
    return pairs


def _count(row: tuple[GridCell, ...], col: int) -> Decimal | None:
    if col >= len(row) or not row[col].number or row[col].q.value is None:
        return None
    v = row[col].q.value
    return v if v == v.to_integral_value() else None


def _sums(row: tuple[GridCell, ...], pairs: Sequence[Pair]) -> tuple[Decimal, Decimal] | None:
    """(men, women) over some pairs of a row; None where a cell is no whole count."""
    men = [_count(row, p.male) for p in pairs]
    women = [_count(row, p.female) for p in pairs]
    if any(v is None for v in (*men, *women)):
        return None
    return sum(men, Decimal(0)), sum(women, Decimal(0))  # type: ignore[arg-type]


def split(grid: Grid, pairs: Sequence[Pair]) -> int | None:
    """Where the pairs fall into two groups counting the same people: every row's two groups add up to
    the same count (at least two rows counting someone). None when no single split does."""
    found = []
    for j in range(2, len(pairs) - 1):
        counted = 0
        for row in grid.rows:
            a, b = _sums(row, pairs[:j]), _sums(row, pairs[j:])
            if a is None or b is None:
                continue
            if sum(a) != sum(b):
                break
            counted += sum(a) > 0
        else:
            if counted >= 2:
                found.append(j)
    return found[0] if len(found) == 1 else None


def check_sex_partitions(ctx: Context, check: Check) -> Iterator[Issue]:
    for grid in ctx.grids:
        pairs = sex_pairs(grid.headers)
        if len(pairs) < MIN_PAIRS:
            continue
        j = split(grid, pairs)
        if j is None:
            continue
        first, second = pairs[:j], pairs[j:]
        for row in grid.rows:
            a, b = _sums(row, first), _sums(row, second)
            if a is None or b is None or a == b:
                continue
            names_a = "/".join(p.name for p in first)
            names_b = "/".join(p.name for p in second)
            yield Issue(check.name, check.severity, row_line(row), f"{grid.title or 'table'}: {grid.label(row)}"[:160],
                        f"men {a[0]}, women {a[1]} by {names_a}"[:120], f"men {b[0]}, women {b[1]} by {names_b}"[:120],
                        f"the same {sum(a)} people split by sex differently under {names_a} ({a[0]} + {a[1]}) and "
                        f"under {names_b} ({b[0]} + {b[1]})", difference=str(a[0] - b[0]), page=row[0].prov.page)

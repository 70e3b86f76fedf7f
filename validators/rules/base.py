"""What every rule hands to the engine: `Issue`s (a finding before it is placed in a report)
and the `Constraint`s it checked, so the engine can find the single cell that breaks several
constraints at once and link findings that share a cause."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from decimal import Decimal
from functools import cached_property, lru_cache

import regex as re

from pipeline.model import Quantity, Report, Severity
from validators.rounding import Interval, Verdict, fmt, judge, stated_interval
from validators.rules.grid import Grid, grids

NON_DIGIT = re.compile(r"\D")

CellKey = tuple[int, str]  # (line, digits of the printed figure): one printed figure of the report


def cell_key(q: Quantity | None, line: int | None = None) -> CellKey | None:
    """The identity of a printed figure: its line and its digits."""
    if q is None or q.value is None:
        return None
    ln = q.prov.line if q.prov is not None and q.prov.line is not None else line
    if ln is None:
        return None
    return (ln, _digits(q.raw) or fmt(q.value))


@lru_cache(maxsize=16384)
def _digits(raw: str) -> str:
    """The digits of a printed figure (a figure takes part in many constraints)."""
    return NON_DIGIT.sub("", raw)


@dataclass(frozen=True)
class Figure:
    """A printed figure taking part in a constraint: its value, precision and identity."""

    value: Decimal
    decimals: int
    exact: bool
    key: CellKey | None = None
    raw: str = ""

    @property
    def interval(self) -> Interval:
        return stated_interval(self.value, self.decimals, self.exact)


EXACT_UNITS = frozenset({"rupiah", "dokumen", "orang", "layanan", "laporan", "kegiatan", "operasi", "kasus",
                         "unit", "satker", "permohonan", "rekomendasi", ""})


def figure(q: Quantity, line: int | None = None) -> Figure:
    """A Quantity as a Figure: whole counts and rupiah amounts are exact, others stand for an interval."""
    assert q.value is not None
    exact = q.decimals == 0 and q.unit in EXACT_UNITS and "%" not in q.raw
    return Figure(q.value, q.decimals, exact, cell_key(q, line), q.raw)


@dataclass(frozen=True)
class Constraint:
    """`result = combine(operands)`: checked with intervals, solvable for any one figure."""

    kind: str  # sum | ratio
    result: Figure
    operands: tuple[Figure, ...]
    weights: tuple[Decimal, ...] = ()  # sum: coefficient per operand (default 1)
    scale: Decimal = Decimal(100)  # ratio: result = operands[0] / operands[1] * scale

    def figures(self) -> tuple[Figure, ...]:
        return (self.result, *self.operands)

    def computed(self, override: dict[CellKey, Decimal] | None = None) -> Interval:
        ivs = [_iv(f, override) for f in self.operands]
        if self.kind == "sum":
            total = Interval.exact(Decimal(0))
            for iv, w in zip(ivs, self.weights or (Decimal(1),) * len(ivs), strict=True):
                total = total + iv.scale(w)
            return total
        return (ivs[0] / ivs[1]).scale(self.scale)

    def holds(self, override: dict[CellKey, Decimal] | None = None) -> bool:
        res = self.result
        value = override.get(res.key, res.value) if override and res.key else res.value
        try:
            return judge(value, res.decimals, self.computed(override), res.exact) != Verdict.MISMATCH
        except ZeroDivisionError:
            return False

    def solve(self, key: CellKey) -> Decimal | None:
        """The value of figure `key` that makes the constraint hold exactly (others as printed)."""
        try:
            if self.result.key == key:
                return self.computed().mid
            idx = next((i for i, f in enumerate(self.operands) if f.key == key), None)
            if idx is None:
                return None
            if self.kind == "sum":
                weights = self.weights or (Decimal(1),) * len(self.operands)
                rest = sum((f.value * w for i, (f, w) in enumerate(zip(self.operands, weights, strict=True))
                            if i != idx), Decimal(0))
                return (self.result.value - rest) / weights[idx]
            num, den = self.operands
            if idx == 0:
                return self.result.value * den.value / self.scale
            if self.result.value == 0:
                return None
            return num.value * self.scale / self.result.value
        except (ZeroDivisionError, ArithmeticError):
            return None


def _iv(f: Figure, override: dict[CellKey, Decimal] | None) -> Interval:
    if override and f.key in override:
        return Interval.exact(override[f.key])
    return f.interval


@dataclass(frozen=True)
class Issue:
    """A finding before the engine places it: where, what, and the constraint behind it."""

    rule: str
    severity: Severity
    line: int | None
    subject: str
    stated: str
    expected: str
    message: str
    difference: str = ""
    page: int | None = None
    suggested_fix: str = ""
    related_lines: tuple[int, ...] = ()
    constraint: Constraint | None = None
    source_file: str = ""


class Context:
    """What the rules read: the report, and its tables as number grids (built once)."""

    def __init__(self, report: Report):
        self.report = report
        self.holding: list[Constraint] = []  # constraints that hold: a proposed fix must keep them holding

    @cached_property
    def grids(self) -> tuple[Grid, ...]:
        return grids(self.report.document)

    @property
    def source_file(self) -> str:
        return self.report.document.source_file


@dataclass(frozen=True)
class Check:
    """One registered check, declared as data: name, the columns it reads, tolerance, severity."""

    name: str
    family: str
    columns: tuple[str, ...]
    severity: Severity
    func: Callable[[Context, Check], Iterable[Issue]]
    tolerance: Decimal = Decimal(0)
    description: str = ""


def difference(stated: Decimal | None, expected: Decimal | None, decimals: int | None = None) -> str:
    if stated is None or expected is None:
        return ""
    return fmt(stated - expected, decimals)

"""Interval judgement of printed figures (the approach of XBRL Calculations 1.1).

A figure printed with `d` digits after the point stands for every value that rounds
to it: `26,19` for [26.185, 26.195], `125 %` for [124.5, 125.5]. A computed value is
carried as an interval too, widened by the half-units of every rounded operand, and
the stated figure is consistent when the two intervals meet. Half-up and half-even
rounding both fall inside the closed half-unit interval; truncation to the printed
digits is accepted separately and reported as such.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import ROUND_DOWN, ROUND_HALF_EVEN, ROUND_HALF_UP, Decimal, localcontext
from enum import Enum

ZERO = Decimal(0)
HUNDRED = Decimal(100)


@dataclass(frozen=True)
class Interval:
    """A closed interval [lo, hi] of possible true values, and the value the printed figures give (`point`)."""

    lo: Decimal
    hi: Decimal
    point: Decimal | None = field(default=None, compare=False)

    @staticmethod
    def exact(value: Decimal) -> Interval:
        return Interval(value, value, value)

    @property
    def mid(self) -> Decimal:
        """The value computed from the printed figures (the interval's midpoint when unknown)."""
        return self.point if self.point is not None else (self.lo + self.hi) / 2

    @property
    def width(self) -> Decimal:
        return self.hi - self.lo

    def contains(self, value: Decimal) -> bool:
        return self.lo <= value <= self.hi

    def meets(self, other: Interval) -> bool:
        return self.lo <= other.hi and other.lo <= self.hi

    def contains_zero(self) -> bool:
        return self.lo <= ZERO <= self.hi

    def __add__(self, other: Interval) -> Interval:
        return Interval(self.lo + other.lo, self.hi + other.hi, _op(self.mid, other.mid, "+"))

    def __sub__(self, other: Interval) -> Interval:
        return Interval(self.lo - other.hi, self.hi - other.lo, _op(self.mid, other.mid, "-"))

    def __neg__(self) -> Interval:
        return Interval(-self.hi, -self.lo, -self.mid)

    def __mul__(self, other: Interval) -> Interval:
        products = (self.lo * other.lo, self.lo * other.hi, self.hi * other.lo, self.hi * other.hi)
        return Interval(min(products), max(products), _op(self.mid, other.mid, "*"))

    def __truediv__(self, other: Interval) -> Interval:
        """Division; raises ZeroDivisionError when the divisor may be zero."""
        if other.contains_zero():
            if other.lo == other.hi == ZERO or self.lo == self.hi == ZERO:
                raise ZeroDivisionError("division by zero")
            # a rounded divisor that might be zero: divide by its midpoint only
            if other.mid == ZERO:
                raise ZeroDivisionError("division by a value that rounds to zero")
            return self / Interval.exact(other.mid)
        with localcontext() as ctx:
            ctx.prec = 40
            quotients = (self.lo / other.lo, self.lo / other.hi, self.hi / other.lo, self.hi / other.hi)
            point = self.mid / other.mid if other.mid != ZERO else None
        return Interval(min(quotients), max(quotients), point)

    def scale(self, factor: Decimal) -> Interval:
        a, b = self.lo * factor, self.hi * factor
        return Interval(min(a, b), max(a, b), self.mid * factor)


def _op(a: Decimal, b: Decimal, op: str) -> Decimal:
    return a + b if op == "+" else a - b if op == "-" else a * b


def unit_of(decimals: int) -> Decimal:
    """The value of one unit in the last printed digit: 2 → 0.01, 0 → 1."""
    return Decimal(1).scaleb(-decimals)


def half_unit(decimals: int) -> Decimal:
    return unit_of(decimals) / 2


def stated_interval(value: Decimal, decimals: int, exact: bool = False) -> Interval:
    """The interval a printed figure stands for; `exact` for whole counts and rupiah amounts."""
    if exact:
        return Interval.exact(value)
    h = half_unit(decimals)
    return Interval(value - h, value + h, value)


def truncation_interval(value: Decimal, decimals: int) -> Interval:
    """Values that truncate (toward zero) to the printed figure."""
    u = unit_of(decimals)
    if value >= 0:
        return Interval(value, value + u, value)
    return Interval(value - u, value, value)


def round_to(value: Decimal, decimals: int, mode: str = ROUND_HALF_UP) -> Decimal:
    return value.quantize(unit_of(decimals), rounding=mode)


def round_half_up(value: Decimal, decimals: int) -> Decimal:
    return round_to(value, decimals, ROUND_HALF_UP)


def round_half_even(value: Decimal, decimals: int) -> Decimal:
    return round_to(value, decimals, ROUND_HALF_EVEN)


def truncate(value: Decimal, decimals: int) -> Decimal:
    return round_to(value, decimals, ROUND_DOWN)


class Verdict(str, Enum):
    OK = "ok"
    TRUNCATED = "truncated"
    MISMATCH = "mismatch"


def judge(stated: Decimal, decimals: int, computed: Interval, exact: bool = False,
          extra_tolerance: Decimal = ZERO) -> Verdict:
    """Is a stated figure consistent with the computed interval at the precision it shows?

    `exact` says the stated figure is not rounded (a whole count, a rupiah amount).
    `extra_tolerance` widens the acceptance (a rule's declared tolerance).
    """
    own = stated_interval(stated, decimals, exact)
    widened = Interval(own.lo - extra_tolerance, own.hi + extra_tolerance)
    if widened.meets(computed):
        return Verdict.OK
    if not exact:
        trunc = truncation_interval(stated, decimals)
        if trunc.meets(computed):
            return Verdict.TRUNCATED
    return Verdict.MISMATCH


def best_value(computed: Interval, decimals: int) -> Decimal:
    """The value a correct report would print for the computed interval at `decimals` digits."""
    return round_half_up(computed.mid, decimals)


def fmt(value: Decimal | None, decimals: int | None = None) -> str:
    """Plain text of a Decimal ('.' decimal point, no exponent), rounded to `decimals` if given."""
    if value is None:
        return ""
    if decimals is not None:
        value = round_half_up(value, max(decimals, 0))
    text = format(value, "f")
    if "." in text and decimals is None:
        text = text.rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text

from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from validators.rounding import Interval, Verdict, judge, round_half_up, stated_interval, truncate

D = Decimal


def test_stated_interval_of_two_decimals() -> None:
    assert stated_interval(D("26.19"), 2) == Interval(D("26.185"), D("26.195"))


def test_stated_interval_of_whole_percent() -> None:
    assert stated_interval(D("125"), 0) == Interval(D("124.5"), D("125.5"))


def test_half_up_half_even_and_truncation() -> None:
    assert judge(D("26.19"), 2, Interval.exact(D("26.185"))) == Verdict.OK
    assert judge(D("26.18"), 2, Interval.exact(D("26.185"))) == Verdict.OK
    assert judge(D("102.95"), 2, Interval.exact(D("102.956"))) == Verdict.TRUNCATED
    assert judge(D("73.24"), 2, Interval.exact(D("105.88"))) == Verdict.MISMATCH


def test_exact_figures_allow_no_rounding() -> None:
    assert judge(D("2097133803"), 0, Interval.exact(D("2097133804")), exact=True) == Verdict.MISMATCH


def test_interval_division_widens_with_operand_rounding() -> None:
    iv = stated_interval(D("96.35"), 2) / stated_interval(D("91.00"), 2)
    assert iv.lo < D("96.35") / D("91") < iv.hi


@given(st.decimals(min_value=0, max_value=10**6, places=4, allow_nan=False, allow_infinity=False),
       st.integers(min_value=0, max_value=3))
def test_any_rounding_of_a_value_is_accepted(value: Decimal, decimals: int) -> None:
    exact = Interval.exact(value)
    assert judge(round_half_up(value, decimals), decimals, exact) == Verdict.OK
    assert judge(truncate(value, decimals), decimals, exact) in (Verdict.OK, Verdict.TRUNCATED)

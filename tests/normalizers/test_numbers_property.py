"""Round trips: a Decimal printed in Indonesian or English style parses back to the same value and precision."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import assume, given, settings
from hypothesis import strategies as st

from normalizers.numbers import EN, ID, Hint, is_ambiguous, parse_number

decimals_st = st.integers(min_value=0, max_value=4)
whole_st = st.integers(min_value=0, max_value=10**13)


def _format(whole: int, frac: str, convention: str, grouped: bool) -> str:
    thousands, point = (".", ",") if convention == ID else (",", ".")
    head = f"{whole:,}".replace(",", thousands) if grouped else str(whole)
    return f"{head}{point}{frac}" if frac else head


@st.composite
def printed(draw: st.DrawFn) -> tuple[Decimal, int, str, str, bool]:
    whole = draw(whole_st)
    decimals = draw(decimals_st)
    frac = "".join(draw(st.lists(st.sampled_from("0123456789"), min_size=decimals, max_size=decimals)))
    convention = draw(st.sampled_from([ID, EN]))
    grouped = draw(st.booleans())
    negative = draw(st.booleans())
    value = Decimal(f"{whole}.{frac}") if frac else Decimal(whole)
    text = _format(whole, frac, convention, grouped)
    if negative:
        value, text = -value, "-" + text
    return value, decimals, text, convention, grouped


@settings(max_examples=200, deadline=None)
@given(printed())
def test_round_trip_with_convention_hint(case: tuple[Decimal, int, str, str, bool]) -> None:
    value, decimals, text, convention, _ = case
    q = parse_number(text, Hint(convention=convention))
    assert q.value == value
    assert q.decimals == decimals
    assert q.flags == frozenset()


@settings(max_examples=200, deadline=None)
@given(printed())
def test_without_hint_value_is_exact_or_flagged_ambiguous(case: tuple[Decimal, int, str, str, bool]) -> None:
    value, decimals, text, _, _ = case
    q = parse_number(text)
    if is_ambiguous(text):
        assert q.value is None
        assert {f.value for f in q.flags} == {"ambiguous"}
    else:
        assert q.value == value
        assert q.decimals == decimals


@settings(max_examples=200, deadline=None)
@given(printed(), st.sampled_from(["", " %", "%", " (Indeks)", " orang", "Rp ", "Rp.", "<b>", "**"]))
def test_decorations_do_not_change_the_value(case: tuple[Decimal, int, str, str, bool], decoration: str) -> None:
    value, decimals, text, convention, _ = case
    if decoration.strip() in ("orang", "Rp", "Rp."):
        # a count or an amount reads a lone separator before three digits as thousands, whatever the column
        assume(not is_ambiguous(text))
    if decoration.startswith("Rp"):
        decorated = decoration + text
    elif decoration in ("<b>", "**"):
        decorated = f"{decoration}{text}{decoration.replace('<', '</')}"
    else:
        decorated = text + decoration
    q = parse_number(decorated, Hint(convention=convention))
    assert (q.value, q.decimals) == (value, decimals)


@settings(max_examples=200, deadline=None)
@given(st.integers(min_value=1, max_value=999), st.integers(min_value=0, max_value=999), st.sampled_from(".,"))
def test_one_separator_before_three_digits_is_never_guessed(head: int, tail: int, sep: str) -> None:
    token = f"{head}{sep}{tail:03d}"
    q = parse_number(token)
    assert is_ambiguous(token)
    assert q.value is None
    assert {f.value for f in q.flags} == {"ambiguous"}
    # a count reads it as thousands, a percentage as a decimal fraction
    assert parse_number(token, Hint(integer_expected=True)).value == Decimal(head * 1000 + tail)
    assert parse_number(token, Hint(unit="percent")).value == Decimal(f"{head}.{tail:03d}")

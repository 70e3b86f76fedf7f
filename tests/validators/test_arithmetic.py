from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from validators.arithmetic import FormulaError, UndefinedRatio, evaluate, split_chain, stated_number

D = Decimal


def test_latex_fraction_with_percent() -> None:
    v = evaluate(r"\frac{96,35}{91,00} * 100\%")
    assert round(v.value, 6) == D("1.058791")
    assert v.percent


def test_indonesian_thousands_and_times() -> None:
    assert round(evaluate(r"51.356/60.609 \times 100").value, 4) == D("84.7333")


def test_x_between_numbers_multiplies() -> None:
    assert evaluate("(3,36 x 1 + 4,00 x 8) / 9").value.quantize(D("0.001")) == D("3.929")


def test_weighted_sum_with_percent_weights() -> None:
    assert evaluate(r"(3,91 \times 70\%) + (3,93 \cdot 30\%)").value == D("3.916")


def test_zero_over_zero_is_undefined() -> None:
    with pytest.raises(UndefinedRatio):
        evaluate(r"\frac{0}{0}")


def test_names_are_not_evaluated_without_definitions() -> None:
    with pytest.raises(FormulaError):
        evaluate(r"\frac{\text{Realisasi}}{\text{Target}}")


def test_names_use_the_environment() -> None:
    env = {"D1": evaluate("3,91"), "D2": evaluate("3,93")}
    assert evaluate("(D1 * 70%) + (D2 * 30%)", env).value == D("3.916")


def test_no_eval_of_python() -> None:
    with pytest.raises(FormulaError):
        evaluate("__import__('os')")


def test_split_chain_of_aligned_latex() -> None:
    text = r"\begin{aligned}\text{Capaian} &= \frac{96,35}{91,00} * 100\% \\ &= 105,88\%\end{aligned}"
    assert split_chain(text) == [r"\text{Capaian}", r"\frac{96,35}{91,00} * 100\%", r"105,88\%"]


def test_stated_number() -> None:
    assert stated_number(r"105,88\%") == (D("105.88"), 2, True)
    assert stated_number("3 + 4") is None


# --------------------------------------------------------------------------- property: parser = tree arithmetic

Tree = tuple  # (text, value)


def _leaf(n: int) -> Tree:
    return (f"{n:,}".replace(",", "."), Decimal(n))  # Indonesian thousands: 12.345


def _node(children: tuple[Tree, Tree], op: str) -> Tree:
    (ta, va), (tb, vb) = children
    if op == "/" and vb == 0:
        op = "+"
    text = {"+": f"({ta} + {tb})", "-": f"({ta} - {tb})", "*": f"({ta} \\times {tb})",
            "/": f"\\frac{{{ta}}}{{{tb}}}"}[op]
    value = {"+": va + vb, "-": va - vb, "*": va * vb, "/": va / vb if vb else va}[op]
    return (text, value)


TREES = st.recursive(
    st.integers(min_value=0, max_value=99_999).map(_leaf),
    lambda inner: st.builds(_node, st.tuples(inner, inner), st.sampled_from("+-*/")),
    max_leaves=8,
)


@settings(max_examples=200, deadline=None)
@given(TREES)
def test_parser_agrees_with_tree_arithmetic(tree: Tree) -> None:
    text, value = tree
    got = evaluate(text).value
    assert abs(got - value) <= abs(value) * Decimal("1e-20") + Decimal("1e-20")

"""Formulas as written: chains, definitions, undefined ratios, weighted terms."""

from pipeline.model import Severity
from tests.validators.builders import formula, report, statement
from validators.engine import audit

ALIGNED = (r"\begin{aligned}\text{Capaian} &= \frac{\text{Realisasi}}{\text{Target}} * 100\% \\ "
           r"&= \frac{96,35}{91,00} * 100\% \\ &= {}\%\end{aligned}")


def test_formula_that_holds_gives_nothing() -> None:
    assert audit(report(formulas=(formula(ALIGNED.replace("{}", "105,88"), "", 542),))) == ()


def test_formula_with_wrong_result() -> None:
    (f,) = audit(report(formulas=(formula(ALIGNED.replace("{}", "73,24"), "", 542),)))
    assert (f.rule, f.severity, f.line, f.stated, f.expected) == ("formula_mismatch", Severity.ERROR, 542,
                                                                  "73,24\\%", "105.88")


def test_percent_printed_without_sign_is_accepted() -> None:
    text = r"\text{Capaian} = \frac{60}{90,80} * 100\% = 66,08"
    assert audit(report(formulas=(formula(text, "", 897),))) == ()


def test_zero_over_zero_is_an_undefined_ratio() -> None:
    fs = (formula(r"D1 = \frac{0}{0}", "", 631, label="D1"), formula("D1 = 0", "", 633, label="D1"))
    (f,) = audit(report(formulas=fs))
    assert (f.rule, f.severity, f.line, f.stated, f.expected) == ("undefined_ratio", Severity.WARNING, 631, "0",
                                                                  "undefined (0/0)")


def test_chain_over_several_formulas_and_definitions() -> None:
    fs = (formula("D1 = 3,91", "", 10), formula("D2 = 3,93", "", 11),
          formula(r"K1 = (D1 \times 70\%) + (D2 \times 30\%)", "", 12),
          formula(r"K1 = (3,91 \times 70\%) + (3,93 \times 30\%)", "", 13), formula("K1 = 3,92", "", 14))
    assert audit(report(formulas=fs)) == ()
    wrong = (*fs[:4], formula("K1 = 3,95", "", 14))
    (f,) = audit(report(formulas=wrong))
    assert (f.rule, f.line, f.stated, f.expected) == ("formula_mismatch", 14, "3,95", "3.92")


def test_repeated_term_in_weighted_sum() -> None:
    fs = (formula(r"K5 = (D1 * 45\%) + (D2 * 5\%) + (D1 * 5\%) + (D2 * 45\%)", "", 808, label="K5"),)
    (f,) = audit(report(formulas=fs))
    assert (f.rule, f.severity, f.line) == ("weighted_sum_mismatch", Severity.WARNING, 808)
    assert "D1, D2 written more than once" in f.message


def test_term_left_out_of_substituted_weighted_sum() -> None:
    fs = (formula(r"X = (K_1 * W_1) + (K_2 * W_2) + (K_3 * W_3)", "", 887, label="X"),
          formula(r"X = (0 * 20\%) + (100 * 40\%)", "", 889, label="X"), formula(r"X = 40 \%", "", 891, label="X"))
    (f,) = audit(report(formulas=fs))
    assert (f.rule, f.stated, f.expected) == ("weighted_sum_mismatch", "2 terms", "3 terms")


def test_weight_differs_from_declared_bobot() -> None:
    sts = (statement("1a. Penegakan hukum (Bobot: 40%) (D1)", 625), statement("1b. Penyidikan (Bobot: 70%) (D2)", 633))
    fs = (formula(r"I1 = (D1 * 40\%) + (D2 * 60\%)", "", 643, label="I1"),)
    (f,) = audit(report(statements=sts, formulas=fs))
    assert (f.rule, f.line, f.stated, f.expected, f.related_lines) == ("weighted_sum_mismatch", 643, "D2 × 60\\%",
                                                                       "70%", (633,))

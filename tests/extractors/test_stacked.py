"""Fractions stacked over several lines (pdftotext plain layout): reassembled into one Formula.

Hand-made lines use invented figures; the real sample is read from ../shared.
"""

from __future__ import annotations

from extractors.base import Line
from extractors.formulas import FormulaExtractor, find_formulas
from extractors.stacked import classify, find_stacked
from extractors.text import detect_layout, extract_lines, split_lines
from pipeline.model import Severity
from tests.conftest import sample
from tests.validators.builders import report
from validators.engine import audit


def _lines(text: str) -> list[Line]:
    return list(split_lines(text))


def _plain(formulas) -> list[tuple[int | None, str, str, str]]:
    return [(f.prov.line, f.label, f.expression, f.stated) for f in formulas]


def test_classify_shapes() -> None:
    assert classify("x 100% = 98 % ", 0, 1).kind == "factor"
    assert classify("2,10 x 100%= 105,00%", 0, 1).value == "2,10"
    assert classify("[2,00] ", 0, 1).kind == "value"
    assert classify("= 1,50 + 2,00]", 0, 1).kind == "arith"
    assert classify("Capaian X:", 0, 1).kind == "label"
    assert classify("Kalimat biasa yang selesai.", 0, 1) is None


NUMERATOR_FIRST = """Capaian X:

Realisasi nilai indeks X

Target nilai indeks X
x 100%

2,10
=

2,00
x 100% = 105 %
"""


def test_numerator_equals_denominator_then_factor() -> None:
    formulas, claimed = find_stacked(_lines(NUMERATOR_FIRST), "t.txt")
    assert _plain(formulas) == [
        (3, "Capaian X", "Realisasi nilai indeks X / Target nilai indeks X x 100%", ""),
        (8, "Capaian X", "2,10 / 2,00 x 100%", "105 %"),
    ]
    assert claimed == {1, 3, 5, 6, 8, 9, 11, 12}


def test_inline_numerator_with_the_denominator_below() -> None:
    text = "Capaian Y:\n\n2,10 x 100%= 105,00%\n2,00\n"
    assert _plain(find_formulas(_lines(text), "t.txt")) == [(3, "Capaian Y", "2,10 / 2,00 x 100%", "105,00%")]


def test_arithmetic_numerator_and_result_below() -> None:
    text = "= 1,50 + 2,00]\n\n5\n = 0,70\n"
    assert _plain(find_formulas(_lines(text), "t.txt")) == [(1, "", "(1,50 + 2,00) / 5", "0,70")]


def test_a_result_followed_by_more_figures_is_the_next_numerator() -> None:
    text = "(2 * 3) + (4 * 5)\n\n3 + 5\n\n= 26\n\n8\n = 3,25\n"
    assert _plain(find_formulas(_lines(text), "t.txt")) == [
        (5, "", "(2 * 3) + (4 * 5)", "26"),
        (5, "", "26 / 8", "3,25"),
        (7, "", "3 + 5", "8"),
    ]


WEIGHTED = (("95,50", 20), ("97,25", 40), ("0,00", 0), ("98,10", 30), ("96,40", 25), ("97,80", 35), ("94,60", 10),
            ("99,00", 15))  # Σ Xi*Yi = 17007,00 over Σ Yi = 175: 97,18
TERMS = " + ".join(f"({x} ∗ {y})" for x, y in WEIGHTED)


def _weighted_mean(stated_sum: str, result: str) -> str:
    """Σ(Xi*Yi) / ΣYi = n / d = r as pdftotext gives it: a definition, the two term lists, then the values."""
    return (
        "Nilai rata-rata tertimbang dihitung sebagai berikut:\n\n"
        "8\n\n∑   (Xi\ni=1\n\n* Yi)\n\n=\n\n"
        f"( {TERMS}) \n\n"
        "20 + 40 + 0 + 30 + 25 + 35 + 10 + 15 \n\n"
        f" = {stated_sum} \n \n\n175 \n = {result} \n"
    )


def test_written_numerator_and_denominator_are_held_against_their_values() -> None:
    lines = _lines(_weighted_mean("17007,00", "97,18"))
    assert len(lines[11].text) > 90  # longer than any other stacked line: the term list of a weighted sum
    formulas, claimed = find_stacked(lines, "t.txt")
    assert _plain(formulas) == [
        (16, "", f"( {TERMS})", "17007,00"),
        (19, "", "20 + 40 + 0 + 30 + 25 + 35 + 10 + 15", "175"),
        (16, "", "17007,00 / 175", "97,18"),
    ]
    assert {12, 14, 16, 19, 20} <= claimed
    assert audit(report(formulas=tuple(formulas))) == ()


def test_a_wrong_written_sum_is_reported_on_its_stated_line() -> None:
    """The stated sum exceeds its terms by one term's value; the mean is right for the stated sum."""
    formulas = find_formulas(_lines(_weighted_mean("17103,40", "97,73")), "t.txt")
    (f,) = audit(report(formulas=tuple(formulas)))
    assert (f.rule, f.severity, f.line, f.stated, f.expected, f.difference) == (
        "formula_mismatch",
        Severity.ERROR,
        16,
        "17103,40",
        "17007.00",
        "96.40",
    )


def test_two_term_lists_need_an_equals_before_their_values() -> None:
    text = "(2 * 3) + (4 * 5)\n\n3 + 5\n\n26\n\n8\n = 3,25\n"
    assert _plain(find_formulas(_lines(text), "t.txt")) == [(5, "", "26 / 8", "3,25")]


def test_a_long_line_of_figures_that_is_no_sum_is_no_term_list() -> None:
    row = "  ".join(f"{k},5 - {k + 1},5" for k in range(10, 30))
    assert len(row) > 90 and classify(row, 0, 1) is None
    assert classify(f"({row.replace(' - ', ' ∗ ')})", 0, 1) is None  # products only: no sum


def test_lone_values_without_a_result_are_left_alone() -> None:
    text = "3,67\n\n117,63\n\n3,13\n"
    assert find_stacked(_lines(text), "t.txt") == ([], set())


def test_stacked_lines_are_claimed_from_prose() -> None:
    found = FormulaExtractor().extract(_lines(NUMERATOR_FIRST), "t.txt", frozenset())
    assert {8, 9, 11, 12} <= found.claimed


def test_jember_stacked_fractions() -> None:
    path = sample("jember_2023_lkjip.txt")
    lines = split_lines(path.read_text(encoding="utf-8"))
    found = extract_lines(lines, path.name, detect_layout(lines))
    at = {f.prov.line: (f.label, f.expression, f.stated) for f in found.formulas if f.stated}
    medium = "Capaian kinerja di banding target jangka menengah"
    assert at[2393] == ("Capaian IKM", "3,91 / 3,25 x 100%", "120 %")
    assert at[2571] == (medium, "3,91 / 3,30 x 100%", "118%")
    assert at[2876] == ("Capaian IPK", "3,93 / 3,13 x 100%", "125,56%")
    assert at[2995] == (medium, "3,93 / 3,14 x 100%", "125,16%")
    assert at[4310] == ("Capaian IKI", "3,91 / 3,13 x 100%", "125 %")
    assert at[4419] == (medium, "3,91 / 3,14 x 100%", "125%")
    assert at[2844] == ("", "(3,36 + 4,00) / 9", "3,93")
    sums = {f.prov.line: (f.expression[:13], f.stated) for f in found.formulas if "+" in f.expression}
    assert sums[2335] == ("((3,92 ∗ 12) ", "704,51") and sums[2338] == ("12 + 31 + 30 ", "180")
    assert sums[4215] == ("( (97,81 ∗ 36", "30334,35") and sums[4218] == ("36 + 37 + 40 ", "310")
    assert at[4215] == ("", "30334,35 / 310", "97,85") and at[2335] == ("", "704,51 / 180", "3,91")
    assert not any(s.prov.line in (2389, 2566, 2991, 4414) for s in found.statements)

"""Fractions stacked over several lines (pdftotext plain layout): reassembled into one Formula.

Hand-made lines use invented figures; the real sample is read from ../shared.
"""

from __future__ import annotations

from extractors.base import Line
from extractors.formulas import FormulaExtractor, find_formulas
from extractors.stacked import classify, find_stacked
from extractors.text import detect_layout, extract_lines, split_lines
from tests.conftest import sample


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
    assert _plain(find_formulas(_lines(text), "t.txt")) == [(5, "", "26 / 8", "3,25")]


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
    assert not any(s.prov.line in (2389, 2566, 2991, 4414) for s in found.statements)

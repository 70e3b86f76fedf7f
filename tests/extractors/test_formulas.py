"""Formula extraction: LaTeX blocks and chains, <math> in cells, inline and plain formulas.

Synthetic formulas use invented figures; the real samples are read from ../shared.
"""

from __future__ import annotations

from collections.abc import Sequence

from extractors.base import Line
from extractors.formulas import FormulaExtractor, find_formulas, part_kind, split_top_level
from extractors.text import detect_layout, extract_lines, split_lines
from pipeline.model import Formula
from tests.conftest import sample


def _lines(text: str) -> list[Line]:
    return list(split_lines(text.replace("→", "\t")))


def _numeric(formulas: Sequence[Formula]) -> list[Formula]:
    return [f for f in formulas if f.expression and f.stated]


def test_part_kinds() -> None:
    assert part_kind(r" 89,88\% ") == "value"
    assert part_kind("42 LHK") == "value"
    assert part_kind(r"\frac{6.858}{7.630} * 100\%") == "numeric"
    assert part_kind(r"(90 * 70\%) + (99 * 30\%)") == "numeric"
    assert part_kind("11/42x100%") == "numeric"
    assert part_kind(r"\frac{\text{Realisasi}}{\text{Target}} * 100\%") == "symbolic"
    assert part_kind(r"(D1 * 70\%) + (D2 * 30\%)") == "symbolic"
    assert part_kind(r"\frac{\dots}{\dots}") == "placeholder"


def test_split_ignores_equals_inside_braces() -> None:
    parts = [p for p, _ in split_top_level(r"X = \sum_{i=1}^2 (K_i * W_i)")]
    assert len(parts) == 2


def test_chain_over_three_blocks_joins_expression_and_result() -> None:
    text = (
        "a. Indeks layanan contoh (K1)\n\n"
        "$$D1 = \\frac{\\text{Jumlah selesai}}{\\text{Total}} * 100\\%$$\n\n"
        "$$D1 = \\frac{50}{80} * 100\\%$$\n\n"
        "$$D1 = 62,50\\%$$\n"
    )
    formulas = find_formulas(_lines(text), "s.txt")
    definition = [f for f in formulas if "\\text" in f.expression]
    assert len(definition) == 1 and definition[0].stated == "" and definition[0].syntax == "latex"
    [f] = _numeric(formulas)
    assert (f.label, f.expression, f.stated) == ("D1", "\\frac{50}{80} * 100\\%", "62,50\\%")
    assert f.prov.line == 5
    assert "frac{50}{80}" in f.prov.raw
    assert f.context.endswith("a. Indeks layanan contoh (K1)")


def test_weighted_formula_keeps_symbolic_definition_and_terms() -> None:
    text = (
        "$$D1 = 90$$\n\n$$D2 = 99$$\n\n"
        "$$K1 = (D1 * 70\\%) + (D2 * 30\\%)$$\n\n"
        "$$K1 = (90 * 70\\%) + (99 * 30\\%)$$\n\n"
        "$$K1 = 92,7$$\n"
    )
    formulas = find_formulas(_lines(text), "s.txt")
    terms = [(f.label, f.stated) for f in formulas if not f.expression]
    assert terms == [("D1", "90"), ("D2", "99")]
    definition = next(f for f in formulas if f.label == "K1" and not f.stated)
    assert definition.expression == "(D1 * 70\\%) + (D2 * 30\\%)"
    [f] = _numeric(formulas)
    assert (f.label, f.stated, f.prov.line) == ("K1", "92,7", 7)


def test_aligned_block_over_several_lines() -> None:
    text = (
        "$$\\begin{aligned}\\text{Capaian} &= \\frac{\\text{Realisasi}}{\\text{Target}} * 100\\% \\\\\n"
        "&= \\frac{96,00}{90,00} * 100\\% \\\\\n"
        "&= 106,67\\%\\end{aligned}$$\n"
    )
    formulas = find_formulas(_lines(text), "s.txt")
    [f] = _numeric(formulas)
    assert (f.label, f.expression, f.stated, f.prov.line) == (
        "Capaian",
        "\\frac{96,00}{90,00} * 100\\%",
        "106,67\\%",
        2,
    )


def test_math_tag_in_table_cell() -> None:
    text = "<b>Hasil Capaian</b>→<b>= <math>500/600 \\times 100\\% = 83,33\\%</math></b>\n"
    lines = _lines(text)
    found = FormulaExtractor().extract(lines, "m.txt", frozenset())
    [f] = _numeric(found.formulas)
    assert (f.label, f.expression, f.stated, f.prov.line) == ("Hasil Capaian", "500/600 \\times 100\\%", "83,33\\%", 1)
    assert f.syntax == "latex"
    assert 1 in found.claimed


def test_plain_inline_formula_and_definitions() -> None:
    text = "Target laporan→= 40 LHK\nRealisasi laporan→= 10 LHK\n<b>Hasil Capaian</b>→<b>= 10/40x100% = 25%</b>\n"
    found = FormulaExtractor().extract(_lines(text), "p.txt", frozenset())
    [f] = _numeric(found.formulas)
    assert (f.label, f.expression, f.stated, f.syntax) == ("Hasil Capaian", "10/40x100%", "25%", "plain")
    assert ("Target laporan", "40 LHK") in [(g.label, g.stated) for g in found.formulas if not g.expression]
    assert found.claimed == frozenset({1, 2, 3})


def test_table_row_with_lone_equals_cell_is_not_claimed() -> None:
    text = "1. Indikator pertama→=→26,19 %\n"
    found = FormulaExtractor().extract(_lines(text), "t.txt", frozenset())
    assert found.claimed == frozenset()


def test_inline_dollar_formula_with_label_outside() -> None:
    text = "**Hasil Capaian** =  $800/1.000 \\times 100\\% = 80\\%$\n"
    [f] = _numeric(find_formulas(_lines(text), "d.txt"))
    assert (f.label, f.expression, f.stated) == ("Hasil Capaian", "800/1.000 \\times 100\\%", "80\\%")


def test_label_on_the_line_above_a_block() -> None:
    text = "Persentase contoh =\n\n$$\\frac{\\text{Jumlah A}}{\\text{Jumlah B}} * 100\\%$$\n"
    [f] = find_formulas(_lines(text), "l.txt")
    assert f.label == "Persentase contoh"


# --------------------------------------------------------------------------- real samples


def _extract(name: str):
    path = sample(f"{name}.txt")
    lines = split_lines(path.read_text(encoding="utf-8"))
    return lines, extract_lines(lines, path.name, detect_layout(lines))


def test_balikpapan_math_formula_in_cell() -> None:
    lines, found = _extract("balikpapan_2020_lakip")
    line = next(ln.number for ln in lines if "<math>51.356/60.609" in ln.text)
    f = next(f for f in found.formulas if f.prov.line == line and f.stated)
    assert (f.label, f.expression, f.stated) == ("Hasil Capaian", "51.356/60.609 \\times 100\\%", "84,73\\%")
    assert line in found.claimed
    assert "Pemeriksaan Keimigrasian" in f.context


def test_balikpapan_plain_formula() -> None:
    lines, found = _extract("balikpapan_2020_lakip")
    line = next(ln.number for ln in lines if "11/42x100%" in ln.text)
    f = next(f for f in found.formulas if f.prov.line == line and f.stated)
    assert (f.expression, f.stated) == ("11/42x100%", "26,19%")


def test_bontang_d1_chain() -> None:
    lines, found = _extract("bontang_2025_lkjip")
    expr_line = next(ln.number for ln in lines if ln.text.startswith("$$D1 = \\frac{6.858}{7.630}"))
    f = next(f for f in found.formulas if f.prov.line == expr_line and f.stated)
    assert (f.label, f.stated) == ("D1", "89,88\\%")
    definition = [g for g in found.formulas if g.label == "D1" and g.prov.line == expr_line - 2]
    assert definition and definition[0].stated == "" and "\\text{Jumlah Layanan" in definition[0].expression
    assert "(K1)" in f.context
    # the weighted K1: its symbolic definition and its substituted terms are both there
    k1 = [
        g
        for g in found.formulas
        if g.label == "K1" and "70" in g.expression and 0 < (g.prov.line or 0) - expr_line < 30
    ]
    assert {g.stated for g in k1} == {"", "92,7"}


def test_bontang_capaian_context_names_the_indicator() -> None:
    lines, found = _extract("bontang_2025_lkjip")
    line = next(ln.number for ln in lines if "\\frac{96,35}{91,00}" in ln.text)
    f = next(f for f in found.formulas if f.prov.line == line and f.stated)
    assert f.stated == "105,88\\%"
    assert "Indeks Kualitas Layanan Keimigrasian" in f.context


def test_label_before_a_colon_in_prose_formula() -> None:
    [f] = _numeric(find_formulas(_lines("Capaian arsip digital: 57/60 x 100% = 95,00%\n"), "c.txt"))
    assert (f.label, f.expression, f.stated) == ("Capaian arsip digital", "57/60 x 100%", "95,00%")

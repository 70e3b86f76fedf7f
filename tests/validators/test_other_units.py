"""Checks on the wording of units other than immigration offices (a Dinas Kesehatan, a Bappeda, an RSUD):
column-swap explanations, whole-budget sentences, indicator names with an acronym in brackets."""

from dataclasses import replace

from pipeline.model import IndicatorRecord, Severity
from tests.validators.builders import FILE, budget, indicator, q, report, statement
from validators.engine import audit

D44 = ("Realisasi anggaran Dinas Kesehatan tahun 2023 sebesar Rp 140.215.336.412 atau 93,91% dari pagu "
       "Rp 149.310.955.000.")


def _xref(findings):  # type: ignore[no-untyped-def]
    return [f for f in findings if f.rule == "cross_reference_mismatch"]


def test_capaian_typo_beside_a_target_of_100_is_an_error_not_a_column_swap() -> None:
    # 87,45 / 87,54 x 100 = 99,90 "is" the target 100 printed whole: a ratio of ~1 explains nothing
    rec = indicator("100", "87,45", "87,54", 107, indikator="Persentase kelengkapan rekam medis dalam 24 jam")
    (f,) = audit(report(indicators=(rec,)))
    assert (f.rule, f.severity, f.stated, f.expected) == ("capaian_mismatch", Severity.ERROR, "87,54", "87.45")


def test_capaian_typo_is_not_explained_by_a_whole_target() -> None:
    # 82,37 / 102,69 x 100 = 80,21: the target 80 printed whole is no capaian printed with two decimals
    rec = indicator("80", "82,37", "102,69", 118, indikator="Indeks Kepuasan Masyarakat (IKM)")
    (f,) = audit(report(indicators=(rec,)))
    assert (f.rule, f.severity, f.expected) == ("capaian_mismatch", Severity.ERROR, "102.96")


def test_target_and_realisasi_read_in_swapped_columns_is_info() -> None:
    # 90 / 84,32 x 100 = 106,74: the stated capaian holds with target and realisasi swapped, at its precision
    rec = indicator("90,00", "84,32", "106,74", 169, indikator="Cakupan pelayanan kesehatan ibu hamil")
    (f,) = audit(report(indicators=(rec,)))
    assert (f.rule, f.severity, f.expected) == ("capaian_mismatch", Severity.INFO, "93.69")
    assert "another column order" in f.message


def test_whole_budget_sentence_naming_the_unit_is_held_against_the_table_total() -> None:
    total = budget("149.310.955.000", "140.252.927.168", "93,93", 254, item="JUMLAH", is_total=True, year=2023)
    (f,) = _xref(audit(report(statements=(statement(D44, 44),), budget=(total,))))
    assert {f.line, *f.related_lines} == {44, 254}
    assert {f.stated, f.expected} == {"Rp 140.215.336.412", "140.252.927.168"}


def test_budget_sentence_of_a_program_is_not_the_whole_budget() -> None:
    total = budget("149.310.955.000", "140.252.927.168", "93,93", 254, item="JUMLAH", is_total=True, year=2023)
    st = statement("Realisasi anggaran Program Pemenuhan Upaya Kesehatan tahun 2023 sebesar Rp 55.263.533.010 atau "
                   "92,06% dari pagu Rp 60.027.295.000.", 44)
    assert _xref(audit(report(statements=(st,), budget=(total,)))) == []


def _narrative(name: str, target: str, realisasi: str, capaian: str, line: int) -> IndicatorRecord:
    return IndicatorRecord("r", FILE, line, None, "", "narrative", 2024, "", name, q(target, line),
                           q(realisasi, line), q(capaian, line), name)


def _ikm_row() -> IndicatorRecord:
    return replace(indicator("82,50", "84,60", "102,55", 104, indikator="Indeks Kepuasan Masyarakat (IKM)"), year=2024)


def test_sentence_names_an_indicator_without_its_acronym() -> None:
    table_rows = (_ikm_row(),
                  _narrative("Nilai Indeks Kepuasan Masyarakat hasil survei semester I dan II tahun 2024", "82,50",
                             "84,60", "102,55%", 115),
                  _narrative("Indeks Kepuasan Masyarakat RSUD tahun 2024", "82,50", "86,40", "104,73%", 30))
    found = {(f.line, f.stated) for f in _xref(audit(report(indicators=table_rows)))}
    assert found == {(30, "86,40"), (30, "104,73%")}


def test_three_word_name_needs_a_figure_in_common() -> None:
    rows = (_ikm_row(),
            _narrative("Indeks Kepuasan Masyarakat RSUD tahun 2024", "90,00", "86,40", "96,00%", 30))
    assert _xref(audit(report(indicators=rows))) == []

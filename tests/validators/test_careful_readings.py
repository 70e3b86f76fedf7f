"""Rules that refuse a comparison the report does not make: section totals of one table, figures of
different years in one sentence, bounds and ranges, parts of the budget, a column read under the wrong role."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

import pytest

from pipeline.model import IndicatorRecord, Severity
from tests.conftest import PDFS, _need
from tests.validators.builders import budget, indicator, q, report
from validators.engine import audit, capaian_computed


def _narrative(text: str, target: str | None, realisasi: str | None, capaian: str | None,
               line: int = 18) -> IndicatorRecord:
    return IndicatorRecord("r", "test.txt", line, None, "", "narrative", 2016, "", "jumlah regulasi standarisasi",
                           q(target, line) if target else None, q(realisasi, line) if realisasi else None,
                           q(capaian, line) if capaian else None, text)


def _rules(findings: tuple, rule: str) -> list:
    return [f for f in findings if f.rule == rule]


def test_section_totals_of_one_table_are_not_one_quantity() -> None:
    recs = (budget("1.218.570.045.931,00", "1.218.994.660.218,34", "", 28, item="JUMLAH", is_total=True),
            budget("1.690.543.881.701,70", "1.358.743.658.898,00", "", 46, item="JUMLAH", is_total=True),
            budget("473.548.135.887,70", "346.829.691.912,31", "", 60, item="JUMLAH", is_total=True))
    assert _rules(audit(report(budget=recs)), "cross_reference_mismatch") == []


def test_target_and_realisasi_of_different_years_give_no_capaian() -> None:
    text = ("Capaian 130,77% terjadi pada indikator kinerja jumlah regulasi dari target kinerja 15 dokumen di "
            "tahun 2016, realisasi 13 dokumen pada tahun 2015, dan 14 dokumen sebagai target akhir Renstra.")
    rec = _narrative(text, "15 dokumen", "13 dokumen", "130,77%")
    assert _rules(audit(report(indicators=(rec,))), "capaian_mismatch") == []
    assert capaian_computed(rec) == (None, "not_checkable")


def test_same_year_sentence_is_still_checked() -> None:
    text = "hasil sebesar 13 dokumen dari target 15 dokumen di tahun 2016 dengan capaian 130,77%."
    (f,) = _rules(audit(report(indicators=(_narrative(text, "15 dokumen", "13 dokumen", "130,77%"),))),
                  "capaian_mismatch")
    assert (f.severity, f.stated, f.expected) == (Severity.WARNING, "130,77%", "86.67")


def test_a_bound_is_no_capaian_value() -> None:
    text = "Indeks Kualitas Udara dengan target capaian 60, realisasi 66,24 dengan prosentase capaian sebesar >100%."
    rec = _narrative(text, "60", "66,24", "100%")
    assert _rules(audit(report(indicators=(rec,))), "capaian_mismatch") == []
    assert capaian_computed(rec)[1] == "not_checkable"


def test_a_range_is_no_value() -> None:
    name = "Tingkat penurunan emisi gas rumah kaca sektor energi"
    text = f"{name} dengan target capaian 5-6% yang merupakan Indikator Kinerja Utama"
    sentence = replace(_narrative(text, "5", None, "6%", line=32), indikator=name)
    table_rows = (replace(indicator("5", "11,45%", "190,83%", 37, indikator=name), year=2016, target=None),
                  replace(indicator("5", "11,45%", "190,83%", 9, indikator=name, table_id="t2"), year=2016,
                          target=None))
    assert _rules(audit(report(indicators=(sentence, *table_rows))), "cross_reference_mismatch") == []


def test_sentence_about_a_kegiatan_is_not_the_office_total() -> None:
    part = replace(budget("Rp128.500.000,00", "Rp126.150.762,00", "98,36%", 10, item="Kegiatan pertama",
                          is_total=True, table_id=""), kind="narrative",
                   raw="Kegiatan pertama adalah Penyusunan Dokumen dengan anggaran Rp128.500.000,00 dan realisasi "
                       "Rp126.150.762,00 atau 98,36%.")
    whole = replace(budget("Rp5.118.378.700,00", "Rp4.460.000.000,00", "87,14%", 19, item="realisasi anggaran",
                           is_total=True, table_id=""), kind="narrative",
                    raw="realisasi anggaran sebesar 87,14% dari total anggaran Rp5.118.378.700,00")
    assert _rules(audit(report(budget=(part, whole))), "cross_reference_mismatch") == []


def test_capaian_column_read_as_realisasi_is_not_compared() -> None:
    rows = (indicator("60", "66,24", "110,40%", 34, indikator="Indeks Kualitas Udara", table_id="t1"),
            indicator("60", "66,24", "110,40%", 31, indikator="Indeks Kualitas Udara", table_id="t2"),
            replace(indicator("60", "110,4", "110,40%", 23, indikator="Indeks Kualitas Udara", table_id="t3"),
                    target=None, capaian=None))
    assert _rules(audit(report(indicators=rows)), "cross_reference_mismatch") == []
    assert rows[2].realisasi is not None and rows[2].realisasi.value == Decimal("110.4")


def test_sentence_calling_a_capaian_its_realisasi_is_still_reported() -> None:
    rows = (indicator("90%", "100%", "111,1%", 569, indikator="Persentase penegakan hukum pro yustisia"),
            indicator("90%", "100%", "111,1%", 1904, indikator="Persentase penegakan hukum pro yustisia",
                      table_id="t2"),
            replace(_narrative("realisasi yang diperoleh pada tahun 2024 adalah sebesar 111,1%", "90%", "111,1%",
                               None, line=690), indikator="Persentase penegakan hukum pro yustisia", year=2025))
    (f,) = _rules(audit(report(indicators=rows)), "cross_reference_mismatch")
    assert (f.line, f.stated, f.expected) == (690, "111,1%", "100%")


@pytest.mark.samples
def test_lra_section_totals_on_the_real_pdf() -> None:
    from pipeline.run import process

    findings = process(_need(PDFS / "cimahi_2016_lra.pdf")).findings
    assert _rules(findings, "cross_reference_mismatch") == []


def test_small_counts_do_not_pass_for_another_column_order() -> None:
    """1 Layanan / 1 Layanan / 200 %: 1/200 rounds to '1', but a count is no capaian — an error, not a misread."""
    rec = indicator("1 Layanan", "1 Layanan", "200%", 476, indikator="Terlaksananya Layanan Perkantoran")
    (f,) = _rules(audit(report(indicators=(rec,))), "capaian_mismatch")
    assert (f.severity, f.line, f.stated, f.expected) == (Severity.ERROR, 476, "200%", "100.00")
    swapped = indicator("80", "125,00", "100", 12)  # realisasi 100 and capaian 125,00 in each other's columns
    (g,) = _rules(audit(report(indicators=(swapped,))), "capaian_mismatch")
    assert g.severity == Severity.INFO and "another column order" in g.message

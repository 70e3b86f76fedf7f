"""Comparisons with a benchmark and `nilai akhir` scores read from prose: hand-made statements and the
jember sample's sentences."""

from __future__ import annotations

from decimal import Decimal

import pytest

from extractors.text import extract_text
from interpret.comparisons import read_comparison
from interpret.narrative import records_from_statements
from pipeline.ingest import open_source
from pipeline.model import IndicatorRecord, Provenance, Statement
from tests.conftest import sample
from tests.interpret.helpers import make_document, statement


def _v(q):
    return None if q is None else q.value


def _row(r: IndicatorRecord) -> tuple:
    return r.line, r.kind, _v(r.target), _v(r.realisasi), _v(r.capaian)


def _read(text: str, line: int = 10, context: str = "") -> list[IndicatorRecord]:
    ind, bud = records_from_statements(make_document(year=2023), [statement(text, line, context)])
    assert bud == []
    return ind


# --------------------------------------------------------------------------- comparisons, hand-made


def test_other_unit_with_the_difference_gives_the_realisasi():
    ind = _read("Jika dilakukan perbandingan realisasi Indeks Kepuasan Masyarakat Kantor A dengan Kantor Wilayah B "
                "tahun 2023 sebesar 3,50 maka nilai Indeks Kepuasan Masyarakat pada Kantor A lebih besar 0,40 poin "
                "atau capaiannya 111,43% dibanding dengan Kantor Wilayah B.")
    assert [_row(r) for r in ind] == [(10, "comparison", Decimal("3.50"), Decimal("3.90"), Decimal("111.43"))]
    assert ind[0].indikator == "Indeks Kepuasan Masyarakat"
    assert ind[0].realisasi is not None and ind[0].realisasi.raw == "3,50 + 0,40 poin"


def test_a_lower_value_than_the_benchmark():
    ind = _read("Jika dibandingkan dengan nilai rata-rata nasional sebesar 3,80, maka nilai indeks pada Kantor A "
                "lebih rendah 0,20 poin atau capaiannya 94,74%.")
    assert [_row(r) for r in ind] == [(10, "comparison", Decimal("3.80"), Decimal("3.60"), Decimal("94.74"))]


def test_plan_target_with_stated_realisasi():
    ind = _read("Jika dibandingkan dengan target jangka menengah dalam Rencana Strategis Tahun 2020-2024, target "
                "nilai Indeks Kepuasan Internal tahun 2024 adalah sebesar 3,14 sementara realisasi di tahun 2023 "
                "adalah sebesar 3,91 indeks atau nilai capaian sebesar 125%.")
    assert [(*_row(r), r.year) for r in ind] == [
        (10, "comparison", Decimal("3.14"), Decimal("3.91"), Decimal("125"), 2023)]


def test_realisasi_stated_before_the_comparison():
    ind = _read("Realisasi Indeks Kepuasan Masyarakat tahun 2023 sebesar 3,93, jika dibandingkan dengan target "
                "nasional sebesar 3,50 maka capaiannya 112,29%.")
    assert [_row(r) for r in ind] == [(10, "comparison", Decimal("3.50"), Decimal("3.93"), Decimal("112.29"))]


@pytest.mark.parametrize("text", [
    # earlier years are no benchmark
    "Berdasarkan hasil perbandingan dengan nilai tahun 2022 sebesar 3,90 dan 2021 sebesar 3,99, realisasi "
    "Indeks Kepuasan Masyarakat tahun 2023 mengalami penurunan dengan nilai rata-rata sebesar 3,93 indeks.",
    # the year's own target: an ordinary statement
    "Hasil perhitungan tersebut dibandingkan dengan target pada tahun 2024 sesuai dengan perjanjian kinerja "
    "yaitu 90%.",
    # no capaian stated
    "Jika dibandingkan dengan Kantor Wilayah B sebesar 3,67 maka nilai indeks Kantor A lebih besar 0,26 poin.",
    # a bound, not a value
    "Jika dibandingkan dengan standar nasional sebesar > 80% maka capaiannya 110%.",
    # the first figure after the benchmark is the unit's own result, the benchmark's value is not given
    "Jika dibandingkan dengan target Renstra, realisasi tahun 2023 sebesar 3,93 atau capaian 125%.",
])
def test_not_a_comparison(text):
    assert read_comparison(text) is None


def test_difference_without_direction_leaves_the_realisasi_open():
    ind = _read("Jika dibandingkan dengan Kantor Wilayah B sebesar 3,67 maka selisih 0,26 poin atau capaiannya "
                "107,08%.")
    assert [_row(r) for r in ind] == [(10, "comparison", Decimal("3.67"), None, Decimal("107.08"))]


# --------------------------------------------------------------------------- nilai akhir, hand-made


def test_final_score_is_a_realisasi_even_as_a_whole_number():
    ind = _read("Berdasarkan hasil monitoring, nilai akhir Indikator Kinerja Pelaksanaan Anggaran (IKPA) Tahun "
                "Anggaran 2023 pada Kantor A adalah sebesar 100.")
    assert [(*_row(r), r.year, r.indikator) for r in ind] == [
        (10, "narrative", None, Decimal("100"), None, 2023, "Indikator Kinerja Pelaksanaan Anggaran (IKPA)")]


@pytest.mark.parametrize("text", [
    "Nilai akhir IKPA Kantor A dikategorikan sangat baik karena berada pada range nilai ≥ 95.",
    "Nilai akhir tersebut diperoleh dari 8 indikator.",
    "Nilai akhir belanja pegawai adalah sebesar Rp 1.000.000.",
])
def test_no_final_score(text):
    ind, _ = records_from_statements(make_document(year=2023), [statement(text, 10)])
    assert ind == []  # an amount in rupiah is read as a budget figure, not as a score


def test_final_score_read_by_the_role_words_is_not_doubled():
    ind = _read("Nilai akhir SAKIP Kantor A adalah sebesar 80,52 dengan target 75,00.")
    assert [_row(r) for r in ind] == [(10, "narrative", Decimal("75.00"), Decimal("80.52"), None)]


# --------------------------------------------------------------------------- the jember sample


@pytest.fixture(scope="module")
def jember() -> list[IndicatorRecord]:
    doc = extract_text(open_source(sample("jember_2023_lkjip.txt")))
    ind, _ = records_from_statements(doc, doc.statements)
    return ind


def _near(records: list[IndicatorRecord], lo: int, hi: int) -> list[tuple]:
    return [(*_row(r), r.indikator) for r in records if r.line is not None and lo <= r.line <= hi]


def test_jember_comparisons_with_the_plan_and_other_levels(jember):
    ipk = "Indeks Pengamanan Keimigrasian"
    assert _near(jember, 2975, 3020) == [
        (2979, "comparison", Decimal("3.14"), Decimal("3.93"), Decimal("125.56"), ipk),
        (3009, "comparison", Decimal("3.67"), Decimal("3.93"), Decimal("107.08"), ipk),
        (3017, "comparison", Decimal("3.71"), Decimal("3.93"), Decimal("105.93"), ipk),
    ]


def test_jember_final_ikpa_score(jember):
    assert _near(jember, 4820, 4835) == [
        (4826, "narrative", None, Decimal("100"), None, "Indikator Kinerja Pelaksanaan Anggaran (IKPA)")]


# --------------------------------------------------------------------------- figures on their own lines


def test_each_figure_keeps_its_own_line():
    text = "Target nilai indeks tahun 2024 adalah sebesar 3,14 sementara realisasi di tahun 2023 adalah sebesar 3,93 " \
           "indeks atau nilai capaian sebesar 125,56%."
    breaks = [(0, 30), (len("".join(text[:text.index("sementara")].split())), 32),
              (len("".join(text[:text.index("125,56")].split())), 34)]
    st = Statement(text, Provenance("unit.txt", 30, None, text), "", tuple(breaks))
    ind, _ = records_from_statements(make_document(year=2023), [st])
    assert [(r.line, r.target.prov.line, r.realisasi.prov.line, r.capaian.prov.line) for r in ind] == [
        (30, 30, 32, 34)]


def test_jember_capaian_of_the_plan_comparison_stands_on_its_own_line(jember):
    rec = next(r for r in jember if r.line == 2979)
    assert (rec.target.prov.line, rec.realisasi.prov.line, rec.capaian.prov.line) == (2979, 2981, 2983)

"""Score tables by year (IKPA, SMART, Nilai Kinerja Anggaran): one multi_year record per (year, component)."""

from __future__ import annotations

from decimal import Decimal

from interpret.records import table_records
from interpret.scores import score_grid, subject
from tests.interpret.helpers import make_document, make_table


def _cells(records):
    return [(r.year, r.indikator, r.realisasi.value, r.line, r.kind) for r in records]


def test_numbered_year_rows_give_one_record_per_component():
    t = make_table([
        ["No", "Tahun", "Nilai Kinerja", "Penyerapan", "CRO"],
        ["1", "2021", "89,39", "93,64", "100"],
        ["2", "2022", "99,22", "97,35", "97,93"],
    ], first_line=20)
    ind, bud = table_records(make_document([t]))
    assert bud == []
    assert _cells(ind) == [
        (2021, "Nilai Kinerja", Decimal("89.39"), 21, "multi_year"),
        (2021, "Penyerapan", Decimal("93.64"), 21, "multi_year"),
        (2021, "CRO", Decimal("100"), 21, "multi_year"),
        (2022, "Nilai Kinerja", Decimal("99.22"), 22, "multi_year"),
        (2022, "Penyerapan", Decimal("97.35"), 22, "multi_year"),
        (2022, "CRO", Decimal("97.93"), 22, "multi_year"),
    ]
    assert all(r.target is None and r.capaian is None for r in ind)


def test_years_of_dashes_give_nothing_and_title_names_the_subject():
    # budget-like headers (`Revisi DIPA`, `Penyerapan Anggaran`) over scores, a year of dashes first
    t = make_table([
        ["Tahun", "Revisi DIPA", "Deviasi Halaman III DIPA", "Penyerapan Anggaran", "Capaian Output"],
        ["2024", "-", "-", "-", "-"],
        ["2025", "10", "11,61", "10", "20,33"],
    ], title="Tabel 1. 16 Nilai Kinerja Pelaksanaan Anggaran")
    ind, bud = table_records(make_document([t]))
    assert bud == []
    assert [(r.year, r.indikator, r.realisasi.value) for r in ind] == [
        (2025, "Revisi DIPA", Decimal("10")), (2025, "Deviasi Halaman III DIPA", Decimal("11.61")),
        (2025, "Penyerapan Anggaran", Decimal("10")), (2025, "Capaian Output", Decimal("20.33"))]
    assert {r.sasaran for r in ind} == {"Nilai Kinerja Pelaksanaan Anggaran"}


def test_counts_and_amounts_by_year_are_not_scores():
    counts = make_table([["Tahun", "Nilai Paspor", "Nilai Visa"], ["2023", "11.422", "310"],
                         ["2024", "12.001", "295"]])
    money = make_table([["Tahun", "Nilai Pagu"], ["2023", "Rp 1.000.000"]], table_id="t2", first_line=40)
    assert table_records(make_document([counts, money])) == ([], [])


def test_year_table_without_a_score_word_is_left_alone():
    t = make_table([["Tahun", "Jumlah Pegawai", "Pensiun"], ["2022", "45", "2"], ["2023", "47", "1"]])
    assert table_records(make_document([t])) == ([], [])


def test_weight_rows_without_years_are_not_a_score_grid():
    grid = make_table([["Keterangan", "Revisi DIPA", "Penyerapan"], ["Bobot", "10", "20"],
                       ["Nilai Akhir", "10.00", "16.98"]])
    assert score_grid(grid.header + grid.rows) is None
    assert table_records(make_document([grid])) == ([], [])


def test_subject_drops_the_table_number():
    assert subject("Tabel III.29 Capaian Kinerja Anggaran") == "Capaian Kinerja Anggaran"
    assert subject("Tabel 1. 15 Nilai Kinerja Perencanaan Anggaran") == "Nilai Kinerja Perencanaan Anggaran"

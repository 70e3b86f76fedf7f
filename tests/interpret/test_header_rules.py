"""General header and row rules, each on a hand-built table: lower header spans, unit rows, one
table year, column-number rows, rupiah with sen, wrapped rows, plan-end targets, budget `%` aside."""

from __future__ import annotations

from decimal import Decimal

from interpret.cells import is_figure, is_money
from interpret.columns import count_header_rows, read_header
from interpret.records import table_records
from normalizers.numbers import Hint, parse_number
from tests.interpret.helpers import make_document, make_table


def _v(q):
    return None if q is None else q.value


def _ind(rows, n_header=0, year=2016):
    ind, _ = table_records(make_document([make_table(rows, n_header)], year=year))
    return [(r.indikator, r.year, r.kind, _v(r.target), _v(r.realisasi), _v(r.capaian)) for r in ind]


def _bud(rows, n_header=0, year=2016):
    _, bud = table_records(make_document([make_table(rows, n_header)], year=year))
    return [(r.item, r.year, _v(r.pagu), _v(r.realisasi), _v(r.pct)) for r in bud]


def test_lower_header_cell_stops_where_a_cell_above_starts():
    """`TARGET | REALISASI` under `KINERJA 2016`, beside a `CAPAIAN (%)` spanning both header rows."""
    rows = [
        ["NO", "SASARAN", "INDIKATOR KINERJA", "KINERJA TAHUN 2016", "", "CAPAIAN (%)"],
        ["", "", "", "TARGET", "REALISASI", ""],
        ["1.", "Meningkatnya mutu", "Jumlah regulasi", "13", "17", "130,77"],
    ]
    spec, body = read_header(make_table(rows))
    assert spec.n_rows == 2 and len(body) == 1
    assert [(hc.start, hc.end, hc.role) for hc in spec.value_columns] == [
        (3, 3, "target"), (4, 4, "realisasi"), (5, 5, "capaian")]
    assert _ind(rows) == [("Jumlah regulasi", 2016, "measurement", Decimal("13"), Decimal("17"), Decimal("130.77"))]


def test_lower_header_that_crosses_a_cell_above_is_not_a_header():
    rows = [
        ["Sasaran", "Indikator", "Target", "Realisasi"],
        ["Target", "", "", "Capaian"],  # `Target` would cover the starts of Indikator and Target
        ["Mutu", "Indeks", "80", "84"],
    ]
    assert count_header_rows([tuple(make_table(rows).rows[i]) for i in range(3)]) == 1


def test_uraian_under_sasaran_keeps_the_sasaran_role():
    rows = [
        ["SASARAN", "", "TINGKAT CAPAIAN", "", "Persentase Capaian"],
        ["Uraian", "Indikator", "Target 2016", "Realisasi", ""],
        ["Terkendalinya pencemaran", "Indeks Kualitas Udara", "60", "66,24", "110,40%"],
    ]
    ind, _ = table_records(make_document([make_table(rows)]))
    assert [(r.sasaran, r.indikator, r.year, _v(r.target), _v(r.realisasi), _v(r.capaian)) for r in ind] == [
        ("Terkendalinya pencemaran", "Indeks Kualitas Udara", 2016, Decimal("60"), Decimal("66.24"),
         Decimal("110.40"))]


def test_units_row_is_a_header_row():
    rows = [
        ["SASARAN", "PROGRAM/KEGIATAN", "ANGGARAN", "REALISASI", ""],
        ["", "", "(Rp.)", "Rp.", "%"],
        ["", "Pemantauan Pencemaran Air", "2.541.376.000", "2.338.435.000", "92,01"],
    ]
    spec, _ = read_header(make_table(rows))
    assert spec.n_rows == 2
    assert _bud(rows) == [("Pemantauan Pencemaran Air", 2016, Decimal("2541376000"), Decimal("2338435000"),
                           Decimal("92.01"))]


def test_a_units_row_of_words_is_not_a_header_row():
    rows = [["Uraian", "Anggaran", "Realisasi"], ["Belanja pegawai", "Rp", "banyak sekali"]]
    assert count_header_rows(make_table(rows).rows) == 1


def test_one_year_in_one_header_is_the_table_year():
    rows = [
        ["Nomor Urut", "Uraian", "Jumlah Anggaran", "Realisasi 2016", "%"],
        ["1", "2", "3", "4", "5"],
        ["1.1.1.", "Hasil Pajak Daerah", "105.808.628.248,00", "112.060.908.223,00", "105,91"],
    ]
    assert _bud(rows, year=None) == [("Hasil Pajak Daerah", 2016, Decimal("105808628248.00"),
                                      Decimal("112060908223.00"), Decimal("105.91"))]


def test_two_years_are_not_spread():
    rows = [["Indikator", "Realisasi 2015", "Target 2016", "Realisasi", "Capaian"],
            ["Indeks mutu", "70", "80", "84", "105"]]
    assert [(y, t, r) for _, y, _, t, r, _ in _ind(rows, year=2016)] == [
        (2015, None, Decimal("70")), (2016, Decimal("80"), None), (2016, None, Decimal("84"))]


def test_rupiah_with_sen_is_money():
    for raw in ("1.690.543.881.701,70", "13.101.176.996,75"):
        assert is_money(parse_number(raw, Hint("id")))
    assert not is_money(parse_number("12.345,67", Hint("id")))
    assert is_figure("(471.973.835.770,70)") and not is_figure("(2016)")


def test_lra_belanja_row_with_sen_keeps_its_pagu():
    rows = [
        ["Uraian", "Jumlah Anggaran", "Realisasi 2016", "%"],
        ["BELANJA DAERAH", "1.690.543.881.701,70", "1.358.743.658.898,00", "80,37"],
        ["SURPLUS/(DEFISIT)", "(471.973.835.770,70)", "(139.748.998.679,66)", ""],
    ]
    assert _bud(rows) == [
        ("BELANJA DAERAH", 2016, Decimal("1690543881701.70"), Decimal("1358743658898.00"), Decimal("80.37")),
        ("SURPLUS/(DEFISIT)", 2016, Decimal("-471973835770.70"), Decimal("-139748998679.66"), None),
    ]


def test_row_wrapped_onto_the_next_row_is_joined():
    rows = [
        ["No", "Sasaran", "Indikator", "Target", "Realisasi", "Capaian"],
        ["1", "Meningkatnya kapasitas Organisasi Perangkat", "Jumlah rekomendasi menjadi", "1", "2", "200"],
        ["", "Daerah", "kebijakan", "", "", ""],
        ["", "", "Persentase OPD sesuai SOTK", "100", "100", "100"],
    ]
    ind, _ = table_records(make_document([make_table(rows)]))
    assert [(r.sasaran, r.indikator) for r in ind] == [
        ("Meningkatnya kapasitas Organisasi Perangkat Daerah", "Jumlah rekomendasi menjadi kebijakan"),
        ("Meningkatnya kapasitas Organisasi Perangkat Daerah", "Persentase OPD sesuai SOTK"),
    ]


def test_a_new_sasaran_row_is_not_a_wrap():
    rows = [
        ["Sasaran", "Indikator", "Target", "Realisasi", "Capaian"],
        ["Mutu layanan", "Indeks A", "1", "2", "200"],
        ["Tertib arsip", "", "", "", ""],
        ["", "Indeks B", "4", "4", "100"],
    ]
    ind, _ = table_records(make_document([make_table(rows)]))
    assert [(r.sasaran, r.indikator) for r in ind] == [("Mutu layanan", "Indeks A"), ("Tertib arsip", "Indeks B")]


def test_average_row_names_itself_and_has_no_sasaran():
    rows = [
        ["No", "Sasaran", "Indikator", "Target", "Realisasi", "Capaian (%)"],
        ["1", "Mutu layanan", "Indeks A", "1", "2", "200"],
        ["Rata-rata", "", "", "", "", "200"],
    ]
    ind, _ = table_records(make_document([make_table(rows)]))
    assert [(r.sasaran, r.indikator, _v(r.capaian)) for r in ind] == [
        ("Mutu layanan", "Indeks A", Decimal("200")), ("", "Rata-rata", Decimal("200"))]


def test_capaian_against_the_plan_end_target_is_a_comparison():
    rows = [
        ["No", "Indikator", "Capaian Tahun 2015", "Tahun 2016", "", "", "Target Akhir Renstra",
         "Capaian Tahun 2016 terhadap Target Akhir Renstra (%)"],
        ["", "", "", "Target", "Realisasi", "% Realisasi", "", ""],
        ["5", "Jumlah regulasi", "15", "13", "17", "130,77", "14", "121,42"],
    ]
    got = [r for r in _ind(rows) if r[1] == 2016]
    assert got == [
        ("Jumlah regulasi", 2016, "multi_year", Decimal("13"), Decimal("17"), Decimal("130.77")),
        ("Jumlah regulasi", 2016, "comparison", Decimal("14"), Decimal("17"), Decimal("121.42")),
    ]


def test_a_lone_medium_term_target_is_the_target():
    rows = [["No", "Indikator Kinerja", "Target Jangka Menengah", "Realisasi Tahun 2016", "(%)"],
            ["1.", "Jumlah rekomendasi", "1", "2", "200"]]
    assert _ind(rows, year=None) == [("Jumlah rekomendasi", 2016, "measurement", Decimal("1"), Decimal("2"),
                                      Decimal("200"))]


def test_budget_absorption_beside_capaian_is_no_indicator_figure():
    rows = [["No.", "Indikator Kinerja", "% Capaian Kinerja", "% Penyerapan Anggaran", "Tingkat Efisiensi"],
            ["1.", "Jumlah rekomendasi", "200", "80,40", "119,60"]]
    assert _ind(rows) == [("Jumlah rekomendasi", 2016, "measurement", None, None, Decimal("200"))]


def test_a_year_named_twice_in_one_header_is_that_year():
    rows = [
        ["Indikator", "Realisasi", "", "Target RPJMD 2016", "% Capaian Kinerja Tahun 2016 Terhadap RPJMD 2016"],
        ["", "2015", "2016", "", ""],
        ["Indeks Kualitas Udara", "58", "60", "50", "120"],
    ]
    assert _ind(rows) == [
        ("Indeks Kualitas Udara", 2015, "multi_year", None, Decimal("58"), None),
        ("Indeks Kualitas Udara", 2016, "multi_year", Decimal("50"), Decimal("60"), Decimal("120")),
    ]

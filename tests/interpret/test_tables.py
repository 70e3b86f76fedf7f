"""Indicator and budget records from hand-built tables: roles, years, spans, shifts, continuations."""

from __future__ import annotations

from decimal import Decimal

from interpret.columns import count_header_rows, read_header
from interpret.records import interpret_document, table_records
from interpret.rows import monotone_match
from tests.interpret.helpers import make_document, make_table


def _v(q):
    return None if q is None else q.value


def test_measurement_table_with_sasaran_carried_down():
    t = make_table([
        ["Sasaran Kegiatan", "Indikator Kinerja", "Target", "Realisasi", "Capaian"],
        ["(1)", "(2)", "(3)", "(4)", "(5)"],
        ["Meningkatnya mutu layanan", "Indeks mutu layanan", "80 (Indeks)", "84,20 (Indeks)", "105,25%"],
        ["", "Persentase berkas selesai", "95%", "90%", "94,74%"],
    ])
    ind, bud = table_records(make_document([t]))
    assert bud == []
    assert [(r.indikator, _v(r.target), _v(r.realisasi), _v(r.capaian)) for r in ind] == [
        ("Indeks mutu layanan", Decimal("80"), Decimal("84.20"), Decimal("105.25")),
        ("Persentase berkas selesai", Decimal("95"), Decimal("90"), Decimal("94.74")),
    ]
    assert {r.sasaran for r in ind} == {"Meningkatnya mutu layanan"}
    assert ind[0].line == 12 and ind[0].kind == "measurement" and ind[0].year == 2024
    assert ind[0].target.unit == "indeks" and ind[1].capaian.unit == "percent"


def test_header_printed_one_cell_left_of_its_figures():
    # the header has no `No` column; every body row does
    t = make_table([
        ["SASARAN", "INDIKATOR", "TARGET", "REALISASI", "CAPAIAN", ""],
        ["Terwujudnya layanan prima", "Terwujudnya layanan prima", "", "", "", ""],
        ["", "1.", "Terselesaikannya laporan", "30 LHK", "12 LHK", "40 %"],
        ["", "2.", "Terlayaninya pemohon", "12.500 Dokumen", "10.000 Dokumen", "80%"],
    ])
    ind, _ = table_records(make_document([t]))
    assert [(r.indikator, _v(r.target), _v(r.realisasi), _v(r.capaian)) for r in ind] == [
        ("Terselesaikannya laporan", Decimal("30"), Decimal("12"), Decimal("40")),
        ("Terlayaninya pemohon", Decimal("12500"), Decimal("10000"), Decimal("80")),
    ]
    assert ind[1].target.unit == "dokumen"


def test_target_over_years_gives_one_record_per_year():
    t = make_table([
        ["Sasaran", "Indikator", "", "Target", "", ""],
        ["", "", "", "2021", "2022", "2023"],
        ["Tertibnya administrasi", "1", "% arsip tertata", "70%", "80%", "90%"],
    ])
    spec, body = read_header(t)
    assert spec.n_rows == 2 and len(body) == 1
    ind, _ = table_records(make_document([t]))
    assert [(r.year, _v(r.target), r.kind) for r in ind] == [
        (2021, Decimal("70"), "multi_year"), (2022, Decimal("80"), "multi_year"), (2023, Decimal("90"), "multi_year")]
    assert all(r.indikator == "% arsip tertata" for r in ind)


def test_year_super_header_over_pagu_realisasi_pct():
    t = make_table([
        ["BELANJA", "2022", "", "", "2023", "", ""],
        ["", "PAGU", "REALISASI", "%", "PAGU", "REALISASI", "%"],
        ["Belanja Pegawai", "Rp 1.000.000.000", "Rp 900.000.000", "90,00%", "Rp 1.100.000.000", "Rp 1.089.000.000",
         "99,00%"],
        ["JUMLAH", "Rp 1.000.000.000", "Rp 900.000.000", "90,00%", "Rp 1.100.000.000", "Rp 1.089.000.000", "99,00%"],
    ])
    _, bud = table_records(make_document([t]))
    assert [(r.item, r.year, _v(r.pagu), _v(r.realisasi), _v(r.pct), r.is_total) for r in bud] == [
        ("Belanja Pegawai", 2022, Decimal("1000000000"), Decimal("900000000"), Decimal("90.00"), False),
        ("Belanja Pegawai", 2023, Decimal("1100000000"), Decimal("1089000000"), Decimal("99.00"), False),
        ("JUMLAH", 2022, Decimal("1000000000"), Decimal("900000000"), Decimal("90.00"), True),
        ("JUMLAH", 2023, Decimal("1100000000"), Decimal("1089000000"), Decimal("99.00"), True),
    ]
    assert {r.kind for r in bud} == {"multi_year"}


def test_original_and_revised_pagu():
    t = make_table([
        ["Belanja", "Anggaran Semula", "Anggaran Setelah Revisi", "Realisasi", "% Realisasi Anggaran"],
        ["Belanja Barang", "2.000.000.000", "2.500.000.000", "2.250.000.000", "90,00"],
        ["Belanja Modal", "500.000.000", "400.000.000", "400.000.000", "100,00"],
    ])
    _, bud = table_records(make_document([t]))
    assert [(_v(r.pagu), _v(r.pagu_original), _v(r.realisasi), _v(r.pct)) for r in bud] == [
        (Decimal("2500000000"), Decimal("2000000000"), Decimal("2250000000"), Decimal("90.00")),
        (Decimal("400000000"), Decimal("500000000"), Decimal("400000000"), Decimal("100.00")),
    ]
    assert {r.kind for r in bud} == {"by_belanja"}


def test_kegiatan_anggaran_gives_programs_and_parents():
    t = make_table([
        ["Kegiatan", "Anggaran"],
        ["Program Pelayanan Publik", ""],
        ["Layanan dokumen perjalanan", "Rp 300.000.000"],
        ["Program Dukungan Manajemen", ""],
        ["Layanan perkantoran", "Rp 700.000.000"],
        ["Total", "Rp 1.000.000.000"],
    ])
    _, bud = table_records(make_document([t]))
    assert [(r.item, r.parent_item, _v(r.pagu), r.is_total) for r in bud] == [
        ("Layanan dokumen perjalanan", "Program Pelayanan Publik", Decimal("300000000"), False),
        ("Layanan perkantoran", "Program Dukungan Manajemen", Decimal("700000000"), False),
        ("Total", "", Decimal("1000000000"), True),
    ]
    assert {r.kind for r in bud} == {"by_program"} and all(r.realisasi is None for r in bud)


def test_rupiah_row_under_an_indicator_table_is_a_budget_row():
    t = make_table([
        ["Sasaran", "Indikator", "Target", "Realisasi", "Capaian"],
        ["Mutu layanan", "Indeks mutu", "3,2", "3,6", "112,50%"],
        ["Anggaran", "", "Rp 2.000.000.000", "Rp 1.900.000.000", "95%"],
    ])
    ind, bud = table_records(make_document([t]))
    assert len(ind) == 1 and len(bud) == 1
    assert (_v(bud[0].pagu), _v(bud[0].realisasi), _v(bud[0].pct), bud[0].is_total) == (
        Decimal("2000000000"), Decimal("1900000000"), Decimal("95"), True)


def test_score_row_in_budget_table_is_an_indicator_realisasi():
    t = make_table([
        ["Kegiatan", "Anggaran", "Realisasi", "Persentase"],
        ["Meningkatnya mutu layanan", "Rp.100,000,000", "Rp.90,000,000", "90,00 %"],
        ["Indeks mutu layanan", "", "", "88.5 (indeks)"],
    ])
    ind, bud = table_records(make_document([t]))
    assert [(_v(r.pagu), _v(r.realisasi), _v(r.pct)) for r in bud] == [
        (Decimal("100000000"), Decimal("90000000"), Decimal("90.00"))]
    assert [(r.indikator, _v(r.realisasi)) for r in ind] == [("Indeks mutu layanan", Decimal("88.5"))]


def test_table_split_over_pages_reads_with_the_first_header():
    first = make_table([
        ["Sasaran Kegiatan", "Indikator Kinerja", "Target"],
        ["Tertibnya layanan", "Jumlah operasi", "6"],
    ], first_line=100, table_id="a")
    rest = make_table([["", "Jumlah patroli", "12"]], first_line=105, table_id="b")
    ind, _ = table_records(make_document([first, rest]))
    assert [(r.indikator, r.sasaran, _v(r.target), r.table_id) for r in ind] == [
        ("Jumlah operasi", "Tertibnya layanan", Decimal("6"), "a"),
        ("Jumlah patroli", "Tertibnya layanan", Decimal("12"), "b"),
    ]


def test_row_years_and_comparison_tables():
    by_year = make_table([
        ["Tahun", "Kasus ditangani", "Kasus selesai", "Capaian"],
        ["2022", "10", "9", "90%"],
        ["2023", "8", "8", "100%"],
    ], table_id="y")
    versus = make_table([
        ["Jumlah ditangani", "Rata-Rata Capaian Satuan Kerja", "Capaian Kantor"],
        ["8", "95,50%", "100%"],
    ], first_line=40, table_id="c")
    ind, _ = table_records(make_document([by_year, versus]))
    assert [(r.year, _v(r.capaian), r.kind) for r in ind if r.table_id == "y"] == [
        (2022, Decimal("90"), "multi_year"), (2023, Decimal("100"), "multi_year")]
    comp = [r for r in ind if r.table_id == "c"]
    assert [(r.kind, _v(r.target), _v(r.realisasi)) for r in comp] == [("comparison", Decimal("95.50"), Decimal("100"))]


def test_tables_that_are_neither_give_nothing():
    staff = make_table([
        ["NO", "GOLONGAN", "PANGKAT", "", "JUMLAH"],
        ["", "", "A", "B", ""],
        ["1", "III", "4", "5", "9"],
    ])
    scores = make_table([
        ["Uraian", "Keterangan", "Revisi DIPA", "Penyerapan Anggaran"],
        ["Satker", "Nilai", "100.00", "95.10"],
        ["", "Bobot", "10", "20"],
    ], first_line=60)
    toc = make_table([["BAB I PENDAHULUAN", "1"], ["BAB II PERENCANAAN KINERJA", "12"]], first_line=1)
    assert table_records(make_document([staff, scores, toc])) == ([], [])


def test_a_program_row_is_not_a_header_row():
    t = make_table([["Kegiatan", "Anggaran"], ["Program Dukungan Manajemen", ""], ["Layanan umum", "Rp 5.000.000"]],
                   n_header=2)
    assert count_header_rows(list(t.header) + list(t.rows)) == 1


def test_monotone_match_prefers_more_pairs_then_nearer():
    assert monotone_match([2, 8, 9], [2, 7, 8]) == [(0, 0), (1, 1), (2, 2)]
    assert monotone_match([7, 8], [2, 7, 8]) == [(0, 1), (1, 2)]
    assert monotone_match([0], [5]) == []


def test_lower_is_better_wording_sets_polarity():
    t = make_table([
        ["Indikator", "Target", "Realisasi"],
        ["Persentase keluhan", "10%", "12%"],
        ["Indeks kepuasan", "3,5", "3,6"],
        ["Persentase penurunan keluhan", "10%", "12%"],  # measures the decrease itself: higher is better
    ])
    ind = interpret_document(make_document([t])).indicators
    assert [r.polarity for r in ind] == ["lower", "higher", "higher"]


def test_document_with_an_error_gives_an_empty_report():
    doc = make_document([])
    broken = type(doc)(**{**doc.__dict__, "error": "cannot read"})
    report = interpret_document(broken)
    assert report.indicators == () and report.budget == ()


def test_transposed_table_years_across_roles_down():
    t = make_table([
        ["Kinerja Keuangan", "Tahun 2022", "Tahun 2023"],
        ["Total Pagu", "Rp. 2.000.000.000", "Rp. 2.400.000.000"],
        ["Realisasi", "Rp. 1.800.000.000", "Rp. 2.280.000.000"],
        ["Capaian", "90,00 %", "95,00 %"],
    ])
    _, bud = table_records(make_document([t]))
    assert [(r.year, _v(r.pagu), _v(r.realisasi), _v(r.pct), r.line) for r in bud] == [
        (2022, Decimal("2000000000"), Decimal("1800000000"), Decimal("90.00"), 11),
        (2023, Decimal("2400000000"), Decimal("2280000000"), Decimal("95.00"), 11),
    ]


def test_receipts_by_account_with_bare_year_columns():
    t = make_table([
        ["NO.", "KODE AKUN/ JENIS PENDAPATAN", "2022", "2023"],
        ["1", "425211 Pendapatan Paspor", "1.500.000.000", "1.750.000.000"],
        ["", "TOTAL", "1.500.000.000", "1.750.000.000"],
    ])
    _, bud = table_records(make_document([t]))
    assert [(r.kind, r.year, _v(r.realisasi), r.is_total) for r in bud] == [
        ("pnbp", 2022, Decimal("1500000000"), False), ("pnbp", 2023, Decimal("1750000000"), False),
        ("pnbp", 2022, Decimal("1500000000"), True), ("pnbp", 2023, Decimal("1750000000"), True),
    ]


def test_counts_by_year_are_not_receipts():
    t = make_table([["No", "Jenis Layanan", "2022", "2023"], ["1", "Paspor biasa", "12.000", "13.500"]])
    assert table_records(make_document([t])) == ([], [])


def test_action_plan_checklist_gives_no_indicator_records():
    t = make_table([
        ["No.", "Sasaran", "Kegiatan", "Indikator", "Capaian"],
        ["1", "Tertibnya arsip", "Penataan arsip", "Telah disusun daftar arsip", "100%"],
        ["", "", "", "Telah dilakukan alih media", "100%"],
    ])
    assert table_records(make_document([t])) == ([], [])


def test_percentage_under_an_amount_column_is_the_pct():
    t = make_table([
        ["Kegiatan", "Anggaran", "Realisasi", "%"],
        ["Layanan umum", "Rp 400.000.000", "Rp 380.000.000", "95,00"],
        ["Layanan teknis", "250.000.000", "93,19", ""],
    ])
    _, bud = table_records(make_document([t]))
    assert [(_v(r.pagu), _v(r.realisasi), _v(r.pct)) for r in bud] == [
        (Decimal("400000000"), Decimal("380000000"), Decimal("95.00")),
        (Decimal("250000000"), None, Decimal("93.19")),
    ]


def test_comparison_with_the_unit_above():
    t = make_table([
        ["No", "Unit di Atasnya", "Capaian Indeks Unit Di Atasnya", "Capaian Indeks Kantor", "Capaian (%)"],
        ["1", "Kantor Wilayah", "3,50", "3,85", "110,00"],
    ])
    ind, _ = table_records(make_document([t]))
    assert [(r.kind, _v(r.target), _v(r.realisasi), _v(r.capaian)) for r in ind] == [
        ("comparison", Decimal("3.50"), Decimal("3.85"), Decimal("110.00"))]


def test_small_whole_amounts_in_a_column_of_rupiah_are_amounts():
    t = make_table([
        ["No", "Jenis Pendapatan", "2022", "2023"],
        ["1", "Pendapatan Paspor", "19.978.100.000", "19.433.300.000"],
        ["2", "Pendapatan Sewa Gedung", "1.130.400", "1.187.860"],
        ["3", "Penerimaan kembali Belanja Pegawai", "0", "26"],
    ], title="Rekapitulasi PNBP")
    _, bud = table_records(make_document([t]))
    assert [(r.year, _v(r.realisasi), r.kind) for r in bud if r.item.startswith("Penerimaan")] == [
        (2022, Decimal("0"), "pnbp"), (2023, Decimal("26"), "pnbp")]


def test_scores_under_amount_headers_are_not_amounts():
    t = make_table([
        ["Uraian", "Pagu", "Realisasi"],
        ["Belanja Pegawai", "Rp 1.000.000", "Rp 900.000"],
        ["Nilai IKPA", "95", "96"],
        ["Belanja Barang", "Rp 2.000.000", "Rp 1.000.000"],
        ["Indeks", "3", "4"],
    ])
    _, bud = table_records(make_document([t]))
    assert [r.item for r in bud] == ["Belanja Pegawai", "Belanja Barang"]

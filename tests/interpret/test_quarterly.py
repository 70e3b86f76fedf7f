"""Quarterly K/Rp realisation tables and the nesting of their rows, on hand-built tables and the real PDF."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal
from pathlib import Path

from interpret.hierarchy import close_with_heads, code_of, heads_by_sums, is_nested_numbering, parents_by_numbering
from interpret.quarterly import is_column_numbers, quarter_cells
from interpret.records import table_records
from pipeline.model import Quantity
from pipeline.run import process
from tests.interpret.helpers import make_document, make_table

D = Decimal
HEADER = [
    ["Urusan/Program/Kegiatan", "Indikator Kinerja", "Realisasi Kinerja Pada Triwulan Tahun 2023", "", "", "", "",
     "", "", "", "Perangkat Daerah"],
    ["", "", "I", "", "II", "", "III", "", "IV", "", ""],
    ["2", "3", "7", "", "8", "", "9", "", "10", "", "14"],
    ["", "", "K", "Rp", "K", "Rp", "K", "Rp", "K", "Rp", ""],
]
BODY = [
    ["PROGRAM PENUNJANG URUSAN", "Nilai LKE", "", "300.000.000", "", "450.000.000", "", "", "", "", "BPBD"],
    ["Perencanaan dan Evaluasi", "Cakupan Dokumen", "23,16%", "100.000.000", "16,37%", "150.000.000", "", "", "", "",
     "BPBD"],
    ["Penyusunan Dokumen", "Jumlah Dokumen", "4", "60.000.000", "2", "-", "", "", "", "", "BPBD"],
    ["Evaluasi Kinerja", "Jumlah Laporan", "0", "40.000.000", "1", "150.000.000", "", "", "", "", "BPBD"],
    ["Administrasi Umum", "Cakupan Administrasi", "10,00%", "200.000.000", "20,00%", "300.000.000", "", "", "", "",
     "BPBD"],
    ["Penyediaan Bahan Logistik", "Jumlah Paket", "3", "200.000.000", "5", "300.000.000", "", "", "", "", "BPBD"],
]


def _v(q: Quantity | None) -> Decimal | None:
    return None if q is None else q.value


def _records(*tables):
    return table_records(make_document(tables, year=2023))


def test_quarter_and_column_number_rows() -> None:
    table = make_table(HEADER)
    assert [p for _, p in quarter_cells(table.header[1] if table.header else table.rows[1])] == [
        "TW I", "TW II", "TW III", "TW IV"]
    assert is_column_numbers(table.rows[2])  # 2 3 7 8 9 10 14: increasing, not consecutive
    assert not is_column_numbers(table.rows[4 - 1])


def test_quarterly_table_gives_records_per_filled_quarter() -> None:
    ind, bud = _records(make_table(HEADER + BODY, n_header=2))
    assert [(r.item, r.parent_item, r.period, _v(r.realisasi), r.kind, r.line) for r in bud[:6]] == [
        ("PROGRAM PENUNJANG URUSAN", "", "TW I", D("300000000"), "by_program", 14),
        ("PROGRAM PENUNJANG URUSAN", "", "TW II", D("450000000"), "by_program", 14),
        ("Perencanaan dan Evaluasi", "PROGRAM PENUNJANG URUSAN", "TW I", D("100000000"), "by_program", 15),
        ("Perencanaan dan Evaluasi", "PROGRAM PENUNJANG URUSAN", "TW II", D("150000000"), "by_program", 15),
        ("Penyusunan Dokumen", "Perencanaan dan Evaluasi", "TW I", D("60000000"), "by_program", 16),
        ("Penyusunan Dokumen", "Perencanaan dan Evaluasi", "TW II", D("0"), "by_program", 16),  # `-`: nothing spent
    ]
    assert [r.parent_item for r in bud if r.item == "Penyediaan Bahan Logistik"] == ["Administrasi Umum"] * 2
    assert {r.period for r in bud} == {"TW I", "TW II"} and {r.year for r in bud} == {2023}
    assert [(r.sasaran, r.indikator, r.period, _v(r.realisasi), r.kind) for r in ind[:2]] == [
        ("Perencanaan dan Evaluasi", "Cakupan Dokumen", "TW I", D("23.16"), "measurement"),
        ("Perencanaan dan Evaluasi", "Cakupan Dokumen", "TW II", D("16.37"), "measurement"),
    ]
    assert not [r for r in ind if r.sasaran.startswith("PROGRAM")]  # no K printed for the program


def test_tab_rows_and_grid_cells_give_the_same_records() -> None:
    """The header as one extractor splits it (all rows in `header`) or another (two header rows) reads alike."""
    a = _records(make_table(HEADER + BODY, n_header=4))
    b = _records(make_table(HEADER + BODY, n_header=0))
    assert a == b


def test_target_pair_gives_target_and_pagu() -> None:
    header = [
        ["Program/Kegiatan", "Indikator", "Target Kinerja dan Anggaran Tahun 2023", "", "Triwulan", "", "", ""],
        ["", "", "", "", "TW I", "", "TW II", ""],
        ["", "", "K", "Rp", "K", "Rp", "K", "Rp"],
    ]
    body = [["Kegiatan A", "Jumlah Dokumen", "4", "100.000.000", "1", "20.000.000", "", ""]]
    ind, bud = _records(make_table(header + body, n_header=3))
    assert [(r.period, _v(r.target), _v(r.realisasi), r.kind) for r in ind] == [
        ("TW I", D("4"), D("1"), "measurement")]
    assert [(r.period, _v(r.pagu), _v(r.realisasi)) for r in bud] == [("TW I", D("100000000"), D("20000000"))]


def test_printed_codes_nest_the_rows() -> None:
    header = [["Kode", "Program/Kegiatan", "Indikator", "I", "", "II", ""],
              ["", "", "", "K", "Rp", "K", "Rp"]]
    body = [["1.02.01", "Program A", "", "", "90.000.000", "", "90.000.000"],
            ["1.02.01.2.01", "Kegiatan A1", "Cakupan", "50%", "10.000.000", "60%", "10.000.000"],
            ["1.02.01.2.01.01", "Sub A1a", "Jumlah", "1", "5.000.000", "2", "5.000.000"]]
    _, bud = _records(make_table(header + body, n_header=2))
    assert [(r.item, r.parent_item) for r in bud if r.period == "TW I"] == [
        ("Program A", ""), ("Kegiatan A1", "Program A"), ("Sub A1a", "Kegiatan A1")]


def test_continuation_on_the_next_table_is_summed_across_the_break() -> None:
    first = make_table(HEADER + BODY[:4], n_header=4, table_id="p1")
    rest = replace(make_table(BODY[4:], first_line=40, table_id="p2"), continues="p1")
    _, bud = _records(first, rest)
    assert [(r.table_id, r.parent_item) for r in bud if r.item == "Penyediaan Bahan Logistik"] == [
        ("p2", "Administrasi Umum")] * 2


def test_office_line_over_programs_is_a_total() -> None:
    body = [
        ["DINAS X", "", "", "400.000.000", "", "600.000.000", "", "", "", "", ""],
        *BODY,
        ["PROGRAM LAIN", "", "", "100.000.000", "", "150.000.000", "", "", "", "", ""],
        ["Kegiatan B", "Jumlah", "1", "100.000.000", "1", "150.000.000", "", "", "", "", ""],
        ["Sub B", "Jumlah", "1", "100.000.000", "1", "150.000.000", "", "", "", "", ""],
    ]
    _, bud = _records(make_table(HEADER + body, n_header=4))
    assert [(r.item, r.is_total) for r in bud if r.period == "TW I" and r.is_total] == [("DINAS X", True)]
    assert [r.parent_item for r in bud if r.item == "Sub B"] == ["Kegiatan B"] * 2


# --------------------------------------------------------------------------- hierarchy


def _a(*xs: int) -> tuple[Decimal, ...]:
    return tuple(D(x) for x in xs)


def test_heads_by_sums_takes_a_trailing_zero_row_as_member() -> None:
    rows = [_a(10, 5), _a(4, 0), _a(6, 5), _a(0, 0), _a(7, 7), _a(7, 7)]
    assert heads_by_sums(rows) == [True, False, False, False, True, False]


def test_heads_by_sums_keeps_balanced_groups_beside_one_that_does_not_add_up() -> None:
    rows = [_a(10, 10), _a(3, 3), _a(3, 3), _a(8, 8), _a(5, 5), _a(3, 3)]  # 10 ≠ 3 + 3
    assert heads_by_sums(rows) == [True, False, False, True, False, False]
    assert heads_by_sums([_a(1), _a(2)]) is None


def test_close_with_heads_promotes_the_row_that_closes_the_program_sum() -> None:
    rows = [_a(10), _a(3), _a(3), _a(6), _a(4), _a(1)]  # neither 10 nor 6 adds up; program = 16
    heads = [True, False, False, False, False, False]
    assert close_with_heads(rows, heads, _a(16)) == [True, False, False, True, False, False]


def test_numbering_parents() -> None:
    codes = [code_of(t) for t in ("1.", "1.1.", "1.1.1.", "1.1.2.", "1.2.", "2.", "2.1.")]
    assert is_nested_numbering(codes)
    assert parents_by_numbering(codes) == [None, 0, 1, 1, 0, None, 5]
    assert code_of("1. Belanja Pegawai") == ("1",) and code_of("Belanja") is None
    assert not is_nested_numbering([code_of(t) for t in ("1", "2", "3")])


# --------------------------------------------------------------------------- the real PDF

TANGSEL = "tangsel-bpbd_2023_realisasi-kinerja-triwulan.pdf"


def test_tangsel_quarterly_rows(pdfs_dir: Path) -> None:
    report = process(pdfs_dir / TANGSEL, audit=False).report
    bud = {(r.item[:30], r.period): r for r in report.budget}
    office = bud[("BADAN PENANGGULANGAN BENCANA D", "TW I")]
    assert (office.page, _v(office.realisasi), office.is_total) == (1, D("8866374688"), True)
    kegiatan = bud[("Administrasi Umum Perangkat Da", "TW II")]
    assert (kegiatan.page, kegiatan.parent_item[:35], _v(kegiatan.realisasi)) == (
        2, "PROGRAM PENUNJANG URUSAN PEMERINTAH", D("708745550"))
    sub = bud[("Pemeliharaan Peralatan dan Mes", "TW I")]  # page 3, its kegiatan on page 2
    assert (sub.page, sub.parent_item, _v(sub.realisasi)) == (
        3, "Pemeliharaan Barang Milik Daerah Penunjang Urusan Pemerintahan Daerah", D("15330000"))
    gladi = bud[("Gladi Kesiapsiagaan Terhadap B", "TW II")]
    assert gladi.parent_item.startswith("Pelayanan Pencegahan dan Kesiapsiagaan")
    assert {r.period for r in report.budget} == {"TW I", "TW II"}
    assert {r.kind for r in report.budget} == {"by_program"}
    ind = [r for r in report.indicators if r.indikator.startswith("Jumlah Korban yang Berhasil")]
    assert [(r.page, r.period, _v(r.realisasi), r.kind, r.target) for r in ind] == [
        (4, "TW I", D("53001"), "measurement", None), (4, "TW II", D("159296"), "measurement", None)]

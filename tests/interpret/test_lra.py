"""LRA tables: kind by section, parent by account number, JUMLAH rows closing their account."""

from __future__ import annotations

from pathlib import Path

from interpret.records import table_records
from pipeline.run import process
from tests.interpret.helpers import make_document, make_table

HEADER = ["Nomor Urut", "Uraian", "Jumlah Anggaran", "Realisasi 2016", "%"]
ROWS = [
    ["1.", "PENDAPATAN DAERAH", "300.000.000,00", "310.000.000,00", "103,33"],
    ["1.1.", "PENDAPATAN ASLI DAERAH", "300.000.000,00", "310.000.000,00", "103,33"],
    ["1.1.1.", "Hasil Pajak Daerah", "200.000.000,00", "205.000.000,00", "102,50"],
    ["1.1.2.", "Hasil Retribusi Daerah", "100.000.000,00", "105.000.000,00", "105,00"],
    ["", "JUMLAH", "300.000.000,00", "310.000.000,00", ""],
    ["2.", "BELANJA DAERAH", "250.000.000,00", "200.000.000,00", "80,00"],
    ["2.1.", "BELANJA OPERASI", "250.000.000,00", "200.000.000,00", "80,00"],
    ["2.1.1.", "1. Belanja Pegawai", "250.000.000,00", "200.000.000,00", "80,00"],
    ["", "JUMLAH", "250.000.000,00", "200.000.000,00", ""],
    ["", "SURPLUS/(DEFISIT)", "50.000.000,00", "110.000.000,00", ""],
    ["3.", "PEMBIAYAAN", "20.000.000,00", "20.000.000,00", "100,00"],
    ["3.1.", "PENERIMAAN DAERAH", "20.000.000,00", "20.000.000,00", "100,00"],
    ["3.1.1.", "Penerimaan Pinjaman Daerah", "20.000.000,00", "20.000.000,00", "100,00"],
    ["", "JUMLAH", "20.000.000,00", "20.000.000,00", ""],
]


def _rows(title: str = "") -> list[tuple]:
    _, bud = table_records(make_document([make_table([HEADER, *ROWS], n_header=1, title=title)]))
    return [(r.item, r.kind, r.parent_item, r.is_total) for r in bud]


def test_lra_kind_by_section_and_parent_by_number() -> None:
    assert _rows() == [
        ("PENDAPATAN DAERAH", "other", "", False),
        ("PENDAPATAN ASLI DAERAH", "other", "PENDAPATAN DAERAH", False),
        ("Hasil Pajak Daerah", "other", "PENDAPATAN ASLI DAERAH", False),
        ("Hasil Retribusi Daerah", "other", "PENDAPATAN ASLI DAERAH", False),
        ("JUMLAH", "other", "PENDAPATAN ASLI DAERAH", True),  # repeats 1.1 (the nearest it closes)
        ("BELANJA DAERAH", "by_belanja", "", False),
        ("BELANJA OPERASI", "by_belanja", "BELANJA DAERAH", False),
        ("1. Belanja Pegawai", "by_belanja", "BELANJA OPERASI", False),
        ("JUMLAH", "by_belanja", "BELANJA OPERASI", True),
        ("SURPLUS/(DEFISIT)", "other", "", True),
        ("PEMBIAYAAN", "other", "", False),
        ("PENERIMAAN DAERAH", "other", "PEMBIAYAAN", False),
        ("Penerimaan Pinjaman Daerah", "other", "PENERIMAAN DAERAH", False),
        ("JUMLAH", "other", "PENERIMAAN DAERAH", True),
    ]


def test_lra_revenue_is_pnbp_only_where_pnbp_is_named() -> None:
    kinds = {kind for _, kind, _, _ in _rows("Laporan Realisasi PNBP Tahun 2016")[:5]}
    assert kinds == {"pnbp"}


def test_numbers_that_nest_give_parents_outside_an_lra() -> None:
    header = ["Kode", "Program/Kegiatan", "Anggaran", "Realisasi", "%"]
    rows = [["1.01", "Program Pelayanan Administrasi", "100.000.000", "90.000.000", "90,00"],
            ["1.01.01", "Penyediaan Jasa Surat", "60.000.000", "50.000.000", "83,33"],
            ["1.01.02", "Penyediaan Alat Tulis", "40.000.000", "40.000.000", "100,00"]]
    _, bud = table_records(make_document([make_table([header, *rows], n_header=1)]))
    assert [(r.item, r.parent_item, r.kind) for r in bud] == [
        ("Program Pelayanan Administrasi", "", "by_program"),
        ("Penyediaan Jasa Surat", "Program Pelayanan Administrasi", "by_program"),
        ("Penyediaan Alat Tulis", "Program Pelayanan Administrasi", "by_program")]


def test_cimahi_lra_rows(pdfs_dir: Path) -> None:
    bud = process(pdfs_dir / "cimahi_2016_lra.pdf", audit=False).report.budget
    got = {(r.page, r.line): (r.item, r.kind, r.parent_item, r.is_total) for r in bud}
    assert got[(1, 11)] == ("Hasil Pajak Daerah", "other", "PENDAPATAN ASLI DAERAH", False)
    assert got[(1, 28)] == ("JUMLAH", "other", "PENDAPATAN DAERAH", True)
    assert got[(1, 31)] == ("1. Belanja Pegawai", "by_belanja", "BELANJA OPERASI", False)
    assert got[(1, 46)] == ("JUMLAH", "by_belanja", "BELANJA DAERAH", True)
    assert got[(1, 49)] == ("SURPLUS/(DEFISIT)", "other", "", True)
    assert got[(2, 9)] == ("Penerimaan Pinjaman Daerah", "other", "PENERIMAAN DAERAH", False)
    assert got[(2, 20)] == ("JUMLAH", "other", "PENGELUARAN DAERAH", True)
    assert "pnbp" not in {r.kind for r in bud}

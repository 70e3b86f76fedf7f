"""The PDF path on the five real PDFs in ../shared/pdfs: values read off the pages by eye."""

from __future__ import annotations

from pathlib import Path

import pytest

from extractors.pdf import OCR_NEEDED, extract_pdf
from pipeline.ingest import open_source
from pipeline.model import Cell, Document

_CACHE: dict[str, Document] = {}


def _doc(pdfs_dir: Path, name: str) -> Document:
    if name not in _CACHE:
        _CACHE[name] = extract_pdf(open_source(pdfs_dir / name))
    return _CACHE[name]


def _row(doc: Document, label: str, page: int | None = None) -> tuple[Cell, ...]:
    """The first body row (of any table) with a cell starting with `label`, on `page` if given."""
    for t in doc.tables:
        for r in t.rows:
            if any(c.text.startswith(label) for c in r) and (page is None or r[0].prov.page == page):
                return r
    raise AssertionError(f"no row {label!r} on page {page}")


def _values(row: tuple[Cell, ...]) -> list[str]:
    return [c.text for c in row if c.text]


def test_scan_gives_one_ocr_warning_per_page(pdfs_dir: Path) -> None:
    d = _doc(pdfs_dir, "jabar-esdm_2016_perjanjian-kinerja_scan.pdf")
    assert d.error == ""
    assert d.n_pages == 3
    assert d.warnings == tuple(f"page {n}: {OCR_NEEDED}" for n in (1, 2, 3))
    assert d.tables == () and d.n_lines == 0


def test_cimahi_lra_stacked_rows_split_and_merged_over_pages(pdfs_dir: Path) -> None:
    d = _doc(pdfs_dir, "cimahi_2016_lra.pdf")
    assert d.error == "" and d.n_pages == 2
    (lra,) = d.tables  # page 2 repeats the header: one table
    assert lra.page == 1 and lra.engine == "pdfplumber"
    pajak = _row(d, "Hasil Pajak Daerah")
    assert _values(pajak) == [
        "1.1.1.",
        "Hasil Pajak Daerah",
        "105.808.628.248,00",
        "112.060.908.223,00",
        "105,91",
        "(6.252.279.975,00)",
    ]
    assert (pajak[2].prov.page, pajak[2].prov.line) == (1, 11)
    belanja = _row(d, "BELANJA DAERAH")
    assert _values(belanja)[2:5] == ["1.690.543.881.701,70", "1.358.743.658.898,00", "80,37"]
    jumlah = [_values(r) for r in lra.rows if r[1].text == "JUMLAH"]
    assert jumlah == [
        ["JUMLAH", "1.218.570.045.931,00", "1.218.994.660.218,34"],
        ["JUMLAH", "1.690.543.881.701,70", "1.358.743.658.898,00"],
        ["JUMLAH", "473.548.135.887,70", "346.829.691.912,31"],
        ["JUMLAH", "1.574.300.117,00", "855.508.220,00"],
    ]
    utang = _row(d, "Pembayaran Pokok Utang")
    assert utang[2].prov.page == 2
    assert _values(utang)[2:5] == ["1.574.300.117,00", "855.508.220,00", "54,34"]


def test_tangsel_wide_landscape_table(pdfs_dir: Path) -> None:
    d = _doc(pdfs_dir, "tangsel-bpbd_2023_realisasi-kinerja-triwulan.pdf")
    assert d.error == "" and d.n_pages == 4
    gaji = _row(d, "Penyediaan Gaji dan Tunjangan", page=1)
    assert _values(gaji)[2:6] == ["12", "1.208.798.838", "12", "3.121.029.598"]  # K and Rp, TW I and TW II
    assert _row(d, "BADAN PENANGGULANGAN BENCANA", page=1)[3].text == "8.866.374.688"
    rapat = _row(d, "Penyelenggaraan Rapat Koordinasi", page=2)
    assert _values(rapat)[2:6] == ["3", "295.235.700", "4", "409.187.484"]
    # a label ruled line by line is joined back to the row with its figures, in page 1's columns
    penatausahaan = _row(d, "Pelaksanaan Penatusahaan dan Pengujian / Verifikasi Keuangan SKPD", page=2)
    assert [c.text for c in penatausahaan[2:]] == ["0", "14.487.000", "0", "6.278.000", "", "", "", "", "BPBD"]
    # the pages after the first have no header: each continues the table before, with the same 11 columns
    assert [(t.page, t.continues is not None, {len(r) for r in t.rows}) for t in d.tables] == [
        (1, False, {11}), (2, True, {11}), (3, True, {11}), (4, True, {11})
    ]


def test_jabar_biro_indicator_and_budget_tables(pdfs_dir: Path) -> None:
    d = _doc(pdfs_dir, "jabar-biroorganisasi_2016_lkip.pdf")
    assert d.error == "" and d.n_pages == 36 and d.year == 2016
    regulasi = _row(d, "5. Jumlah regulasi standarisasi", page=16)  # Tabel 7: target / realisasi / capaian
    assert _values(regulasi)[-3:] == ["13", "17", "130,77"]
    sakip = _row(d, "6. Predikat sistem akuntabilitas", page=16)
    assert _values(sakip)[-3:] == ["81", "80,10 (A)", "98,89"]
    # Tabel 5 (anggaran per sasaran) runs from page 12 onto 13 with its header repeated: one table
    t5 = next(t for t in d.tables if t.title == "Tabel 5")
    assert t5.page == 12
    assert [(_values(r)[-2:], r[-1].prov.page) for r in t5.rows if r[0].text == "Jumlah"][-1] == (
        ["5.118.378.700", "100"],
        13,
    )
    assert _values(t5.rows[0])[-2:] == ["1.500.810.000", "29,32"]


def test_jabar_bplhd_indicators_and_kegiatan_budget(pdfs_dir: Path) -> None:
    d = _doc(pdfs_dir, "jabar-bplhd_2016_lkip.pdf")
    assert d.error == "" and d.n_pages == 52
    udara = _row(d, "Indeks Kualitas Udara", page=17)
    assert _values(udara)[-3:] == ["60", "66,24", "110,40%"]
    air = _row(d, "Pemantauan Pencemaran Air", page=33)
    assert _values(air)[-3:] == ["2.541.376.000", "2.338.435.000", "92,01"]
    assert {t.engine for t in d.tables} == {"pdfplumber", "camelot-lattice"}


@pytest.mark.parametrize(
    "name",
    [
        "cimahi_2016_lra.pdf",
        "jabar-biroorganisasi_2016_lkip.pdf",
        "jabar-bplhd_2016_lkip.pdf",
        "tangsel-bpbd_2023_realisasi-kinerja-triwulan.pdf",
    ],
)
def test_every_cell_has_a_page_and_a_line(pdfs_dir: Path, name: str) -> None:
    d = _doc(pdfs_dir, name)
    for t in d.tables:
        for r in (*t.header, *t.rows):
            for c in r:
                assert c.prov.page is not None and c.prov.source_file == name
                if c.text:
                    assert c.prov.line is not None and c.prov.line >= 1

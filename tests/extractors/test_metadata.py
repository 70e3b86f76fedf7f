"""Office, year and report type of the four real samples and of texts from other ministries."""

from __future__ import annotations

from pathlib import Path

import pytest

from extractors.metadata import detect_metadata
from tests.conftest import sample


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("balikpapan_2020_lakip.txt", ("Kantor Imigrasi Kelas I TPI Balikpapan", 2020, "LAKIP")),
        ("bontang_2025_lkjip.txt", ("Kantor Imigrasi Kelas III Non TPI Bontang", 2025, "LKjIP")),
        ("tanjungpinang_2024_lkjip.txt", ("Kantor Imigrasi Kelas I TPI Tanjungpinang", 2024, "LKjIP")),
        ("jember_2023_lkjip.txt", ("Kantor Imigrasi Kelas I TPI Jember", 2023, "LKjIP")),
    ],
)
def test_samples(name: str, expected: tuple[str, int, str]) -> None:
    assert detect_metadata(sample(name).read_text(encoding="utf-8")) == expected


def test_other_units() -> None:
    text = (
        "LAPORAN KINERJA INSTANSI PEMERINTAH\nDINAS LINGKUNGAN HIDUP KABUPATEN BANYUMAS\nTAHUN 2022\n\n"
        "Laporan Kinerja Dinas Lingkungan Hidup Kabupaten Banyumas Tahun 2022 disusun ...\n"
    )
    assert detect_metadata(text) == ("Dinas Lingkungan Hidup Kabupaten Banyumas", 2022, "LKjIP")
    lkip = (
        "LKIP 2016\nBiro Organisasi Sekretariat Daerah Provinsi Jawa Barat\n"
        "Laporan Kinerja Instansi Pemerintah (LKIP)"
    )
    office, year, kind = detect_metadata(lkip)
    assert (office.startswith("Biro Organisasi"), year, kind) == (True, 2016, "LKIP")
    assert detect_metadata("Catatan rapat tanpa judul.") == ("", None, "unknown")


def test_title_page_phrases_and_signatories_end_a_unit_name() -> None:
    text = (
        "PEMERINTAH KOTA SUKAMAJU\nLAPORAN REALISASI ANGGARAN PENDAPATAN DAN BELANJA\n"
        "UNTUK TAHUN YANG BERAKHIR SAMPAI DENGAN DESEMBER 2016\n1. PENDAPATAN DAERAH 1.000,00\n"
    )
    assert detect_metadata(text) == ("Pemerintah Kota Sukamaju", 2016, "LRA")
    signed = "Kepala Badan Pengelola Keuangan dan Aset Daerah\nDrs. Ahmad Fauzi\nNIP 19650101"
    assert detect_metadata(signed)[0] == "Badan Pengelola Keuangan dan Aset Daerah"
    # lower-case prose ends a name
    assert detect_metadata("Dinas Operasional atau lapangan")[0] == "Dinas Operasional"


def test_report_type_is_the_acronym_the_report_uses_most() -> None:
    text = "LKIP BPLHD 2016\nLaporan Akuntabilitas Kinerja (LAKIP) disebut juga LKIP.\nLKIP ini ..."
    assert detect_metadata(text)[2] == "LKIP"
    quarterly = "Realisasi Kinerja Pada Triwulan I - IV Tahun 2023 Perangkat Daerah"
    assert detect_metadata(quarterly)[1:] == (2023, "Realisasi Kinerja Triwulan")


def test_real_pdfs(pdfs_dir: Path) -> None:
    import pdfplumber

    expected = {
        "cimahi_2016_lra.pdf": (2016, "LRA"),
        "jabar-bplhd_2016_lkip.pdf": (2016, "LKIP"),
        "jabar-biroorganisasi_2016_lkip.pdf": (2016, "LKIP"),
        "tangsel-bpbd_2023_realisasi-kinerja-triwulan.pdf": (2023, "Realisasi Kinerja Triwulan"),
    }
    for name, (year, kind) in expected.items():
        with pdfplumber.open(pdfs_dir / name) as pdf:
            text = "\n".join(p.extract_text() or "" for p in pdf.pages)
        assert detect_metadata(text)[1:] == (year, kind), name

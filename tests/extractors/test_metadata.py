"""Office, year and report type of the four real samples and of texts from other ministries."""

from __future__ import annotations

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

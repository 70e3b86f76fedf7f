"""Units: canonical names for printed spellings, multi-word units, units in parentheses."""

from __future__ import annotations

import pytest

from normalizers.units import CANONICAL, COUNT_UNITS, MEASURE_UNITS, canonical_unit, leading_unit, split_unit


@pytest.mark.parametrize(
    ("printed", "unit"),
    [
        ("Rp", "rupiah"), ("Rp.", "rupiah"), ("IDR", "rupiah"), ("%", "percent"), ("persen", "percent"),
        ("(Indeks)", "indeks"), ("Indeks", "indeks"), ("lndeks", "indeks"), ("{lndeks )", "indeks"),
        ("Dokumen", "dokumen"), ("Paspor RI", "dokumen"), ("ORANG", "orang"), ("Orang", "orang"),
        ("Layanan", "layanan"), ("LHK", "laporan"), ("Laporan Hasil Kegiatan", "laporan"), ("Laporan", "laporan"),
        ("Kegiatan", "kegiatan"), ("Operasi", "operasi"), ("Kasus", "kasus"), ("Unit", "unit"), ("bulan", "bulan"),
        ("Hari", "hari"), ("Satker", "satker"), ("satuan kerja", "satker"), ("Permohonan", "permohonan"),
        ("Rekomendasi", "rekomendasi"), ("Predikat", "predikat"), ("pemeriksaan", "pemeriksaan"),
        ("% (Indeks)", "indeks"), ("%", "percent"), ("Dokumen paspor", "dokumen"), ("", ""), ("dari", ""),
    ],
)
def test_canonical_unit(printed: str, unit: str) -> None:
    assert canonical_unit(printed) == unit


def test_vocabulary_is_consistent() -> None:
    assert set(CANONICAL) >= COUNT_UNITS
    assert set(CANONICAL) >= MEASURE_UNITS
    assert not COUNT_UNITS & MEASURE_UNITS


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Rp. 4.422.522.000", ("4.422.522.000", "rupiah", "Rp.")),
        ("96,35 (Indeks)", ("96,35", "indeks", "(Indeks)")),
        ("91% (Indeks)", ("91", "indeks", "% (Indeks)")),
        ("25.000,0 ORANG", ("25.000,0", "orang", "ORANG")),
        ("Rp. 2.834 .681.000,-", ("2.834.681.000", "rupiah", "Rp.")),
        ("3,91", ("3,91", "", "")),
        ("(3,91)", ("3,91", "", "")),
        ("Tahun 2023", (None, "", "Tahun 2023")),
        ("3,91 dan 3,90", (None, "", "3,91 dan 3,90")),
    ],
)
def test_split_unit(text: str, expected: tuple[str | None, str, str]) -> None:
    assert split_unit(text) == expected


@pytest.mark.parametrize(
    ("after", "expected"),
    [
        (" % dari target", ("percent", "%")),
        ("% (Indeks) atau", ("indeks", "% (Indeks)")),
        (" (Indeks) atau", ("indeks", "(Indeks)")),
        (" ( lndeks ) x", ("indeks", "( lndeks )")),
        (" Paspor RI yang", ("dokumen", "Paspor RI")),
        (" Laporan Hasil Kegiatan.", ("laporan", "Laporan Hasil Kegiatan")),
        (" orang, dan", ("orang", "orang")),
        (" dari target", ("", "")),
        (" (dua) orang", ("", "")),
        ("", ("", "")),
        (" (Indeks tanpa tutup", ("", "")),
    ],
)
def test_leading_unit(after: str, expected: tuple[str, str]) -> None:
    assert leading_unit(after) == expected

"""Header roles: real header spellings, misspellings, years, markup."""

from __future__ import annotations

import re
import time
from pathlib import Path

import pytest

from normalizers.headers import ROLES, HeaderRole, header_role
from normalizers.numbers import strip_markup

CASES = [
    # role words as printed
    ("Sasaran", "sasaran"), ("SASARAN", "sasaran"), ("Sasaran Kegiatan", "sasaran"), ("SASARAN KEGIATAN", "sasaran"),
    ("Sasaran Strategis", "sasaran"),
    ("Indikator", "indikator"), ("Indikator Kinerja Kegiatan", "indikator"),
    ("INDIKATOR OUPUT (KEGIATAN)", "indikator"),
    ("Indikator Kinerja Utama", "indikator"),
    ("Target", "target"), ("TARGET", "target"), ("Target Kinerja", "target"), ("Target ILK", "target"),
    ("Rencana", "target"), ("RENCANA KEGIATAN", "target"),
    ("Realisasi", "realisasi"), ("REALISASI", "realisasi"), ("Realiasi", "realisasi"), ("REAL", "realisasi"),
    ("Realisai", "realisasi"), ("Realisas ", "realisasi"), ("Realisasi (Rp)", "realisasi"),
    ("Realisasi Anggaran", "realisasi"), ("REALISASI PENDAPATAN PER AKUN", "realisasi"),
    ("Capaian", "capaian"), ("Capaian (%)", "capaian"), ("<b>Capaian (%)</b>", "capaian"), ("**Capaian**", "capaian"),
    ("Capaia ", "capaian"), ("Capain", "capaian"), ("Capaian Kinerja", "capaian"), ("% Capaian", "capaian"),
    ("Persentase Capaian", "capaian"), ("Total Capaian", "capaian"), ("Rata-rata Capaian", "capaian"),
    ("PAGU", "pagu"), ("Pagu", "pagu"), ("Anggaran", "pagu"), ("ANGGARAN (Rp)", "pagu"), ("Alokasi", "pagu"),
    ("Alokasi Anggaran", "pagu"), ("Pagu DIPA", "pagu"),
    ("Anggaran Semula", "pagu_original"), ("Pagu Awal", "pagu_original"), ("PAGU AWAL", "pagu_original"),
    ("Anggaran Setelah Revisi*", "pagu_revised"), ("Pagu Revisi", "pagu_revised"),
    ("Pagu Setelah Revisi", "pagu_revised"),
    ("REVISI PENAMBAHAN ANGGARAN (Rp)", "pagu_revised"), ("Anggaran Perubahan", "pagu_revised"),
    ("%", "pct"), ("(%)", "pct"), ("Persentase", "pct"), ("PERSENTASE", "pct"), ("% Realisasi Anggaran", "pct"),
    ("Penyerapan", "pct"), ("Penyerapan Anggaran", "pct"), ("Prosentase", "pct"),
    ("Uraian", "item"), ("URAIAN", "item"), ("Belanja", "item"), ("BELANJA", "item"), ("Jenis Belanja", "item"),
    ("Program", "item"), ("Kegiatan", "item"), ("KEGIATAN", "item"), ("Akun", "item"), ("Jenis Pendapatan", "item"),
    ("Kode Akun  Jenis Pendapatan", "item"), ("Uraian Satker", "item"), ("Kode & Nomenklatur", "item"),
    ("No", "no"), ("No.", "no"), ("NO", "no"), ("Nomor", "no"),
    ("2019", "year"), ("Tahun", "year"), ("TAHUN", "year"), ("Tahun 2023", "year"), ("TA 2023", "year"),
    ("Satuan", "satuan"), ("Keterangan", "keterangan"), ("Ket.", "keterangan"), ("KETERANGAN", "keterangan"),
    ("Bobot", "bobot"), ("Konversi Bobot", "bobot"), ("Bobot(W_i)", "bobot"),
    ("Nilai", "nilai"), ("Nilai Total", "nilai"), ("Nilai(K_i)", "nilai"),
    ("Nilai Akhir", "nilai_akhir"), ("Nilai Akhir (Nilai Total/Konversi Bobot)", "nilai_akhir"),
    ("Jumlah", "jumlah"), ("JUMLAH", "jumlah"), ("Total", "jumlah"), ("Jumlah Rencana Aksi RB", "jumlah"),
    ("Jumlah Layanan Keimigrasian diterima", "jumlah"),
    ("L", "l"), ("LK", "l"), ("Laki-laki", "l"), ("P", "p"), ("PR", "p"), ("Perempuan", "p"),
    ("Sisa", "sisa"), ("Sisa Anggaran", "sisa"), ("SISA PAGU", "sisa"),
    # not a role
    ("Kode KPPN", ""), ("Satuan Kerja", ""), ("Pro Yustisia ditangani", ""), ("Potongan SPM", ""),
    ("Kewarganegaraan", ""), ("Deviasi Halaman III DIPA", ""), ("", ""), ("   ", ""), ("Kinerja", ""),
    ("Layanan Keimigrasian yang diterima", ""), ("A", ""),
]


@pytest.mark.parametrize(("text", "role"), CASES)
def test_header_role(text: str, role: str) -> None:
    got = header_role(text)
    assert got.role == role
    assert got.role in ROLES or got.role == ""
    assert (got.score > 0) == bool(role)


@pytest.mark.parametrize(
    ("text", "role", "year"),
    [("Target 2023", "target", 2023), ("Realisasi 2022", "realisasi", 2022), ("2019", "year", 2019),
     ("Tahun 2023", "year", 2023), ("<b>2024</b>", "year", 2024), ("Capaian 2021", "capaian", 2021),
     ("PAGU 2024", "pagu", 2024), ("Realisasi", "realisasi", None), ("2021-2024", "", None),
     ("PERJANJIAN KINERJA TAHUN 2025", "", 2025)],
)
def test_header_year(text: str, role: str, year: int | None) -> None:
    got = header_role(text)
    assert (got.role, got.year) == (role, year)


def test_scores() -> None:
    assert header_role("Realisasi") == HeaderRole("realisasi", None, 100.0)
    assert 80 <= header_role("Realiasi").score < 100
    assert header_role("Zzzzzz") == HeaderRole("", None, 0.0)


def test_fast_and_pure() -> None:
    texts = [t for t, _ in CASES] * 50
    started = time.perf_counter()
    first = [header_role(t) for t in texts]
    assert [header_role(t) for t in texts] == first
    assert time.perf_counter() - started < 1.0


# a short cell opening with one of these words is a header of that role wherever it stands in the samples
_OPENING = {"realisasi": "realisasi", "realiasi": "realisasi", "target": "target", "capaian": "capaian",
            "pagu": "pagu", "sasaran": "sasaran", "indikator": "indikator", "keterangan": "keterangan",
            "uraian": "item", "persentase": "pct", "penyerapan": "pct", "anggaran": "pagu", "jumlah": "jumlah",
            "bobot": "bobot", "no": "no", "tahun": "year", "belanja": "item", "program": "item", "kegiatan": "item",
            "nilai": "nilai", "%": "pct"}


def _compatible(role: str, expected: str) -> bool:
    return role == expected or role.startswith(expected + "_")


def test_short_cells_of_the_samples(samples_dir: Path) -> None:
    checked, wrong = 0, []
    for path in sorted(samples_dir.glob("*.txt")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if "\t" not in line:
                continue
            for cell in line.split("\t"):
                text = strip_markup(cell).strip()
                first = re.match(r"%|[A-Za-z]+", text)
                if not text or len(text) > 30 or not first or first.group(0).lower() not in _OPENING:
                    continue
                checked += 1
                if not _compatible(header_role(text).role, _OPENING[first.group(0).lower()]):
                    wrong.append(text)
    assert checked > 300
    assert wrong == []

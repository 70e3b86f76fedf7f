"""Polarity: one vocabulary (normalizers.polarity) for interpret and the capaian check, and a report's own
declaration of its negative-polarity indicators."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from extractors.prose import find_statements
from extractors.text import split_lines
from interpret.context import polarity
from interpret.records import interpret_document
from normalizers.polarity import declared_items, declared_lower, is_declared, lower_is_better
from pipeline.model import Document, Severity
from pipeline.run import process
from tests.interpret.helpers import make_document, make_table, statement
from tests.validators.builders import indicator
from validators.engine import audit, capaian_computed
from validators.rules.capaian import polarity as record_polarity

RAW = Path(__file__).resolve().parents[2] / "data" / "raw"

LOWER = [
    "Angka Kematian Ibu (AKI)", "Angka Kematian Bayi (AKB)", "Prevalensi Balita Stunting", "Net Death Rate (NDR)",
    "Gross Death Rate", "Angka kejadian infeksi nosokomial", "Waktu tunggu pelayanan rawat jalan",
    "Persentase keluhan masyarakat terhadap layanan data", "Jumlah pengaduan masyarakat",
    "Persentase pengaduan masyarakat yang belum ditindaklanjuti", "Angka putus sekolah SD",
    "Tingkat Pengangguran Terbuka", "Persentase penduduk miskin", "Indeks Gini", "Laju inflasi",
    "Jumlah kecelakaan lalu lintas", "Jumlah kejadian kebakaran", "Jumlah temuan BPK", "Persentase tunggakan pajak",
    "Persentase deviasi realisasi fisik", "Jumlah pelanggaran disiplin pegawai", "Angka kriminalitas",
    "Nilai kerugian daerah", "Menurunnya jumlah kasus DBD", "Penurunan jumlah pengaduan", "Angka kesakitan DBD",
    "Jumlah kematian balita dengan gizi buruk",
]
HIGHER = [
    "Persentase penurunan keluhan",  # measures the decrease itself
    "Tingkat penurunan emisi Gas Rumah Kaca (GRK)",
    "Persentase pengaduan yang ditindaklanjuti", "Persentase penanganan pengaduan", "Cakupan penemuan kasus TB",
    "Persentase penyelesaian tindak lanjut temuan", "Persentase dokumen tanpa kesalahan", "Prevalensi KB aktif",
    "Persentase balita gizi buruk yang mendapat perawatan", "Persentase pelayanan kebakaran",
    "Jumlah Penyidikan Tindak Pidana Keimigrasian", "Tabel III.3 Data Kasus Pelanggaran Hukum",
    "Indeks Kepuasan Masyarakat (IKM)", "Bed Occupancy Rate (BOR)", "Usia Harapan Hidup", "Nilai SAKIP",
]


@pytest.mark.parametrize("name", LOWER)
def test_lower_is_better_names(name: str) -> None:
    assert lower_is_better(name)
    assert polarity(name) == "lower"
    assert record_polarity(indicator("10", "8", "120%", 1, indikator=name)) == "lower"


@pytest.mark.parametrize("name", HIGHER)
def test_higher_is_better_names(name: str) -> None:
    assert not lower_is_better(name)
    assert polarity(name) == "higher"
    assert record_polarity(indicator("10", "8", "80%", 1, indikator=name)) == "higher"


def test_lower_is_better_capaian_recomputed() -> None:
    rec = indicator("14", "12,5", "110,71", 162, indikator="Prevalensi Balita Stunting")
    assert capaian_computed(rec) == (Decimal("110.71"), "ok")


def test_declaration_lists_after_yaitu_and_in_brackets() -> None:
    assert declared_items(
        "Untuk indikator dengan polaritas positif digunakan rumus Capaian = (Realisasi / Target) x 100%, sedangkan "
        "untuk indikator dengan polaritas negatif (semakin kecil semakin baik), yaitu persentase deviasi realisasi "
        "fisik dan persentase keluhan masyarakat, digunakan rumus Capaian = ((2 x Target) - Realisasi) / Target x "
        "100%.") == (("persentase", "deviasi", "fisik"), ("persentase", "keluhan", "masyarakat"))
    assert declared_items(
        "Sedangkan untuk indikator yang semakin rendah realisasinya semakin baik (Angka Kematian Ibu, Angka "
        "Kematian Bayi dan Persentase pengaduan yang belum ditindaklanjuti) digunakan rumus:") == (
        ("angka", "kematian", "ibu"), ("angka", "kematian", "bayi"),
        ("persentase", "pengaduan", "belum", "ditindaklanjuti"))


def test_declaration_before_berpolaritas_negatif() -> None:
    declared = declared_lower([
        "Capaian indikator dengan polaritas positif dihitung dengan rumus realisasi dibagi target dikali 100%.",
        "Indikator Net Death Rate, Angka kejadian infeksi nosokomial dan Waktu tunggu pelayanan rawat jalan "
        "berpolaritas negatif (semakin rendah semakin baik), sehingga capaian dihitung dengan rumus:",
    ])
    assert declared == (("net", "death", "rate"), ("angka", "kejadian", "infeksi", "nosokomial"),
                        ("waktu", "tunggu", "pelayanan", "rawat", "jalan"))
    assert is_declared("Net Death Rate (NDR)", declared)
    assert not is_declared("Bed Occupancy Rate (BOR)", declared)


def test_polarity_minimize_beside_a_name() -> None:
    declared = declared_lower(["Rasio jalan macet terhadap panjang jalan (Polaritas: Minimize)."])
    assert declared == (("rasio", "jalan", "macet", "terhadap", "panjang", "jalan"),)
    assert is_declared("Rasio jalan macet terhadap panjang jalan kota", declared)


def test_raw_reports_lower_is_better_rows() -> None:
    """The planted polarity slips of the health and planning reports, and the right lower-is-better rows."""
    found = {}
    for name in ("lkjip_dinkes_lembah_hijau_2023.txt", "lkjip_bappeda_kota_bukit_permata_2022.txt",
                 "lkjip_rsud_bunda_kasih_sumatera_tengah_2024.txt"):
        out = process(RAW / name)
        for rec, (value, status) in zip(out.report.indicators, out.indicator_checks, strict=True):
            if rec.kind == "measurement":
                found[(name[6:12], rec.line)] = (rec.polarity, value, status)
    assert found[("dinkes", 159)] == ("lower", Decimal("107.37"), "ok")  # AKI 95 / 88
    assert found[("dinkes", 161)] == ("lower", Decimal("107.06"), "ok")  # AKB 8,5 / 7,9
    assert found[("dinkes", 162)] == ("lower", Decimal("110.71"), "mismatch")  # stunting 14 / 12,5 stated 89,29
    assert found[("dinkes", 176)] == ("lower", Decimal("135.00"), "ok")  # pengaduan belum ditindaklanjuti 10 / 6,5
    assert found[("bapped", 116)] == ("lower", Decimal("120.00"), "mismatch")  # keluhan 5 / 4 stated 80,00
    assert found[("rsud_b", 101)] == ("lower", Decimal("114.40"), "ok")  # NDR 25 / 21,4
    assert found[("rsud_b", 102)] == ("lower", Decimal("120.00"), "mismatch")  # infeksi 1,5 / 1,2 stated 80.00
    assert found[("rsud_b", 105)] == ("lower", Decimal("113.33"), "ok")  # waktu tunggu 60 / 52
    assert found[("rsud_b", 104)] == ("higher", Decimal("102.55"), "ok")  # IKM


def _row_findings(doc: Document) -> tuple[list[str], list[tuple[int | None, str, Severity]]]:
    report = interpret_document(doc)
    found = [(f.line, f.rule, f.severity) for f in audit(report) if f.rule == "capaian_mismatch"]
    return [r.polarity for r in report.indicators if r.kind == "measurement"], found


def test_report_declares_an_indicator_negative_polarity() -> None:
    """A name outside the vocabulary ('macet') is lower-is-better because the report says so; a capaian by the
    higher-is-better formula then breaks the report's own rule: an error in a table row."""
    t = make_table([["Indikator", "Target", "Realisasi", "Capaian"],
                    ["Rasio jalan macet terhadap panjang jalan", "10", "8", "80,00"],
                    ["Rasio jalan mantap", "80", "84", "105,00"]], n_header=1, first_line=40)
    st = statement("Indikator Rasio jalan macet terhadap panjang jalan berpolaritas negatif (semakin rendah "
                   "semakin baik), sehingga capaian dihitung dengan rumus:", 30)
    assert _row_findings(make_document([t])) == (["higher", "higher"], [])
    assert _row_findings(make_document([t], [st])) == (["lower", "higher"], [(41, "capaian_mismatch", Severity.ERROR)])


def test_polaritas_column_marks_a_row_negative() -> None:
    t = make_table([["Indikator", "Polaritas", "Target", "Realisasi", "Capaian"],
                    ["Rasio jalan macet", "(-)", "10", "8", "120,00"],
                    ["Rasio jalan mantap", "(+)", "80", "84", "105,00"],
                    ["Rasio ruang terbuka hijau", "Maximize", "30", "33", "110,00"],
                    ["Rasio drainase tersumbat", "Minimize", "20", "15", "125,00"]], n_header=1, first_line=50)
    assert _row_findings(make_document([t])) == (["lower", "higher", "higher", "lower"], [])


def test_declaration_without_figures_is_kept_as_a_statement() -> None:
    text = ("Sedangkan untuk indikator yang semakin rendah realisasinya semakin baik (Angka Kematian Ibu,\n"
            "Angka Kematian Bayi dan Rasio jalan macet) digunakan rumus:\n")
    [st] = find_statements(list(split_lines(text)), "t.txt")
    assert st.prov.line == 1 and declared_lower([st.text])[-1] == ("rasio", "jalan", "macet")

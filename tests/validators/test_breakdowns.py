"""One quantity broken down in one table and totalled in another: the parts grouped under the total rows
whose labels name them add up to those rows."""

from __future__ import annotations

import pytest

from pipeline.model import Finding, Severity, Table
from tests.conftest import sample
from tests.validators.builders import report, table
from validators.engine import audit

_TOTALS_HEADER = [["No.", "Jenis Pelayanan", "Jumlah Permohonan"]]


def _breakdowns(findings: tuple[Finding, ...]) -> list[Finding]:
    return [f for f in findings if f.rule == "cross_reference_mismatch" and "breaks '" in f.message]


def _parts(first: list[str], second: list[str], third: list[str]) -> Table:
    """A transposed breakdown: a row of labels, the row of their figures, and so on."""
    return table([first, ["Paspor Rusak", "Paspor Hilang", "Visa Kunjungan"], second,
                  ["Visa Terbatas", "Izin Tinggal Tetap", "Izin Tinggal Kunjungan"], third],
                 header=[["Paspor Baru", "Paspor Penggantian", "Visa Kunjungan Saat Kedatangan"]], first_line=11,
                 table_id="parts", title="Tabel 3.1 Layanan yang Diterima Tahun 2024")


def _totals(paspor: str, visa: str, izin: str) -> Table:
    return table([["1", "Pelayanan Paspor", paspor], ["2", "Pelayanan Visa", visa],
                  ["3", "Pelayanan Izin Tinggal", izin]],
                 header=_TOTALS_HEADER, first_line=41, table_id="totals",
                 title="Tabel 3.2 Layanan per Jenis Tahun 2024")


def test_the_group_that_does_not_add_up_while_the_others_do() -> None:
    parts = _parts(["120", "30", "15"], ["4", "2", "25"], ["8", "11", "6"])
    # paspor 120 + 30 + 4 + 2 = 156, visa 15 + 25 + 8 = 48, izin tinggal 11 + 6 = 17
    found = _breakdowns(audit(report(tables=(parts, _totals("160", "52", "17")))))
    assert found == []  # two groups fail: no single outlier
    found = _breakdowns(audit(report(tables=(parts, _totals("160", "48", "17")))))
    assert [(f.line, f.severity, f.stated, f.expected, f.difference) for f in found] == \
        [(11, Severity.ERROR, "156", "160", "-4")]
    assert found[0].related_lines == (13, 41)


def test_no_finding_where_every_group_adds_up() -> None:
    parts = _parts(["120", "30", "15"], ["4", "2", "25"], ["8", "11", "6"])
    assert _breakdowns(audit(report(tables=(parts, _totals("156", "48", "17"))))) == []


def test_no_finding_where_the_labels_do_not_name_the_rows() -> None:
    parts = _parts(["120", "30", "15"], ["4", "2", "25"], ["8", "11", "6"])
    other = table([["1", "Belanja Pegawai", "160"], ["2", "Belanja Barang", "48"], ["3", "Belanja Modal", "17"]],
                  header=_TOTALS_HEADER, first_line=41, table_id="totals", title="Tabel 3.2 Belanja Tahun 2024")
    assert _breakdowns(audit(report(tables=(parts, other)))) == []


def test_no_finding_where_a_part_no_row_names_closes_the_gap() -> None:
    parts = table([["120", "30", "4"], ["Visa Kunjungan", "Visa Terbatas", "Lainnya"], ["15", "33", "4"]],
                  header=[["Paspor Baru", "Paspor Penggantian", "Permohonan Ditolak"]], first_line=11,
                  table_id="parts", title="Tabel 3.1 Layanan Tahun 2024")
    totals = table([["1", "Pelayanan Paspor", "154"], ["2", "Pelayanan Visa", "48"]],
                   header=_TOTALS_HEADER, first_line=41, table_id="totals", title="Tabel 3.2 Layanan Tahun 2024")
    assert _breakdowns(audit(report(tables=(parts, totals)))) == []  # 120 + 30 + 4 (ditolak) = 154


def test_no_finding_across_measures_where_the_group_adds_up_to_another_column() -> None:
    """Pagu of the kegiatan against the realisasi of the programs: the program whose realisasi is short of its
    pagu is no inconsistency, its kegiatan add up to its pagu."""
    parts = table([["1", "Kegiatan Layanan Paspor Keliling", "60"], ["2", "Kegiatan Layanan Paspor Kantor", "40"],
                   ["3", "Kegiatan Operasi Pengawasan", "30"], ["4", "Kegiatan Operasi Intelijen", "20"]],
                  header=[["No", "Kegiatan", "Anggaran"]], first_line=11, table_id="parts", title="Tabel 1")
    totals = table([["1", "Program Layanan", "100", "100"], ["2", "Program Operasi", "50", "48"]],
                   header=[["No", "Program", "Anggaran", "Keterangan Jumlah"]], first_line=31, table_id="totals",
                   title="Tabel 2")
    assert _breakdowns(audit(report(tables=(parts, totals)))) == []


def test_no_finding_where_another_column_of_the_parts_adds_up() -> None:
    """Target and realisasi of the parts against the one Jumlah of the totals: the realisasi add up in every
    group, so the visa targets (30 + 20 = 50 against 48) are no inconsistency."""
    parts = table([["1", "Paspor Baru", "60", "60"], ["2", "Paspor Penggantian", "40", "40"],
                   ["3", "Visa Kunjungan", "30", "30"], ["4", "Visa Terbatas", "20", "18"]],
                  header=[["No", "Layanan", "Target", "Realisasi"]], first_line=11, table_id="parts", title="Tabel 1")
    totals = table([["1", "Pelayanan Paspor", "100"], ["2", "Pelayanan Visa", "48"]],
                   header=_TOTALS_HEADER, first_line=31, table_id="totals", title="Tabel 2")
    assert _breakdowns(audit(report(tables=(parts, totals)))) == []
    short = table([["1", "Paspor Baru", "60", "60"], ["2", "Paspor Penggantian", "40", "40"],
                   ["3", "Visa Kunjungan", "30", "30"], ["4", "Visa Terbatas", "20", "16"]],
                  header=[["No", "Layanan", "Target", "Realisasi"]], first_line=11, table_id="parts", title="Tabel 1")
    found = _breakdowns(audit(report(tables=(short, totals))))
    # target 30 + 20 = 50 and realisasi 30 + 16 = 46 both miss 48, while paspor agrees in both: which column the
    # totals count is uncertain, so a warning on the first
    assert [(f.line, f.severity, f.stated, f.expected) for f in found] == [(13, Severity.WARNING, "50", "48")]
    assert "'Realisasi' reads as well as 'Target'" in found[0].message


@pytest.mark.samples
def test_tanjungpinang_dpri_parts_against_the_service_totals() -> None:
    """Tabel III.8 (lines 822-828, label rows over value rows) breaks the 2024 services down, Tabel III.9
    (lines 854-858) totals them per service: izin tinggal 572 + 845 + 4 + 395 + 2 = 1818 and affidavit 7 agree,
    DPRI Selesai 22076 (with ditolak 30 and batal 0 either way) is not the 26508 of line 855."""
    from pipeline.run import process

    found = _breakdowns(process(sample("tanjungpinang_2024_lkjip.txt")).findings)
    assert [(f.line, f.severity, f.stated, f.expected, f.difference) for f in found] == \
        [(824, Severity.ERROR, "22076", "26508", "-4432")]
    assert found[0].related_lines == (855,)  # the DPRI row of Tabel III.9
    assert "572 + 845 + 4 + 395 + 2 = 1818" in found[0].message


@pytest.mark.samples
@pytest.mark.parametrize("name", ["balikpapan_2020_lakip.txt", "bontang_2025_lkjip.txt", "jember_2023_lkjip.txt"])
def test_no_breakdown_finding_on_the_other_samples(name: str) -> None:
    from pipeline.run import process

    assert _breakdowns(process(sample(name)).findings) == []

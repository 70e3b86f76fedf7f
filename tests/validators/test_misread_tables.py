"""Tables read with doubts, and sums over figures a misread table put in the wrong rows or columns:
hand-built tables, exact findings asserted."""

from __future__ import annotations

from dataclasses import replace

from pipeline.model import Severity
from tests.validators.builders import report, table
from validators.engine import audit

HEADER = [["Uraian", "Anggaran"]]


def _sums(rows: list[list[str]], doubts: tuple[str, ...] = ()) -> list[tuple[str, Severity, int | None, str, str]]:
    t = replace(table(rows, HEADER), doubts=doubts)
    return [(f.rule, f.severity, f.line, f.stated, f.expected) for f in audit(report(tables=(t,)))]


WRONG_TOTAL = [["Belanja Pegawai", "1.000.000"], ["Belanja Barang", "2.000.000"], ["Jumlah", "3.500.000"]]


def test_a_wrong_total_is_an_error() -> None:
    assert _sums(WRONG_TOTAL) == [("sum_mismatch", Severity.ERROR, 12, "3.500.000", "3000000")]


def test_a_wrong_total_in_a_doubted_table_is_a_warning_naming_the_doubt() -> None:
    t = replace(table(WRONG_TOTAL, HEADER), doubts=("1 figure rows without a label",))
    (f,) = audit(report(tables=(t,)))
    assert (f.rule, f.severity, f.line, f.stated, f.expected) == ("sum_mismatch", Severity.WARNING, 12, "3.500.000",
                                                                  "3000000")
    assert f.message.endswith("(1 figure rows without a label), so this is not reported as an error")


def test_an_item_repeating_the_total_is_no_item_whatever_the_signs() -> None:
    rows = [["Pendapatan Asli Daerah", "1.000.000"], ["Selisih", "(200.000)"], ["Lain-lain", "2.700.000"],
            ["Jumlah", "2.700.000"]]
    assert _sums(rows) == []
    # without the repeat the same negative item takes part in a sum that fails
    rows[2] = ["Lain-lain", "2.600.000"]
    assert _sums(rows) == [("sum_mismatch", Severity.ERROR, 13, "2.700.000", "3400000")]


def test_a_column_of_amounts_holding_a_percentage_gives_a_warning() -> None:
    rows = [["Belanja Pegawai", "2.000.000"], ["Belanja Bunga", "13,72"], ["Belanja Modal", "1.000.000"],
            ["Jumlah", "4.000.000"]]
    assert _sums(rows) == [("sum_mismatch", Severity.WARNING, 13, "4.000.000", "3000014")]


def test_rows_equal_to_the_rows_above_them_are_subtotals() -> None:
    # the subtotal rows lost their labels (`-`): 500 = 200 + 300, 700 = 700; the total adds the groups
    rows = [["Program A", "200"], ["Program B", "300"], ["-", "500"], ["Program C", "700"], ["-", "700"],
            ["Program D", "100"], ["Jumlah", "1.300"]]
    assert _sums(rows) == []
    rows[-1] = ["Jumlah", "1.400"]
    assert [(r, s, ln, st) for r, s, ln, st, _ in _sums(rows)] == [("sum_mismatch", Severity.ERROR, 16, "1.400")]


def test_a_program_row_a_rupiah_off_its_kegiatan_is_still_their_parent() -> None:
    # 2.097.133.803 over kegiatan summing to 2.097.133.804: the total adds the programs and holds; the program
    # row is the one reported, on its own line, against its kegiatan
    rows = [["Program A", "2.097.133.803"], ["Kegiatan A1", "870.585.957"], ["Kegiatan A2", "1.226.547.847"],
            ["Program B", "1.576.402.608"], ["Kegiatan B1", "1.576.402.608"], ["Jumlah", "3.673.536.411"]]
    assert _sums(rows) == [("sum_mismatch", Severity.ERROR, 10, "2.097.133.803", "2097133804")]
    # small figures get no slack: a count one off its parts is no parent of them
    counts = [["Program A", "10"], ["Kegiatan A1", "4"], ["Kegiatan A2", "5"], ["Program B", "3"], ["Kegiatan B1", "3"],
              ["Jumlah", "13"]]
    assert [(r, s, st, e) for r, s, _, st, e in _sums(counts)] == [("sum_mismatch", Severity.ERROR, "13", "22")]

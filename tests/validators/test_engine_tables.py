"""Capaian, budget % and table sums on hand-built records: exact findings asserted."""

from decimal import Decimal

from pipeline.model import Severity
from tests.validators.builders import budget, indicator, report, table
from validators.engine import audit, capaian_computed, pct_computed

D = Decimal


def test_capaian_mismatch_is_an_error_with_the_recomputed_value() -> None:
    rec = indicator("91 (Indeks)", "96,35 (Indeks)", "73,24%", 421)
    (f,) = audit(report(indicators=(rec,)))
    assert (f.rule, f.severity, f.line, f.stated, f.expected) == ("capaian_mismatch", Severity.ERROR, 421, "73,24%",
                                                                  "105.88")
    assert capaian_computed(rec) == (D("105.88"), "mismatch")


def test_capaian_that_holds_gives_no_finding() -> None:
    rec = indicator("90,80 (Indeks)", "66,5 (Indeks)", "73,24%", 422)
    assert audit(report(indicators=(rec,))) == ()
    assert capaian_computed(rec) == (D("73.24"), "ok")


def test_capaian_lower_is_better() -> None:
    rec = indicator("10", "8", "120%", 5, indikator="Jumlah temuan BPK")
    assert audit(report(indicators=(rec,))) == ()
    assert capaian_computed(rec) == (D("120"), "ok")


def test_capaian_truncated_is_info() -> None:
    rec = indicator("3 Laporan", "2 Laporan", "66,66%", 7)
    (f,) = audit(report(indicators=(rec,)))
    assert (f.severity, f.expected) == (Severity.INFO, "66.67")


def test_capaian_not_checkable_without_target() -> None:
    rec = indicator("-", "96,35", "73,24%", 3)
    assert capaian_computed(rec) == (None, "not_checkable")


def test_pct_mismatch_and_pct_computed() -> None:
    rec = budget("11.025.531.000", "10.224.811.187", "93,32%", 1300, item="JUMLAH")
    (f,) = audit(report(budget=(rec,)))
    assert (f.rule, f.line, f.stated, f.expected, f.difference) == ("pct_mismatch", 1300, "93,32%", "92.74", "0.58")
    assert pct_computed(rec) == (D("92.74"), "mismatch")


def test_column_total_mismatch() -> None:
    t = table([["Paspor", "100"], ["Visa", "50"], ["Jumlah", "160"]], header=[["Layanan", "Jumlah"]])
    (f,) = audit(report(tables=(t,)))
    assert (f.rule, f.line, f.stated, f.expected, f.difference) == ("sum_mismatch", 12, "160", "150", "10")


def test_column_total_of_rounded_parts_uses_half_units() -> None:
    t = table([["A", "1,4"], ["B", "1,4"], ["C", "1,4"], ["Jumlah", "4,3"]], header=[["x", "Nilai"]])
    assert audit(report(tables=(t,))) == ()


def test_split_table_summed_as_one() -> None:
    t1 = table([["A", "10"], ["B", "20"]], header=[["Item", "Jumlah"]])
    t2 = table([["C", "5"], ["TOTAL", "35"]], first_line=20, table_id="t2", continues="t1")
    assert audit(report(tables=(t1, t2))) == ()


def test_a_total_under_a_list_opening_on_its_second_sub_item_is_not_checked() -> None:
    # 4.2.1 is on a page not read with the table: the total is not the sum of these rows alone
    rows = [["4.2.2. Retribusi jasa usaha", "250"], ["4.2.3. Retribusi perizinan", "40"], ["JUMLAH", "900"]]
    t = table(rows, header=[["Uraian", "Anggaran"]])
    assert audit(report(tables=(t,))) == ()
    whole = table([["4.2.1. Retribusi jasa umum", "600"], *rows], header=[["Uraian", "Anggaran"]])
    (f,) = audit(report(tables=(whole,)))
    assert (f.rule, f.stated, f.expected) == ("sum_mismatch", "900", "890")


def test_row_total_l_plus_p() -> None:
    rows = [["Gol IV", "3", "2", "5"], ["Gol III", "10", "4", "14"], ["Gol II", "4", "8", "13"]]
    t = table(rows, header=[["Golongan", "L", "P", "JUMLAH"]])
    (f,) = audit(report(tables=(t,)))
    assert (f.rule, f.line, f.stated, f.expected) == ("sum_mismatch", 12, "13", "12")


def test_label_total_against_rows_it_heads() -> None:
    rows = [["1", "Paspor total permohonan = 7.630", "Terbit", "6.858"], ["", "", "Ditolak", "17"],
            ["", "", "Batal", "396"]]
    t = table(rows, header=[["No", "Jenis layanan", "Status", "Jumlah"]], first_line=446)
    (f,) = audit(report(tables=(t,)))
    assert (f.rule, f.line, f.stated, f.expected) == ("sum_mismatch", 446, "7.630", "7271")


def test_single_wrong_cell_named_by_two_failing_checks() -> None:
    header = [["Belanja", "Anggaran 2019", "Realisasi 2019", "% 2019"]]
    rows = [["Belanja Pegawai", "3.235.415.000", "3.202.773.401", "98,99"],
            ["Belanja Barang", "2.401.454.000", "5.882.620.658", "81,81"],
            ["Belanja Modal", "29.141.343.000", "29.084.565.066", "99,81"],
            ["Jumlah Belanja", "39.567.631.000", "38.169.959.125", "96,47"]]
    t = table(rows, header=header, first_line=960)
    recs = tuple(budget(r[1], r[2], r[3], 960 + i, item=r[0], is_total=i == 3) for i, r in enumerate(rows))
    findings = audit(report(tables=(t,), budget=recs))
    errors = [(f.rule, f.line) for f in findings if f.severity == Severity.ERROR]
    assert errors == [("pct_mismatch", 961), ("sum_mismatch", 963)]
    fixes = {f.suggested_fix for f in findings}
    assert fixes == {"line 961: 2.401.454.000 → 7190873000 (makes all 2 related checks hold)"}
    assert all(961 in (f.line, *f.related_lines) and 963 in (f.line, *f.related_lines) for f in findings)


def test_pct_of_the_pagu_before_revision_is_accepted() -> None:
    from dataclasses import replace

    from tests.validators.builders import q

    rec = replace(budget("10.000", "9.000", "95,00", 70), pagu_original=q("9.474", 70))
    assert audit(report(budget=(rec,))) == ()


def test_a_decrease_measured_itself_is_higher_is_better() -> None:
    rec = indicator("6%", "11,45%", "190,83%", 37, indikator="Tingkat penurunan emisi Gas Rumah Kaca")
    assert audit(report(indicators=(rec,))) == ()
    assert capaian_computed(rec) == (D("190.83"), "ok")


def test_the_only_unconfirmed_figure_is_named() -> None:
    header = [["Belanja", "Pagu", "Realisasi", "%"]]
    rows = [["Belanja Pegawai", "4.309.908.000", "4.298.157.721", "99,73"],
            ["Belanja Barang", "5.082.261.000", "4.395.168.391", "86,48"],
            ["Belanja Modal", "1.633.362.000", "1.531.485.075", "93,76"],
            ["JUMLAH", "11.025.531.000", "10.224.811.187", "93,32"]]
    t = table(rows, header=header, first_line=1297)
    recs = tuple(budget(r[1], r[2], r[3], 1297 + i, item=r[0], is_total=i == 3) for i, r in enumerate(rows))
    (f,) = audit(report(tables=(t,), budget=recs))
    assert (f.rule, f.line, f.expected) == ("pct_mismatch", 1300, "92.74")
    assert f.suggested_fix == "line 1300: 93,32 → 92.74 (the other figures are confirmed by checks that hold)"

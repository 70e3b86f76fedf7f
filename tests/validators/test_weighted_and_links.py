"""Weighted score tables, zero-ratio rows, hierarchical totals, head counts and formula-derived records."""

from pipeline.model import Severity
from tests.validators.builders import formula, indicator, report, statement, table
from validators.engine import audit
from validators.rules.crossref import expand_acronyms
from validators.rules.weighted import declared_weight_sets

SMART_WEIGHTS = (
    statement("1. Capaian keluaran dengan bobot 43,5%;", 1399),
    statement("2. Penyerapan anggaran dengan bobot 28,6%;", 1400),
    statement("3. Efisiensi dengan bobot 18,2%; dan", 1401),
    statement("4. Konsistensi penyerapan anggaran terhadap perencanaan dengan bobot 9,7%.", 1402),
)
SMART_HEADER = [["No", "Tahun", "Nilai Kinerja", "Penyerapan", "Konsistensi", "CRO", "Efisiensi", "Nilai Efisiensi"]]


def test_declared_weights_are_read_as_one_set() -> None:
    (weights,) = declared_weight_sets(SMART_WEIGHTS)
    assert [(w.label, str(w.value), w.line) for w in weights] == [
        ("Capaian keluaran", "43.5", 1399), ("Penyerapan anggaran", "28.6", 1400), ("Efisiensi", "18.2", 1401),
        ("Konsistensi penyerapan anggaran terhadap perencanaan", "9.7", 1402)]


def test_weighted_row_that_holds_and_one_that_does_not() -> None:
    rows = [["1", "2021", "78.36", "91.5", "95.38", "77.18", "5.94", "64.84"],
            ["3", "2023", "98.36", "96.74", "92.72", "100", "20", "100"]]
    t = table(rows, header=SMART_HEADER, first_line=1409, title="Tabel III.22 SMART")
    (f,) = audit(report(statements=SMART_WEIGHTS, tables=(t,)))
    assert (f.rule, f.severity, f.line, f.stated, f.expected) == ("weighted_sum_mismatch", Severity.WARNING, 1409,
                                                                  "78.36", "80.80")
    assert f.related_lines == (1399, 1400, 1401, 1402)


def test_ikpa_nilai_times_bobot() -> None:
    rows = [["Nilai", "100.00", "87.20", "84.90"], ["Bobot", "10", "15", "20"],
            ["Nilai Akhir", "10.00", "13.08", "16.90"]]
    t = table(rows, header=[["Keterangan", "Revisi DIPA", "Deviasi", "Penyerapan"]], first_line=1500)
    (f,) = audit(report(tables=(t,)))
    assert (f.rule, f.severity, f.line, f.stated, f.expected) == ("weighted_sum_mismatch", Severity.ERROR, 1502,
                                                                  "16.90", "16.98")


def test_combined_score_outside_its_parts() -> None:
    rows = [["2021", "78.36", "99.36", "86.75"], ["2022", "88.18", "93.07", "90.14"],
            ["2023", "98.36", "95.69", "90.29"]]
    t = table(rows, header=[["TAHUN", "SMART", "IKPA", "Nilai Kinerja Anggaran"]], first_line=1552)
    (f,) = audit(report(tables=(t,)))
    assert (f.rule, f.line, f.stated, f.expected) == ("weighted_sum_mismatch", 1554, "90.29",
                                                      "between 95.69 and 98.36")


def test_row_of_zeros_with_a_percentage_is_undefined() -> None:
    rows = [["2020", "0", "0", "0%"], ["2024", "1", "1", "100%"]]
    t = table(rows, header=[["Tahun", "Ditangani", "Ditindaklanjuti", "Capaian"]], first_line=680)
    (f,) = audit(report(tables=(t,)))
    assert (f.rule, f.severity, f.line, f.expected) == ("undefined_ratio", Severity.WARNING, 680, "undefined (0/0)")


def test_program_rows_equal_to_their_kegiatan_are_not_double_counted() -> None:
    rows = [["Program A", "2.834.681.000"], ["Kegiatan A1", "2.834.681.000"], ["Program B", "7.583.649.000"],
            ["Kegiatan B1", "7.583.649.000"], ["Total", "10.418.330.000"]]
    t = table(rows, header=[["Program/Kegiatan", "Anggaran"]], first_line=1668)
    assert audit(report(tables=(t,))) == ()
    wrong = [*rows[:-1], ["Total", "10.418.331.000"]]
    (f,) = audit(report(tables=(table(wrong, header=[["Program/Kegiatan", "Anggaran"]], first_line=1668),)))
    assert (f.rule, f.expected) == ("sum_mismatch", "10418330000")


def test_head_count_stated_differently() -> None:
    sts = (statement("didukung oleh 74 (Tujuh Puluh Empat) orang Aparatur Sipil Negara (ASN) di bulan Desember", 261),
           statement("sumber daya manusia sejumlah 71 orang pegawai, dengan formasi 1 orang Eselon III, 5 orang "
                     "Eselon IV, 11 orang Eselon V dan 54 Jabatan Fungsional.", 294),
           statement("sumber daya manusia sejumlah 73 orang pegawai, dengan formasi 1 orang Eselon III, 5 orang "
                     "Eselon IV, 11 orang Eselon V dan 56 Jabatan Fungsional.", 370))
    (f,) = audit(report(statements=sts))
    assert (f.rule, f.severity, f.line, f.related_lines) == ("cross_reference_mismatch", Severity.WARNING, 294,
                                                             (261, 370))
    assert f.message == "the head count is stated as 74 (line 261), 71 (line 294), 73 (line 370)"


def test_formula_under_an_indicator_heading_is_cross_referenced() -> None:
    name = "Persentase Pelaksanaan Rencana Aksi Reformasi Birokrasi di Lingkup UPT Imigrasi"
    rec = indicator("100%", "91%", "91%", 423, indikator=name)
    fs = (formula(r"\text{Capaian} = \frac{\text{Realisasi}}{\text{Target}} * 100\%", "", 973, label="Capaian"),
          formula(r"\text{Capaian} = \frac{105}{100\%} * 100\%", r"105\%", 973, label="Capaian"))
    fs = tuple(type(f)(f.label, f.expression, f.stated, f.prov, "Indikator Kinerja Kegiatan Persentase Pelaksanaan "
                       "Rencana Aksi RB › a) Perbandingan", f.syntax) for f in fs)
    (f,) = [f for f in audit(report(indicators=(rec,), formulas=fs)) if f.rule == "cross_reference_mismatch"]
    assert (f.line, f.stated, f.expected, f.related_lines) == (423, "91%", "105\\%", (973,))


def test_acronyms_expand_against_the_long_name() -> None:
    assert expand_acronyms("rencana aksi rb", "rencana aksi reformasi birokrasi di lingkup") == \
        "rencana aksi rb di lingkup"


def test_ikpa_as_columns_with_a_total() -> None:
    rows = [["1", "Revisi DIPA", "100,00", "10%", "10,00"], ["2", "Deviasi Halaman III DIPA", "92,40", "15%", "13,86"],
            ["3", "Penyerapan Anggaran", "96,12", "20%", "19,22"], ["", "Nilai Total", "", "45%", "43,08"]]
    t = table(rows, header=[["No", "Indikator", "Nilai", "Bobot", "Nilai Akhir"]], first_line=84)
    assert audit(report(tables=(t,))) == ()
    rows[1][4], rows[3][4] = "13,68", "43,18"
    findings = audit(report(tables=(table(rows, header=[["No", "Indikator", "Nilai", "Bobot", "Nilai Akhir"]],
                                          first_line=84),)))
    assert [(f.line, f.stated, f.expected) for f in findings] == [(85, "13,68", "13.86"), (87, "43,18", "42.90")]

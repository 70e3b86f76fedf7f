"""Rules over whole tables and series: a mean over zero respondents, the same quantity in two tables,
a growth claim against a series, two partitions of one staff count, IKPA aspects."""

from __future__ import annotations

import pytest

from pipeline.model import Finding, IndicatorRecord, Severity, Table
from tests.conftest import sample
from tests.validators.builders import q, report, statement, table
from validators.engine import audit


def _rules(findings: tuple[Finding, ...], rule: str) -> list[Finding]:
    return [f for f in findings if f.rule == rule]


# --------------------------------------------------------------------------- zero respondents


def test_score_printed_for_a_month_without_respondents_is_undefined() -> None:
    scores = table([["Januari", "3,92"], ["Februari", "3,90"], ["Maret", "0,00"], ["April", "3,95"]],
                   header=[["Bulan", "Nilai SKM"]], first_line=10)
    resp = statement("Responden 12 31 0 32", 16)
    found = _rules(audit(report(tables=(scores,), statements=(resp,))), "undefined_ratio")
    assert [(f.line, f.severity, f.stated, f.expected) for f in found] == \
        [(12, Severity.WARNING, "0,00", "undefined (0 respondents)")]
    assert found[0].related_lines == (16,)


def test_respondents_as_a_column_name_the_row() -> None:
    t = table([["Januari", "3,92", "12"], ["Februari", "0,00", "0"], ["Maret", "3,90", "30"]],
              header=[["Bulan", "Nilai SKM", "Responden"]], first_line=20)
    found = _rules(audit(report(tables=(t,))), "undefined_ratio")
    assert [(f.line, f.stated) for f in found] == [(21, "0,00")]


def test_no_finding_where_every_month_has_respondents_or_no_score() -> None:
    t = table([["Januari", "3,92", "12"], ["Februari", "-", "0"], ["Maret", "3,90", "30"]],
              header=[["Bulan", "Nilai SKM", "Responden"]], first_line=20)
    counts = table([["Januari", "2", "12"], ["Februari", "0", "0"], ["Maret", "1", "30"]],
                   header=[["Bulan", "Pengaduan", "Responden"]], first_line=40)
    assert _rules(audit(report(tables=(t, counts))), "undefined_ratio") == []


@pytest.mark.samples
@pytest.mark.parametrize("line", [2228, 4113])
def test_jember_monthly_surveys_with_an_empty_month(line: int) -> None:
    from pipeline.run import process

    found = [f for f in process(sample("jember_2023_lkjip.txt")).findings
             if f.rule == "undefined_ratio" and f.line == line]
    assert [(f.stated, f.severity) for f in found] == [("0,00", Severity.WARNING)]


# --------------------------------------------------------------------------- one row in two tables


_IKPA_HEADER = [["Keterangan", "Revisi DIPA", "Deviasi Halaman III DIPA", "Penyerapan Anggaran",
                 "Belanja Kontraktual", "Capaian Output"]]


def test_a_row_printed_twice_with_one_figure_changed() -> None:
    full = table([["Nilai", "100.00", "87.20", "84.90", "96.00", "65.00"],
                  ["Nilai Akhir", "10.00", "13.08", "16.98", "9.60", "16.25"]],
                 header=_IKPA_HEADER, first_line=10, table_id="a", title="Tabel 1 IKPA 2024")
    summary = table([["10", "13.08", "16.38", "9.6", "16.25"]],
                    header=[["Revisi DIPA", "Deviasi Halaman III DIPA", "Penyerapan Anggaran", "Belanja Kontraktual",
                             "Capaian Output"]], first_line=30, table_id="b", title="Tabel 2 Nilai Pelaksanaan")
    found = _rules(audit(report(tables=(full, summary))), "cross_reference_mismatch")
    assert [(f.line, f.severity, f.stated, f.expected, f.difference, f.related_lines) for f in found] == \
        [(30, Severity.WARNING, "16.38", "16.98", "-0.60", (11,))]


def test_rows_of_different_years_or_with_several_differences_are_not_one_row() -> None:
    y23 = table([["Nilai Akhir", "10.00", "6.98", "19.49", "9.50", "25.00"]], header=_IKPA_HEADER, first_line=10,
                table_id="a", title="IKPA Tahun 2023")
    y24 = table([["Nilai Akhir", "10.00", "6.98", "19.49", "9.60", "25.00"]], header=_IKPA_HEADER, first_line=20,
                table_id="b", title="IKPA Tahun 2024")
    other = table([["Nilai Akhir", "10.00", "6.98", "19.00", "9.60", "25.00"]], header=_IKPA_HEADER, first_line=30,
                  table_id="c", title="IKPA Tahun 2023 (ringkas)")
    found = _rules(audit(report(tables=(y23, y24))), "cross_reference_mismatch")
    assert found == []
    found = _rules(audit(report(tables=(y23, other))), "cross_reference_mismatch")
    assert found == []  # two columns differ: not a copy with one slip


@pytest.mark.samples
def test_tanjungpinang_penyerapan_anggaran_in_two_tables() -> None:
    from pipeline.run import process

    found = [f for f in process(sample("tanjungpinang_2024_lkjip.txt")).findings
             if f.rule == "cross_reference_mismatch" and f.line == 1541]
    assert [(f.stated, f.expected, f.severity) for f in found] == [("16.38", "16.98", Severity.WARNING)]


# --------------------------------------------------------------------------- two partitions of one head count


_STAFF_HEADER = [["GOL", "TEKNIS LK", "PR", "NON TEKNIS LK", "PR", "STRUKTURAL LK", "PR", "NON STRUKTURAL LK", "PR",
                  "JUMLAH"]]


def test_two_classifications_of_the_same_staff_split_them_differently_by_sex() -> None:
    t = table([["III", "14", "2", "17", "8", "13", "4", "18", "6", "41"],
               ["II", "0", "0", "4", "8", "0", "0", "5", "7", "12"]], header=_STAFF_HEADER, first_line=50)
    found = _rules(audit(report(tables=(t,))), "cross_reference_mismatch")
    assert [(f.line, f.severity, f.stated, f.expected, f.difference) for f in found] == \
        [(51, Severity.WARNING, "men 4, women 8 by TEKNIS/NON TEKNIS", "men 5, women 7 by STRUKTURAL/NON STRUKTURAL",
          "-1")]


def test_classes_that_are_no_two_partitions_are_not_compared() -> None:
    # the groups do not add up alike in every row: four classes of different people, not two classifications
    t = table([["III", "14", "2", "17", "8", "13", "4", "18", "6", "82"],
               ["II", "1", "0", "4", "8", "0", "0", "5", "7", "25"]], header=_STAFF_HEADER, first_line=50)
    assert _rules(audit(report(tables=(t,))), "cross_reference_mismatch") == []


@pytest.mark.samples
def test_balikpapan_golongan_ii_split_by_sex_two_ways() -> None:
    from pipeline.run import process

    found = [f for f in process(sample("balikpapan_2020_lakip.txt")).findings
             if f.rule == "cross_reference_mismatch" and f.line == 137]
    assert [(f.stated, f.expected) for f in found] == \
        [("men 4, women 8 by TEKNIS/NON TEKNIS", "men 5, women 7 by STRUKTURAL/NON STRUKTURAL")]


# --------------------------------------------------------------------------- a percentage called the realisasi


def _sentence(target: str, realisasi: str, capaian: str | None, line: int) -> IndicatorRecord:
    text = f"target {target}; realisasi {realisasi}"
    return IndicatorRecord("r", "test.txt", line, None, "", "narrative", 2024, "", "Indeks Kepuasan Unit Kerja",
                           q(target, line), q(realisasi, line), q(capaian, line) if capaian else None, text)


def test_a_percentage_called_the_realisasi_of_an_index_target() -> None:
    right = _sentence("3,1", "3,96", "127,74%", 8)
    wrong = _sentence("3,1", "127,74%", None, 27)
    found = _rules(audit(report(indicators=(right, wrong))), "cross_reference_mismatch")
    assert [(f.line, f.severity, f.stated, f.expected, f.related_lines) for f in found] == \
        [(27, Severity.WARNING, "127,74%", "3,96", (8,))]


def test_a_percentage_realisasi_of_a_percentage_target_is_its_unit() -> None:
    rec = _sentence("90%", "111,1%", None, 27)
    assert _rules(audit(report(indicators=(rec,))), "cross_reference_mismatch") == []


def test_a_percentage_the_sentence_calls_the_capaian_is_not_taken_for_the_realisasi() -> None:
    rec = IndicatorRecord("r", "test.txt", 44, None, "", "narrative", 2016, "", "jumlah rekomendasi",
                          q("1 dokumen", 44), q("200%", 44), None,
                          "dari target 1 dokumen terealisasi 2 dokumen sehingga pencapaian kinerja diperoleh 200%")
    assert _rules(audit(report(indicators=(rec,))), "cross_reference_mismatch") == []


@pytest.mark.samples
def test_tanjungpinang_rpjmn_comparison_names_the_capaian_realisasi() -> None:
    from pipeline.run import process

    found = [f for f in process(sample("tanjungpinang_2024_lkjip.txt")).findings
             if f.rule == "cross_reference_mismatch" and f.line == 1227]
    assert [(f.stated, f.expected) for f in found] == [("127,74%", "3,96")]


# --------------------------------------------------------------------------- structural posts


_FORMATION = ("Kantor didukung sumber daya manusia sejumlah 61 orang pegawai, dengan formasi 1 orang Eselon III, "
              "5 orang Eselon IV, 11 orang Eselon V, dan 44 Jabatan Fungsional.")


def test_structural_posts_in_the_table_against_the_eselon_posts_in_the_text() -> None:
    t = table([["Jabatan Struktural", "15"], ["Analis Keimigrasian", "16"], ["Pemeriksa Keimigrasian", "4"],
               ["Jabatan Fungsional Umum", "26"], ["Total", "61"]], header=[["Jabatan", "Jumlah"]], first_line=70)
    found = _rules(audit(report(tables=(t,), statements=(statement(_FORMATION, 60),))), "cross_reference_mismatch")
    assert [(f.line, f.severity, f.stated, f.expected, f.difference, f.related_lines) for f in found] == \
        [(70, Severity.WARNING, "15", "17", "-2", (60,))]


def test_a_staff_table_of_another_head_count_is_not_compared() -> None:
    t = table([["Jabatan Struktural", "15"], ["Jabatan Fungsional", "40"], ["Total", "55"]],
              header=[["Jabatan", "Jumlah"]], first_line=70)
    assert _rules(audit(report(tables=(t,), statements=(statement(_FORMATION, 60),))),
                  "cross_reference_mismatch") == []


@pytest.mark.samples
def test_jember_structural_posts() -> None:
    from pipeline.run import process

    found = [f for f in process(sample("jember_2023_lkjip.txt")).findings
             if f.rule == "cross_reference_mismatch" and f.line == 776]
    assert [(f.stated, f.expected) for f in found] == [("15", "17")]


# --------------------------------------------------------------------------- everything at 100 %


_MONEV_HEADER = [["Kode & Nomenklatur", "Volume", "Pelaksanaan (% kumulatif)", "Anggaran", "Realisasi", "%"]]


def test_a_claim_that_everything_was_done_against_the_table_shown() -> None:
    claim = statement("Seluruh volume kegiatan telah terlaksana 100% sebagaimana ditampilkan berikut ini:", 100)
    t = table([["Layanan Paspor", "25.000,0 ORANG", "100.00%", "1,192,759,000", "1,164,197,906", "97.6"],
               ["Layanan Izin Tinggal", "3.000,0 ORANG", "90.00%", "426,711,000", "412,204,702", "96.6"]],
              header=_MONEV_HEADER, first_line=110)
    found = _rules(audit(report(tables=(t,), statements=(claim,))), "cross_reference_mismatch")
    assert [(f.line, f.severity, f.stated, f.expected, f.related_lines) for f in found] == \
        [(100, Severity.WARNING, "100%", "90.00%", (111,))]


def test_a_claim_kept_by_its_table_or_without_a_table_after_it() -> None:
    claim = statement("Seluruh volume kegiatan telah terlaksana 100% sebagaimana ditampilkan berikut ini:", 100)
    kept = table([["Layanan Paspor", "25.000,0 ORANG", "100.00%", "1,192,759,000", "1,164,197,906", "97.6"]],
                 header=_MONEV_HEADER, first_line=110)
    far = table([["Layanan Izin Tinggal", "3.000,0 ORANG", "90.00%", "426,711,000", "412,204,702", "96.6"]],
                header=_MONEV_HEADER, first_line=400, table_id="t2")
    assert _rules(audit(report(tables=(kept,), statements=(claim,))), "cross_reference_mismatch") == []
    assert _rules(audit(report(tables=(far,), statements=(claim,))), "cross_reference_mismatch") == []


@pytest.mark.samples
def test_tanjungpinang_all_volumes_done_against_e_monev() -> None:
    from pipeline.run import process

    found = [f for f in process(sample("tanjungpinang_2024_lkjip.txt")).findings
             if f.rule == "cross_reference_mismatch" and f.line == 1602]
    assert [(f.stated, f.expected) for f in found] == [("100%", "90.00%, 90.00%")]


# --------------------------------------------------------------------------- the working area


def test_the_working_area_counted_differently_in_two_places() -> None:
    profile = statement("Kantor menaungi 19 kecamatan yang terletak di Kota Bontang dan Kabupaten Kutai Timur.", 172)
    risk = table([["2", "Geografis wilayah kerja yang luas terdiri dari 21 Kecamatan", "Pelayanan keliling"]],
                 header=[["No", "Risiko", "Penanganan"]], first_line=346)
    again = statement("Wilayah kerja kantor meliputi 21 kecamatan.", 400)
    found = _rules(audit(report(tables=(risk,), statements=(profile, again))), "cross_reference_mismatch")
    assert [(f.line, f.severity, f.stated, f.expected, f.related_lines) for f in found] == \
        [(172, Severity.WARNING, "19 kecamatan", "21", (346, 400))]


def test_parts_of_the_area_counted_separately_are_no_count_of_the_whole() -> None:
    whole = statement("Wilayah kerja kantor meliputi 11 kecamatan.", 10)
    parts = statement("Wilayah kerja meliputi 4 kecamatan di Kota Tanjungpinang dan 7 kecamatan di Kabupaten Bintan.",
                      20)
    some = statement("Wilayah kerja meliputi sebagian Kabupaten Bintan yang terdiri atas 7 kecamatan.", 30)
    assert _rules(audit(report(statements=(whole, parts, some))), "cross_reference_mismatch") == []


@pytest.mark.samples
def test_bontang_kecamatan_of_the_working_area() -> None:
    from pipeline.run import process

    found = [f for f in process(sample("bontang_2025_lkjip.txt")).findings
             if f.rule == "cross_reference_mismatch" and f.line == 172]
    assert [(f.stated, f.expected) for f in found] == [("19 kecamatan", "21")]


# --------------------------------------------------------------------------- IKPA aspects and konversi bobot


_IKPA_2021 = [["Keterangan", "Revisi DIPA", "Deviasi", "Pagu Minus", "Data Kontrak", "UP dan TUP", "Renkas",
               "Kesalahan SPM", "Nilai Total", "Konversi Bobot", "Nilai Akhir (Nilai Total/Konversi Bobot)"]]


def _ikpa(aspect_first: str = "97.64", final: str = "99.36") -> Table:
    return table([["Nilai", "100.00", "92.93", "100.00", "100.00", "100.00", "0.00", "95.00", "94.40", "95%", final],
                  ["Bobot", "5", "5", "5", "10", "8", "0", "5", "", "", ""],
                  ["Nilai Akhir", "5.00", "4.65", "5.00", "10.00", "8.00", "0.00", "4.75", "", "", ""],
                  ["Nilai Aspek", aspect_first, "", "", "100.00", "", "95.00", "", "", "", ""]],
                 header=_IKPA_2021, first_line=10, title="IKPA 2021")


def test_ikpa_aspects_and_konversi_that_hold() -> None:
    # 97.64 = mean(100, 92.93, 100); 95.00 = Kesalahan SPM alone (Renkas has bobot 0); 94.40 / 95% = 99.368 → 99.36
    assert _rules(audit(report(tables=(_ikpa(),))), "weighted_sum_mismatch") == []


def test_ikpa_aspect_that_is_no_mean_of_its_indicators() -> None:
    found = _rules(audit(report(tables=(_ikpa(aspect_first="96.64"),))), "weighted_sum_mismatch")
    assert [(f.line, f.severity, f.stated, f.expected, f.difference) for f in found] == \
        [(13, Severity.WARNING, "96.64", "97.64", "-1.00")]


def test_ikpa_nilai_akhir_that_is_no_conversion_of_the_total() -> None:
    found = _rules(audit(report(tables=(_ikpa(final="94.40"),))), "weighted_sum_mismatch")
    assert [(f.line, f.severity, f.stated, f.expected) for f in found] == [(10, Severity.WARNING, "94.40", "99.37")]


# --------------------------------------------------------------------------- a rise year after year


_SERIES_HEADER = [["Tahun", "Layanan Keimigrasian yang diterima", "Layanan Keimigrasian yang diselesaikan", "Capaian"]]
_CLAIM = ("Dan jika dibandingkan dengan tahun-tahun sebelumnya, maka jumlah layanan keimigrasian mengalami "
          "peningkatan dari tahun ke tahun.")


def _series(values: list[str]) -> Table:
    return table([[str(2020 + i), v, v, "100%"] for i, v in enumerate(values)], header=_SERIES_HEADER,
                 first_line=888, title="Data Layanan Keimigrasian Tahun 2020 - 2024")


def test_a_rise_year_after_year_against_a_series_that_falls() -> None:
    t = _series(["11.422", "9.447", "27.276", "29.535", "28.334"])
    found = _rules(audit(report(tables=(t,), statements=(statement(_CLAIM, 919),))), "growth_mismatch")
    assert [(f.line, f.severity, f.stated, f.expected, f.related_lines) for f in found] == \
        [(919, Severity.WARNING, "a rise every year", "2020 11.422 → 2021 9.447; 2023 29.535 → 2024 28.334",
          (888, 889, 891, 892))]


def test_a_rise_kept_or_a_table_too_far_before() -> None:
    rising = _series(["9.447", "11.422", "27.276", "28.334", "29.535"])
    assert _rules(audit(report(tables=(rising,), statements=(statement(_CLAIM, 919),))), "growth_mismatch") == []
    falling = _series(["11.422", "9.447", "27.276", "29.535", "28.334"])
    assert _rules(audit(report(tables=(falling,), statements=(statement(_CLAIM, 1500),))), "growth_mismatch") == []

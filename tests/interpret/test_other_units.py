"""Reports of other units than immigration offices: a Dinas Kesehatan, a Bappeda and an RSUD (data/raw).

Each rule is tested on a hand-built table (any unit) and on the named line of the fictional reports in
data/raw, whose figures are asserted exactly.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from interpret.classify import INDICATOR, NONE, classify, year_columns_role
from interpret.columns import read_header
from interpret.records import interpret_document, table_records
from pipeline.ingest import open_source
from pipeline.model import Flag, IndicatorRecord, Report
from pipeline.run import extract
from tests.interpret.helpers import make_document, make_table

RAW = Path(__file__).resolve().parents[2] / "data" / "raw"
DINKES = "lkjip_dinkes_lembah_hijau_2023.txt"
BAPPEDA = "lkjip_bappeda_kota_bukit_permata_2022.txt"
RSUD = "lkjip_rsud_bunda_kasih_sumatera_tengah_2024.txt"


def _v(q):
    return None if q is None else q.value


@pytest.fixture(scope="module")
def reports() -> dict[str, Report]:
    return {name: interpret_document(extract(open_source(RAW / name))) for name in (DINKES, BAPPEDA, RSUD)}


def _at(report: Report, line: int, kind: str | None = None) -> list[IndicatorRecord]:
    return [r for r in report.indicators if r.line == line and (kind is None or r.kind == kind)]


def _by_year(recs: list[IndicatorRecord], role: str = "realisasi") -> dict[int | None, Decimal | None]:
    return {r.year: _v(getattr(r, role)) for r in recs}


# --------------------------------------------------------------------------- bare year columns


def _year_table(title: str, rows: list[list[str]]):
    return make_table([["Indikator Kinerja", "Satuan", "2021", "2022", "2023"], *rows], n_header=1, title=title)


def test_year_columns_hold_what_the_caption_names():
    t = _year_table("Tabel 3.2 Perbandingan Realisasi Kinerja Tahun 2021-2023", [
        ["Angka kejadian X", "per 1.000", "9,8", "9,1", "7,9"],
        ["Jumlah peserta pelatihan", "Orang", "1.250", "-", "1,480"],
        ["Jumlah kasus Y", "Kasus", "2", "1", "Nihil"],
    ])
    ind, bud = table_records(make_document([t], year=2023))
    assert bud == []
    assert {r.kind for r in ind} == {"multi_year"} and {r.target for r in ind} == {None}
    assert [(r.indikator, r.year, _v(r.realisasi), r.line) for r in ind] == [
        ("Angka kejadian X", 2021, Decimal("9.8"), 11),
        ("Angka kejadian X", 2022, Decimal("9.1"), 11),
        ("Angka kejadian X", 2023, Decimal("7.9"), 11),
        ("Jumlah peserta pelatihan", 2021, Decimal("1250"), 12),
        ("Jumlah peserta pelatihan", 2023, Decimal("1480"), 12),  # `Orang`: a count, `1,480` groups thousands
        ("Jumlah kasus Y", 2021, Decimal("2"), 13),
        ("Jumlah kasus Y", 2022, Decimal("1"), 13),
        ("Jumlah kasus Y", 2023, Decimal("0"), 13),
    ]


def test_year_columns_role_from_the_caption():
    spec, _ = read_header(_year_table("", []))
    assert year_columns_role(spec, "Tabel 3.2 Realisasi Indikator Kinerja Tahun 2021-2024 "
                                   "B. Perbandingan Capaian Kinerja") == "realisasi"  # the title's word first
    assert year_columns_role(spec, "Target Kinerja Tahun 2024-2026") == "target"
    assert year_columns_role(spec, "Capaian Kinerja 2021-2023") == "realisasi"  # beside `Satuan`: in its unit
    no_unit, _ = read_header(make_table([["Indikator", "2021", "2022"]], n_header=1))
    assert year_columns_role(no_unit, "Capaian Kinerja 2021-2022") == "capaian"
    assert year_columns_role(spec, "Target dan Realisasi Kinerja 2021-2023") == ""  # two roles: neither
    assert year_columns_role(spec, "Tabel 3.2 Kinerja Tahun 2021-2023") == ""


def test_year_columns_without_a_role_word_or_of_rupiah_stay_unread():
    rows = [["Indikator A", "%", "80,5", "82,1", "85,0"]]
    spec, body = read_header(_year_table("", rows))
    assert classify(spec, body, "Tabel 3.2 Kinerja Tahun 2021-2023").family == NONE
    assert classify(spec, body, "Tabel 3.2 Perbandingan Realisasi Kinerja").family == INDICATOR
    money = [["Program A", "Rp", "1.250.000.000", "1.300.000.000", "1.410.500.000"]]
    spec, body = read_header(_year_table("", money))
    assert classify(spec, body, "Tabel 3.5 Realisasi Anggaran Tahun 2021-2023").family == NONE


def test_raw_reports_multi_year_tables(reports: dict[str, Report]):
    dinkes, bappeda, rsud = reports[DINKES], reports[BAPPEDA], reports[RSUD]
    assert _by_year(_at(dinkes, 192, "multi_year")) == {2021: Decimal("112"), 2022: Decimal("101"),
                                                        2023: Decimal("88")}
    assert _by_year(_at(dinkes, 198, "multi_year")) == {2022: Decimal("81.20"), 2023: Decimal("83.45")}  # 2021 `-`
    assert _by_year(_at(dinkes, 200, "multi_year")) == {2021: Decimal("2"), 2022: Decimal("1"), 2023: Decimal("0")}
    assert _by_year(_at(bappeda, 137, "multi_year")) == {2019: Decimal("58.20"), 2021: Decimal("66.47"),
                                                         2022: Decimal("71.84")}
    assert _by_year(_at(rsud, 125, "multi_year")) == {2021: Decimal("28.6"), 2022: Decimal("26.1"),
                                                      2023: Decimal("23.9"), 2024: Decimal("21.4")}
    # `Orang`: 84.210 and 93,118 alike are whole visits, whatever the column's decimal commas
    assert _by_year(_at(rsud, 127, "multi_year")) == {2021: Decimal("84210"), 2022: Decimal("89775"),
                                                      2023: Decimal("93118"), 2024: Decimal("98436")}
    n_multi = {name: sum(r.kind == "multi_year" for r in rep.indicators) for name, rep in reports.items()}
    assert n_multi == {DINKES: 17, BAPPEDA: 17, RSUD: 24}


# --------------------------------------------------------------------------- the row's own unit


def test_a_row_counted_in_people_is_no_rupiah_and_a_whole_number():
    t = make_table([
        ["Indikator Kinerja", "Satuan", "Target", "Realisasi", "Capaian (%)"],
        ["Jumlah kunjungan pasien", "Orang", "95.000", "98,436", "103,62"],
        ["Angka kejadian infeksi", "%", "1,5", "1,2", "80,00"],
        ["Net Death Rate", "‰", "25", "21,4", "114,40"],
    ], n_header=1)
    ind, bud = table_records(make_document([t]))
    assert bud == []
    assert [(r.line, _v(r.target), _v(r.realisasi), _v(r.capaian)) for r in ind] == [
        (11, Decimal("95000"), Decimal("98436"), Decimal("103.62")),
        (12, Decimal("1.5"), Decimal("1.2"), Decimal("80.00")),
        (13, Decimal("25"), Decimal("21.4"), Decimal("114.40")),
    ]
    target_only = make_table([["Indikator Kinerja", "Satuan", "Target"], ["Jumlah kunjungan", "Orang", "95.000"]],
                             n_header=1)
    ind, bud = table_records(make_document([target_only]))
    assert bud == [] and [(r.kind, _v(r.target)) for r in ind] == [("target_only", Decimal("95000"))]
    realised = make_table([["Indikator Kinerja", "Satuan", "Realisasi"], ["Jumlah kunjungan", "Orang", "98.436"],
                           ["Jumlah rujukan", "Pasien", "12.500"]], n_header=1)
    ind, bud = table_records(make_document([realised]))  # a realisasi column of counts is no budget table
    assert bud == [] and [_v(r.realisasi) for r in ind] == [Decimal("98436"), None]
    assert Flag.AMBIGUOUS in ind[1].realisasi.flags  # `Pasien` is no known count: 12.500 stays ambiguous


def test_a_row_in_rupiah_stays_money():
    t = make_table([
        ["Indikator Kinerja", "Satuan", "Target", "Realisasi", "Capaian"],
        ["Indeks layanan", "Indeks", "80", "84", "105"],
        ["Anggaran", "Rupiah", "1.500.000.000", "1.450.000.000", "96,67"],
    ], n_header=1)
    ind, bud = table_records(make_document([t]))
    assert [r.indikator for r in ind] == ["Indeks layanan"]
    assert [(b.item, _v(b.pagu), _v(b.realisasi)) for b in bud] == [
        ("Anggaran", Decimal("1500000000"), Decimal("1450000000"))]


def test_raw_rsud_visits_lines_74_and_106(reports: dict[str, Report]):
    rsud = reports[RSUD]
    assert [(r.kind, _v(r.target)) for r in _at(rsud, 74)] == [("target_only", Decimal("95000"))]
    assert not [b for b in rsud.budget if b.line == 74]
    row = _at(rsud, 106, "measurement")
    assert [(_v(r.target), _v(r.realisasi), _v(r.capaian)) for r in row] == [
        (Decimal("95000"), Decimal("98436"), Decimal("103.62"))]


# --------------------------------------------------------------------------- lower-is-better formulas


def test_lower_is_better_formula_plain_and_latex():
    from interpret.formulas import formula_records, lower_better_parts
    from tests.interpret.helpers import formula

    assert lower_better_parts("(95 - (88 - 95)) / 95 x 100%") == ("95", "88")
    assert lower_better_parts(r"\frac{25 - (21,4 - 25)}{25} \times 100\%") == ("25", "21,4")
    assert lower_better_parts(r"\frac{Target - (Realisasi - Target)}{Target} \times 100\%") is None
    assert lower_better_parts("(95 - (88 - 90)) / 95 x 100%") is None  # three different targets: another sum
    assert lower_better_parts("88 / 95 x 100%") is None
    doc = make_document(formulas=[
        formula("Capaian", r"\frac{Target - (Realisasi - Target)}{Target} \times 100\%", "", 40),
        formula("Capaian", r"\frac{1,5 - (1,2 - 1,5)}{1,5} \times 100\%", "120,00\\%", 44, "Angka infeksi"),
        formula("Capaian", "(60 - (52 - 60)) / 60 x 100%", "113,33%", 50, "Waktu tunggu layanan"),
    ])
    recs = formula_records(doc)
    assert [(r.line, _v(r.target), _v(r.realisasi), _v(r.capaian), r.polarity) for r in recs] == [
        (44, Decimal("1.5"), Decimal("1.2"), Decimal("120.00"), "lower"),
        (50, Decimal("60"), Decimal("52"), Decimal("113.33"), "lower"),
    ]


def test_raw_reports_lower_is_better_formulas(reports: dict[str, Report]):
    (aki,) = [r for r in _at(reports[DINKES], 181) if not r.table_id]
    assert (_v(aki.target), _v(aki.realisasi), _v(aki.capaian), aki.polarity) == (
        Decimal("95"), Decimal("88"), Decimal("107.37"), "lower")
    assert aki.indikator == "Angka Kematian Ibu (AKI)"  # named after its table row (target 95, realisasi 88)
    (ndr,) = [r for r in _at(reports[RSUD], 113) if not r.table_id]
    assert (_v(ndr.target), _v(ndr.realisasi), _v(ndr.capaian), ndr.polarity) == (
        Decimal("25"), Decimal("21.4"), Decimal("114.40"), "lower")


# --------------------------------------------------------------------------- a change from one year to another


def test_change_from_one_year_to_another_gives_each_years_realisasi():
    from interpret.narrative import records_from_statements
    from tests.interpret.helpers import statement

    doc = make_document(year=2023)
    sts = [
        statement("Angka kejadian diare terus menurun dari 112 pada tahun 2021 menjadi 88 per 1.000 penduduk "
                  "pada tahun 2023.", 60),
        statement("Indeks Kepuasan Masyarakat meningkat dari 80,5 (2022) menjadi 84,6 (2023).", 62),
        statement("Hal ini menurun dari 5 pada tahun 2021 menjadi 3 pada tahun 2022.", 64),  # names no indicator
        statement("Jumlah peserta meningkat dari 40 menjadi 55 orang.", 66),  # no years
        statement("Angka kejadian campak menurun dari 12 pada tahun 2021 menjadi 9, sedangkan target tahun 2024 "
                  "sebesar 8.", 67),  # the year after 9 is the target's
        statement("Pagu anggaran naik dari Rp 5.000.000 pada tahun 2021 menjadi Rp 6.000.000 pada tahun 2022.", 68),
    ]
    ind, _ = records_from_statements(doc, sts)
    assert [(r.line, r.indikator, r.year, _v(r.realisasi), r.target, r.capaian) for r in ind] == [
        (60, "Angka kejadian diare", 2021, Decimal("112"), None, None),
        (60, "Angka kejadian diare", 2023, Decimal("88"), None, None),
        (62, "Indeks Kepuasan Masyarakat", 2022, Decimal("80.5"), None, None),
        (62, "Indeks Kepuasan Masyarakat", 2023, Decimal("84.6"), None, None),
    ]


def test_raw_dinkes_line_203_change_of_aki(reports: dict[str, Report]):
    recs = [r for r in _at(reports[DINKES], 203) if r.kind == "narrative"]
    assert [(r.indikator, r.year, _v(r.realisasi)) for r in recs] == [
        ("Angka Kematian Ibu", 2021, Decimal("112")), ("Angka Kematian Ibu", 2023, Decimal("88"))]

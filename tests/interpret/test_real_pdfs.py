"""Named rows of the real PDFs in ../shared/pdfs as interpret records: page, line and figures read by eye.

Skipped when ../shared is absent. Each test reads one table the way an auditor would check it
against the printed page.
"""

from __future__ import annotations

from decimal import Decimal
from functools import lru_cache
from pathlib import Path

from pipeline.model import BudgetRecord, IndicatorRecord, Quantity, Report
from pipeline.run import process

BIRO = "jabar-biroorganisasi_2016_lkip.pdf"
BPLHD = "jabar-bplhd_2016_lkip.pdf"
CIMAHI = "cimahi_2016_lra.pdf"
TANGSEL = "tangsel-bpbd_2023_realisasi-kinerja-triwulan.pdf"


@lru_cache(maxsize=8)
def _report(path: Path) -> Report:
    return process(path, audit=False).report


def _v(q: Quantity | None) -> Decimal | None:
    return None if q is None else q.value


def _ind(pdfs_dir: Path, name: str, page: int, indikator: str) -> list[tuple]:
    recs: list[IndicatorRecord] = [r for r in _report(pdfs_dir / name).indicators
                                   if r.page == page and indikator in r.indikator and r.table_id]
    return [(r.line, r.year, r.kind, _v(r.target), _v(r.realisasi), _v(r.capaian)) for r in recs]


def _bud(pdfs_dir: Path, name: str, page: int, item: str) -> list[tuple]:
    recs: list[BudgetRecord] = [r for r in _report(pdfs_dir / name).budget if r.page == page and r.item == item]
    return [(r.line, r.year, _v(r.pagu), _v(r.realisasi), _v(r.pct), r.is_total) for r in recs]


def test_biro_tabel_7_two_header_rows(pdfs_dir: Path) -> None:
    assert _ind(pdfs_dir, BIRO, 16, "1. Jumlah rekomendasi") == [
        (11, 2016, "measurement", Decimal("1"), Decimal("2"), Decimal("200"))]
    assert _ind(pdfs_dir, BIRO, 16, "7. Prosentase OPD") == [
        (27, 2016, "measurement", Decimal("95"), Decimal("78.57"), Decimal("82.71"))]


def test_biro_tabel_9_medium_term_target_and_realisasi_in_one_record(pdfs_dir: Path) -> None:
    assert _ind(pdfs_dir, BIRO, 22, "3. Jumlah unit pelayanan") == [
        (27, 2016, "measurement", Decimal("14"), Decimal("18"), Decimal("128.57"))]


def test_biro_tabel_10_year_and_renstra_comparison(pdfs_dir: Path) -> None:
    """Tabel 10 (pp. 23-24): 2016 target/realisasi/% and the capaian against the Renstra's end target."""
    rows = _ind(pdfs_dir, BIRO, 24, "5. Jumlah regulasi")
    assert rows == [
        (27, 2015, "multi_year", None, Decimal("15"), None),  # `Capaian Tahun 2015`: what 2015 achieved
        (27, 2016, "multi_year", Decimal("13"), Decimal("17"), Decimal("130.77")),
        (27, 2016, "comparison", Decimal("14"), Decimal("17"), Decimal("121.42")),
    ]


def test_biro_tabel_11_capaian_is_capaian(pdfs_dir: Path) -> None:
    assert _ind(pdfs_dir, BIRO, 29, "Jumlah regulasi standarisasi") == [
        (20, 2016, "measurement", None, None, Decimal("130.77"))]


def test_bplhd_misi_1_table(pdfs_dir: Path) -> None:
    rows = _ind(pdfs_dir, BPLHD, 17, "Jumlah lokasi Program kampung Iklim")
    assert rows == [(33, 2016, "measurement", Decimal("61"), Decimal("61"), Decimal("100"))]


def test_bplhd_kegiatan_budget_with_units_row(pdfs_dir: Path) -> None:
    assert _bud(pdfs_dir, BPLHD, 35, "Pengendalian Pencemaran Lingkungan Hidup") == [
        (9, 2016, Decimal("9776056000"), Decimal("5623938000"), Decimal("57.53"), False)]


def test_cimahi_belanja_with_sen(pdfs_dir: Path) -> None:
    assert _bud(pdfs_dir, CIMAHI, 1, "BELANJA DAERAH") == [
        (29, 2016, Decimal("1690543881701.70"), Decimal("1358743658898.00"), Decimal("80.37"), False)]
    assert _bud(pdfs_dir, CIMAHI, 1, "PENDAPATAN ASLI DAERAH") == [
        (10, 2016, Decimal("252751911939.00"), Decimal("286049615484.34"), Decimal("113.17"), False)]


def test_cimahi_column_numbers_are_no_row(pdfs_dir: Path) -> None:
    assert not [r for r in _report(pdfs_dir / CIMAHI).budget if r.item == "2"]


def test_cimahi_dash_anggaran_is_zero(pdfs_dir: Path) -> None:
    """`1.2.2. Transfer dari Pemerintah Pusat – Lainnya | - | 0,00 | 0,00 | -`: the account had no budget; the
    dash under Anggaran (a column of rupiah) is zero, so the row is a record, not dropped."""
    assert _bud(pdfs_dir, CIMAHI, 1, "Transfer dari Pemerintah Pusat – Lainnya") == [
        (18, 2016, Decimal("0"), Decimal("0"), Decimal("0"), False)]
    assert _bud(pdfs_dir, CIMAHI, 2, "Pemberian Pinjaman Daerah") == [
        (19, 2016, Decimal("0"), Decimal("0"), Decimal("0"), False)]


def test_tangsel_dash_under_rp_is_nothing_spent(pdfs_dir: Path) -> None:
    """Page 1 `Koordinasi dan Penyusunan Dokumen RKA-SKPD`: TW I prints K 0 and Rp `-`, TW II K 1 and Rp 17.755.000."""
    recs = [r for r in _report(pdfs_dir / TANGSEL).budget
            if r.page == 1 and r.item.startswith("Koordinasi dan Penyusunan Dokumen RKA")]
    assert [(r.line, r.period, _v(r.realisasi)) for r in recs] == [
        (27, "TW I", Decimal("0")), (27, "TW II", Decimal("17755000"))]


def test_biro_tabel_8_yearless_percent_joins_the_latest_year(pdfs_dir: Path) -> None:
    """Tabel 8 `REALISASI KINERJA: TAHUN 2015 | TAHUN 2016 | (%)`, row 1 `1 | 2 | 200`: the (%) belongs with
    2016's realisasi in one record, not in a record of its own."""
    assert _ind(pdfs_dir, BIRO, 20, "1. Jumlah rekomendasi") == [
        (29, 2015, "multi_year", None, Decimal("1"), None),
        (29, 2016, "multi_year", None, Decimal("2"), Decimal("200"))]


def _prose(pdfs_dir: Path, name: str, page: int) -> list[tuple]:
    recs = [r for r in _report(pdfs_dir / name).indicators if r.page == page and r.kind == "narrative"]
    return [(r.line, _v(r.target), _v(r.realisasi), _v(r.capaian)) for r in recs]


def test_bplhd_realisasi_target_capaian_is_the_realisasi(pdfs_dir: Path) -> None:
    """Page 18: `… dengan target capaian 42,5% …, realisasi target capaian yaitu 56,12 % dengan prosentase
    capaian sebesar 132,5%`: the realisation of the target is the realisasi, not a second target."""
    assert (20, Decimal("42.5"), Decimal("56.12"), Decimal("132.5")) in _prose(pdfs_dir, BPLHD, 18)


def test_biro_terealisasi_and_quoted_names(pdfs_dir: Path) -> None:
    """Page 22: `dari target 1 dokumen terealisasi 2 dokumen sehingga pencapaian kinerja diperoleh sebesar
    200%`; page 20: `Pencapaian indikator sasaran „persentase OPD yang memperoleh nilai CC ke atas‟ sebesar
    82,71% dari target 90% terealisasi 78,57%` (the `memperoleh` inside the quoted name is no role word)."""
    assert (44, Decimal("1"), Decimal("2"), Decimal("200")) in _prose(pdfs_dir, BIRO, 22)
    # `pencapaian sasaran strategis pertama (SS1) yaitu „…‟ diperoleh sebesar 150%`: the sasaran's capaian
    assert (42, None, None, Decimal("150")) in _prose(pdfs_dir, BIRO, 22)
    assert (13, Decimal("90"), Decimal("78.57"), Decimal("82.71")) in _prose(pdfs_dir, BIRO, 20)


def test_biro_prose_keeps_its_page(pdfs_dir: Path) -> None:
    """Page 31 line 20 (`Kegiatan Penataan Organisasi … anggaran Rp488.810.000,00 dengan realisasi keungan
    sebesar Rp393.692.650,00 atau 80,54%`) starts on the same line number as a sentence of page 30: it stays
    on page 31."""
    recs = [r for r in _report(pdfs_dir / BIRO).budget if r.kind == "narrative" and _v(r.pagu) == Decimal("488810000")]
    assert [(r.page, r.line, _v(r.realisasi), _v(r.pct)) for r in recs] == [
        (31, 20, Decimal("393692650"), Decimal("80.54"))]


def test_biro_tabel_4_budget_table_sets_targets(pdfs_dir: Path) -> None:
    """Tabel 4 (`Indikator Kinerja | Satuan | Target | Program | Kegiatan | Anggaran Rp.`): besides each
    kegiatan's anggaran it sets each indicator's 2016 target (page 12 line 49: `Nilai | 81 (A)`)."""
    assert _ind(pdfs_dir, BIRO, 12, "Predikat Sistem Akintabilitas") == [
        (49, 2016, "target_only", Decimal("81"), None, None)]
    assert _ind(pdfs_dir, BIRO, 11, "a. Jumlah rekomendasi") == [(43, 2016, "target_only", Decimal("1"), None, None)]


def test_bplhd_tabel_3_2_renstra_end_target(pdfs_dir: Path) -> None:
    """Tabel 3.2 (page 20) `2015 T R % | 2016 T R % | Target Renstra Tahun 2018`: the 2018 target printed
    alone is a record of 2018 beside the rows of 2015 and 2016 (`Indeks Kualitas Udara … 66`)."""
    assert _ind(pdfs_dir, BPLHD, 20, "Indeks Kualitas Udara") == [
        (24, 2015, "multi_year", Decimal("58"), Decimal("58"), Decimal("100")),
        (24, 2016, "multi_year", Decimal("60"), Decimal("66.24"), Decimal("110.40")),
        (24, 2018, "target_only", Decimal("66"), None, None)]


def _periods(pdfs_dir: Path, name: str, page: int, indikator: str) -> list[tuple]:
    recs = [r for r in _report(pdfs_dir / name).indicators if r.page == page and indikator in r.indikator and r.period]
    return [(r.line, r.period, r.kind, _v(r.target)) for r in recs]


def test_biro_tabel_2_target_per_plan_year(pdfs_dir: Path) -> None:
    """Tabel 2 (page 9) `KONDISI AWAL | TARGET: TH I … TH V | KONDISI AKHIR`, `Predikat SAKIP | Nilai | 62 | 63
    78 81 82 87 | 87`: one target per plan year, not one of them read as the whole row's target."""
    assert _periods(pdfs_dir, BIRO, 9, "Predikat Sistem Akuntabilitas") == [
        (66, "TH I", "multi_year", Decimal("63")), (66, "TH II", "multi_year", Decimal("78")),
        (66, "TH III", "multi_year", Decimal("81")), (66, "TH IV", "multi_year", Decimal("82")),
        (66, "TH V", "multi_year", Decimal("87"))]


def test_bplhd_tabel_4_1_kegiatan_targets(pdfs_dir: Path) -> None:
    """Tabel 4.1 (page 39) puts `Target Kinerja sasaran: Trw I … IV` beside `INDIKATOR KEGIATAN | TARGET
    KEGIATAN | … | ANGGARAN`: the kegiatan's own target is read, not crowded out by the quarters."""
    assert _ind(pdfs_dir, BPLHD, 39, "Jumlah Komisi Penilai AMDAL") == [
        (24, 2016, "target_only", Decimal("48"), None, None)]


def test_bplhd_target_with_a_slashed_unit(pdfs_dir: Path) -> None:
    """Page 39 `TARGET KEGIATAN` `15 kegiatan/ usaha`: a count with a unit written `kegiatan/usaha` is a figure."""
    assert _ind(pdfs_dir, BPLHD, 39, "Jumlah kegiatan yang dipantau") == [
        (28, 2016, "target_only", Decimal("15"), None, None)]


def test_biro_tabel_2_continued_with_its_top_header_only(pdfs_dir: Path) -> None:
    """Page 10 repeats only the top header row of Tabel 2 (not its `TH I … TH V` row): its row is still read
    with the TH columns (`Persentase OPD … CC ke atas | persen | 90 | 90 90 95 98 100 | 100`)."""
    assert [t for _, _, _, t in _periods(pdfs_dir, BIRO, 10, "nilai CC ke atas")] == [
        Decimal("90"), Decimal("90"), Decimal("95"), Decimal("98"), Decimal("100")]


def test_bplhd_budget_row_keeps_the_amount_line(pdfs_dir: Path) -> None:
    """Page 49: the kegiatan's target stands six lines above its anggaran `180.000.000` (line 16); the budget
    row is placed on the amount's line, the target_only record on the target's."""
    assert _bud(pdfs_dir, BPLHD, 49, "Pemeliharaan kebersihan Luar Kantor TPPAS Legok Nangka") == [
        (16, 2016, Decimal("180000000"), None, None, False)]


def test_bplhd_numbered_item_is_no_heading(pdfs_dir: Path) -> None:
    """Page 18 `2. Indeks Kualitas Udara dengan target capaian 60 yang merupakan Indikator Kinerja` /
    `Utama, realisasi target capaian yaitu 66,24 dengan prosentase capaian sebesar` / `110,40% …`: the
    item's first line states a figure, so it is no heading and the sentence keeps its target."""
    assert (24, Decimal("60"), Decimal("66.24"), Decimal("110.40")) in _prose(pdfs_dir, BPLHD, 18)


def test_bplhd_range_target_states_no_figure(pdfs_dir: Path) -> None:
    """Page 18 `… dengan target capaian 5-6% …, realisasi target capaian yaitu 11,45% dengan prosentase capaian
    sebesar 190,83 %`: the range is no target of 5 and no capaian of 6 %."""
    assert (33, None, Decimal("11.45"), Decimal("190.83")) in _prose(pdfs_dir, BPLHD, 18)


def test_biro_tabel_10_last_years_capaian_is_its_realisasi(pdfs_dir: Path) -> None:
    """Tabel 10 `Capaian Tahun 2015 | Tahun 2016: Target | Realisasi | % Realisasi | …`: the 2015 column holds
    what 2015 achieved (`17` UPP, as Tabel 8 prints it under REALISASI KINERJA TAHUN 2015), not a percentage."""
    recs = [r for r in _report(pdfs_dir / BIRO).indicators if r.page == 24 and r.line == 14 and r.year == 2015]
    assert [(r.kind, _v(r.target), _v(r.realisasi), _v(r.capaian)) for r in recs] == [
        ("multi_year", None, Decimal("17"), None)]

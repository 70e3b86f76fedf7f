"""The real PDFs in ../shared/pdfs through the whole pipeline: named rows on named pages as records.

Values were read off the pages by eye. Where the PDF path gives the right grid but the
interpret stage does not yet read it into the right record, the assertion is marked xfail with
the owner and the reason (the grid itself is asserted in test_real_pdfs.py).
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from pipeline.model import BudgetRecord, IndicatorRecord, Quantity, Severity
from pipeline.run import Outcome, process

_CACHE: dict[str, Outcome] = {}

BIRO = "jabar-biroorganisasi_2016_lkip.pdf"
BPLHD = "jabar-bplhd_2016_lkip.pdf"
CIMAHI = "cimahi_2016_lra.pdf"
TANGSEL = "tangsel-bpbd_2023_realisasi-kinerja-triwulan.pdf"
AIR = "Pemantauan Pencemaran Air"


def _outcome(pdfs_dir: Path, name: str) -> Outcome:
    if name not in _CACHE:
        _CACHE[name] = process(pdfs_dir / name)
    return _CACHE[name]


def _value(q: Quantity | None) -> Decimal | None:
    return q.value if q is not None else None


def _budget(pdfs_dir: Path, name: str, item: str, page: int) -> list[BudgetRecord]:
    return [r for r in _outcome(pdfs_dir, name).report.budget if r.item.startswith(item) and r.page == page]


def _indicator(pdfs_dir: Path, name: str, indikator: str, page: int) -> list[IndicatorRecord]:
    return [r for r in _outcome(pdfs_dir, name).report.indicators
            if indikator in r.indikator and r.page == page]


def _budget_figures(records: list[BudgetRecord]) -> list[tuple]:
    return [(r.line, _value(r.pagu), _value(r.realisasi), _value(r.pct), r.is_total) for r in records]


def _indicator_figures(records: list[IndicatorRecord]) -> list[tuple]:
    return [(r.line, _value(r.target), _value(r.realisasi), _value(r.capaian)) for r in records]


# --------------------------------------------------------------------------- records that come out right


def test_biro_budget_per_indicator_page_34(pdfs_dir: Path) -> None:
    rows = _budget(pdfs_dir, BIRO, "Jumlah rekomendasi yang ditindaklanjuti menjadi kebijakan", 34)
    assert _budget_figures(rows) == [(11, Decimal("1500810000"), Decimal("1206731415"), Decimal("80.41"), False)]
    total = [r for r in _outcome(pdfs_dir, BIRO).report.budget if r.page == 34 and r.is_total]
    assert _budget_figures(total) == [(36, Decimal("5118378700"), Decimal("4473721275"), Decimal("87.41"), True)]


def test_biro_budget_per_sasaran_split_over_pages_12_13(pdfs_dir: Path) -> None:
    """Tabel 5 runs from page 12 onto 13 with its header repeated: one table, rows on their own pages."""
    first = _budget(pdfs_dir, BIRO, "Jumlah rekomendasi yang ditindaklanjuti", 12)
    assert [(r.line, _value(r.pagu), _value(r.pct)) for r in first] == [(75, Decimal("1500810000"), Decimal("29.32"))]
    totals = [r for r in _outcome(pdfs_dir, BIRO).report.budget if r.table_id == first[0].table_id and r.is_total]
    assert [(r.page, r.line, _value(r.pagu), _value(r.pct)) for r in totals] == [
        (13, 5, Decimal("1924810000"), Decimal("37.60")),
        (13, 11, Decimal("639600000"), Decimal("12.49")),
        (13, 15, Decimal("976508700"), Decimal("19.08")),
        (13, 21, Decimal("1577460000"), Decimal("30.82")),
        (13, 22, Decimal("5118378700"), Decimal("100")),
    ]


def test_biro_tabel_4_under_a_misi_banner_pages_11_12(pdfs_dir: Path) -> None:
    """Tabel 4 opens with a banner row `Misi 1: Optimalisasi Penataan Kelembagaan` over its two header rows
    (`Tujuan | Sasaran | Indikator Kinerja | Tahun 2016 | Anggaran Rp.` / `Satuan | Target | Program |
    Kegiatan`): the banner names the section, the header below it still gives every kegiatan its anggaran."""
    recs = [r for r in _outcome(pdfs_dir, BIRO).report.budget if r.page in (11, 12) and r.pct is None]
    assert [(r.page, r.line, _value(r.pagu)) for r in recs if r.line in (43, 7, 66)] == [
        (11, 43, Decimal("488810000")), (12, 7, Decimal("604000000")), (12, 43, Decimal("481250000")),
        (12, 66, Decimal("5118378700"))]
    assert len([r for r in recs if r.table_id.endswith(("p11:t2", "p12:t1"))]) == 16  # 15 kegiatan + JUMLAH


def test_bplhd_program_table_finishes_on_page_14(pdfs_dir: Path) -> None:
    """The unruled `Program | Anggaran | Keterangan` table of page 13 leaves its last row for the top of page
    14 (`Pogram Pengelolaan Sumber Daya Alam / dan Lingkungan Hidup | Rp 1.700.000.000 | APBN`); the label
    wrapped under page 13's last row (`… Sumber Daya Alam dan Lingkungan` / `Hidup`) stays in that row."""
    rows = _budget(pdfs_dir, BPLHD, "Pogram Pengelolaan Sumber Daya Alam dan Lingkungan Hidup", 14)
    assert [(r.line, _value(r.pagu)) for r in rows] == [(3, Decimal("1700000000"))]
    last = _budget(pdfs_dir, BPLHD, "Program Rehabilitasi dan Konservasi", 13)
    assert [(r.line, r.item, _value(r.pagu)) for r in last] == [
        (42, "Program Rehabilitasi dan Konservasi Sumber Daya Alam dan Lingkungan Hidup", Decimal("8468000000"))]


def test_bplhd_amount_set_below_its_label_is_one_row(pdfs_dir: Path) -> None:
    """Page 13: `Program Pengelolaan Kawasan Lindung … APBD` (line 40) has its `Rp 250.000.000` set a few
    points lower (line 41): one row, not a label glued to the row above and an amount without a label."""
    rows = _budget(pdfs_dir, BPLHD, "Program Pengelolaan Kawasan Lindung", 13)
    assert [(r.line, r.item, _value(r.pagu)) for r in rows] == [
        (41, "Program Pengelolaan Kawasan Lindung", Decimal("250000000"))]


def test_bplhd_kegiatan_budget_page_33(pdfs_dir: Path) -> None:
    rows = [r for r in _budget(pdfs_dir, BPLHD, AIR, 33) if r.item == AIR]
    assert [(r.line, _value(r.pagu), _value(r.realisasi)) for r in rows] == [
        (35, Decimal("2541376000"), Decimal("2338435000"))]


def test_the_only_errors_on_the_real_pdfs_are_real(pdfs_dir: Path) -> None:
    """Biro Organisasi Tabel 11 (page 29): the printed Rata-Rata of capaian (141,25) is not the mean of
    200; 100; 128,57; 130,77 (139,84), and the efficiency mean 59,02 follows from it (true 57,60).
    Two capaian are misprinted where the same PDF prints them right elsewhere (checked by hand)."""
    errors = sorted(
        (f.source_file, f.page, f.line, f.rule, f.stated, f.expected)
        for name in (BIRO, BPLHD, CIMAHI, TANGSEL)
        for f in _outcome(pdfs_dir, name).findings
        if f.severity == Severity.ERROR
    )
    assert errors == sorted([
        (BIRO, 29, 23, "average_mismatch", "141,25", "139.84"),
        (BIRO, 29, 23, "average_mismatch", "59,02", "57.60"),
        # Tabel 10 row 7: 78,57 realised of a 95 target is 82,71 %, printed 31,57 (82,71 on page 16)
        (BIRO, 24, 41, "capaian_mismatch", "31,57", "82.71"),
        # 56,12 % realised of a 42,5 % target is 132,05 %, printed 132,5 % (132,05 on page 16)
        (BPLHD, 17, 22, "capaian_mismatch", "132,5%", "132.05"),
    ])


# --------------------------------------------------------------------------- right grids the interpret stage misreads

def test_biro_indicator_table_page_16(pdfs_dir: Path) -> None:
    rows = _indicator(pdfs_dir, BIRO, "5. Jumlah regulasi standarisasi kerja organisasi", 16)
    assert _indicator_figures(rows) == [(21, Decimal("13"), Decimal("17"), Decimal("130.77"))]


def test_bplhd_indicator_table_page_17(pdfs_dir: Path) -> None:
    rows = _indicator(pdfs_dir, BPLHD, "Indeks Kualitas Udara", 17)
    assert _indicator_figures(rows) == [(31, Decimal("60"), Decimal("66.24"), Decimal("110.40"))]


def test_bplhd_kegiatan_budget_pct_page_33(pdfs_dir: Path) -> None:
    rows = [r for r in _budget(pdfs_dir, BPLHD, AIR, 33) if r.item == AIR]
    assert [_value(r.pct) for r in rows] == [Decimal("92.01")]


def test_cimahi_lra_row_is_one_record(pdfs_dir: Path) -> None:
    rows = _budget(pdfs_dir, CIMAHI, "Hasil Pajak Daerah", 1)
    assert _budget_figures(rows) == [
        (11, Decimal("105808628248.00"), Decimal("112060908223.00"), Decimal("105.91"), False)
    ]

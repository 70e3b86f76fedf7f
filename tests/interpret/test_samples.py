"""Named rows of the real samples, and the recall of the hand-checked keys (read from ../shared)."""

from __future__ import annotations

import csv
import math
from decimal import Decimal
from functools import cache
from pathlib import Path

import pytest

from extractors.text import extract_text
from interpret.records import interpret_document
from pipeline.ingest import open_source
from pipeline.model import BudgetRecord, IndicatorRecord, Quantity, Report
from tests.conftest import KEYS, sample

SAMPLES = ("balikpapan_2020_lakip", "bontang_2025_lkjip", "tanjungpinang_2024_lkjip", "jember_2023_lkjip")
LINE_SLACK = 3
# floors a little under what the current extractors give (indicators ~0.96, budget ~0.95 overall)
INDICATOR_FLOOR = 0.94
BUDGET_FLOOR = 0.93


@cache
def report_of(name: str) -> Report:
    return interpret_document(extract_text(open_source(sample(f"{name}.txt"))))


def _v(q: Quantity | None) -> Decimal | None:
    return None if q is None else q.value


def _near(records, line: int):
    return [r for r in records if r.line is not None and abs(r.line - line) <= LINE_SLACK]


def test_balikpapan_measurement_row():
    rows = [r for r in _near(report_of("balikpapan_2020_lakip").indicators, 471)
            if r.target and r.target.raw == "42 LHK"]
    assert rows, "the 42 LHK | 11 LHK | 26,19 % row is missing"
    r = rows[0]
    assert (r.line, r.kind, r.year) == (471, "measurement", 2020)
    assert (_v(r.target), _v(r.realisasi), _v(r.capaian)) == (Decimal("42"), Decimal("11"), Decimal("26.19"))
    assert (r.target.unit, r.realisasi.raw, r.capaian.raw) == ("laporan", "11 LHK", "26,19 %")


def test_bontang_belanja_modal():
    rows = [r for r in report_of("bontang_2025_lkjip").budget if r.item == "Belanja Modal" and r.year == 2025]
    assert [(r.pagu.raw, r.realisasi.raw, r.pct.raw) for r in rows] == [
        ("Rp.2,226,541,000", "Rp.2,223,319,883", "99,86 %")]
    assert (_v(rows[0].pagu), _v(rows[0].realisasi), _v(rows[0].pct)) == (
        Decimal("2226541000"), Decimal("2223319883"), Decimal("99.86"))
    assert not rows[0].is_total and rows[0].line == 1110


def test_tanjungpinang_2023_belanja_modal():
    rows = [r for r in report_of("tanjungpinang_2024_lkjip").budget
            if r.item == "Belanja Modal" and r.year == 2023 and r.kind == "multi_year"]
    assert [(_v(r.pagu), _v(r.realisasi), _v(r.pct), r.line) for r in rows] == [
        (Decimal("8261647000"), Decimal("7832687206"), Decimal("94.81"), 1306)]


def test_jember_2022_belanja_barang():
    rows = [r for r in report_of("jember_2023_lkjip").budget if r.item == "Belanja Barang" and r.year == 2022]
    assert [(_v(r.pagu), _v(r.realisasi), _v(r.pct)) for r in rows] == [
        (Decimal("5321149000"), Decimal("5137068152"), Decimal("96.54"))]
    assert abs(rows[0].line - 4581) <= LINE_SLACK


def test_bontang_ikpa_component_as_multi_year_record():
    rows = [r for r in report_of("bontang_2025_lkjip").indicators
            if r.indikator == "Deviasi Halaman III DIPA" and r.kind == "multi_year"]
    assert [(r.year, _v(r.realisasi), r.line, r.sasaran) for r in rows] == [
        (2025, Decimal("11.61"), 1168, "Nilai Kinerja Pelaksanaan Anggaran")]


def test_jember_smart_score_table_plain_layout():
    rows = [r for r in report_of("jember_2023_lkjip").indicators
            if r.indikator == "Efisiensi" and r.kind == "multi_year"]
    assert [(r.year, _v(r.realisasi), r.line) for r in rows] == [
        (2021, Decimal("6.36"), 4754), (2022, Decimal("19.7"), 4756), (2023, Decimal("0.09"), 4758)]


def test_tanjungpinang_capaian_against_national_standard_keeps_its_target():
    rows = [r for r in _near(report_of("tanjungpinang_2024_lkjip").indicators, 694)
            if r.capaian is not None and r.capaian.raw == "279,98%"]
    assert [(_v(r.target), r.kind) for r in rows] == [(Decimal("90"), "narrative")]


def test_no_records_from_contents_or_staff_tables():
    report = report_of("balikpapan_2020_lakip")
    staff_lines = range(133, 140)  # Rekapitulasi pegawai; the table of contents stands before line 100
    assert not [r for r in report.indicators + report.budget
                if r.line is not None and (r.line < 100 or r.line in staff_lines)]


# --------------------------------------------------------------------------- key recall


def _num(text: str) -> float | None:
    try:
        return float(text)
    except (TypeError, ValueError):
        return None


def _fields_indicator(r: IndicatorRecord) -> dict[str, tuple[Decimal | None, ...]]:
    return {"target_value": (_v(r.target),), "realisasi_value": (_v(r.realisasi),),
            "capaian_value": (_v(r.capaian),)}


def _fields_budget(r: BudgetRecord) -> dict[str, tuple[Decimal | None, ...]]:
    return {"pagu_value": (_v(r.pagu), _v(r.pagu_original)), "realisasi_value": (_v(r.realisasi),),
            "pct_value": (_v(r.pct),)}


def _matches(key: dict[str, str], fields: dict[str, tuple[Decimal | None, ...]]) -> bool:
    for name, values in fields.items():
        want = _num(key.get(name, ""))
        if want is None:
            continue
        if not any(v is not None and math.isclose(want, float(v), abs_tol=1e-9) for v in values):
            return False
    return True


def recall(kind: str) -> tuple[int, int]:
    hit = total = 0
    for name in SAMPLES:
        path = KEYS / f"{name}_{kind}.csv"
        if not path.exists():
            pytest.skip(f"{path} not found: the keys live in ../shared beside the project")
        report = report_of(name)
        records = report.indicators if kind == "indicators" else report.budget
        fields = _fields_indicator if kind == "indicators" else _fields_budget
        with Path(path).open(newline="", encoding="utf-8-sig") as f:
            for key in csv.DictReader(f):
                total += 1
                hit += any(_matches(key, fields(r)) for r in _near(records, int(key["line"])))
    return hit, total


@pytest.mark.parametrize(("kind", "floor"), [("indicators", INDICATOR_FLOOR), ("budget", BUDGET_FLOOR)])
def test_key_recall_floor(kind: str, floor: float, keys_dir: Path):
    hit, total = recall(kind)
    assert total > 0
    assert hit / total >= floor, f"{kind} recall {hit}/{total} = {hit / total:.1%} fell under {floor:.0%}"

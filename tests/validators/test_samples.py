"""The audit on the real samples: named errors found on their lines, and no error finding
where the hand-checked key has no error (precision)."""

from __future__ import annotations

import csv
from functools import cache
from pathlib import Path

import pytest

from pipeline.model import Finding, Severity
from tests.conftest import KEYS, sample

pytestmark = pytest.mark.samples


@cache
def _findings(name: str) -> tuple[Finding, ...]:
    from pipeline.run import process

    return process(sample(name)).findings


def _at(name: str, line: int, rule: str) -> Finding:
    hits = [f for f in _findings(name) if f.line == line and f.rule == rule]
    assert hits, f"no {rule} finding on {name}:{line}"
    return hits[0]


def test_bontang_service_quality_capaian() -> None:
    f = _at("bontang_2025_lkjip.txt", 421, "capaian_mismatch")
    assert (f.severity, f.stated, f.expected) == (Severity.ERROR, "73,24%", "105.88")


def test_bontang_passports_do_not_add_up() -> None:
    f = _at("bontang_2025_lkjip.txt", 448, "sum_mismatch")
    assert (f.severity, f.stated, f.expected, f.difference) == (Severity.ERROR, "7.630", "7271", "359")


def test_tanjungpinang_tindakan_administratif() -> None:
    f = _at("tanjungpinang_2024_lkjip.txt", 736, "sum_mismatch")
    assert (f.stated, f.expected) == ("72", "88")


def test_jember_2022_jumlah_realisasi_named_with_its_fix() -> None:
    f = _at("jember_2023_lkjip.txt", 4585, "sum_mismatch")
    assert (f.severity, f.stated, f.expected) == (Severity.ERROR, "Rp. 8.815.238.065", "9815238065")
    assert f.suggested_fix.startswith("line 4585: Rp. 8.815.238.065 → 9815238065")


def test_balikpapan_2019_belanja_barang_pagu_is_the_single_wrong_cell() -> None:
    pct = _at("balikpapan_2020_lakip.txt", 961, "pct_mismatch")
    total = _at("balikpapan_2020_lakip.txt", 963, "sum_mismatch")
    fix = "line 961: 2.401.454.000 → 7190873000 (makes all 2 related checks hold)"
    assert pct.suggested_fix == fix and total.suggested_fix == fix
    assert 963 in pct.related_lines and 961 in total.related_lines


def _key_lines(name: str) -> list[int]:
    path = KEYS / f"{Path(name).stem}_errors.csv"
    if not path.exists():
        pytest.skip(f"{path} not found")
    with path.open(encoding="utf-8-sig") as fh:
        return [int(r["line"]) for r in csv.DictReader(fh)]


@pytest.mark.parametrize("name", ["balikpapan_2020_lakip.txt", "bontang_2025_lkjip.txt", "jember_2023_lkjip.txt",
                                  "tanjungpinang_2024_lkjip.txt"])
def test_no_error_finding_where_the_report_is_right(name: str) -> None:
    keys = _key_lines(name)
    stray = [(f.line, f.rule, f.stated) for f in _findings(name) if f.severity == Severity.ERROR
             and not any(abs(k - x) <= 3 for k in keys for x in (f.line or 0, *f.related_lines))]
    assert stray == []


@pytest.mark.parametrize("name", ["balikpapan_2020_lakip.txt", "bontang_2025_lkjip.txt", "jember_2023_lkjip.txt",
                                  "tanjungpinang_2024_lkjip.txt"])
def test_no_check_fails_on_a_real_report(name: str, caplog: pytest.LogCaptureFixture) -> None:
    from pipeline.run import process
    from validators.engine import audit

    report = process(sample(name), audit=False).report
    with caplog.at_level("ERROR", logger="validators.engine"):
        first = audit(report)
    assert [r.getMessage() for r in caplog.records if r.name.startswith("validators") and r.levelname == "ERROR"] == []
    assert audit(report) == first  # deterministic

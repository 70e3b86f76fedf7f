"""The Great Expectations suite over the clean CSVs: passes on a real run, names what breaks it."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from pipeline.cli import main
from pipeline.run import run
from validators.expectations import suite, validate_directory

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def clean(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("clean")
    run([ROOT / "data" / "raw"], out)
    return out


def _rewrite(path: Path, column: str, value: str) -> None:
    with path.open(encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
        fields = list(rows[0])
    rows[0][column] = value
    with path.open("w", encoding="utf-8", newline="") as f:
        w = csv.DictWriter(f, fieldnames=fields, lineterminator="\n")
        w.writeheader()
        w.writerows(rows)


def test_suite_passes_on_a_real_run(clean: Path) -> None:
    results = validate_directory(clean)
    assert len(results) == len(suite()) >= 100
    assert [r for r in results if not r.success] == []
    assert main(["validate", str(clean)]) == 0


def test_suite_names_the_broken_expectation(clean: Path, tmp_path: Path) -> None:
    broken = tmp_path / "broken"
    broken.mkdir()
    for f in clean.iterdir():
        (broken / f.name).write_bytes(f.read_bytes())
    _rewrite(broken / "findings.csv", "severity", "fatal")
    _rewrite(broken / "budget.csv", "pct_computed", "")  # judged ok, but against no value
    _rewrite(broken / "budget.csv", "status", "ok")
    failed = [r for r in validate_directory(broken) if not r.success]
    assert {(r.dataset, r.expectation.split(" ")[0]) for r in failed} == {
        ("findings", "expect_column_values_to_be_in_set"),
        ("budget", "expect_column_values_to_be_in_set"),
    }
    assert any("fatal" in r.details for r in failed)
    assert main(["validate", str(broken)]) == 1

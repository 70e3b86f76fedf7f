"""`lkjip audit`: findings grouped by report and rule, `--fail-on` for scripted use."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.cli import main

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "data" / "raw" / "lkjip_sukamaju_2024.txt"


def test_audit_prints_findings_and_fails_on_error(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["audit", str(SAMPLE), "--fail-on", "error"]) == 1
    out = capsys.readouterr().out
    assert "lkjip_sukamaju_2024.txt — capaian_mismatch" in out
    assert "lkjip_sukamaju_2024.txt — pct_mismatch" in out
    assert "97,62%" in out


def test_audit_passes_a_report_whose_arithmetic_holds(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text = SAMPLE.read_text(encoding="utf-8")
    fixed = (
        text.replace("57%\t97,50%", "57%\t95,00%")
        .replace("97,62%", "97,26%")
        .replace("\t108,49%", "\t107,87%")  # the average of the corrected capaian
        .replace("sebanyak 46 orang", "sebanyak 45 orang")
        .replace("[nama satuan kerja]", "Dinas")
    )
    assert fixed.count("\n") == text.count("\n")
    path = tmp_path / "fixed.txt"
    path.write_text(fixed, encoding="utf-8")
    assert main(["audit", str(path), "--fail-on", "error"]) == 0
    assert main(["audit", str(path), "--fail-on", "warning"]) == 0
    assert "no findings" in capsys.readouterr().out

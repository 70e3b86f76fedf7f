"""The batch: bad inputs reported with their reason, the batch goes on, reruns give the same bytes."""

from __future__ import annotations

import csv
import shutil
from pathlib import Path

import pytest

from pipeline.cli import main
from pipeline.ingest import discover, report_ids
from pipeline.run import run

ROOT = Path(__file__).resolve().parents[2]
RAW = ROOT / "data" / "raw"


def _rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8") as f:
        return list(csv.DictReader(f))


@pytest.fixture()
def batch(tmp_path: Path) -> Path:
    src = tmp_path / "in"
    src.mkdir()
    shutil.copy(RAW / "lkjip_sukamaju_2024.txt", src / "good.txt")
    (src / "empty.txt").write_bytes(b"")
    (src / "binary.txt").write_bytes(b"\x00\x01\x02garbage" * 100)
    (src / "corrupt.pdf").write_bytes(b"%PDF-1.4\n1 0 obj << /Type /Catalog >>\n% truncated here")
    (src / "notes.md").write_text("Catatan rapat.\n\nTidak ada angka di sini.\n", encoding="utf-8")
    (src / "ignored.docx").write_bytes(b"PK")
    return src


def test_bad_files_are_reported_and_the_batch_goes_on(batch: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    run([batch], out)
    reports = {r["source_file"]: r for r in _rows(out / "reports.csv")}
    assert set(reports) == {"good.txt", "empty.txt", "binary.txt", "corrupt.pdf", "notes.md"}
    assert reports["empty.txt"]["status"] == "error" and reports["empty.txt"]["error"] == "empty file"
    assert reports["binary.txt"]["status"] == "error" and "not a text export" in reports["binary.txt"]["error"]
    assert reports["corrupt.pdf"]["status"] == "error" and reports["corrupt.pdf"]["error"]
    notes = reports["notes.md"]
    assert notes["status"] == "no_records" and "not recognised as an LKjIP" in notes["warnings"]
    assert notes["error"].startswith("no indicator or budget rows found")
    good = reports["good.txt"]
    assert (good["status"], good["office"], good["year"], good["report_type"]) == (
        "ok", "Dinas Perpustakaan dan Kearsipan Kabupaten Sukamaju", "2024", "LKjIP")
    assert int(good["n_tables"]) >= 6


def test_rerun_gives_the_same_bytes_and_leaves_no_temporary_files(batch: Path, tmp_path: Path) -> None:
    first, second = tmp_path / "a", tmp_path / "b"
    run([batch], first)
    run([batch], second)
    names = sorted(p.name for p in first.iterdir())
    assert names == ["budget.csv", "findings.csv", "indicators.csv", "reports.csv", "tables.csv"]
    for name in names:
        assert (first / name).read_bytes() == (second / name).read_bytes(), name


def test_same_file_name_in_two_folders_gets_distinct_report_ids(tmp_path: Path) -> None:
    for sub in ("x", "y"):
        (tmp_path / sub).mkdir()
        shutil.copy(RAW / "lkjip_sukamaju_2024.txt", tmp_path / sub / "report.txt")
    files = discover([tmp_path])
    ids = report_ids(files)
    assert len(set(ids.values())) == 2 and all(i.startswith("report-") for i in ids.values())


def test_missing_path_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError, match="no such file or folder"):
        discover([tmp_path / "nope"])


def test_cli_run_writes_every_csv(tmp_path: Path) -> None:
    out = tmp_path / "clean"
    assert main(["run", str(RAW), "--out", str(out)]) == 0
    cells = _rows(out / "tables.csv")
    # a cell keeps its raw text, its line and the value read with its column's convention
    hit = [c for c in cells if c["raw"] == "2.465.300.000" and c["header"].startswith("Anggaran Setelah Revisi")]
    assert hit and hit[0]["value"] == "2465300000" and hit[0]["line"] == "60"


def test_planted_errors_of_the_shipped_sample_are_found(tmp_path: Path) -> None:
    out = tmp_path / "clean"
    run([RAW / "lkjip_sukamaju_2024.txt"], out)  # data/raw also holds the generality reports (own test)
    findings = _rows(out / "findings.csv")
    assert {f["severity"] for f in findings} <= {"error", "warning", "info"}
    flagged = {(int(f["line"]), f["rule"]) for f in findings if f["severity"] in ("error", "warning")}
    assert (41, "capaian_mismatch") in flagged  # 57/60 = 95,00 %, stated 97,50 %
    assert (71, "pct_mismatch") in flagged  # 398.770.000 / 410.000.000 = 97,26 %, stated 97,62 %
    assert (7, "placeholder") in flagged  # [nama satuan kerja]
    assert (93, "sum_mismatch") in flagged  # 46 orang = 18 + 27
    capaian = next(f for f in findings if f["line"] == "41" and f["rule"] == "capaian_mismatch")
    assert capaian["stated"] == "97,50%" and float(capaian["expected"]) == 95.0
    errors = [f for f in findings if f["severity"] == "error"]
    assert {int(f["line"]) for f in errors} <= {7, 41, 71, 93}


def test_a_scanned_pdf_is_reported_as_needing_ocr(pdfs_dir: Path, tmp_path: Path) -> None:
    src = tmp_path / "in"
    src.mkdir()
    shutil.copy(pdfs_dir / "jabar-esdm_2016_perjanjian-kinerja_scan.pdf", src / "scan.pdf")
    run([src], tmp_path / "out")
    [row] = _rows(tmp_path / "out" / "reports.csv")
    assert (row["status"], row["error"], row["n_pages"]) == (
        "needs_ocr", "a scan: no text layer: OCR needed on any of its 3 pages", "3")
    assert row["warnings"].count("no text layer: OCR needed") == 3

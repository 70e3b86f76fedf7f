"""Shared by the tests that run text exports through the whole pipeline: the real PDFs exported, their
verified errors, and one call that runs a folder and reads back the CSVs it wrote."""

from __future__ import annotations

import csv
from pathlib import Path

from pipeline.run import run_batch, write_outputs

# the real PDFs of ../shared/pdfs that have a text layer
PDFS = (
    "cimahi_2016_lra",
    "jabar-biroorganisasi_2016_lkip",
    "jabar-bplhd_2016_lkip",
    "tangsel-bpbd_2023_realisasi-kinerja-triwulan",
)
# (report, rule, stated figure) of the real errors, verified on the PDF pages
REAL = {
    ("jabar-biroorganisasi_2016_lkip", "average_mismatch", "141,25"),
    ("jabar-biroorganisasi_2016_lkip", "average_mismatch", "59,02"),
    ("jabar-biroorganisasi_2016_lkip", "capaian_mismatch", "31,57"),
    ("jabar-bplhd_2016_lkip", "capaian_mismatch", "132,5%"),
}

ErrorKey = tuple[str, str, str]


def _rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8") as f:
        return list(csv.DictReader(f))


def run_folder(src: Path, dst: Path) -> tuple[list[dict[str, str]], list[dict[str, str]]]:
    """Every report under `src` through the pipeline into `dst`: (findings.csv rows, reports.csv rows)."""
    write_outputs(run_batch([src], jobs=1, progress=False), dst)
    return _rows(dst / "findings.csv"), _rows(dst / "reports.csv")


def error_keys(findings: list[dict[str, str]]) -> set[ErrorKey]:
    """(report, rule, stated figure) of each error finding."""
    return {(f["report_id"], f["rule"], f["stated"]) for f in findings if f["severity"] == "error"}

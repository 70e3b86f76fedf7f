"""Space-aligned text exports of the real PDFs in ../shared/pdfs, read by the text path.

pdfplumber's `extract_text(layout=True)` (pages joined by a newline and a form feed, as pdftotext
writes them; CI has pdfplumber, not always poppler) and, where installed, `pdftotext -layout`.
Precision first: every error finding must be one of the real errors the PDF path finds (checked
by hand on the pages: biro p.29 Tabel 11's two Rata-Rata averages, biro p.24 31,57 stated for
82,71, bplhd p.17 132,5 for 132,05). Findings still false are named in KNOWN_FALSE: the list may
only shrink. The counts are floors of what the text path reaches on these exports.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from tests.exports import PDFS, REAL, error_keys, run_folder

# false findings not yet fixed, per export (see the report of the aligned reader's work)
KNOWN_FALSE: dict[str, set[tuple[str, str, str]]] = {"plumber": set(), "pdftotext": set()}
FLOORS = {  # real errors found, and per report (indicators, budget rows) at least (a few below what is reached)
    "plumber": (
        2,
        {
            # 4: a budget line (2.4.1 TRANSFER … 0,00) is no longer read as a narrative indicator
            "cimahi_2016_lra": (4, 0),
            "jabar-biroorganisasi_2016_lkip": (74, 29),
            "jabar-bplhd_2016_lkip": (30, 31),
            # 11/32 quarterly records with their period, 36 of them as on the PDF path (before: 31/31
            # read as a yearly table, none with its period and value as there)
            "tangsel-bpbd_2023_realisasi-kinerja-triwulan": (10, 30),
        },
    ),
    "pdftotext": (
        3,
        {
            "cimahi_2016_lra": (0, 55),
            "jabar-biroorganisasi_2016_lkip": (114, 66),
            # 119 with Tabel 3.2 read as on the PDF path (2015, 2016, Renstra 2018 per indicator)
            "jabar-bplhd_2016_lkip": (116, 122),
            # the quarterly table (PDF path 102/108): 65/69 reached, 133 as there
            "tangsel-bpbd_2023_realisasi-kinerja-triwulan": (60, 65),
        },
    ),
}


def _plumber_export(pdf: Path, out: Path) -> None:
    import pdfplumber

    with pdfplumber.open(pdf) as doc:
        pages = [page.extract_text(layout=True) or "" for page in doc.pages]
    out.write_text("\n\f".join(pages), encoding="utf-8")


def _pdftotext_export(pdf: Path, out: Path) -> None:
    subprocess.run(["pdftotext", "-layout", str(pdf), str(out)], check=True, timeout=120)


def _run(pdfs_dir: Path, tmp: Path, export: str) -> tuple[list[dict[str, str]], list[dict[str, str]]]:
    src, dst = tmp / "txt", tmp / "out"
    src.mkdir()
    for name in PDFS:
        maker = _plumber_export if export == "plumber" else _pdftotext_export
        maker(pdfs_dir / f"{name}.pdf", src / f"{name}.txt")
    return run_folder(src, dst)


@pytest.fixture(scope="module", params=["plumber", "pdftotext"])
def export(request: pytest.FixtureRequest, pdfs_dir: Path, tmp_path_factory: pytest.TempPathFactory):
    if request.param == "pdftotext" and shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler) not installed")
    return request.param, *_run(pdfs_dir, tmp_path_factory.mktemp(request.param), request.param)


@pytest.mark.samples
def test_every_error_finding_on_layout_exports_is_a_real_one(export) -> None:
    name, findings, _ = export
    errors = error_keys(findings)
    assert errors - REAL <= KNOWN_FALSE[name]
    assert len(errors & REAL) >= FLOORS[name][0]


@pytest.mark.samples
def test_layout_exports_keep_their_record_counts(export) -> None:
    name, _, reports = export
    got = {r["report_id"]: (int(r["n_indicators"]), int(r["n_budget_rows"])) for r in reports}
    for report, (indicators, budget) in FLOORS[name][1].items():
        assert got[report][0] >= indicators and got[report][1] >= budget, report

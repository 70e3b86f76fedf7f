"""Throughput and memory of the PDF path on generated reports.

Prints pages/s of `extract_pdf`, its time as a ratio to bare pdfplumber (`extract_text` +
`extract_tables` on the same pages, measured in the same run; goal ≤ 1.3×), and the peak
memory (max RSS of a fresh process) of both on a 300-page PDF (goal < 500 MB).
"""

from __future__ import annotations

import argparse
import json
import logging
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

log = logging.getLogger("bench_pdf")


def bare_pdfplumber(path: Path) -> int:
    """The baseline: extract_text + extract_tables on every page, caches released per page."""
    import pdfplumber

    with pdfplumber.open(str(path)) as pdf:
        n = len(pdf.pages)
        for i in range(n):
            page = pdf.pages[i]
            page.extract_text()
            page.extract_tables()
            page.close()
    return n


def pipeline(path: Path) -> int:
    from extractors.pdf import extract_pdf
    from pipeline.ingest import open_source

    doc = extract_pdf(open_source(path))
    if doc.error:
        raise RuntimeError(doc.error)
    return doc.n_pages or 0


def timed(fn: str, path: Path, repeat: int) -> tuple[float, int]:
    run = {"bare": bare_pdfplumber, "pipeline": pipeline}[fn]
    best = float("inf")
    pages = 0
    for _ in range(repeat):
        t = time.perf_counter()
        pages = run(path)
        best = min(best, time.perf_counter() - t)
    return best, pages


def peak_rss_mb(fn: str, path: Path) -> float:
    """Run `fn` on `path` in a fresh interpreter; its max RSS in MB."""
    code = (
        "import resource, sys; sys.path.insert(0, {!r}); from bench.bench_pdf import {} as f; from pathlib import Path;"
        " f(Path({!r})); print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)"
    ).format(str(ROOT), {"bare": "bare_pdfplumber", "pipeline": "pipeline"}[fn], str(path))
    out = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True, cwd=ROOT)
    return int(out.stdout.strip().splitlines()[-1]) / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--pages", type=int, default=300, help="pages of the memory document")
    parser.add_argument("--repeat", type=int, default=2)
    parser.add_argument("--json", action="store_true", help="print one JSON line instead of text")
    args = parser.parse_args()
    logging.basicConfig(level=logging.WARNING)
    from tests.pdf.generator import render_long, render_pdf

    with tempfile.TemporaryDirectory() as tmp:
        report = Path(tmp) / "contoh_2024_lkjip.pdf"
        render_pdf(report)
        medium = Path(tmp) / "contoh_medium.pdf"
        render_long(medium, 60)
        long = Path(tmp) / "contoh_long.pdf"
        n_long = render_long(long, args.pages)

        results = {}
        for name, path in (("report", report), ("medium", medium)):
            bare, n = timed("bare", path, args.repeat)
            ours, _ = timed("pipeline", path, args.repeat)
            results[name] = {
                "pages": n,
                "pipeline_s": round(ours, 3),
                "bare_pdfplumber_s": round(bare, 3),
                "pipeline_pages_per_s": round(n / ours, 1),
                "bare_pages_per_s": round(n / bare, 1),
                "ratio": round(ours / bare, 2),
            }
        results["memory"] = {
            "pages": n_long,
            "pipeline_peak_mb": round(peak_rss_mb("pipeline", long), 1),
            "bare_pdfplumber_peak_mb": round(peak_rss_mb("bare", long), 1),
        }
    if args.json:
        print(json.dumps(results))
        return
    for name in ("report", "medium"):
        r = results[name]
        print(
            f"pdf {name:6s} {r['pages']:4d} pages: pipeline {r['pipeline_pages_per_s']:6.1f} pages/s"
            f" ({r['pipeline_s']:.2f} s), bare pdfplumber {r['bare_pages_per_s']:6.1f} pages/s"
            f" ({r['bare_pdfplumber_s']:.2f} s), ratio {r['ratio']:.2f}x (goal <= 1.3x)"
        )
    m = results["memory"]
    print(
        f"pdf memory {m['pages']} pages: pipeline peak {m['pipeline_peak_mb']:.0f} MB,"
        f" bare pdfplumber peak {m['bare_pdfplumber_peak_mb']:.0f} MB (goal < 500 MB)"
    )


if __name__ == "__main__":
    main()

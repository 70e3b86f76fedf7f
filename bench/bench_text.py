"""Throughput of the text path on the real samples (../shared/samples), one core.

Each sample is processed once in a process warmed up on a different report (data/raw), so that
imports and compiled patterns are ready but no cache holds the sample's own text: the figure a
batch of unseen reports would see, also split by stage (extract, interpret, audit) to show where
the time goes. A second figure repeats the samples with caches warm.
"""

from __future__ import annotations

import gc
import logging
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from interpret.records import interpret_document  # noqa: E402
from pipeline.ingest import open_source  # noqa: E402
from pipeline.run import extract, process  # noqa: E402
from validators import engine  # noqa: E402

log = logging.getLogger("bench.text")


def samples() -> list[Path]:
    shared = ROOT.parent / "shared" / "samples"
    return sorted(shared.glob("*.txt")) if shared.exists() else []


def _timed(paths: list[Path], audit: bool) -> float:
    start = time.process_time()
    for p in paths:
        process(p, audit)
    return time.process_time() - start


def _timed_stages(paths: list[Path]) -> dict[str, float]:
    """CPU seconds of each stage over `paths`, each file through the stages `process` runs (collector
    paused as there): the cold pass, split."""
    spent = dict.fromkeys(("extract", "interpret", "audit"), 0.0)
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        for p in paths:
            start = time.process_time()
            document = extract(open_source(p))
            extracted = time.process_time()
            report = interpret_document(document)
            interpreted = time.process_time()
            engine.audit(report)
            for rec in report.indicators:
                engine.capaian_computed(rec)
            for rec in report.budget:
                engine.pct_computed(rec)
            audited = time.process_time()
            spent["extract"] += extracted - start
            spent["interpret"] += interpreted - extracted
            spent["audit"] += audited - interpreted
    finally:
        if was_enabled:
            gc.enable()
    return spent


def main() -> None:
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    paths = samples()
    if not paths:
        log.error("../shared/samples not found")
        return
    size = sum(p.stat().st_size for p in paths)
    for warm in sorted((ROOT / "data" / "raw").glob("*.txt")):
        process(warm)
    log.info("text path: %d samples, %.2f MB, CPU time of one core", len(paths), size / 1e6)
    stages = _timed_stages(paths)
    cold_full = sum(stages.values())
    cold_extract = _timed(paths, audit=False)  # caches now hold the samples' text: an upper bound
    repeat = min(_timed(paths, audit=True) for _ in range(3))
    for label, seconds in (
        ("unseen reports, extract+interpret+audit", cold_full),
        ("same reports again, extract+interpret  ", cold_extract),
        ("same reports again, with the audit     ", repeat),
    ):
        log.info("  %s: %6.1f reports/s per core, %5.2f MB/s per core", label, len(paths) / seconds,
                 size / seconds / 1e6)
    log.info("  unseen reports by stage, ms per report: %s",
             ", ".join(f"{name} {seconds / len(paths) * 1000:.1f}" for name, seconds in stages.items()))
    log.info("  goal: >= 20 reports/s per core for unseen reports")


if __name__ == "__main__":
    main()

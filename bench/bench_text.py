"""Throughput of the text path on the real samples (../shared/samples), one core.

Each sample is processed once in a process warmed up on a different report (data/raw), so that
imports and compiled patterns are ready but no cache holds the sample's own text: the figure a
batch of unseen reports would see. A second figure repeats the samples with caches warm.
"""

from __future__ import annotations

import logging
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from pipeline.run import process  # noqa: E402

log = logging.getLogger("bench.text")


def samples() -> list[Path]:
    shared = ROOT.parent / "shared" / "samples"
    return sorted(shared.glob("*.txt")) if shared.exists() else []


def _timed(paths: list[Path], audit: bool) -> float:
    start = time.process_time()
    for p in paths:
        process(p, audit)
    return time.process_time() - start


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
    cold_full = _timed(paths, audit=True)
    cold_extract = _timed(paths, audit=False)  # caches now hold the samples' text: an upper bound
    repeat = min(_timed(paths, audit=True) for _ in range(3))
    for label, seconds in (
        ("unseen reports, extract+interpret+audit", cold_full),
        ("same reports again, extract+interpret  ", cold_extract),
        ("same reports again, with the audit     ", repeat),
    ):
        log.info("  %s: %6.1f reports/s per core, %5.2f MB/s per core", label, len(paths) / seconds,
                 size / seconds / 1e6)
    log.info("  goal: >= 20 reports/s per core for unseen reports")


if __name__ == "__main__":
    main()

"""Throughput of the text path on the real samples (../shared/samples) and data/raw, one core.

Prints reports/s and MB/s per core for extract+interpret, and for the whole pipeline with the audit.
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


def files() -> list[Path]:
    shared = ROOT.parent / "shared" / "samples"
    found = sorted(shared.glob("*.txt")) if shared.exists() else []
    return found + sorted((ROOT / "data" / "raw").glob("*.txt"))


def measure(paths: list[Path], audit: bool, min_seconds: float = 3.0) -> tuple[float, float, int]:
    size = sum(p.stat().st_size for p in paths)
    for p in paths:  # warm imports and caches
        process(p, audit)
    n, start = 0, time.perf_counter()
    while True:
        for p in paths:
            process(p, audit)
        n += 1
        elapsed = time.perf_counter() - start
        if elapsed >= min_seconds:
            break
    per_pass = elapsed / n
    return len(paths) / per_pass, size / per_pass / 1e6, n


def main() -> None:
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    paths = files()
    if not paths:
        log.error("no text samples found")
        return
    log.info("text path: %d files, %.2f MB", len(paths), sum(p.stat().st_size for p in paths) / 1e6)
    for audit in (False, True):
        rps, mbps, n = measure(paths, audit)
        label = "extract+interpret+audit" if audit else "extract+interpret     "
        log.info("  %s: %6.1f reports/s per core, %5.2f MB/s per core (%d passes; goal >= 20 reports/s)",
                 label, rps, mbps, n)


if __name__ == "__main__":
    main()

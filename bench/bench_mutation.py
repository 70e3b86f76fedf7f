"""Mutation recall of the audit on the real samples and the shipped reports of other units (data/raw), and
the false-error count on the unmutated reports.

Goal: recall >= 98 %, false errors 0 (an error finding near no hand-checked key error).
"""

from __future__ import annotations

import csv
import logging
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from mutation import run_mutations  # noqa: E402

from pipeline.model import Severity  # noqa: E402
from pipeline.run import process  # noqa: E402

log = logging.getLogger("bench.mutation")
SHARED = ROOT.parent / "shared"


KEY_DIRS = (SHARED / "keys", ROOT / "tests" / "fixtures" / "keys")


def key_error_lines(name: str) -> set[int]:
    """Lines of the hand-checked errors of a report (the shared samples' keys, or the shipped reports' keys)."""
    lines: set[int] = set()
    for path in (d / f"{Path(name).stem}_errors.csv" for d in KEY_DIRS):
        if path.exists():
            with path.open(encoding="utf-8") as f:
                lines |= {int(r["line"]) for r in csv.DictReader(f)}
    return lines


def false_errors(path: Path) -> list[str]:
    keyed = key_error_lines(path.name)
    out = []
    for f in process(path).findings:
        if f.severity != Severity.ERROR:
            continue
        lines = [n for n in (f.line, *f.related_lines) if n]
        if not any(abs(n - k) <= 3 for n in lines for k in keyed):
            out.append(f"{path.name}:{f.line} {f.rule} {f.message[:100]}")
    return out


def main() -> None:
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    samples = sorted((SHARED / "samples").glob("*.txt"))
    if not samples:
        log.error("../shared/samples not found")
        return
    samples += sorted((ROOT / "data" / "raw").glob("*.txt"))  # reports of other units shipped with the project
    caught = total = 0
    for path in samples:
        results = run_mutations(path)
        c = sum(r.caught for r in results)
        caught, total = caught + c, total + len(results)
        log.info("%-32s mutations caught %3d / %3d", path.name, c, len(results))
        for r in results:
            if not r.caught:
                log.info("    missed line %d %s %s -> %s", r.mutation.line, r.mutation.what, r.mutation.raw,
                         r.mutation.mutated)
    log.info("mutation recall: %.1f%% (%d / %d; goal >= 98%%)", 100 * caught / max(total, 1), caught, total)
    false = [f for p in samples for f in false_errors(p)]
    log.info("false errors on unmutated samples: %d (goal 0)", len(false))
    for f in false:
        log.info("    %s", f)


if __name__ == "__main__":
    main()

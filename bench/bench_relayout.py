"""Key recall of the text path when the tab samples come laid out otherwise (bench/relayout.py).

The three tab-separated samples are converted line for line into space-aligned columns (as
`pdftotext -layout` writes them), ragged aligned columns, and markdown pipe tables; jember (already
pdftotext plain) is copied unchanged. Each set is run through the pipeline and scored by the keys'
own scorer (../shared/keys/score.py), next to the originals: the recall per layout, per sample, and
the error findings the keys do not hold.
"""

from __future__ import annotations

import contextlib
import importlib.util
import io
import logging
import re
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from relayout import LAYOUTS  # noqa: E402

from pipeline.run import run_batch, write_outputs  # noqa: E402

log = logging.getLogger("bench.relayout")

KINDS = ("indicators", "budget", "errors")
_TOTAL = re.compile(r"^(indicators|budget|errors): recall ([\d.]+)% \((\d+)/(\d+)\)", re.M)
_PER_FILE = re.compile(r"^(indicators|budget|errors) (\S+): (\d+)/(\d+)$", re.M)
_FALSE = re.compile(r"error findings not in the key: (\d+)")


@dataclass(frozen=True)
class Score:
    """One layout's key recall: per kind the overall (hits, total), per kind and file (hits, total)."""

    totals: dict[str, tuple[int, int]]
    per_file: dict[tuple[str, str], tuple[int, int]]
    false_errors: int
    report: str  # the scorer's verbose output

    def recall(self, kind: str, files: tuple[str, ...] = ()) -> float:
        """Percent of key rows of `kind` found, over `files` (every file when empty)."""
        if not files:
            hits, total = self.totals[kind]
        else:
            pairs = [v for (k, f), v in self.per_file.items() if k == kind and f in files]
            hits, total = sum(h for h, _ in pairs), sum(n for _, n in pairs)
        return 100.0 * hits / max(total, 1)


def load_scorer(keys_dir: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location("lkjip_key_score", keys_dir / "score.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def write_layout(samples_dir: Path, layout: str, dest: Path) -> list[Path]:
    """The samples with their tab tables converted to `layout` ('original' copies them), same names."""
    dest.mkdir(parents=True, exist_ok=True)
    convert = LAYOUTS.get(layout)
    out = []
    for src in sorted(samples_dir.glob("*.txt")):
        text = src.read_text(encoding="utf-8")
        target = dest / src.name
        target.write_text(convert(text) if convert and "\t" in text else text, encoding="utf-8")
        out.append(target)
    return out


def score_layout(samples_dir: Path, keys_dir: Path, layout: str, work: Path) -> Score:
    """Run the pipeline on the samples laid out as `layout` and score the CSVs with the keys."""
    inputs = write_layout(samples_dir, layout, work / layout / "in")
    out = work / layout / "out"
    write_outputs(run_batch(inputs, progress=False), out)
    scorer = load_scorer(keys_dir)
    buf = io.StringIO()
    with contextlib.redirect_stdout(buf):
        for kind in ("indicators", "budget"):
            scorer.score_records(str(out), kind, True)
        scorer.score_errors(str(out), True)
    text = buf.getvalue()
    totals = {m.group(1): (int(m.group(3)), int(m.group(4))) for m in _TOTAL.finditer(text)}
    per_file = {(m.group(1), m.group(2)): (int(m.group(3)), int(m.group(4))) for m in _PER_FILE.finditer(text)}
    false = _FALSE.search(text)
    return Score(totals, per_file, int(false.group(1)) if false else -1, text)


CONVERTED = ("balikpapan_2020_lakip.txt", "bontang_2025_lkjip.txt", "tanjungpinang_2024_lkjip.txt")


def main() -> None:
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    logging.getLogger("pipeline").setLevel(logging.WARNING)
    samples_dir, keys_dir = ROOT.parent / "shared" / "samples", ROOT.parent / "shared" / "keys"
    if not samples_dir.exists() or not keys_dir.exists():
        log.error("../shared/samples or ../shared/keys not found")
        return
    verbose = "--verbose" in sys.argv
    with tempfile.TemporaryDirectory(prefix="lkjip_relayout_") as tmp:
        log.info("key recall by layout of the tab samples (all 4 files | the 3 converted ones)")
        log.info("  %-9s %-22s %-22s %-22s %s", "layout", *KINDS, "false errors")
        for layout in ("original", *LAYOUTS):
            score = score_layout(samples_dir, keys_dir, layout, Path(tmp))
            cols = [f"{score.recall(k):5.1f} | {score.recall(k, CONVERTED):5.1f}" for k in KINDS]
            log.info("  %-9s %-22s %-22s %-22s %d", layout, *cols, score.false_errors)
            if verbose:
                log.info("%s", score.report)


if __name__ == "__main__":
    main()

"""Mutation test of the audit: single figures of the real samples changed, each change flagged at its line.

The harness (bench/mutation.py) changes the leading digit of a figure that a checkable record rests on
(a cell, a total, a percentage, a prose figure), reruns the pipeline on the mutated text and looks for a
new error or warning finding within 3 lines. `make bench` prints the full recall; here a smaller,
deterministic subset per sample keeps the suite fast.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))

from mutation import mutate_token, run_mutations

RECALL_FLOOR = 0.95
SAMPLES = [
    "balikpapan_2020_lakip.txt", "bontang_2025_lkjip.txt", "tanjungpinang_2024_lkjip.txt", "jember_2023_lkjip.txt",
]


def test_mutate_token_changes_the_leading_significant_digit() -> None:
    assert mutate_token("26,19") == "36,19"
    assert mutate_token("0,0026") == "0,0036"
    assert mutate_token("9.815.238.065") == "8.815.238.065"
    assert mutate_token("Rp.3,471,304,072") == "Rp.4,471,304,072"


@pytest.mark.parametrize("name", SAMPLES)
def test_mutations_are_flagged_at_their_line(samples_dir: Path, name: str) -> None:
    results = run_mutations(samples_dir / name, limit=12)
    assert results, f"no checkable figure found in {name}"
    caught = sum(r.caught for r in results)
    missed = [f"line {r.mutation.line}: {r.mutation.raw} -> {r.mutation.mutated} ({r.mutation.what})"
              for r in results if not r.caught]
    assert caught / len(results) >= RECALL_FLOOR, "\n".join(missed)

"""End to end on the four real samples, scored by the hand-checked keys' own scorer (../shared/keys/score.py).

The floors are what the project has reached; a change that loses key rows or adds false errors fails here.
"""

from __future__ import annotations

import contextlib
import importlib.util
import io
from pathlib import Path

import pytest
import regex as re

from pipeline.run import run

FLOORS = {"indicators": 99.0, "budget": 99.0, "errors": 93.0}
MAX_FALSE_ERRORS = 0


@pytest.fixture(scope="module")
def scored(samples_dir: Path, keys_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> str:
    out = tmp_path_factory.mktemp("samples_out")
    run([samples_dir], out)
    spec = importlib.util.spec_from_file_location("lkjip_key_score", keys_dir / "score.py")
    assert spec and spec.loader
    score = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(score)
    buf = io.StringIO()
    with contextlib.redirect_stdout(buf):
        for kind in ("indicators", "budget"):
            score.score_records(str(out), kind, True)
        score.score_errors(str(out), True)
    return buf.getvalue()


@pytest.mark.parametrize("kind", ["indicators", "budget", "errors"])
def test_recall_floor(scored: str, kind: str) -> None:
    m = re.search(rf"^{kind}: recall ([\d.]+)%", scored, re.M)
    assert m, scored
    assert float(m.group(1)) >= FLOORS[kind], scored


def test_false_errors_ceiling(scored: str) -> None:
    m = re.search(r"error findings not in the key: (\d+)", scored)
    assert m and int(m.group(1)) <= MAX_FALSE_ERRORS, scored

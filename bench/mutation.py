"""Mutation harness for the audit: change one printed figure, check that the audit flags its line.

A mutation takes a figure that a checkable record rests on (a target, realisasi, capaian, pagu, %,
a total, a prose figure), changes its leading digit, reruns the whole pipeline on the mutated text,
and counts it as caught when a new error or warning finding (one whose rule, line, stated and expected
values the unmutated run did not give) names a line within `slack` lines of it.
"""

from __future__ import annotations

import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import regex as re

from pipeline.model import Quantity, Severity
from pipeline.run import Outcome, process

_DIGIT = re.compile(r"[1-9]")


@dataclass(frozen=True)
class Mutation:
    line: int  # 1-based
    raw: str
    mutated: str
    what: str


@dataclass(frozen=True)
class MutationResult:
    mutation: Mutation
    caught: bool
    rules: tuple[str, ...]


def mutate_token(raw: str) -> str:
    """The leading significant digit changed (1→2 … 8→9, 9→8): a change no rounding can hide."""
    m = _DIGIT.search(raw)
    if not m:
        return raw
    d = int(m.group(0))
    new = str(d + 1 if d < 9 else d - 1)
    return raw[: m.start()] + new + raw[m.end():]


def _figures(outcome: Outcome) -> Iterator[tuple[int, Quantity, str]]:
    rep = outcome.report
    for rec, (_, status) in zip(rep.indicators, outcome.indicator_checks, strict=False):
        if status == "ok":
            for name in ("target", "realisasi", "capaian"):
                q = getattr(rec, name)
                if q is not None and q.value is not None:
                    yield (q.prov.line if q.prov and q.prov.line else rec.line or 0), q, f"indicator {name}"
    for rec, (_, status) in zip(rep.budget, outcome.budget_checks, strict=False):
        if status == "ok":
            for name in ("pagu", "realisasi", "pct"):
                q = getattr(rec, name)
                if q is not None and q.value is not None:
                    yield (q.prov.line if q.prov and q.prov.line else rec.line or 0), q, f"budget {name}"


def candidate_mutations(path: Path, baseline: Outcome, limit: int = 40) -> list[Mutation]:
    """Figures that checkable records rest on, found verbatim on their line; evenly spread, deterministic."""
    lines = path.read_text(encoding="utf-8").splitlines()
    seen: set[tuple[int, str]] = set()
    found: list[Mutation] = []
    for line, q, what in _figures(baseline):
        token = _number_part(q.raw)
        if not token or not (1 <= line <= len(lines)) or lines[line - 1].count(token) != 1:
            continue
        if (line, token) in seen:
            continue
        seen.add((line, token))
        found.append(Mutation(line, token, mutate_token(token), what))
    found.sort(key=lambda m: (m.line, m.raw))
    if len(found) <= limit:
        return found
    step = len(found) / limit
    return [found[int(i * step)] for i in range(limit)]


_NUMBER = re.compile(r"\d[\d.,]*\d|\d")


def _number_part(raw: str) -> str:
    m = _NUMBER.search(raw)
    return m.group(0) if m else ""


FindingKey = tuple[str, int, str, str]


def _flags(outcome: Outcome) -> dict[FindingKey, tuple[int, ...]]:
    """Error and warning findings by identity (rule, line, stated, expected) → every line they name."""
    out: dict[FindingKey, tuple[int, ...]] = {}
    for f in outcome.findings:
        if f.severity in (Severity.ERROR, Severity.WARNING):
            lines = tuple(n for n in (f.line, *f.related_lines) if n)
            out[(f.rule, f.line or 0, f.stated, f.expected)] = lines
    return out


def run_mutations(path: Path, limit: int = 40, slack: int = 3) -> list[MutationResult]:
    baseline = process(path)
    before = _flags(baseline)
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    results = []
    with tempfile.TemporaryDirectory() as tmp:
        for m in candidate_mutations(path, baseline, limit):
            text = lines[:]
            text[m.line - 1] = text[m.line - 1].replace(m.raw, m.mutated, 1)
            target = Path(tmp) / path.name
            target.write_text("".join(text), encoding="utf-8")
            after = _flags(process(target))
            new = {key: lines for key, lines in after.items() if key not in before}
            hits = tuple(sorted({key[0] for key, lines in new.items()
                                 if any(abs(n - m.line) <= slack for n in lines)}))
            results.append(MutationResult(m, bool(hits), hits))
    return results

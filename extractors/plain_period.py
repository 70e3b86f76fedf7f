"""Runs of figure lines that hold several rows: split where the kinds of their figures repeat.

pdftotext without `-layout` prints a table one cell per line. The plain reader joins figure lines with
no label of their own to the open row until it holds as many figures as the header names columns, and
the header often names more (a wrapped `Persentase` / `Capaian` counted twice, a label line read into
it). Two rows then become one: `60 · 66,24 · 110,40% · 61 · 61 · 100%`, or a column of rupiah amounts
alternating with their percentages `429.600.000 · 8,39 · 639.600.000 · 12,49 …` read as one row.

The kinds of the figures (amount, number, percent) show the row: where a run's kinds repeat a pattern
of p ≥ 2 figures holding two kinds or more, at least twice and with nothing left over, and another row
of the table holds p figures, the run is that many rows of p. A header that itself repeats its columns
with period p (`Target Realisasi Capaian` under each of two years) prints one row that long: left alone.
"""

from __future__ import annotations

from collections.abc import Sequence

from extractors.plain_header import norm_word
from extractors.plain_rows import Fig, Row


def _bare(row: Row) -> bool:
    """A row made only of figure lines: no label, no row number."""
    return not row.blocks and row.number is None and not row.own_label


def _kinds(figs: Sequence[Fig]) -> tuple[str, ...]:
    return tuple(f.figure.kind for f in figs)


def period(kinds: Sequence[str], widths: set[int]) -> int | None:
    """The shortest p in `widths` such that `kinds` is a pattern of p kinds (two kinds or more) repeated
    at least twice with nothing left over."""
    n = len(kinds)
    for p in sorted(w for w in widths if w >= 2):
        if n < 2 * p or n % p:
            continue
        pattern = tuple(kinds[:p])
        if len(set(pattern)) >= 2 and all(tuple(kinds[k : k + p]) == pattern for k in range(0, n, p)):
            return p
    return None


def _repeats(heads: Sequence[str], p: int) -> bool:
    """The header names its figure columns in groups of p (`Target Realisasi Capaian` per year)."""
    words = [" ".join(norm_word(w) for w in h.split()) for h in heads]
    return len(words) >= 2 * p and len(words) % p == 0 and all(words[k] == words[k % p] for k in range(len(words)))


def _runs(rows: Sequence[Row]) -> list[list[Row]]:
    """Each row with the label-less rows that follow it."""
    runs: list[list[Row]] = []
    for row in rows:
        if runs and _bare(row):
            runs[-1].append(row)
        else:
            runs.append([row])
    return runs


def split_periodic(rows: list[Row], heads: Sequence[str]) -> list[Row]:
    """The rows with every run of several rows' figures split into those rows (see module docstring).

    `heads` are the header's figure-column names. The first row of a run keeps its label; the rows split
    off it have none."""
    runs = _runs(rows)
    out: list[Row] = []
    for k, run in enumerate(runs):
        figs = [f for r in run for f in r.figs]
        widths = {len(r.figs) for j, other in enumerate(runs) if j != k for r in other if r.figs}
        p = period(_kinds(figs), widths)
        if p is None or _repeats(heads, p):
            out.extend(run)
            continue
        first = run[0]
        out.append(Row(first.blocks, figs[:p], first.own_label, first.number))
        out.extend(Row([], figs[k : k + p]) for k in range(p, len(figs), p))
    return out

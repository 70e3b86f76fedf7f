"""The stated measure of a poor table, deciding when camelot is asked to read a page again.

A table is poor when any one of these holds (limits in `settings.Thresholds`):

- fewer than `min_columns` non-empty columns (a box of prose, not a table);
- the share of empty cells exceeds `max_empty_share` (columns found where there are none);
- the share of non-empty cells holding several numbers exceeds `max_stacked_share`
  (rows the engine failed to separate: "100,03 113,17" in one cell);
- in the columns whose cells are mostly numbers, the share of body cells that do not parse
  as numbers exceeds `max_unparsed_share` (cells cut through the middle of figures).

`score` is 1 minus the sum of the shares, for choosing the better of two readings.
"""

from __future__ import annotations

from dataclasses import dataclass

from extractors.pdf.grid import Grid
from extractors.pdf.numeric import is_header_label, is_numeric, n_numbers
from extractors.pdf.settings import Thresholds

_DASHES = {"-", "–", "—"}


@dataclass(frozen=True)
class Quality:
    n_rows: int
    n_cols: int
    empty_share: float
    stacked_share: float
    unparsed_share: float
    reasons: tuple[str, ...]

    @property
    def poor(self) -> bool:
        return bool(self.reasons)

    @property
    def score(self) -> float:
        single = 1.0 if self.n_cols < 2 else 0.0
        return 1.0 - self.empty_share - self.stacked_share - self.unparsed_share - single


def assess(grid: Grid, limits: Thresholds) -> Quality:
    texts = [[c.text for c in r] for r in grid.rows]
    n_cols = sum(1 for c in range(grid.n_cols) if any(c < len(r) and r[c] for r in texts))
    cells = [t for r in texts for t in r]
    filled = [t for t in cells if t]
    empty = 1 - len(filled) / len(cells) if cells else 1.0
    stacked = sum(n_numbers(t) >= 2 and _all_numbers(t) for t in filled) / len(filled) if filled else 0.0
    unparsed = _unparsed_share(texts)
    reasons: list[str] = []
    if n_cols < limits.min_columns:
        reasons.append(f"{n_cols} column(s)")
    if empty > limits.max_empty_share:
        reasons.append(f"{empty:.0%} empty cells")
    if stacked > limits.max_stacked_share:
        reasons.append(f"{stacked:.0%} cells hold several numbers")
    if unparsed > limits.max_unparsed_share:
        reasons.append(f"{unparsed:.0%} of numeric-column cells do not parse")
    return Quality(len(texts), n_cols, empty, stacked, unparsed, tuple(reasons))


def _all_numbers(text: str) -> bool:
    parts = text.split()
    return len(parts) >= 2 and all(is_numeric(p) or p in _DASHES for p in parts)


def _unparsed_share(texts: list[list[str]]) -> float:
    width = max((len(r) for r in texts), default=0)
    bad = total = 0
    for c in range(width):
        col = [r[c] for r in texts if c < len(r) and r[c] and not is_header_label(r[c])]
        nums = [t for t in col if is_numeric(t) or t in _DASHES]
        if len(col) >= 3 and len(nums) * 2 > len(col):
            body = [t for t in col if any(ch.isdigit() for ch in t) or t in _DASHES]
            total += len(body)
            bad += sum(1 for t in body if not (t in _DASHES or (is_numeric(t) and n_numbers(t) == 1)))
    return bad / total if total else 0.0

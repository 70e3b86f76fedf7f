"""Engine-neutral shapes of one PDF page: words, numbered text lines, and raw table grids.

Every engine (pdfplumber ruled, pdfplumber unruled, camelot lattice, camelot stream)
returns `Grid`s; `build.py` turns grids into `pipeline.model.Table`s. Coordinates are
in points from the top-left corner of the page as displayed (rotation applied).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

BBox = tuple[float, float, float, float]  # x0, top, x1, bottom


@dataclass(frozen=True)
class Word:
    text: str
    x0: float
    x1: float
    top: float
    bottom: float

    @property
    def size(self) -> float:
        return max(self.bottom - self.top, 1.0)

    @property
    def center(self) -> tuple[float, float]:
        return (self.x0 + self.x1) / 2, (self.top + self.bottom) / 2


@dataclass(frozen=True)
class PageLine:
    """One visual line of a page; `number` is 1-based within the page, top to bottom."""

    number: int
    top: float
    words: tuple[Word, ...]

    @property
    def text(self) -> str:
        return " ".join(w.text for w in self.words)

    @property
    def bottom(self) -> float:
        return max(w.bottom for w in self.words)


@dataclass(frozen=True)
class GridCell:
    text: str
    line: int | None  # line-within-page of the cell's first word; None for an empty cell


EMPTY = GridCell("", None)


@dataclass(frozen=True)
class Grid:
    """A table as one engine read it from one page: rows of cells, its box, and who read it."""

    page: int
    rows: tuple[tuple[GridCell, ...], ...]
    bbox: BBox
    engine: str  # pdfplumber | camelot-lattice | camelot-stream
    ruled: bool

    @property
    def n_cols(self) -> int:
        return max((len(r) for r in self.rows), default=0)

    def texts(self) -> list[list[str]]:
        return [[c.text for c in r] for r in self.rows]


def group_lines(words: Iterable[Word], tolerance: float) -> list[PageLine]:
    """Cluster words into visual lines by their top edge; number them 1.. top to bottom."""
    ordered = sorted(words, key=lambda w: (w.top, w.x0))
    groups: list[list[Word]] = []
    anchor = float("-inf")
    for w in ordered:
        if not groups or w.top - anchor > tolerance:
            groups.append([w])
            anchor = w.top
        else:
            groups[-1].append(w)
    return [PageLine(i, g[0].top, tuple(sorted(g, key=lambda w: w.x0))) for i, g in enumerate(groups, start=1)]


def line_of(lines: Sequence[PageLine]) -> dict[int, int]:
    """id(word) → its line number, for assigning cells their line."""
    return {id(w): ln.number for ln in lines for w in ln.words}


def inside(word: Word, box: BBox, margin: float = 0.5) -> bool:
    x, y = word.center
    return box[0] - margin <= x <= box[2] + margin and box[1] - margin <= y <= box[3] + margin


def drop_empty_columns(
    rows: Sequence[Sequence[GridCell]], keep: frozenset[int] = frozenset()
) -> tuple[tuple[GridCell, ...], ...]:
    """Remove columns empty in every row (engines leave them where spans meet), except those in `keep`."""
    width = max((len(r) for r in rows), default=0)
    kept = [c for c in range(width) if c in keep or any(c < len(r) and r[c].text for r in rows)]
    return tuple(tuple(r[c] if c < len(r) else EMPTY for c in kept) for r in rows)

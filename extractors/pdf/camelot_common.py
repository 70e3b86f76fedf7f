"""Turning a camelot table into a `Grid`: cell texts, and the page line each cell stands on."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from extractors.pdf.grid import EMPTY, BBox, Grid, GridCell, PageLine, drop_empty_columns


def to_grid(table: Any, page_no: int, page_height: float, lines: Sequence[PageLine], engine: str) -> Grid | None:
    """A camelot `Table` → Grid; cell coordinates (PDF space, y up) are mapped to page lines."""
    rows: list[tuple[GridCell, ...]] = []
    for r, row in enumerate(table.cells):
        out: list[GridCell] = []
        for c, cell in enumerate(row):
            text = " ".join(str(table.df.iat[r, c]).split()) if r < table.df.shape[0] and c < table.df.shape[1] else ""
            if not text:
                out.append(EMPTY)
                continue
            box: BBox = (cell.x1, page_height - cell.y2, cell.x2, page_height - cell.y1)
            out.append(GridCell(text, _line_in(box, lines)))
        rows.append(tuple(out))
    rows_t = drop_empty_columns(rows)
    if len(rows_t) < 2 or len(rows_t[0]) < 2:
        return None
    x1, y1, x2, y2 = table._bbox
    bbox: BBox = (x1, page_height - y2, x2, page_height - y1)
    return Grid(page_no, rows_t, bbox, engine, ruled=engine == "camelot-lattice")


def _line_in(box: BBox, lines: Sequence[PageLine]) -> int | None:
    """The first page line with a word inside the cell; else (a spanning cell) the first line at its height."""
    level = [ln for ln in lines if box[1] - 1 <= ln.top <= box[3] + 1]
    for ln in level:
        if any(box[0] - 1 <= w.center[0] <= box[2] + 1 for w in ln.words):
            return ln.number
    if level:
        return level[0].number
    nearest = min(lines, key=lambda ln: abs(ln.top - box[1]), default=None)
    return nearest.number if nearest else None

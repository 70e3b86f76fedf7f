"""camelot stream (whitespace columns) as a fallback engine for one area of one page."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from pathlib import Path

from extractors.pdf.camelot_common import to_grid
from extractors.pdf.grid import BBox, Grid, PageLine

ENGINE = "camelot-stream"
log = logging.getLogger(__name__)


def extract(path: Path, page_no: int, page_height: float, lines: Sequence[PageLine], area: BBox) -> list[Grid]:
    """The table camelot stream reads inside `area` (top-left origin); [] when it fails.

    camelot stream raises ValueError on a page without text, so every call is guarded.
    """
    import camelot

    if not lines:
        return []
    x0, top, x1, bottom = area
    region = f"{x0 - 2:.1f},{page_height - top + 2:.1f},{x1 + 2:.1f},{page_height - bottom - 2:.1f}"
    try:
        tables = camelot.read_pdf(str(path), pages=str(page_no), flavor="stream", table_areas=[region])
    except Exception as exc:
        log.warning("%s page %d: camelot stream failed: %s", path.name, page_no, exc)
        return []
    grids = (to_grid(t, page_no, page_height, lines, ENGINE) for t in tables)
    return [g for g in grids if g is not None]

"""camelot lattice (ruling lines) as a fallback engine for one page."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from pathlib import Path

from extractors.pdf.camelot_common import to_grid
from extractors.pdf.grid import Grid, PageLine

ENGINE = "camelot-lattice"
log = logging.getLogger(__name__)


def extract(path: Path, page_no: int, page_height: float, lines: Sequence[PageLine]) -> list[Grid]:
    """The ruled tables camelot finds on page `page_no` (1-based); [] when it finds none or fails."""
    import camelot

    try:
        tables = camelot.read_pdf(str(path), pages=str(page_no), flavor="lattice", copy_text=None)
    except Exception as exc:  # camelot raises many kinds on odd pages; the page keeps pdfplumber's reading
        log.warning("%s page %d: camelot lattice failed: %s", path.name, page_no, exc)
        return []
    grids = (to_grid(t, page_no, page_height, lines, ENGINE) for t in tables)
    return [g for g in grids if g is not None]

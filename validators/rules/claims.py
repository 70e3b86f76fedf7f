"""Rule family 7 (prose claims) — `seluruh … terlaksana 100%` against the table shown with it.

`Seluruh volume kegiatan telah terlaksana 100% sebagaimana dibuktikan dengan tampilan … berikut
ini:` claims every row of the table that follows is at 100 % in the column the verb names
(terlaksana → Pelaksanaan, tercapai → Capaian, terealisasi → Realisasi). A percentage below 100
there contradicts the claim.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from decimal import Decimal

import regex as re

from pipeline.model import Statement
from validators.rules.base import Check, Context, Issue
from validators.rules.grid import Grid, GridCell, is_total_row

ALL_DONE = re.compile(
    r"\b(?:seluruh|semua)(?:nya)?\b[^.%]{0,80}?\b(?:telah\s+|sudah\s+)?(?:ter|di|ber)?(laksana|capai|realisasi)\w*"
    r"\s+(?:sebesar\s+|hingga\s+|mencapai\s+)?100\s*(?:%|persen)", re.I)
ROOT_HEADER = {"laksana": re.compile(r"laksana", re.I), "capai": re.compile(r"capai", re.I),
               "realisasi": re.compile(r"realisasi", re.I)}
PERCENT = re.compile(r"%|persen", re.I)
FOLLOWS = 40  # lines between the claim and the table it shows
HUNDRED = Decimal(100)


ALL_WORD = re.compile(r"seluruh|semua", re.I)  # what every ALL_DONE holds, with `100` (same engine and flags)


def claim_root(st: Statement) -> str | None:
    """The verb root of a claim that everything reached 100 % (laksana, capai, realisasi)."""
    if "100" not in st.text or ALL_WORD.search(st.text) is None:
        return None  # no claim can stand here: the full pattern's search is the costly one
    m = ALL_DONE.search(st.text)
    return m.group(1).lower() if m else None


def table_after(grids: Sequence[Grid], line: int) -> Grid | None:
    after = [g for g in grids if g.line is not None and line < g.line <= line + FOLLOWS]
    return min(after, key=lambda g: g.line or 0, default=None)


def short_cells(grid: Grid, root: str) -> list[GridCell]:
    """Percentages under 100 in the columns the claim's verb names."""
    pattern = ROOT_HEADER[root]
    cols = [c for c in range(grid.n_cols) if pattern.search(grid.header(c)) and PERCENT.search(grid.header(c))]
    out = []
    for row in grid.rows:
        if is_total_row(grid, row):
            continue
        for c in cols:
            cell = row[c] if c < len(row) else None
            if cell is not None and cell.number and cell.q.value is not None and cell.q.value < HUNDRED:
                out.append(cell)
    return out


def check_all_done_claims(ctx: Context, check: Check) -> Iterator[Issue]:
    grids = ctx.grids
    for st in ctx.report.document.statements:
        root = claim_root(st)
        if root is None or st.prov.line is None:
            continue
        grid = table_after(grids, st.prov.line)
        if grid is None:
            continue
        short = short_cells(grid, root)
        if not short:
            continue
        lines = tuple(sorted({c.prov.line for c in short if c.prov.line is not None}))
        shown = ", ".join(c.text.strip() for c in short[:4])
        yield Issue(check.name, check.severity, st.prov.line, st.text[:160], "100%", shown,
                    f"the text says everything reached 100%, but the table that follows (line {grid.line}) shows "
                    f"{shown} (lines {', '.join(map(str, lines))})", page=st.prov.page, related_lines=lines)

"""Rule family 8 (cross-references) — structural posts counted in the text and in the staff table.

`… sejumlah 61 orang pegawai, dengan formasi 1 orang Eselon III, 5 orang Eselon IV, 11 orang
Eselon V, dan 44 Jabatan Fungsional`: the eselon posts are the structural ones, so a staff table
by jabatan of the same head count (its total row 61) gives `Jabatan Struktural` = 1 + 5 + 11.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal

import regex as re

from pipeline.model import Statement
from validators.rules.base import Check, Context, Issue
from validators.rules.grid import Grid, GridCell, is_total_row

HEAD_COUNT = re.compile(r"(?:sejumlah|sebanyak|berjumlah|total)\s+(\d{1,4})\s+(?:orang\s+)?(?:pegawai|personil|sdm)",
                        re.I)
ESELON = re.compile(r"(\d{1,3})\s+(?:orang\s+)?(?:pejabat\s+)?eselon\s+[IVX]{1,4}\b", re.I)
STRUCTURAL_ROW = re.compile(r"^\W*(?:jabatan\s+|pejabat\s+)?struktural\b", re.I)


@dataclass(frozen=True)
class Formation:
    """What a sentence states: the head count, and the structural (eselon) posts among it."""

    total: int
    structural: int
    line: int | None


# the word every HEAD_COUNT ends with (same engine and flags): a sentence without one states no head count
STAFF_WORD = re.compile(r"pegawai|personil|sdm", re.I)


def formation(st: Statement) -> Formation | None:
    if STAFF_WORD.search(st.text) is None:
        return None
    head = HEAD_COUNT.search(st.text)
    if head is None:
        return None
    eselon = [int(m.group(1)) for m in ESELON.finditer(st.text, head.end())]
    if len(eselon) < 2:
        return None
    return Formation(int(head.group(1)), sum(eselon), st.prov.line)


def _count(row: tuple[GridCell, ...]) -> Decimal | None:
    figures = [c.q.value for c in row if c.number and c.q.value is not None]
    return figures[-1] if figures else None


def structural_row(grid: Grid, total: int) -> tuple[tuple[GridCell, ...], Decimal] | None:
    """The `Jabatan Struktural` row of a staff table whose total row is `total`."""
    totals = [_count(r) for r in grid.rows if is_total_row(grid, r)]
    if Decimal(total) not in totals:
        return None
    rows = [(r, v) for r in grid.rows if STRUCTURAL_ROW.match(grid.label(r)) and (v := _count(r)) is not None]
    return rows[0] if len(rows) == 1 else None


def check_structural_posts(ctx: Context, check: Check) -> Iterator[Issue]:
    forms = [f for st in ctx.report.document.statements if (f := formation(st)) is not None]
    if not forms:
        return
    for grid in ctx.grids:
        for form in forms:
            found = structural_row(grid, form.total)
            if found is None or found[1] == form.structural:
                continue
            row, value = found
            cell = next(c for c in reversed(row) if c.number)
            yield Issue(check.name, check.severity, cell.prov.line, f"{grid.title or 'staff table'}: {grid.label(row)}",
                        cell.text.strip(), str(form.structural),
                        f"{cell.text.strip()} structural posts in the table of {form.total} staff, but the text "
                        f"(line {form.line}) lists {form.structural} eselon posts among the same {form.total}",
                        difference=str(value - form.structural), page=cell.prov.page,
                        related_lines=tuple(x for x in (form.line,) if x is not None))

"""Doubts about a plain-layout table's structure: where the reader could not tie every figure to a row.

A pdftotext export without `-layout` prints a table's cells one block at a time, and the reader rebuilds
rows from the order of label and figure lines. When that order is broken (a page break inside a row, a
header printed beside the body, cells of one row printed after the next row's label) figures end up in
rows without a label of their own, and the rows around them hold figures of their neighbours. Such a
table still gives records, but its sums, averages and ratios are no evidence of an error in the report:
the validators then report what fails as a warning (see `validators.engine.doubtful_lines`).

A doubt is a short reason; a table without doubts gets `()`.
"""

from __future__ import annotations

from collections.abc import Sequence

from extractors.plain_rows import RowCells

ORPHANS = "figure rows without a label"


def _has_label(rc: RowCells) -> bool:
    return bool(rc.number) or any(text.strip() for text, _ in rc.texts)


def _has_figures(rc: RowCells) -> bool:
    return any(f is not None and f.figure.kind != "dash" for f in rc.figures)


def orphan_rows(rows: Sequence[RowCells]) -> int:
    """Rows of figures with neither a label nor a row number, in a table whose other rows have labels.

    A table printed without labels at all (a list of scores under one header) has none: its rows are
    what they are. Where labelled rows exist, a figure row without one is a row the reader could not
    place: the figures of a row printed apart from it, or a label lost across a page."""
    figure_rows = [rc for rc in rows if _has_figures(rc)]
    labelled = sum(_has_label(rc) for rc in figure_rows)
    if labelled == 0:
        return 0
    return len(figure_rows) - labelled


def table_doubts(rows: Sequence[RowCells]) -> tuple[str, ...]:
    """Why the rows read may not be the table's rows (empty when nothing is in doubt)."""
    doubts: list[str] = []
    orphans = orphan_rows(rows)
    if orphans:
        doubts.append(f"{orphans} {ORPHANS}")
    return tuple(doubts)

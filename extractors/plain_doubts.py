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
from itertools import pairwise

import regex as re

from extractors.plain_rows import RowCells
from normalizers.labels import AVERAGE_LABEL

ORPHANS = "figure rows without a label"
GUESSED_AVERAGE = "an average row with fewer figures than the columns, placed by guess"
BODY_IN_HEADER = "a header cell holding body text"
MAX_HEAD_WORDS = 12  # a column name is no longer than a label line (the reader's MAX_LABEL_WORDS)
_COLNUM = re.compile(r"^[(\[{]\d{1,2}[)\]}]$")
_ROWNUM = re.compile(r"^\d{1,3}\.?$")


def _has_label(rc: RowCells) -> bool:
    return bool(rc.number) or any(text.strip() for text, _ in rc.texts)


def _has_figures(rc: RowCells) -> bool:
    return any(f is not None and f.figure.kind != "dash" for f in rc.figures)


def _texts(rc: RowCells) -> list[str]:
    return [f.figure.text for f in rc.figures if f is not None and f.figure.kind != "dash"]


def _numbering(orphans: Sequence[RowCells]) -> set[int]:
    """Which label-less rows only number: `(1) (2) (3)` under a header, or `1`, `2`, `3` … printed apart from
    their rows, counting up by one (the `No` cells of a table whose labels follow them)."""
    candidates = [k for k, rc in enumerate(orphans) if all(_COLNUM.match(t) or _ROWNUM.match(t) for t in _texts(rc))]
    counts = [int(t.rstrip(".")) for k in candidates for t in _texts(orphans[k]) if _ROWNUM.match(t)]
    if any(b != a + 1 for a, b in pairwise(counts)):
        return set()
    return set(candidates)


def orphan_rows(rows: Sequence[RowCells]) -> int:
    """Rows of figures with neither a label nor a row number, in a table whose other rows have labels.

    A table printed without labels at all (a list of scores under one header) has none: its rows are
    what they are. Where labelled rows exist, a figure row without one is a row the reader could not
    place: the figures of a row printed apart from it, or a label lost across a page. Rows that only
    number the columns or the rows are no such figures."""
    figure_rows = [rc for rc in rows if _has_figures(rc)]
    if not any(_has_label(rc) for rc in figure_rows):
        return 0
    orphans = [rc for rc in figure_rows if not _has_label(rc)]
    return len(orphans) - len(_numbering(orphans))


def _figure_columns(rc: RowCells) -> set[int]:
    return {k for k, f in enumerate(rc.figures) if f is not None and f.figure.kind != "dash"}


def guessed_average(rows: Sequence[RowCells]) -> bool:
    """A `Rata-rata` row printing fewer figures than the columns the other rows fill: placed by order, its
    figures stand in the first columns, while an average is most often of the last (`Rata-rata 109,42`
    under target, realisasi and capaian). Which column it averages is a guess."""
    filled = set().union(*(_figure_columns(rc) for rc in rows)) if rows else set()
    return any(
        AVERAGE_LABEL.match(" ".join(t for t, _ in rc.texts).strip()) and 0 < len(_figure_columns(rc)) < len(filled)
        for rc in rows
    )


def body_in_header(header_rows: Sequence[Sequence[str]]) -> bool:
    """A header cell longer than any label line: the header took in lines of the body (its first rows, or
    another table's), so the rows read are not all the table's rows."""
    return any(len(cell.split()) > MAX_HEAD_WORDS for row in header_rows for cell in row)


def table_doubts(rows: Sequence[RowCells], header_rows: Sequence[Sequence[str]] = (), by_position: bool = False
                 ) -> tuple[str, ...]:
    """Why the rows read may not be the table's rows (empty when nothing is in doubt). `by_position`: the
    figures were placed in their columns by where they stand on the line (`pdftotext -layout`), not by order."""
    doubts: list[str] = []
    if body_in_header(header_rows):
        doubts.append(BODY_IN_HEADER)
    orphans = orphan_rows(rows)
    if orphans:
        doubts.append(f"{orphans} {ORPHANS}")
    if not by_position and guessed_average(rows):
        doubts.append(GUESSED_AVERAGE)
    return tuple(doubts)

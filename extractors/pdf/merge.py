"""Tables split over pages: the last table of a page and the first of the next.

- Same columns and the same header rows repeated → one table (rows appended, the repeated
  header dropped, each cell keeping its own page); also when only the top header row is repeated.
- Same columns, no header and no caption on the new page → a separate table whose
  `continues` names the first (nothing merged: the header is not there to prove it).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from extractors.pdf.build import PageTable


@dataclass(frozen=True)
class Group:
    parts: tuple[PageTable, ...]
    continues: int | None = None  # index (in the returned list) of the group this one continues


def _continues(prev: PageTable, nxt: PageTable) -> bool:
    return (
        nxt.grid.page == prev.grid.page + 1
        and prev.last_on_page
        and nxt.first_on_page
        and not nxt.title
        and nxt.grid.n_cols == prev.grid.n_cols
    )


def same_header(a: PageTable, b: PageTable) -> bool:
    """`b` starts with `a`'s header rows (it may carry a wrapped label over after them)."""
    return a.n_header > 0 and b.n_header >= a.n_header and b.header_texts()[: a.n_header] == a.header_texts()


def same_top_header(a: PageTable, b: PageTable) -> bool:
    """`b` repeats only the top row of `a`'s header (`SASARAN | INDIKATOR | TARGET | …` without the `TH I …
    TH V` row under it): its rows after that one row continue `a`."""
    return a.n_header > 1 and b.n_header >= 1 and b.header_texts()[0] == a.header_texts()[0] \
        and b.header_texts()[: a.n_header] != a.header_texts()


def group(tables: Sequence[PageTable]) -> list[Group]:
    """Merge repeated-header continuations; link header-less ones."""
    groups: list[Group] = []
    for t in tables:
        if groups and _continues(groups[-1].parts[-1], t):
            last = groups[-1]
            if same_header(last.parts[0], t):
                groups[-1] = Group((*last.parts, replace(t, n_header=last.parts[0].n_header)), last.continues)
                continue
            if same_top_header(last.parts[0], t):
                groups[-1] = Group((*last.parts, replace(t, n_header=1)), last.continues)
                continue
            if t.n_header == 0:
                groups.append(Group((t,), len(groups) - 1))
                continue
        groups.append(Group((t,)))
    return groups

"""Space-aligned tables (`pdftotext -layout` and similar): cells apart by runs of spaces, no tabs.

A block is a run of consecutive non-blank lines; its text runs are the stretches of text set apart
by two or more spaces (`1 234` and `Jumlah Pegawai` stay one run). The block's column boundaries
are the positions (camelot's stream "text edges") that lie inside a gap between two runs on at
least two lines and are covered by text on almost no line: a gap column shared by the lines of the
block. Each run goes to the column it overlaps most — by position, not by order, so an empty cell
or a number right-aligned in its column lands where it belongs.

Lines that only continue the row above (a wrapped label: text under that row's label cells, no
figures) are merged into it. The rebuilt rows are handed to the tab-table builder
(`extractors.tabs.build_tables`) as tab-joined lines with their own line numbers, so header rows,
numbering rows, captions, contents lists and tables split over pages are read exactly as in a tab
export, and every cell keeps its line and raw text.

Prose is left alone: justified text has single spaces or gaps that do not line up from line to
line, and a block becomes a table only with two or more rows of two or more cells under a shared
gap column and a figure in a column right of the first (or three such rows).
"""

from __future__ import annotations

import itertools
import logging
from collections.abc import Sequence
from dataclasses import dataclass

import regex as re

from extractors.base import Extraction, Line
from extractors.tabs import build_tables, is_value_cell

log = logging.getLogger(__name__)

_RUN = re.compile(r"\S+(?: \S+)*")
MIN_TEXT_ROWS = 3  # rows of >= 2 cells a block without any figure needs
MAX_CONTINUATION_TAIL = 2  # label lines after the last row still read as its continuation


@dataclass(frozen=True, slots=True)
class Run:
    """A stretch of text on one line, apart from its neighbours by 2+ spaces; [start, end) in characters."""

    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Separator:
    """A gap column of a block: positions [start, end) no cell of the block's rows crosses."""

    start: int
    end: int


def text_runs(text: str) -> tuple[Run, ...]:
    """The runs of a line (tabs are not this layout's business: a tab line has no runs)."""
    if "\t" in text:
        return ()
    return tuple(Run(m.start(), m.end(), m.group()) for m in _RUN.finditer(text))


# --------------------------------------------------------------------------- gap columns


def separators(rows: Sequence[Sequence[Run]]) -> tuple[Separator, ...]:
    """Gap columns shared by the multi-run lines `rows`: inside an inter-run gap on >= 2 lines,
    covered by text on at most a fifth of them (a header spanning two columns) and on fewer
    lines than leave it open."""
    multi = [r for r in rows if len(r) >= 2]
    if len(multi) < 2:
        return ()
    width = max(r[-1].end for r in multi)
    gap = [0] * (width + 1)
    cover = [0] * (width + 1)
    for runs in rows:
        for a, b in itertools.pairwise(runs):
            for p in range(a.end, b.start):
                gap[p] += 1
        for run in runs:
            for p in range(run.start, min(run.end, width)):
                cover[p] += 1
    tolerance = max(1, len(rows) // 5)
    ok = [gap[p] >= 2 and cover[p] <= tolerance and 2 * cover[p] < gap[p] for p in range(width)]
    out: list[Separator] = []
    p = 0
    while p < width:
        if not ok[p]:
            p += 1
            continue
        q = p
        while q < width and ok[q]:
            q += 1
        out.append(Separator(p, q))
        p = q
    return tuple(out)


def column_of(run: Run, seps: Sequence[Separator]) -> int:
    """The column a run overlaps most (columns lie between the separators); a run lying inside a
    gap column (a short header over right-aligned figures) goes to the nearest column."""
    best, best_overlap = 0, -(1 << 30)
    left = 0
    for k in range(len(seps) + 1):
        right = seps[k].start if k < len(seps) else 1 << 30
        overlap = min(run.end, right) - max(run.start, left)
        if overlap > best_overlap:
            best, best_overlap = k, overlap
        if k < len(seps):
            left = seps[k].end
    return best


def cells_of(runs: Sequence[Run], seps: Sequence[Separator]) -> list[str]:
    """The line's cells, one per column. Two runs landing in one column beside an empty one (short
    header words over columns whose figures wander) are spread over the two; otherwise joined."""
    placed: list[list[Run]] = [[] for _ in range(len(seps) + 1)]
    for run in runs:
        placed[column_of(run, seps)].append(run)
    for k in range(len(placed)):
        if len(placed[k]) < 2:
            continue
        if k + 1 < len(placed) and not placed[k + 1]:
            placed[k + 1].append(placed[k].pop())
        elif k > 0 and not placed[k - 1]:
            placed[k - 1].append(placed[k].pop(0))
    return [" ".join(r.text for r in column) for column in placed]


def _line_has_figure(cells: Sequence[str]) -> bool:
    return any(c and is_value_cell(c) for c in cells)


NARROW_GAP = 2  # a gap column narrower than this between two columns never filled together is jitter


def _mergeable(cells: Sequence[Sequence[str]], figure_lines: Sequence[bool], j: int, k: int, narrow: bool) -> bool:
    """Columns j and k (adjacent) are one: no line fills both, k holds text, and j is either filled
    only on lines without figures (a header word) or apart from k by a jitter-narrow gap."""
    if any(c[j] and c[k] for c in cells) or not any(c[k] for c in cells):
        return False
    filled = [i for i, c in enumerate(cells) if c[j]]
    return bool(filled) and (narrow or not any(figure_lines[i] for i in filled))


def merge_header_columns(rows: Sequence[Sequence[Run]], seps: Sequence[Separator]) -> tuple[Separator, ...]:
    """Drop the gap column between two columns that are one: a header word left-aligned over
    figures right-aligned in the same column, or figures wandering over a narrow gap."""
    seps = tuple(seps)
    changed = True
    while changed and seps:
        changed = False
        cells = [cells_of(r, seps) for r in rows]
        figure_lines = [_line_has_figure(c) for c in cells]
        for j in range(len(seps) + 1):
            for k in (j + 1, j - 1):
                if not 0 <= k <= len(seps):
                    continue
                gap = seps[min(j, k)]
                if _mergeable(cells, figure_lines, j, k, gap.end - gap.start < NARROW_GAP):
                    seps = seps[: min(j, k)] + seps[min(j, k) + 1 :]
                    changed = True
                    break
            if changed:
                break
    return seps


# --------------------------------------------------------------------------- blocks


@dataclass(frozen=True)
class AlignedBlock:
    """A table region: the positions (in `lines`) it spans, its gap columns and each line's cells."""

    start: int
    end: int  # inclusive
    seps: tuple[Separator, ...]
    cells: tuple[tuple[str, ...], ...]  # one tuple per line of the block


def _has_figure_right(cells: Sequence[str]) -> bool:
    return any(c and is_value_cell(c) for c in cells[1:])


def _filled(cells: Sequence[str]) -> list[int]:
    return [j for j, c in enumerate(cells) if c]


def _is_row(cells: Sequence[str]) -> bool:
    return len(_filled(cells)) >= 2


def _groups(lines: Sequence[Line], claimed: frozenset[int]) -> list[tuple[int, int]]:
    """(start, end) inclusive positions of runs of consecutive unclaimed non-blank tab-less lines."""
    out: list[tuple[int, int]] = []
    start = -1
    for k, ln in enumerate(lines):
        ok = ln.number not in claimed and "\t" not in ln.text and bool(ln.text.strip())
        if ok and start < 0:
            start = k
        elif not ok and start >= 0:
            out.append((start, k - 1))
            start = -1
    if start >= 0:
        out.append((start, len(lines) - 1))
    return out


def _crosses(runs: Sequence[Run], seps: Sequence[Separator]) -> bool:
    return any(r.start < s.end and s.start < r.end for r in runs for s in seps)


def _block(runs: Sequence[Sequence[Run]], start: int, end: int) -> AlignedBlock | None:
    """The table among lines start..end (positions into `runs`), trimmed of prose lines at its edges."""
    while start <= end:
        if sum(len(runs[k]) >= 2 for k in range(start, end + 1)) < 2:
            return None
        # a block opens and closes on a multi-run line (label-only tail lines are added back below)
        while start <= end and len(runs[start]) < 2:
            start += 1
        last = end
        while last >= start and len(runs[last]) < 2:
            last -= 1
        body = [runs[k] for k in range(start, last + 1)]
        seps = merge_header_columns(body, separators(body))
        if not seps:
            start += 1
            continue
        # a first line whose text crosses the gap columns is a title or prose just above the table
        if _crosses(runs[start], seps) and len(runs[start]) <= 2:
            start += 1
            continue
        cells = [tuple(cells_of(runs[k], seps)) for k in range(start, last + 1)]
        rows = [c for c in cells if _is_row(c)]
        figures = any(_has_figure_right(c) for c in rows)
        if len(rows) < 2 or (not figures and len(rows) < MIN_TEXT_ROWS):
            return None
        tail = last
        while tail < end and tail - last < MAX_CONTINUATION_TAIL and _fits_label(runs[tail + 1], seps, cells):
            tail += 1
            cells.append(tuple(cells_of(runs[tail], seps)))
        return AlignedBlock(start, tail, seps, tuple(cells))
    return None


def _fits_label(runs: Sequence[Run], seps: Sequence[Separator], cells: Sequence[Sequence[str]]) -> bool:
    """A line after the last row that continues it: text only in columns where the rows hold labels."""
    if not runs or _crosses(runs, seps):
        return False
    line = cells_of(runs, seps)
    if any(c and is_value_cell(c) for c in line):
        return False
    labels = {j for row in cells for j, c in enumerate(row) if c and not is_value_cell(c)}
    return all(j in labels for j in _filled(line))


def find_blocks(lines: Sequence[Line], claimed: frozenset[int]) -> list[AlignedBlock]:
    """Every space-aligned table region among the unclaimed lines."""
    out: list[AlignedBlock] = []
    for g_start, g_end in _groups(lines, claimed):
        runs = [text_runs(lines[k].text) for k in range(g_start, g_end + 1)]
        if sum(len(r) >= 2 for r in runs) < 2:
            continue
        found = _block(runs, 0, len(runs) - 1)
        if found is not None:
            out.append(
                AlignedBlock(found.start + g_start, found.end + g_start, found.seps, found.cells)
            )
    return out


# --------------------------------------------------------------------------- rows


def _continues(cells: Sequence[str], row: Sequence[str]) -> bool:
    """A wrapped line of `row`: no figures, text only under text (not figure) cells of the row,
    and `row` itself a row with figures (header lines are not merged here)."""
    filled = _filled(cells)
    if not filled or any(is_value_cell(cells[j]) for j in filled):
        return False
    if not any(c and is_value_cell(c) for c in row):
        return False
    return all(row[j] and not is_value_cell(row[j]) for j in filled)


def block_lines(block: AlignedBlock, lines: Sequence[Line]) -> tuple[list[Line], set[int]]:
    """The block as tab lines (continuation lines merged into their row) and every line number it spans."""
    out: list[Line] = []
    rows: list[list[str]] = []
    for k, cells in enumerate(block.cells):
        ln = lines[block.start + k]
        if rows and _continues(cells, rows[-1]):
            rows[-1] = [f"{a} {b}".strip() if b else a for a, b in zip(rows[-1], cells, strict=True)]
            out[-1] = Line(out[-1].number, "\t".join(rows[-1]), out[-1].page)
            continue
        rows.append(list(cells))
        out.append(Line(ln.number, "\t".join(cells), ln.page))
    return out, {lines[block.start + k].number for k in range(len(block.cells))}


class AlignedTableExtractor:
    name = "aligned"

    def extract(self, lines: Sequence[Line], source_file: str, claimed: frozenset[int]) -> Extraction:
        blocks = find_blocks(lines, claimed)
        if not blocks:
            return Extraction()
        spans: set[int] = set()
        replaced: dict[int, Line] = {}
        for block in blocks:
            tab_lines, numbers = block_lines(block, lines)
            spans |= numbers
            replaced.update((ln.number, ln) for ln in tab_lines)
        # the block lines as tab rows, merged continuation lines dropped, other lines without tabs
        view = [
            replaced.get(ln.number, ln if "\t" not in ln.text else Line(ln.number, ln.text.replace("\t", " "), ln.page))
            for ln in lines
            if ln.number in replaced or ln.number not in spans
        ]
        tables, _ = build_tables(view, source_file, claimed, self.name)
        log.debug("%s: %d aligned tables", source_file, len(tables))
        return Extraction(tables=tuple(tables), claimed=frozenset(spans))


def aligned_line_count(lines: Sequence[Line], claimed: frozenset[int] = frozenset()) -> int:
    """How many lines lie in space-aligned tables: what tells a `pdftotext -layout` export."""
    return sum(b.end - b.start + 1 for b in find_blocks(lines, claimed))

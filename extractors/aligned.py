"""Space-aligned tables (`pdftotext -layout` and similar): cells apart by runs of spaces, no tabs.

A line's text runs are the stretches of text set apart by two or more spaces (`1 234` and `Jumlah
Pegawai` stay one run; two figures with decimal or thousands marks a single space apart are two).
A group is a stretch of unclaimed lines with at most two blank lines in a row, cut at captions and
prose lines; its chunks (apart by blank lines) are read as one table where their figure lines keep
each other's gap columns and share a column of figures. The table's column boundaries are the
positions (camelot's stream "text edges") inside a gap between two runs on at least two lines and
covered by almost no line — header lines spanning two columns may cover a few, figure lines fewer;
a column whose figure lines mostly hold the same several figures (figures wandering by a character
into each other's gap) is cut between them. Each run goes to the column it overlaps most — by
position, not by order, so an empty cell or a figure right-aligned in its column lands where it
belongs.

Lines that only continue the row above (a wrapped label: text under that row's label cells, no
figures) are merged into it; wrapped header lines into the header cells they continue, a deep
header (pdftotext wraps every label) into one row under the words that span several columns (a
year centred over Pagu / Realisasi / % goes to the first column it spans, as tab exports have it).
The rebuilt rows are handed to the tab-table builder (`extractors.tabs.build_tables`) as tab-joined
lines with their own line numbers, so header rows, numbering rows, captions, contents lists and
tables split over pages are read as in a tab export, and every cell keeps its line and raw text.

Prose is left alone: justified text has single spaces or gaps that do not line up from line to
line, and a block becomes a table only with two or more rows of two or more cells under a shared
gap column and a figure in a column right of the first (or three such rows).
"""

from __future__ import annotations

import itertools
import logging
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

import regex as re

from extractors.base import Extraction, Line
from extractors.markup import is_caption
from extractors.tabs import build_tables, is_value_cell

log = logging.getLogger(__name__)

_RUN = re.compile(r"\S+(?: \S+)*")
_TOKEN = re.compile(r"\S+")
_FIGURE_PAIR = re.compile(r"\d[%)]? [-−(]?(?:Rp\.?)?\d")  # two figures a single space apart, maybe
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


_NUMBER_TOKEN = re.compile(r"^[-−(]?(?:Rp\.?)?\d[\d.,]*\)?%?$")
_GROUP_HEAD = re.compile(r"^\d{1,3}$")
_GROUP_TAIL = re.compile(r"^\d{3}(?:[.,]\d+)?%?$")


def _figures_apart(left: str, right: str) -> bool:
    """Two number tokens a single space apart that are two figures: each with a decimal or
    thousands mark (`0,00 0,00`, `286.049.615.484,34 113,17`), never one grouped by a space (`1 234`)."""
    if not (_NUMBER_TOKEN.match(left) and _NUMBER_TOKEN.match(right)):
        return False
    if not (any(ch in ".," for ch in left.rstrip(".,")) and any(ch in ".," for ch in right.rstrip(".,"))):
        return False
    return not (_GROUP_HEAD.match(left) and _GROUP_TAIL.match(right))


def _split_figures(start: int, text: str) -> list[Run]:
    """A run cut between adjacent figures (`1.218.570.045.931,00 1.218.994.660.218,34 100,03`)."""
    tokens = [(m.start(), m.end(), m.group()) for m in _TOKEN.finditer(text)]
    out: list[Run] = []
    begin = 0
    for (_, a_end, a), (b_start, _, b) in itertools.pairwise(tokens):
        if _figures_apart(a, b):
            out.append(Run(start + begin, start + a_end, text[begin:a_end]))
            begin = b_start
    out.append(Run(start + begin, start + len(text), text[begin:]))
    return out


@lru_cache(maxsize=65536)
def text_runs(text: str) -> tuple[Run, ...]:
    """The runs of a line (tabs are not this layout's business: a tab line has no runs)."""
    if "\t" in text:
        return ()
    out: list[Run] = []
    for m in _RUN.finditer(text):
        if _FIGURE_PAIR.search(m.group()):
            out.extend(_split_figures(m.start(), m.group()))
        else:
            out.append(Run(m.start(), m.end(), m.group()))
    return tuple(out)


# --------------------------------------------------------------------------- gap columns


def _is_figure_line(runs: Sequence[Run]) -> bool:
    return _figure_line(tuple(runs))


@lru_cache(maxsize=65536)
def _figure_line(runs: tuple[Run, ...]) -> bool:
    return any(is_value_cell(r.text) or any(is_value_cell(t) for t in r.text.split()) for r in runs)


def separators(rows: Sequence[Sequence[Run]], strict: bool = False) -> tuple[Separator, ...]:
    """Gap columns shared by the multi-run lines `rows`: inside an inter-run gap on >= 2 lines,
    covered by text on at most a fifth of them (headers spanning two columns) and on fewer lines
    than leave it open, and by figure lines on at most a tenth (a figure wandering by a character).
    `strict`: covered by figure lines on at most a tenth, whatever the header lines do."""
    multi = [r for r in rows if len(r) >= 2]
    if len(multi) < 2:
        return ()
    width = max(r[-1].end for r in multi)
    gap = [0] * (width + 1)
    cover = [0] * (width + 1)
    hard = [0] * (width + 1)
    for runs in rows:
        for a, b in itertools.pairwise(runs):
            for p in range(a.end, b.start):
                gap[p] += 1
        figures = _is_figure_line(runs)
        for run in runs:
            for p in range(run.start, min(run.end, width)):
                cover[p] += 1
                hard[p] += figures
    if strict:
        ok = [gap[p] >= 2 and hard[p] <= len(rows) // 10 for p in range(width)]
    else:
        tolerance, hard_tolerance = max(1, len(rows) // 5), len(rows) // 10
        ok = [
            gap[p] >= 2 and hard[p] <= hard_tolerance and cover[p] <= tolerance and 2 * cover[p] < gap[p]
            for p in range(width)
        ]
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


def split_runs(runs: Sequence[Run], seps: Sequence[Separator]) -> tuple[Run, ...]:
    """Runs cut at a single space lying in a gap column when a figure follows it
    (`1.218.570.045.931,00 1.218.994.660.218,34` where other lines keep the columns apart)."""
    out: list[Run] = []
    for run in runs:
        pieces = [run]
        if any(run.start < s.end and s.start < run.end for s in seps):
            pieces = _cut(run, seps)
        out.extend(pieces)
    return tuple(out)


def _cut(run: Run, seps: Sequence[Separator]) -> list[Run]:
    pieces: list[Run] = []
    begin = 0
    for m in re.finditer(" ", run.text):
        at = run.start + m.start()
        rest = run.text[m.end() :].split(" ", 1)[0]
        if any(s.start <= at < s.end for s in seps) and is_value_cell(rest):
            pieces.append(Run(run.start + begin, at, run.text[begin : m.start()]))
            begin = m.end()
    pieces.append(Run(run.start + begin, run.end, run.text[begin:]))
    return pieces


@lru_cache(maxsize=4096)
def _ends(seps: tuple[Separator, ...]) -> tuple[int, ...]:
    return tuple(s.end for s in seps)


def column_of(run: Run, seps: Sequence[Separator]) -> int:
    """The column a run overlaps most (columns lie between the separators); a run lying inside a
    gap column (a short header over right-aligned figures) goes to the nearest column. Only the
    columns from the one holding its start to the one after the one holding its end can win."""
    ends = _ends(tuple(seps))
    first = bisect_right(ends, run.start)
    last = min(bisect_right(ends, run.end - 1) + 1, len(seps))
    best, best_overlap = first, -(1 << 30)
    for k in range(first, last + 1):
        left = seps[k - 1].end if k > 0 else 0
        right = seps[k].start if k < len(seps) else 1 << 30
        overlap = min(run.end, right) - max(run.start, left)
        if overlap > best_overlap:
            best, best_overlap = k, overlap
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


MAX_BLANKS = 2  # blank lines inside a table (pdftotext puts them between rows)
PROSE_WORDS = 10  # a one-run line of this many words (or PROSE_CHARS characters) is prose: it ends a group
PROSE_CHARS = 80


@dataclass(frozen=True)
class AlignedBlock:
    """A table region: the positions (in `lines`) of its non-blank lines, its gap columns and each
    of those lines' cells."""

    positions: tuple[int, ...]
    seps: tuple[Separator, ...]
    cells: tuple[tuple[str, ...], ...]  # one tuple per position
    spanning: frozenset[int] = frozenset()  # indices (into cells) of header lines spanning the ones below
    span_cells: frozenset[tuple[int, int, int]] = frozenset()  # (line index, first, last column) of spanning words

    @property
    def start(self) -> int:
        return self.positions[0]

    @property
    def end(self) -> int:
        return self.positions[-1]


def _has_figure_right(cells: Sequence[str]) -> bool:
    return any(c and is_value_cell(c) for c in cells[1:])


def _filled(cells: Sequence[str]) -> list[int]:
    return [j for j, c in enumerate(cells) if c]


def _is_row(cells: Sequence[str]) -> bool:
    return len(_filled(cells)) >= 2


def _is_prose(runs: Sequence[Run]) -> bool:
    return len(runs) == 1 and (len(runs[0].text.split()) >= PROSE_WORDS or len(runs[0].text) >= PROSE_CHARS)


_PAGE_NUMBER = re.compile(r"^\s*[-–]?\s*(?:\d{1,3}|\d{1,3}\s*-\s*\d{1,3}|[ivxlc]{1,6})\s*[-–]?\s*$", re.I)


def is_page_number(lines: Sequence[Line], k: int) -> bool:
    """Line k is a page number between pages (`20`, `- 20 -`, `2-2`, `iv`): alone on its line
    with a blank line (or the start or end of the text) beside it."""
    if not _PAGE_NUMBER.match(lines[k].text) or not lines[k].text.strip():
        return False
    return any(not 0 <= j < len(lines) or not lines[j].text.strip() for j in (k - 1, k + 1))


MIN_RUNNING = 3  # pages a running title or footer repeats on
EDGE_LINES = 2  # non-blank lines at a page's top or bottom that may be its running title or footer


def _edge_positions(lines: Sequence[Line]) -> set[int]:
    """Positions of the non-blank lines at a page edge: the first EDGE_LINES after a page break
    (a form feed, as pdftotext writes it, or a page number) and the last EDGE_LINES before one."""
    breaks = [k for k, ln in enumerate(lines) if "\f" in ln.text or is_page_number(lines, k)]
    out: set[int] = set()
    for b in breaks:
        for step, first in ((1, b + (0 if "\f" in lines[b].text and lines[b].text.strip() else 1)), (-1, b - 1)):
            k, seen = first, 0
            while 0 <= k < len(lines) and seen < EDGE_LINES:
                if lines[k].text.strip():
                    out.add(k)
                    seen += 1
                k += step
    return out


def running_titles(lines: Sequence[Line]) -> frozenset[int]:
    """Positions of a report's running titles and footers (`LKIP BPLHD Provinsi Jawa Barat 2016`):
    a line at a page edge whose text stands at the edge of MIN_RUNNING pages or more."""
    edges = _edge_positions(lines)
    by_text: dict[str, list[int]] = {}
    for k in edges:
        if not is_page_number(lines, k):
            by_text.setdefault(" ".join(lines[k].text.split()), []).append(k)
    return frozenset(k for ks in by_text.values() if len(ks) >= MIN_RUNNING for k in ks)


def _groups(lines: Sequence[Line], claimed: frozenset[int]) -> list[list[int]]:
    """Positions of the non-blank lines of each stretch of unclaimed tab-less lines that may hold a
    table: up to MAX_BLANKS blank lines inside; a caption, a prose line or a claimed line ends it.
    A page number between pages and a running title or footer are passed over like a blank line
    that does not count (a table split over pages stays in one group, its chunks apart)."""
    out: list[list[int]] = []
    current: list[int] = []
    blanks = 0
    furniture = running_titles(lines)
    for k, ln in enumerate(lines):
        if ln.number not in claimed and (k in furniture or is_page_number(lines, k)):
            continue
        if ln.number not in claimed and not ln.text.strip():
            blanks += 1
            if blanks > MAX_BLANKS and current:
                out.append(current)
                current = []
            continue
        blanks = 0
        free = ln.number not in claimed and "\t" not in ln.text
        if not free or is_caption(ln.text) or _is_prose(text_runs(ln.text)):
            if current:
                out.append(current)
            current = []
            continue
        current.append(k)
    if current:
        out.append(current)
    return out


def _crosses(runs: Sequence[Run], seps: Sequence[Separator]) -> bool:
    return any(r.start < s.end and s.start < r.end for r in runs for s in seps)


def _columns(body: Sequence[Sequence[Run]]) -> tuple[tuple[Separator, ...], list[tuple[Run, ...]]]:
    """The gap columns of the lines `body` and their runs cut at those columns."""
    seps = separators(body)
    if not seps:
        return (), [tuple(r) for r in body]
    cut = [split_runs(r, seps) for r in body]
    return split_crowded(cut, merge_header_columns(cut, separators(cut) or seps)), cut


CROWDED_SHARE = 0.3  # of a column's figure lines holding the same several figures in it, to cut it up


def _crowded_cuts(groups: Sequence[Sequence[Run]]) -> list[int]:
    """Where to cut a column whose figure lines (`groups`: each line's figures in it) often hold
    m >= 2 figures and none more (columns whose figures wander by a character or two, a single
    space apart, so that no gap column shows): between the i-th and (i+1)-th figure, the median
    of their middles."""
    if not groups:
        return []
    m = max(len(g) for g in groups)
    full = [g for g in groups if len(g) == m]
    if m < 2 or len(full) < 2 or len(full) < CROWDED_SHARE * len(groups):
        return []
    cuts = []
    for i in range(m - 1):
        middles = sorted((g[i].end + g[i + 1].start) / 2 for g in full)
        cuts.append(round(middles[len(middles) // 2]))
    return cuts


def split_crowded(rows: Sequence[Sequence[Run]], seps: tuple[Separator, ...]) -> tuple[Separator, ...]:
    """The gap columns plus cuts through every column that holds several figures on many lines."""
    by_column: list[list[list[Run]]] = [[] for _ in range(len(seps) + 1)]
    for runs in rows:
        if not _is_body_line(runs):
            continue
        mine: dict[int, list[Run]] = {}
        for r in runs:
            if is_value_cell(r.text):
                mine.setdefault(column_of(r, seps), []).append(r)
        for k, figures in mine.items():
            by_column[k].append(figures)
    out: list[Separator] = []
    for k in range(len(seps) + 1):
        out.extend(Separator(at, at) for at in _crowded_cuts(by_column[k]))
        if k < len(seps):
            out.append(seps[k])
    return tuple(out)


SPAN_MAX_CHARS = 30  # a header word spanning a few columns is short; a title over the table is not
SPAN_MAX_GAPS = 2


def _spans_few(runs: Sequence[Run], seps: Sequence[Separator]) -> bool:
    """Short header words each over a few columns (`Tahun 2016` over Target / Realisasi / %),
    not a title or a line of prose over the table."""
    return all(
        len(r.text) <= SPAN_MAX_CHARS and sum(r.start < s.end and s.start < r.end for s in seps) <= SPAN_MAX_GAPS
        for r in runs
    )


def _block(runs: Sequence[Sequence[Run]]) -> tuple[int, int, tuple[Separator, ...], list[tuple[Run, ...]]] | None:
    """(first, last, gap columns, runs of first..last) of the table among the lines `runs`: it opens
    and closes on a line of two or more runs, and a title or prose line crossing the columns at
    either edge is left out."""
    start, last = 0, len(runs) - 1
    while start <= last:
        while start <= last and len(runs[start]) < 2:
            start += 1
        while last >= start and len(runs[last]) < 2:
            last -= 1
        if sum(len(runs[k]) >= 2 for k in range(start, last + 1)) < 2:
            return None
        seps, cut = _columns(runs[start : last + 1])
        if not seps:
            start += 1
            continue
        if _crosses(cut[0], seps) and len(cut[0]) <= 2 and not _spans_few(cut[0], seps):
            start += 1
            continue
        if _crosses(cut[-1], seps) and len(cut[-1]) <= 2 and not _line_has_figure([r.text for r in cut[-1]]):
            last -= 1
            continue
        return start, last, seps, cut
    return None


_CURRENCY = re.compile(r"^(?:Rp|IDR)\.?$", re.I)


def _figure_columns_of(cut: Sequence[Sequence[Run]], seps: Sequence[Separator]) -> set[int]:
    """Columns that on most lines of figures (two at least) end in a figure."""
    ended: dict[int, int] = {}
    filled: dict[int, int] = {}
    for runs in cut:
        if not _is_body_line(runs):
            continue
        last: dict[int, Run] = {}
        for r in runs:
            last[column_of(r, seps)] = r
        for j, r in last.items():
            filled[j] = filled.get(j, 0) + 1
            ended[j] = ended.get(j, 0) + _bare_figure(r.text)
    return {j for j, n in filled.items() if ended.get(j, 0) >= MIN_FIGURE_LINES and 2 * ended.get(j, 0) > n}


def _labels_left_of_figures(
    cut: Sequence[Sequence[Run]], seps: Sequence[Separator], cells: list[tuple[str, ...]]
) -> list[tuple[str, ...]]:
    """The text before a figure ending a cell of a column of figures (pdfplumber's layout text
    pushes a long label up to the next column, or up to a single space before the figure) ends
    the cell on its left; where one
    was, the text of the lines without figures below the header in such a column too (wrapped
    labels pushed as far)."""
    figure_columns = _figure_columns_of(cut, seps)
    out = list(cells)
    moved = False
    for i, runs in enumerate(cut):
        for a, b in itertools.pairwise(runs):
            j = column_of(b, seps)
            if j not in figure_columns or j == 0 or column_of(a, seps) != j or _CURRENCY.match(a.text):
                continue
            if not _bare_figure(b.text) or not _LETTERS.search(a.text) or not out[i][j].endswith(f" {b.text}"):
                continue
            moved = True
            row = list(out[i])
            label = row[j][: -len(b.text)].strip()
            row[j - 1], row[j] = f"{row[j - 1]} {label}".strip(), b.text
            out[i] = tuple(row)
    if not moved:
        return out
    first = next((i for i, c in enumerate(out) if _line_has_figure(c)), len(out))
    for i in range(first + 1, len(out)):
        if _line_has_figure(out[i]):
            continue
        row = list(out[i])
        for j in sorted(figure_columns):
            if j > 0 and row[j]:
                row[j - 1], row[j] = f"{row[j - 1]} {row[j]}".strip(), ""
        out[i] = tuple(row)
    return out


WIDE_GAP = 8  # a gap column this wide may hold header words of columns the rows leave empty


def _inside(runs: Sequence[Run], sep: Separator) -> list[Run]:
    return [r for r in runs if sep.start <= r.start and r.end <= sep.end and len(r.text) <= SPAN_MAX_CHARS]


def open_header_columns(cut: Sequence[Sequence[Run]], seps: tuple[Separator, ...]) -> tuple[Separator, ...]:
    """A wide gap column holding two or more words of one header line (`K  Rp  K  Rp` over quarters
    no row fills) opens a column for each: the gap cut around them."""
    first = next((i for i, runs in enumerate(cut) if _is_body_line(runs)), len(cut))
    out: list[Separator] = []
    for sep in seps:
        if sep.end - sep.start < WIDE_GAP:
            out.append(sep)
            continue
        words = max((_inside(cut[i], sep) for i in range(first)), key=len, default=[])
        if len(words) < 2:
            out.append(sep)
            continue
        edges = [sep.start, *(x for w in words for x in (w.start, w.end)), sep.end]
        out.extend(Separator(edges[k], edges[k + 1]) for k in range(0, len(edges), 2))
    return tuple(out)


def _table_block(runs: Sequence[Sequence[Run]], positions: Sequence[int]) -> AlignedBlock | None:
    found = _block(runs)
    if found is None:
        return None
    start, last, seps, cut = found
    seps = open_header_columns(cut, seps)
    cells = _labels_left_of_figures(cut, seps, [tuple(cells_of(r, seps)) for r in cut])
    cells, spanning, span_cells = _spanning_headers(cut, seps, cells)
    rows = [c for c in cells if _is_row(c)]
    figures = any(_has_figure_right(c) for c in rows)
    if len(rows) < 2 or (not figures and len(rows) < MIN_TEXT_ROWS):
        return None
    tail = last
    while tail + 1 < len(runs) and tail - last < MAX_CONTINUATION_TAIL and _fits_label(runs[tail + 1], seps, cells):
        tail += 1
        cells.append(tuple(cells_of(runs[tail], seps)))
    return AlignedBlock(tuple(positions[start : tail + 1]), seps, tuple(cells), spanning, span_cells)


CENTRE_MARGIN = 2  # characters a word's centre may stand off the centre of the words it spans
EDGE_SLACK = 2  # characters a word may stand off the start of the word under it and still be aligned
WIDE_SPAN = 2  # a word centred over columns g..g+WIDE_SPAN or more spans them even when it also lines up


def _words_by_column(runs: Sequence[Run], seps: Sequence[Separator]) -> dict[int, tuple[int, int]]:
    """(start, end) of the text each column holds on one line."""
    out: dict[int, tuple[int, int]] = {}
    for run in runs:
        k = column_of(run, seps)
        start, end = out.get(k, (run.start, run.end))
        out[k] = (min(start, run.start), max(end, run.end))
    return out


_YEAR_LABEL = re.compile(r"^(?:Tahun\s+)?(?:19|20)\d{2}$", re.I)


_PERIOD_LABEL = re.compile(r"^(?:(?:Triwulan|TW|Semester|Tahap)\s+)?(?:I|II|III|IV)$", re.I)
PERIOD_SLACK = 4  # a period over a stretch of columns may stand off its centre by a PERIOD_SLACK-th of it


def _margin(run: Run, start: int, end: int) -> float:
    """How far `run` may stand off the centre of the header words start..end it spans: a period
    (`II`, `Triwulan III`) over its K / Rp columns by a quarter of their width (pdftotext sets
    such short words a few characters off)."""
    if _PERIOD_LABEL.match(run.text):
        return max(CENTRE_MARGIN, (end - start) / PERIOD_SLACK)
    return CENTRE_MARGIN


def _crosses_span(g: int, e: int, outer: Sequence[tuple[int, int]]) -> bool:
    """Does the stretch of columns g..e cut across the span of a header word above (neither inside nor apart)?"""
    return any(not (e < a or g > b) and not (a <= g and e <= b) for a, b in outer)


def _span_start(
    run: Run,
    col: int,
    low: int,
    high: int,
    under: dict[int, tuple[int, int]],
    neighbours: tuple[int, int] = (-1, -1),
    outer: Sequence[tuple[int, int]] = (),
) -> int:
    """The first column of the narrowest stretch of two or more columns low..high (around `col`) whose header
    words on the line below `run` stands centred over, inside the spans of the header words above
    (`outer`: a word under `2016` spans none of the 2015 columns); `col` when no such stretch exists or when
    it starts where the word under it starts (left-aligned headers, stacked labels) unless it is
    centred over three columns or more and wider than that word, or a year (`Tahun 2016` centred over
    Target / Realisasi / % and lined up with Realisasi spans all three; so does `2015` over Realisasi)."""
    if col not in under:
        return col
    centre = (run.start + run.end) / 2
    stretches = [
        (e - g, g)
        for g in range(low, col + 1)
        for e in range(col, high + 1)
        if g in under
        and e in under
        and abs((under[g][0] + under[e][1]) / 2 - centre) <= _margin(run, under[g][0], under[e][1])
        and not _crosses_span(g, e, outer)
    ]
    best_width, best = min((w, g) for w, g in stretches if w > 0) if any(w > 0 for w, _ in stretches) else (-1, col)
    below = under[col]
    stacked = below[1] - below[0] >= run.end - run.start and not _YEAR_LABEL.match(run.text)
    if abs(run.start - below[0]) <= EDGE_SLACK and (
        best_width < WIDE_SPAN or stacked or not _own(best, best + best_width, run, under, neighbours)
    ):
        return col  # left-aligned over the word under it (a stacked label), not a short word over three columns
    return best


def _span_end(run: Run, start: int, high: int, under: dict[int, tuple[int, int]]) -> int:
    """The last column of the stretch from `start` that a spanning word stands centred over."""
    centre = (run.start + run.end) / 2
    ends = [e for e in range(start, high + 1) if start in under and e in under]
    return min(ends, key=lambda e: (abs((under[start][0] + under[e][1]) / 2 - centre), e), default=start)


def _centred(run: Run, g: int, e: int, under: dict[int, tuple[int, int]]) -> bool:
    """Does `run` stand centred over the header words of columns g..e below it?"""
    return (
        g in under
        and e in under
        and abs((under[g][0] + under[e][1]) / 2 - (run.start + run.end) / 2) <= _margin(run, under[g][0], under[e][1])
    )


def _own(g: int, e: int, run: Run, under: dict[int, tuple[int, int]], neighbours: tuple[int, int]) -> bool:
    """Do the header words below in columns g..e stand nearer to `run` than to the words beside
    it on its line (`neighbours`: the end of the one before, the start of the one after; -1: none)?"""
    before, after = neighbours
    for k in range(g, e + 1):
        if k not in under:
            continue
        a, b = under[k]
        if before >= 0 and b <= run.start and a - before <= run.start - b:
            return False
        if after >= 0 and a >= run.end and after - b <= a - run.end:
            return False
    return True


def _under(cut: Sequence[Sequence[Run]], seps: Sequence[Separator], below: range) -> dict[int, tuple[int, int]]:
    """Per column, the extent of the nearest header word below (lines `below`, top first; a row
    of column numbers `7  8  9` under merged headers is no header word)."""
    out: dict[int, tuple[int, int]] = {}
    for i in below:
        if len(cut[i]) >= 2 and all(_COLUMN_NUMBER.match(r.text) for r in cut[i]):
            continue
        for k, extent in _words_by_column(cut[i], seps).items():
            out.setdefault(k, extent)
    return out


def _spanning_headers(
    cut: Sequence[Sequence[Run]], seps: Sequence[Separator], cells: list[tuple[str, ...]]
) -> tuple[list[tuple[str, ...]], frozenset[int], frozenset[tuple[int, int, int]]]:
    """A header line over others (a year over its Pagu / Realisasi / %) whose words stand centred
    over several of the header words below: each such word goes to the first column it spans, as
    tab exports have it; a word starting where the word under it starts stays put. Also the
    indices of the lines that span, and the (line, first column, last column) of each spanning word."""
    first = next((i for i, c in enumerate(cells) if _line_has_figure(c) and not _is_numbering(c)), len(cells))
    out = list(cells)
    spanning: set[int] = set()
    outer: list[tuple[int, int]] = []  # the column stretches the words of the lines above span
    span_cells: set[tuple[int, int, int]] = set()
    for i in range(first - 1):
        cols = [column_of(r, seps) for r in cut[i]]
        if len(set(cols)) != len(cols):
            continue
        under = _under(cut, seps, range(i + 1, first))
        row = list(cells[i])
        runs = cut[i]
        highs = [cols[j + 1] - 1 if j + 1 < len(cols) else len(seps) for j in range(len(cols))]
        starts = [
            _span_start(
                run,
                col,
                cols[j - 1] + 1 if j > 0 else 0,
                highs[j],
                under,
                (runs[j - 1].end if j > 0 else -1, runs[j + 1].start if j + 1 < len(runs) else -1),
                outer,
            )
            for j, (run, col) in enumerate(zip(runs, cols, strict=True))
        ]
        line_spans: list[tuple[int, int]] = []
        for j, (run, col, at) in enumerate(zip(runs, cols, starts, strict=True)):
            # a year's columns run up to the next word's (a year over a wide Realisasi stands off centre)
            year = _YEAR_LABEL.match(run.text) is not None and j + 1 < len(cols)
            end = max(at, starts[j + 1] - 1) if year else _span_end(run, at, highs[j], under)
            if at != col and not row[at]:
                row[at], row[col] = row[col], ""
                spanning.add(i)
            elif at != col or end == at or not (year or _centred(run, at, end, under)):
                continue
            span_cells.add((i, at, end))
            line_spans.append((at, end))
        outer.extend(line_spans)
        out[i] = tuple(row)
    return out, frozenset(spanning), frozenset(span_cells)


def _fits_label(runs: Sequence[Run], seps: Sequence[Separator], cells: Sequence[Sequence[str]]) -> bool:
    """A line after the last row that continues it: text only in columns where the rows hold labels."""
    if not runs or _crosses(runs, seps):
        return False
    line = cells_of(runs, seps)
    if any(c and is_value_cell(c) for c in line):
        return False
    labels = {j for row in cells for j, c in enumerate(row) if c and not is_value_cell(c)}
    return all(j in labels for j in _filled(line))


def _chunks(positions: Sequence[int]) -> list[list[int]]:
    """A group's lines cut at its blank lines."""
    out: list[list[int]] = []
    for k in positions:
        if out and k == out[-1][-1] + 1:
            out[-1].append(k)
        else:
            out.append([k])
    return out


def _seps_of(runs: Sequence[Sequence[Run]]) -> tuple[Separator, ...]:
    return _columns(runs)[0] if sum(len(r) >= 2 for r in runs) >= 2 else ()


def _kept(seps: Sequence[Separator], joined: Sequence[Separator]) -> int:
    """How many of `seps` (cuts through crowded columns aside) the gap columns `joined` keep."""
    return sum(any(s.start < j.end and j.start < s.end for j in joined) for s in seps if s.end > s.start)


_COLUMN_NUMBER = re.compile(r"^\(?\d{1,2}\)?\.?$")


def _is_body_line(runs: Sequence[Run]) -> bool:
    """A line of figures that is not the row of column numbers `1  2  3  4` under a header, nor
    a header line whose only figures are years or dashes inside its words."""
    numbering = len(runs) >= 3 and all(_COLUMN_NUMBER.match(r.text) for r in runs)
    return _is_figure_line(runs) and not numbering and not _years_only(runs)


def _years_only(runs: Sequence[Run]) -> bool:
    """No run is a figure, and the figures inside runs are years or dashes (`Triwulan I - IV Tahun 2023`)."""
    values = [t for r in runs for t in r.text.split() if is_value_cell(t)]
    return all(_YEAR.match(t) or not _DIGIT.search(t) for t in values) and not any(is_value_cell(r.text) for r in runs)


def _joins(above: Sequence[Sequence[Run]], below: Sequence[Sequence[Run]]) -> bool:
    """Does the chunk `below` (after a blank line) carry on the table of the lines `above`? Both
    hold a line of two or more runs; `below` does not open on a header under rows of figures; read
    together (no figure line crossing a gap column) they keep the gap columns the figure lines of
    each have on their own (header words may stand anywhere); and their figures share a column."""
    if not any(len(r) >= 2 for r in above) or not any(len(r) >= 2 for r in below):
        return False
    if any(_is_body_line(r) for r in above) and not _is_figure_line(below[0]):
        return False  # its own header: a new table or the same one's repeated (the tab builder's call)
    joined = separators([*above, *below], strict=True)
    if not joined:
        return False
    figures: list[set[int]] = []
    for side in (above, below):
        body = [r for r in side if _is_body_line(r)]
        own = _seps_of(body)
        if _kept(own, joined) != sum(s.end > s.start for s in own):
            return False
        if body:
            values = [x for r in body for x in r if is_value_cell(x.text) and not _COLUMN_NUMBER.match(x.text)]
            figures.append({column_of(x, joined) for x in values})
    # two tables in the same gap columns share no column of figures (row numbers aside)
    return len(figures) < 2 or bool(figures[0] & figures[1])


MIN_FIGURE_LINES = 2  # other lines whose figures standing alone make a column of figures
_YEAR = re.compile(r"^(?:19|20)\d{2}$")
_DIGIT = re.compile(r"\d")


def _lone_figures(runs: Sequence[Run]) -> list[Run]:
    """A line's figures standing alone (a run of one token, with a digit, no year)."""
    return [
        r
        for r in runs
        if " " not in r.text and _bare_figure(r.text) and not _YEAR.match(r.text) and _DIGIT.search(r.text)
    ]


def _overlaps(run: Run, others: Sequence[Run]) -> bool:
    return any(o.start < run.end and run.start < o.end for o in others)


def _label_figure(run: Run) -> tuple[Run, Run] | None:
    """A run ending in a figure a single space after a word (`Jumlah rekomendasi 200`), as the
    label and the figure."""
    head, _, tail = run.text.rpartition(" ")
    last = head.rsplit(" ", 1)[-1]
    if not head or not _LETTERS.search(last) or last.rstrip(".").lower() in {"rp", "idr"}:
        return None
    if not _bare_figure(tail) or _YEAR.match(tail):
        return None
    if " " in tail or "Rp" in tail:
        return None
    at = run.end - len(tail)
    return Run(run.start, run.start + len(head), head), Run(at, run.end, tail)


def split_label_figures(rows: Sequence[Sequence[Run]]) -> list[tuple[Run, ...]]:
    """Runs cut between a label and the figure a single space after it where that figure stands in
    a column of figures: over figures standing alone on MIN_FIGURE_LINES other lines, on a line
    holding another figure alone (pdfplumber's layout text sets columns a single space apart
    when the page's text is set tighter than its character grid)."""
    lone = [_lone_figures(runs) for runs in rows]
    out: list[tuple[Run, ...]] = []
    for i, runs in enumerate(rows):
        if not lone[i] or all(len(r.text.split()) < 2 for r in runs):
            out.append(tuple(runs))
            continue
        cut: list[Run] = []
        for run in runs:
            pair = _label_figure(run)
            if pair is not None:
                figure = pair[1]
                over = sum(_overlaps(figure, lone[j]) for j in range(len(rows)) if j != i)
                if over >= MIN_FIGURE_LINES:
                    cut.extend(pair)
                    continue
            cut.append(run)
        out.append(tuple(cut))
    return out


def find_blocks(lines: Sequence[Line], claimed: frozenset[int]) -> list[AlignedBlock]:
    """Every space-aligned table region among the unclaimed lines: the chunks of a group (apart by
    blank lines) that keep the same gap columns are read as one table."""
    out: list[AlignedBlock] = []
    runs_at = {}
    for positions in _groups(lines, claimed):
        for k, runs in zip(positions, split_label_figures([text_runs(lines[k].text) for k in positions]), strict=True):
            runs_at[k] = runs
        if sum(len(runs_at[k]) >= 2 for k in positions) < 2:
            continue
        tables: list[list[int]] = []
        for chunk in _chunks(positions):
            if tables and _joins([runs_at[k] for k in tables[-1]], [runs_at[k] for k in chunk]):
                tables[-1].extend(chunk)
            else:
                tables.append(list(chunk))
        for table in tables:
            runs = [runs_at[k] for k in table]
            if sum(len(r) >= 2 for r in runs) < 2:
                continue
            block = _table_block(runs, table)
            if block is not None:
                out.append(block)
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


def _completes(cells: Sequence[str], row: Sequence[str]) -> bool:
    """A line that fills in the row above: figures only in columns the row leaves empty, and text
    only under text of the row (a row's second line, its Rp a line below its K)."""
    filled = _filled(cells)
    if not filled or not _line_has_figure(cells) or len(_filled(row)) < 2:
        return False
    for j in filled:
        if is_value_cell(cells[j]) and row[j]:
            return False
        if not is_value_cell(cells[j]) and (not row[j] or is_value_cell(row[j])):
            return False
    return True


def _second_line(block: AlignedBlock, i: int, cells: Sequence[str], row: Sequence[str]) -> bool:
    """Line i, right under the line before it, fills in the row above."""
    return i > 0 and block.positions[i - 1] == block.positions[i] - 1 and _completes(cells, row)


MIN_TWO_LINE_ROWS = 3  # rows set on two lines in a table that reads every row so


def _two_line_rows(block: AlignedBlock) -> bool:
    """Are the block's rows set on two lines each (the first holding some of the row's figures,
    the line right under it the others, in columns the first leaves empty)? So when a third of
    its figure lines or more, and MIN_TWO_LINE_ROWS at least, fill in the figure line above."""
    depth = _header_depth(block)
    figure_lines = [i for i in range(depth, len(block.cells)) if _line_has_figure(block.cells[i])]
    seconds = sum(
        1
        for i in figure_lines
        if i > depth
        and block.positions[i - 1] == block.positions[i] - 1
        and _line_has_figure(block.cells[i - 1])
        and _completes(block.cells[i], block.cells[i - 1])
    )
    return seconds >= MIN_TWO_LINE_ROWS and 3 * seconds >= len(figure_lines)


DEEP_HEADER = 3  # header lines from which on they are read as one row


def _header_home(cells: Sequence[str], rows: Sequence[Sequence[str]], figures_seen: bool) -> int | None:
    """The header row a wrapped header line continues: in the header (no figures above), a line
    without figures whose every cell stands under text of an earlier header line goes to the
    latest such row (None when it opens a column of its own, as years under a spanning label do)."""
    filled = _filled(cells)
    if figures_seen or not rows or not filled or _line_has_figure(cells):
        return None
    homes = [max((i for i, r in enumerate(rows) if r[j]), default=-1) for j in filled]
    return max(homes) if min(homes) >= 0 else None


def _header_depth(block: AlignedBlock) -> int:
    """How many lines the block opens with before its first line of figures."""
    return next((i for i, c in enumerate(block.cells) if _line_has_figure(c)), len(block.cells))


def block_lines(block: AlignedBlock, lines: Sequence[Line]) -> tuple[list[Line], set[int]]:
    """The block as tab lines, wrapped lines merged into the row (or header row) they continue,
    and every line number it spans (blank lines inside included). A deep header (DEEP_HEADER lines
    or more: pdftotext wraps every label) is read as one header row, column by column, under the
    lines that span several columns (kept as rows of their own, as tab exports have them); a word
    of such a line that spans nothing is the top of its column's label (`Target` over `Renstra
    Tahun 2018`) and joins that row."""
    out: list[Line] = []
    rows: list[list[str]] = []
    figures_seen = False
    depth = _header_depth(block)
    label_row: int | None = None
    top_row: int | None = None
    labels_below = depth >= DEEP_HEADER and any(i not in block.spanning for i in range(depth))
    pending = [""] * (len(block.seps) + 1)  # words of spanning lines that span nothing
    two_line = _two_line_rows(block)
    for i, (k, cells) in enumerate(zip(block.positions, block.cells, strict=True)):
        deep = depth >= DEEP_HEADER and i < depth and i not in block.spanning
        if labels_below and i < depth and i in block.spanning and label_row is None:
            starts = {g for line, g, _ in block.span_cells if line == i}
            kept = [c if j in starts else "" for j, c in enumerate(cells)]
            pending = [
                f"{p} {c}".strip() if c and not kept[j] else p
                for j, (p, c) in enumerate(zip(pending, cells, strict=True))
            ]
            cells = tuple(kept)
        if deep and label_row is None:
            cells = tuple(f"{p} {c}".strip() for p, c in zip(pending, cells, strict=True))
        if deep and label_row is not None:
            home: int | None = label_row
        elif deep:
            home = None
            label_row = len(rows)
        elif rows and (_continues(cells, rows[-1]) or (two_line and _second_line(block, i, cells, rows[-1]))):
            home = len(rows) - 1
        else:
            home = _header_home(cells, rows, figures_seen)
        if home is not None:
            rows[home] = [f"{a} {b}".strip() if b else a for a, b in zip(rows[home], cells, strict=True)]
            out[home] = Line(out[home].number, "\t".join(rows[home]), out[home].page)
            continue
        figures_seen = figures_seen or _line_has_figure(cells)
        if top_row is None and i < depth and i in block.spanning:
            top_row = len(rows)
        rows.append(list(cells))
        out.append(Line(lines[k].number, "\t".join(cells), lines[k].page))
    if top_row is not None and label_row is not None and top_row < label_row:
        _lift_unspanned(rows, out, top_row, label_row, block.span_cells)
    return out, {lines[k].number for k in range(block.start, block.end + 1)}


def _lift_unspanned(
    rows: list[list[str]], out: list[Line], top: int, label: int, span_cells: frozenset[tuple[int, int, int]]
) -> None:
    """A deep header's labels of the columns no word above spans (No, Indikator, a lone Target
    Renstra) stand in its top row, as a tab export writes cells merged down the header."""
    covered = {j for _, g, e in span_cells for j in range(g, e + 1)}
    for j, text in enumerate(rows[label]):
        if text and j not in covered and not rows[top][j]:
            rows[top][j], rows[label][j] = text, ""
    for r in (top, label):
        out[r] = Line(out[r].number, "\t".join(rows[r]), out[r].page)


# --------------------------------------------------------------------------- tables split over pages


MAX_BETWEEN = 3  # non-blank lines (page footer, running title, a section label) between a table and its continuation
_WORD = re.compile(r"[\p{L}\p{N}]+")


def _header_words(block: AlignedBlock) -> list[str]:
    depth = _header_depth(block)
    return [w.lower() for cells in block.cells[:depth] for c in cells for w in _WORD.findall(c)]


def _same_header(above: list[str], below: list[str]) -> bool:
    """The header words of a table and of the next one are the same header, wrapped alike or not:
    the words of the shorter (at least three) all in the longer, with a few left over (a title
    line read into one of them, a wrapped label of the last row read into the other)."""
    short, long = sorted((above, below), key=len)
    if len(short) < 3:
        return False
    rest = list(long)
    for w in short:
        if w not in rest:
            return False
        rest.remove(w)
    return len(rest) <= max(3, len(short) // 3)


# a table's section label line between its parts (`Misi 2: Mewujudkan …`, `Sasaran Strategis 3: …`)
_SECTION_LABEL = re.compile(r"^\s*\p{Lu}\p{L}+(?: \p{L}+)?\s+(?:\d{1,2}|[IVX]{1,4})\s*:")


def _between_ok(lines: Sequence[Line], a: AlignedBlock, b: AlignedBlock) -> bool:
    """Block b may carry on a's table: at most MAX_BETWEEN lines between them, no caption, and no
    prose unless a page break (a page number, a form feed where the lines keep it) lies between
    (a running title may be a long line; a sentence on one page ends the table); a section label
    (`Misi 2: …`) is no prose."""
    between = [k for k in range(a.end + 1, b.start) if lines[k].text.strip()]
    if len(between) > MAX_BETWEEN or any(is_caption(lines[k].text) for k in between):
        return False
    page_break = any("\f" in lines[k].text or is_page_number(lines, k) for k in range(a.end + 1, b.start + 1))
    return page_break or not any(
        _is_prose(text_runs(lines[k].text)) and not _SECTION_LABEL.match(lines[k].text) for k in between
    )


def _column_words(rows: Sequence[Sequence[str]], width: int) -> list[set[str]]:
    return [{w.lower() for r in rows for w in _WORD.findall(r[j])} for j in range(width)]


def _ordered_match(words_a: Sequence[set[str]], words_b: Sequence[set[str]], worded: Sequence[int]) -> list[int] | None:
    """For the columns `worded` of b (in order), columns of a in non-decreasing order sharing the
    most header words in all (ties: the nearer column); None when one of them shares none."""
    width_a = len(words_a)
    # best[i]: (score, mapping) of the columns so far with the last one mapped to a's column i
    best: list[tuple[tuple[int, int], list[int]] | None] = [((0, 0), [])] * width_a
    for j in worded:
        step: list[tuple[tuple[int, int], list[int]] | None] = []
        for i in range(width_a):
            shared = len(words_a[i] & words_b[j])
            prev = max((b for b in best[: i + 1] if b is not None), key=lambda b: b[0], default=None)
            if not shared or prev is None:
                step.append(None)
                continue
            (score, near), mapping = prev
            step.append(((score + shared, near - abs(i - j)), [*mapping, i]))
        best = step
    found = max((b for b in best if b is not None), key=lambda b: b[0], default=None)
    return found[1] if found is not None else None


def column_map(header_a: Sequence[Sequence[str]], header_b: Sequence[Sequence[str]]) -> list[int] | None:
    """For each column of a continuation's header, the column of the table's header it is (the
    most header words shared in all, columns kept in order: a year spanning other columns in one
    header and not in the other shares words with both; a column without header words goes with
    the next one, as a row number cut from its label); None when the columns do not line up."""
    width_a, width_b = len(header_a[0]), len(header_b[0])
    if width_a == width_b:
        return list(range(width_b))
    words_a, words_b = _column_words(header_a, width_a), _column_words(header_b, width_b)
    worded = [j for j in range(width_b) if words_b[j]]
    matched = _ordered_match(words_a, words_b, worded)
    if matched is None:
        return None
    out: list[int | None] = [None] * width_b
    for j, i in zip(worded, matched, strict=True):
        out[j] = i
    for j in range(width_b - 1, -1, -1):
        if out[j] is None:
            out[j] = out[j + 1] if j + 1 < width_b else None
    if any(m is None for m in out):
        return None
    return [m for m in out if m is not None]


def position_map(block: AlignedBlock, anchor: AlignedBlock, lines: Sequence[Line]) -> list[int] | None:
    """For each column of a block without a header that carries on the table of `anchor` (the
    rows on the next page), the anchor's column it stands in by position; None when two of its
    columns holding text fall in one of the anchor's, or out of order."""
    width = len(block.seps) + 1
    extent: dict[int, tuple[int, int]] = {}
    for k in block.positions:
        for run in split_runs(text_runs(lines[k].text), block.seps):
            j = column_of(run, block.seps)
            a, b = extent.get(j, (run.start, run.end))
            extent[j] = (min(a, run.start), max(b, run.end))
    mapping: list[int | None] = [
        column_of(Run(*extent[j], ""), anchor.seps) if j in extent else None for j in range(width)
    ]
    filled = [m for m in mapping if m is not None]
    if len(set(filled)) != len(filled) or filled != sorted(filled):
        return None
    for j in range(width):  # an empty column goes with its neighbour
        if mapping[j] is None:
            mapping[j] = mapping[j - 1] if j > 0 and mapping[j - 1] is not None else None
    for j in range(width - 1, -1, -1):
        if mapping[j] is None:
            mapping[j] = mapping[j + 1] if j + 1 < width else None
    if any(m is None for m in mapping):
        return None
    return [m for m in mapping if m is not None]


def recut_block(block: AlignedBlock, anchor: AlignedBlock, lines: Sequence[Line]) -> AlignedBlock | None:
    """A block without a header that carries on the table of `anchor`, its lines cut at the
    anchor's gap columns (a few rows have too few lines to show their own columns); None when a
    line's text crosses one of those gap columns."""
    if len(anchor.seps) < len(block.seps) or _header_depth(anchor) == len(anchor.cells):
        return None  # fewer columns than the block shows, or a header without rows of its own
    cut = [split_runs(text_runs(lines[k].text), anchor.seps) for k in block.positions]
    if any(_crosses(runs, anchor.seps) for runs in cut):
        return None
    cells = tuple(tuple(cells_of(runs, anchor.seps)) for runs in cut)
    return AlignedBlock(block.positions, anchor.seps, cells)


SCALES = tuple(x / 100 for x in range(75, 135))  # page-to-page character grid scales tried (pdftotext per page)
MAX_SHIFT = 20  # characters a continuation's columns may stand off the table's after scaling


def _page_break_between(lines: Sequence[Line], a: AlignedBlock, b: AlignedBlock) -> bool:
    return any("\f" in lines[k].text or is_page_number(lines, k) for k in range(a.end + 1, b.start + 1))


def _figure_columns(block: AlignedBlock) -> set[int]:
    depth = _header_depth(block)
    return {j for cells in block.cells[depth:] for j, c in enumerate(cells) if c and is_value_cell(c)}


def _placed(runs: Sequence[Run], scale: float, shift: int) -> tuple[Run, ...]:
    return tuple(Run(round(scale * r.start + shift), round(scale * r.end + shift), r.text) for r in runs)


_LETTERS = re.compile(r"\p{L}")


def _bare_figure(text: str) -> bool:
    """A figure with no words beside it (`408.000.000`, `Rp 12.500`, `81,5%`), not `2. Pembinaan dan`."""
    return is_value_cell(text) and not _LETTERS.search(re.sub(r"^Rp\.?", "", text.strip()))


def _fit_score(cut: Sequence[Sequence[Run]], anchor: AlignedBlock, figures: set[int]) -> tuple[int, int] | None:
    """(lines whose runs all land in columns of their own, minus the text runs crossing a gap
    column) of the runs placed in the anchor's columns; None when a figure lands in a column
    without figures in the anchor."""
    own = crossing = 0
    for runs in cut:
        cols = [column_of(r, anchor.seps) for r in runs]
        if any(_bare_figure(r.text) and c not in figures for r, c in zip(runs, cols, strict=True)):
            return None
        own += len(set(cols)) == len(cols)
        crossing += sum(_crosses((r,), anchor.seps) for r in runs)
    return own, -crossing


def rescaled_block(block: AlignedBlock, anchor: AlignedBlock, lines: Sequence[Line]) -> AlignedBlock | None:
    """A block without a header carrying on the table of `anchor` on the next page, where the
    page's character grid is set wider or narrower (pdftotext -layout fits each page's text to
    its own grid): its runs placed at scale*x + shift so that every figure lands in a column of
    figures and every line's runs in columns of their own (the fewest runs crossing a gap column,
    then the scale and shift nearest none); None when no placement does."""
    if len(anchor.seps) < 2 or _header_depth(anchor) == len(anchor.cells):
        return None
    cut = [split_runs(text_runs(lines[k].text), block.seps) for k in block.positions]
    figures = _figure_columns(anchor)
    if not figures or not any(_bare_figure(r.text) for runs in cut for r in runs):
        return None
    best: tuple[tuple[int, int, float, int], float, int] | None = None
    for scale in SCALES:
        for shift in range(-MAX_SHIFT, MAX_SHIFT + 1):
            score = _fit_score([_placed(runs, scale, shift) for runs in cut], anchor, figures)
            if score is None:
                continue
            key = (*score, -abs(scale - 1), -abs(shift))
            if best is None or key > best[0]:
                best = (key, scale, shift)
    if best is None or best[0][0] < len(cut):
        return None
    _, scale, shift = best
    cells = tuple(tuple(cells_of(_placed(runs, scale, shift), anchor.seps)) for runs in cut)
    log.debug("aligned continuation at line %d rescaled x%.2f%+.1f", lines[block.start].number, scale, shift)
    return AlignedBlock(block.positions, anchor.seps, cells)


def _remap(cells: Sequence[str], mapping: Sequence[int], width: int) -> list[str]:
    out = [""] * width
    for c, i in zip(cells, mapping, strict=True):
        if c:
            out[i] = f"{out[i]} {c}".strip()
    return out


def _is_numbering(cells: Sequence[str]) -> bool:
    filled = [c for c in cells if c]
    return len(filled) >= 3 and all(_COLUMN_NUMBER.match(c) for c in filled)


def _split_rows(tab_lines: Sequence[Line], block: AlignedBlock, lines: Sequence[Line]) -> int:
    """How many of a block's tab lines are its header (before its first line of figures, the
    column numbers `1  2  3` under it included)."""
    depth = _header_depth(block)
    first = lines[block.positions[depth]].number if depth < len(block.positions) else 1 << 30
    n = sum(ln.number < first for ln in tab_lines)
    while n and n < len(tab_lines) and _is_numbering(tab_lines[n].text.split("\t")):
        n += 1
    return n


def join_continuations(
    blocks: Sequence[AlignedBlock], lines: Sequence[Line]
) -> list[tuple[AlignedBlock, list[Line], set[int]]]:
    """Each block as tab lines with its line numbers; a block that repeats the header of the last
    block with a header (wrapped alike or not; blocks without a header between carry on that
    table) a few lines below the block before it, as a table split over pages does, is read as its
    continuation: its header lines and the lines between dropped, its rows laid out in that
    header's columns."""
    out: list[tuple[AlignedBlock, list[Line], set[int]]] = []
    anchor: tuple[AlignedBlock, list[list[str]]] | None = None
    for block in blocks:
        tab_lines, numbers = block_lines(block, lines)
        n_head = _split_rows(tab_lines, block, lines)
        head = [ln.text.split("\t") for ln in tab_lines[:n_head]]
        if not head:
            mapping = None
            if out and anchor is not None and _between_ok(lines, out[-1][0], block):
                recut = recut_block(block, anchor[0], lines)
                if recut is None and _page_break_between(lines, out[-1][0], block):
                    recut = rescaled_block(block, anchor[0], lines)
                if recut is not None:
                    tab_lines, numbers = block_lines(recut, lines)
                    out.append((block, list(tab_lines), numbers))
                    continue
                mapping = position_map(block, anchor[0], lines)
            if mapping is not None:
                width = len(anchor[1][0])
                tab_lines = [
                    Line(ln.number, "\t".join(_remap(ln.text.split("\t"), mapping, width)), ln.page) for ln in tab_lines
                ]
            out.append((block, list(tab_lines), numbers))
            continue
        if out and anchor is not None and n_head < len(tab_lines):
            before, before_lines, before_numbers = out[-1]
            mapping = column_map(anchor[1], head)
            if (
                mapping is not None
                and _between_ok(lines, before, block)
                and _same_header(_header_words(anchor[0]), _header_words(block))
            ):
                width = len(anchor[1][0])
                body = [
                    Line(ln.number, "\t".join(_remap(ln.text.split("\t"), mapping, width)), ln.page)
                    for ln in tab_lines[n_head:]
                ]
                gap = {lines[k].number for k in range(before.end + 1, block.start)}
                out[-1] = (block, before_lines + body, before_numbers | numbers | gap)
                log.debug("aligned table continued at line %d", body[0].number)
                continue
        out.append((block, list(tab_lines), numbers))
        anchor = (block, head)
    return out


class AlignedTableExtractor:
    name = "aligned"

    def extract(self, lines: Sequence[Line], source_file: str, claimed: frozenset[int]) -> Extraction:
        blocks = find_blocks(lines, claimed)
        if not blocks:
            return Extraction()
        spans: set[int] = set()
        replaced: dict[int, Line] = {}
        for _, tab_lines, numbers in join_continuations(blocks, lines):
            spans |= numbers
            replaced.update((ln.number, ln) for ln in tab_lines)
        # the blocks as tab rows (merged continuation lines and blank lines inside dropped), the
        # other lines as they are, without tabs
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
    return sum(len(b.positions) for b in find_blocks(lines, claimed))

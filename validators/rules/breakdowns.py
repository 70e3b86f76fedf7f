"""Rule family 8 (cross-references) — one quantity broken down in one table and totalled in another.

A report often gives the same figures twice at two levels: one table lists the parts
(`Perpanjangan Izin Tinggal Kunjungan 572 | … Terbatas 845 | Alih Status ITK ke ITAS 395 | Affidavit 7`)
and a nearby table of the same year gives one total per kind (`Pelayanan Izin Tinggal (perpanjangan dan
alih status) 1818 | Pelayanan Affidavit 7`). The parts are grouped under the totals by their labels: a
part belongs to the total row whose label shares a word with it that no other total row has. Where at
least two groups form, one of several parts adds up to its row (so the breakdown is read right) and
every group but one agrees, the one that does not states the same quantity twice with two values.

Parts that no row (or several rows) name are left loose; the finding is only made when no choice of
loose parts, and no sub-selection of the group (a parent row listed with its own parts), closes the gap,
and when the group adds up in no other column of either table (`Pagu` parts against `Realisasi` totals).
It is an error; a warning where another column of the parts' table reads as well against the totals
(which of the two measures the totals count is then uncertain).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache
from itertools import combinations

import regex as re

from normalizers.headers import header_role
from pipeline.model import Severity
from validators.rounding import fmt
from validators.rules.base import Check, Constraint, Context, Figure, Issue, figure
from validators.rules.grid import Grid, GridCell, is_average_row, is_total_row
from validators.rules.repeats import _years as title_years
from validators.rules.sums import _summable as summable

WORD = re.compile(r"[\p{L}\d]+")
LETTER = re.compile(r"\p{L}")
# words that name no kind of thing: connectives, and what every table of figures says about itself
GENERIC = frozenset({
    "dan", "yang", "di", "ke", "dari", "untuk", "pada", "dengan", "atau", "oleh", "dalam", "per", "serta",
    "terhadap", "sebagai", "bagi", "atas", "the", "of", "by", "and", "jumlah", "total", "tahun", "data",
    "lainnya", "lain", "no", "nomor", "rp",
})
# a figure named as a ratio or a score is no count: parts of it do not add up to it
RATIO_LABEL = re.compile(r"\b(?:p[er]r?o?sentase|persen|indeks|index|rasio|ratio|rata|nilai|skor|score|tingkat|"
                         r"capaian)\b", re.I)
MEASURES = frozenset({"target", "realisasi", "pagu", "pagu_original", "pagu_revised", "sisa"})
WINDOW = 80  # lines between the two tables at most (text sources): the same section of the report
PAGE_WINDOW = 2  # pages between the two tables at most (PDF sources, whose lines count within a page)
MIN_PARTS = 3  # a breakdown has at least this many parts
MAX_LOOSE = 10  # loose parts beyond this make every sub-selection a guess


@dataclass(frozen=True)
class Labelled:
    """A figure with the label that names it (its row's words, or the header above it in a transposed table)."""

    label: str
    cell: GridCell

    @property
    def value(self) -> Decimal:
        assert self.cell.q.value is not None
        return self.cell.q.value

    @property
    def line(self) -> int | None:
        return self.cell.prov.line


@dataclass(frozen=True)
class Series:
    """The labelled figures one table gives for one quantity (one column, or a transposed block)."""

    grid: int
    title: str
    line: int
    items: tuple[Labelled, ...]
    header: str = ""  # the column's header ('' for a transposed block)

    @property
    def page(self) -> int | None:
        return self.items[0].cell.prov.page if self.items else None


@lru_cache(maxsize=8192)
def _words(label: str) -> frozenset[str]:
    """A label's words that can name a kind of thing (cached: every label is compared with many tables)."""
    return frozenset(w.lower() for w in WORD.findall(label)
                     if len(w) > 1 and not w.isdigit() and w.lower() not in GENERIC)


def _is_label(text: str) -> bool:
    return LETTER.search(text) is not None


def _countable(cell: GridCell) -> bool:
    """An exact, non-negative figure (a count or a rupiah amount), not a percentage or a score."""
    if not cell.number or cell.q.value is None or cell.q.value < 0 or "%" in cell.text:
        return False
    return figure(cell.q).exact


def _named_count(label: str, cell: GridCell) -> bool:
    """A count or amount with a label that does not name a ratio or a score."""
    return bool(label.strip()) and RATIO_LABEL.search(label) is None and _countable(cell)


def transposed_items(grid: Grid) -> tuple[Labelled, ...]:
    """A table of label rows each followed by a row of figures under them (`A | B | C`, `5 | 7 | 9`,
    `D | E | F`, `1 | 2 | 3`): every figure with the label above it. Empty when the table is not laid so."""
    rows: list[list[tuple[str, GridCell | None]]] = []
    if any(h.strip() for h in grid.headers):
        rows.append([(h, None) for h in grid.headers])
    rows += [[(c.text, c) for c in r] for r in grid.rows]
    if len(rows) < 4 or len(rows) % 2:
        return ()
    out: list[Labelled] = []
    for labels, figures in zip(rows[::2], rows[1::2], strict=True):
        width = max(len(labels), len(figures))
        pairs = [(labels[j] if j < len(labels) else ("", None), figures[j][1] if j < len(figures) else None)
                 for j in range(width)]
        filled = [(text.strip(), above, cell) for (text, above), cell in pairs if text.strip()]
        if not filled or any(not _is_label(text) or (above is not None and above.number) or cell is None
                             or not cell.number for text, above, cell in filled):
            return ()  # a label without its figure under it, or a figure under no label
        if any(cell is not None and cell.text.strip() and not text.strip() for (text, _), cell in pairs):
            return ()
        out += [Labelled(text, cell) for text, _, cell in filled if cell is not None and _named_count(text, cell)]
    return tuple(out)


def column_items(grid: Grid, col: int) -> tuple[Labelled, ...]:
    """A column of counts or amounts with each row's label; total and average rows left out."""
    rows = [r for r in grid.rows if not is_total_row(grid, r) and not is_average_row(grid, r)]
    if not summable(grid, col, rows):
        return ()
    out = []
    for r in rows:
        label = grid.label(r)
        if col < len(r) and _named_count(label, r[col]):
            out.append(Labelled(label, r[col]))
    return tuple(out)


def series_of(grids: Sequence[Grid]) -> list[Series]:
    """Every table's labelled figures: the transposed block, else one series per summable column."""
    out = []
    for gi, g in enumerate(grids):
        if g.line is None:
            continue
        block = transposed_items(g)
        if block:
            out.append(Series(gi, g.title, g.line, block))
            continue
        for col in range(g.n_cols):
            items = column_items(g, col)
            if len(items) >= 2:
                out.append(Series(gi, g.title, g.line, items, g.header(col)))
    return out


@lru_cache(maxsize=1024)
def distinct_words(labels: tuple[str, ...]) -> tuple[frozenset[str], ...]:
    """Each total row's words that no other total row has (empty for a label printed twice); cached, a
    table of totals is held against every breakdown near it."""
    words = [_words(label) for label in labels]
    out = []
    for i, w in enumerate(words):
        others = frozenset().union(*(x for j, x in enumerate(words) if j != i))
        out.append(w - others)
    return tuple(out)


@dataclass(frozen=True)
class Grouping:
    """The parts grouped under the total rows that name them; loose: parts named by no row or by several."""

    groups: dict[int, tuple[Labelled, ...]]
    loose: tuple[Labelled, ...]


def group(parts: Sequence[Labelled], totals: Sequence[Labelled]) -> Grouping:
    names = distinct_words(tuple(t.label for t in totals))
    groups: dict[int, list[Labelled]] = {}
    loose = []
    for p in parts:
        words = _words(p.label)
        hits = [i for i, n in enumerate(names) if n & words]
        if len(hits) == 1:
            groups.setdefault(hits[0], []).append(p)
        else:
            loose.append(p)
    return Grouping({i: tuple(g) for i, g in groups.items()}, tuple(loose))


def _total(items: Sequence[Labelled]) -> Decimal:
    return sum((p.value for p in items), Decimal(0))


def _reachable(target: Decimal, fixed: Sequence[Labelled], optional: Sequence[Labelled]) -> bool:
    """Some sub-selection adds up to `target`: the group without some of its parts, with some loose ones."""
    pool = [p.value for p in (*fixed, *optional)]
    return any(sum(c, Decimal(0)) == target for n in range(1, len(pool) + 1) for c in combinations(pool, n))


@dataclass(frozen=True)
class Outlier:
    """The one group of parts that does not add up to the total row naming it, the others agreeing."""

    total: Labelled
    parts: tuple[Labelled, ...]
    agreeing: tuple[tuple[Labelled, tuple[Labelled, ...]], ...]
    loose: tuple[Labelled, ...]


def outlier(parts: Sequence[Labelled], totals: Sequence[Labelled]) -> Outlier | None:
    """The group that breaks a breakdown every other group of which agrees with its total; None when the
    labels group too few parts, no group of several parts agrees, or the gap can be closed another way."""
    grouping = group(parts, totals)
    if len(grouping.groups) < 2 or len(grouping.loose) >= len(parts) - len(grouping.loose):
        return None
    agree = {i: g for i, g in grouping.groups.items() if _total(g) == totals[i].value}
    failing = [i for i in grouping.groups if i not in agree]
    if len(failing) != 1 or len(agree) < 1:
        return None
    if not any(len([p for p in g if p.value]) >= 2 and totals[i].value for i, g in agree.items()):
        return None  # no group of several parts adds up: the reading of the labels is not confirmed
    bad = failing[0]
    if len(grouping.groups[bad]) + len(grouping.loose) > MAX_LOOSE:
        return None
    if _reachable(totals[bad].value, grouping.groups[bad], grouping.loose):
        return None
    return Outlier(totals[bad], grouping.groups[bad], tuple((totals[i], g) for i, g in sorted(agree.items())),
                   grouping.loose)


def _comparable(a: Series, b: Series) -> bool:
    """Two tables of the same section and year: different tables, close together (pages apart in a PDF,
    lines apart in a text), no year of one missing from the other's title."""
    if a.grid == b.grid:
        return False
    if a.page is not None and b.page is not None:
        if abs(a.page - b.page) > PAGE_WINDOW:
            return False
    elif abs(a.line - b.line) > WINDOW:
        return False
    ya, yb = title_years(a.title), title_years(b.title)
    return not (ya and yb and not ya & yb) and _same_measure(a.header, b.header)


def _same_measure(a: str, b: str) -> bool:
    """Two column headers that do not name different measures (`Pagu` against `Realisasi`) or years."""
    ra, rb = header_role(a), header_role(b)
    if ra.role in MEASURES and rb.role in MEASURES and ra.role != rb.role:
        return False
    return ra.year is None or rb.year is None or ra.year == rb.year


def _sum_text(parts: Sequence[Labelled]) -> str:
    return " + ".join(p.cell.text.strip() for p in parts)


def _issue(check: Check, parts: Series, totals: Series, found: Outlier, rivals: Sequence[Series]) -> Issue:
    """The finding on the failing group's first part; a warning where another column of the parts' table
    reads as well against the totals (which of the two the totals count is then uncertain)."""
    stated = _total(found.parts)
    first = min(found.parts, key=lambda p: p.line or 0)
    agreeing = "; ".join(f"{t.label} {_sum_text(g)} = {t.cell.text.strip()}" for t, g in found.agreeing)
    loose = ", ".join(f"{p.label} {p.cell.text.strip()}" for p in found.loose)
    gap = found.total.value - stated
    message = (f"{parts.title or 'a table'} breaks '{found.total.label}' (line {found.total.line}: "
               f"{found.total.cell.text.strip()} in {totals.title or 'another table'}) into "
               + ", ".join(f"{p.label} {p.cell.text.strip()}" for p in found.parts)
               + f" = {fmt(stated)}, a difference of {fmt(-gap)}; its other groups agree ({agreeing})")
    if loose:
        message += f"; no choice of the parts no row names ({loose}) closes the gap"
    if rivals:
        message += ("; which column the totals count is uncertain: "
                    + ", ".join(f"'{r.header}'" for r in rivals) + f" reads as well as '{parts.header}'")
    constraint = Constraint("sum", _figure(found.total), tuple(_figure(p) for p in found.parts))
    lines = {p.line for p in found.parts} | {found.total.line}
    severity = Severity.WARNING if rivals else check.severity
    return Issue(check.name, severity, first.line, f"{found.total.label}"[:160], fmt(stated),
                 found.total.cell.text.strip(), message, difference=fmt(-gap), page=first.cell.prov.page,
                 related_lines=tuple(sorted(x for x in lines if x is not None and x != first.line)),
                 constraint=constraint)


def _figure(p: Labelled) -> Figure:
    return figure(p.cell.q, p.line)


def _agrees_elsewhere(found: Outlier, parts: Series, totals: Series, series: Sequence[Series]) -> bool:
    """The failing group adds up in another pair of columns: the same parts add up to the same row in another
    column of the totals' table, or the same rows of another column of the parts' table add up to the row
    (`Target` and `Realisasi` of the parts against the one `Jumlah` of the totals): the columns compared
    were then two different measures."""
    stated = _total(found.parts)
    row = (found.total.line, found.total.label)
    if any((t.line, t.label) == row and t.value == stated for s in series if s.grid == totals.grid for t in s.items):
        return True
    rows = {(p.line, p.label) for p in found.parts}
    for other in series:
        if other.grid != parts.grid or other is parts:
            continue
        same = [p.value for p in other.items if (p.line, p.label) in rows]
        if len(same) == len(rows) and sum(same, Decimal(0)) == found.total.value:
            return True
    return False


def check_breakdowns(ctx: Context, check: Check) -> Iterator[Issue]:
    series = series_of(ctx.grids)
    seen: set[tuple[int, int | None]] = set()
    for parts in series:
        if len(parts.items) < MIN_PARTS:
            continue
        for totals in series:
            if len(totals.items) >= len(parts.items) or not _comparable(parts, totals):
                continue
            found = outlier(parts.items, totals.items)
            if found is None or (parts.grid, found.total.line) in seen:
                continue
            if _agrees_elsewhere(found, parts, totals, series):
                continue
            seen.add((parts.grid, found.total.line))
            rivals = [s for s in series if s.grid == parts.grid and s is not parts and _comparable(s, totals)
                      and outlier(s.items, totals.items) is not None]
            yield _issue(check, parts, totals, found, rivals)

"""Column roles of a generic table: header rows found by role, spans, year super-/sub-headers, alignment.

Nothing here knows which report a table came from. The header rows are found again
from the whole grid (the extractor's split is a hint only): leading rows that name
roles (`Target`, `Realisasi`, `PAGU`, `%`) or years and hold no figures. A header
cell spans the empty cells to its right in its row, so `Target` over
`2015 2016 … 2019` and `2024` over `PAGU REALISASI %` give each leaf column a role
and a year. Body rows are then aligned to the header: a header printed one cell to
the left of its figures (a missing `No` column) is detected by trying small offsets.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache

import regex as re

from interpret.cells import clean, is_column_number, is_figure, letters
from interpret.header_roles import YEAR, header_role
from pipeline.model import Cell, Table

VALUE_ROLES = frozenset({"target", "realisasi", "capaian", "pagu", "pagu_original", "pagu_revised", "pct",
                         "benchmark"})
BUDGET_ROLES = frozenset({"pagu", "pagu_original", "pagu_revised"})
LABEL_ROLES = ("indikator", "item")
MAX_HEADER_ROWS = 6
BENCHMARK = re.compile(r"\brata\s*[-–]?\s*rata\b|\bstandar\s+nasional\b|\bunit\s+di\s+atas(?:nya)?\b", re.I)

END_TARGET = re.compile(r"\b(?:renstra|rpjmd|rpjmn|rpjm|akhir\s+periode|target\s+akhir|jangka\s+menengah)\b", re.I)
AGAINST = re.compile(r"\b(?:terhadap|dibanding(?:kan)?|thd\.?)\b", re.I)

Row = tuple[Cell, ...]
_YEARISH = re.compile(r"\D*\d{4}\D*")
# a cell that only names a unit: `(Rp.)`, `Rp`, `Rp (juta)`, `(%)`, `rupiah` — a header row of units
_UNIT_ONLY = re.compile(r"^\(?\s*(?:rp\.?|rupiah|%|persen)\s*(?:\(?\s*(?:juta|ribu|miliar|milyar)\s*\)?)?\s*\)?$",
                        re.I)
# generic text headers that name no role of their own under a text role (`Uraian` under `SASARAN`)
_TEXT_ROLES = frozenset({"sasaran", "indikator"})
# an ordinal period under a value header: `TH I` … `TH V` (the years of a plan), `Trw I` / `TW 2` (quarters)
_PERIOD = re.compile(r"(?:^|\s)(?P<kind>th|thn|tahun|trw|tw|triwulan)\.?\s*(?:ke[-\s]?)?(?P<n>iv|v|i{1,3}|[1-5])\s*$",
                     re.I)
_ROMAN = {"1": "I", "2": "II", "3": "III", "4": "IV", "5": "V"}


@dataclass(frozen=True)
class HeaderColumn:
    """One leaf of the header: the grid columns [start, end] it covers, its role, year and text."""

    start: int
    end: int
    role: str
    year: int | None
    text: str
    basis: str = ""  # `renstra` for a target of the plan's end and a capaian measured against it
    period: str = ""  # `TH I` … `TH V` (years of a plan), `TW I` … `TW IV` (quarters): one of a run of periods

    @property
    def columns(self) -> range:
        return range(self.start, self.end + 1)


@dataclass(frozen=True)
class HeaderSpec:
    columns: tuple[HeaderColumn, ...]
    n_rows: int
    width: int

    @property
    def roles(self) -> frozenset[str]:
        return frozenset(c.role for c in self.columns if c.role)

    @property
    def value_columns(self) -> tuple[HeaderColumn, ...]:
        return tuple(c for c in self.columns if c.role in VALUE_ROLES)

    def first(self, role: str) -> HeaderColumn | None:
        return next((c for c in self.columns if c.role == role), None)

    def with_roles(self, mapping: dict[str, str]) -> HeaderSpec:
        cols = tuple(replace(c, role=mapping.get(c.role, c.role)) for c in self.columns)
        return HeaderSpec(cols, self.n_rows, self.width)


@dataclass(frozen=True)
class Layout:
    """A header spec aligned to a body: where each value role's figures stand, and the text columns."""

    spec: HeaderSpec
    body: tuple[Row, ...]
    offset: int
    anchors: tuple[tuple[HeaderColumn, int], ...]
    label_col: int | None
    sasaran_col: int | None
    year_col: int | None
    owners: dict[int, HeaderColumn] = field(default_factory=dict)
    # what the readers work out from the whole body against this layout (its rows read), kept so that
    # classify's money test and the indicator and budget readers read the same layout once
    memo: dict[str, tuple] = field(default_factory=dict, compare=False, repr=False)


# --------------------------------------------------------------------------- header rows


@lru_cache(maxsize=16384)
def cell_role(text: str) -> tuple[str, int | None, float]:
    """Role, year and score of a header cell's text: a pure function of it, cached (every header
    reader asks again about the same cells)."""
    hr = header_role(text)
    role, year, score = hr.role, hr.year, hr.score
    if year is None:
        years = {int(y) for y in YEAR.findall(text)}
        year = years.pop() if len(years) == 1 else None  # `Tahun 2016 Terhadap RPJMD 2016` is 2016
    if role == "year" and year is not None:
        return "", year, 1.0  # a year annotation over or under a role
    if BENCHMARK.search(text) and role in ("capaian", "realisasi", "nilai", "target", ""):
        return "benchmark", year, max(score, 0.8)
    return role, year, score


def _is_header_row(row: Row, first: bool) -> bool:
    texts = [clean(c.text) for c in row if clean(c.text)]
    if not texts:
        return False
    roles = [cell_role(t) for t in texts]
    for t, (role, year, _) in zip(texts, roles, strict=True):
        if is_figure(t) and not (year is not None and role == "" and _YEARISH.fullmatch(t)):
            return False
    named = [score for role, _, score in roles if role and score >= 0.5]
    years = [y for role, y, _ in roles if y is not None]
    if first:
        return bool(named and max(named) >= 0.7) or len(years) >= 2
    strong = sum(1 for (role, y, score), t in zip(roles, texts, strict=True)
                 if (role and score >= 0.7) or y or len(t) <= 3 or is_unit_only(t) or _PERIOD.match(t))
    return strong == len(texts)


def is_unit_only(text: str) -> bool:
    """`(Rp.)`, `Rp`, `%`: a header cell that gives its column's unit and nothing else."""
    return bool(_UNIT_ONLY.match(clean(text)))


def _nests(row: Row, above: Sequence[Row], width: int) -> bool:
    """A lower header row's cells sit under the cells above: none spans across a cell start above."""
    starts_above = _stops(above)
    return all(not any(s < c <= e for c in starts_above) for s, e in _spans(row, width, starts_above))


def _names_columns(row: Row) -> bool:
    """A lower header row names value columns, years or short sub-columns, not only items."""
    texts = [clean(c.text) for c in row if clean(c.text)]
    roles = [cell_role(t) for t in texts]
    return any(role in VALUE_ROLES or y is not None or len(t) <= 3 or is_unit_only(t) or _PERIOD.match(t)
               for (role, y, _), t in zip(roles, texts, strict=True))


def count_header_rows(grid: Sequence[Row]) -> int:
    n = 0
    width = max((len(r) for r in grid), default=0)
    for i, row in enumerate(grid[:MAX_HEADER_ROWS]):
        texts = [clean(c.text) for c in row if clean(c.text)]
        if n and texts and all(is_column_number(t) for t in texts):
            break
        first = i == 0
        if _is_header_row(row, first) and (first or (_nests(row, grid[:i], width) and _names_columns(row))):
            n += 1
        else:
            break
    return n


def _filled(row: Row) -> list[int]:
    return [i for i, c in enumerate(row) if clean(c.text)]


def _stops(above: Sequence[Row]) -> frozenset[int]:
    """Grid columns where a cell of the rows above starts: a lower row's last cell ends before the next one."""
    return frozenset(i for row in above for i in _filled(row))


def _spans(row: Row, width: int, stops: frozenset[int] = frozenset()) -> list[tuple[int, int]]:
    """(start, end) of every non-empty header cell: it spans the empty cells to its right.

    The last cell of a row spans to the table's right edge, or (in a lower header row) up to
    the next cell that starts in the rows above (`stops`): `TARGET | REALISASI` under a
    `CAPAIAN (%)` that spans both rows ends where `CAPAIAN (%)` begins.
    """
    starts = _filled(row)
    out = []
    for j, s in enumerate(starts):
        nxt = starts[j + 1] if j + 1 < len(starts) else min((t for t in stops if t > s), default=width)
        out.append((s, nxt - 1))
    return out


def header_spec(header_rows: Sequence[Row], width: int) -> HeaderSpec:
    """Leaf columns of (possibly several) header rows, each with its role and year."""
    # per grid column: list of (row index, start col) of the covering cells, top to bottom
    cover: list[list[tuple[int, int]]] = [[] for _ in range(width)]
    for r, row in enumerate(header_rows):
        for s, e in _spans(row, width, _stops(header_rows[:r])):
            for c in range(s, min(e, width - 1) + 1):
                cover[c].append((r, s))
    leaves: list[tuple[tuple[tuple[int, int], ...], str, int | None, str]] = []
    for c in range(width):
        role, year, texts = "", None, []
        for r, s in cover[c]:
            text = clean(header_rows[r][s].text)
            texts.append(text)
            crole, cyear, score = cell_role(text)
            if cyear is not None:
                year = cyear
            if crole and score >= 0.5 and not (crole == "item" and role in _TEXT_ROLES):
                role = crole
        leaves.append((tuple(cover[c]), role, year, " / ".join(texts)))
    cols: list[HeaderColumn] = []
    for c, (key, role, year, text) in enumerate(leaves):
        if not key:
            continue
        if cols and leaves[cols[-1].start][0] == key and cols[-1].end == c - 1:
            last = cols[-1]
            cols[-1] = replace(last, end=c)
        else:
            cols.append(HeaderColumn(c, c, role, year, text, column_basis(role, text), period_of(text)))
    return HeaderSpec(spread_single_year(drop_lone_basis(tuple(cols))), len(header_rows), width)


def period_of(text: str) -> str:
    """`TH III` for a leaf headed `TARGET / TH III`, `TW II` for `Target Kinerja / Trw / II`, else ''."""
    m = _PERIOD.search(text.replace(" / ", " "))
    if m is None:
        return ""
    n = _ROMAN.get(m.group("n"), m.group("n").upper())
    return ("TW " if m.group("kind").lower() in ("trw", "tw", "triwulan") else "TH ") + n


def drop_lone_basis(cols: tuple[HeaderColumn, ...]) -> tuple[HeaderColumn, ...]:
    """A plan's end target with no target of the year beside it is the table's target
    (`TARGET JANGKA MENENGAH | REALISASI TAHUN 2016 | (%)`): one basis, none to tell apart."""
    if any(hc.role == "target" and not hc.basis for hc in cols):
        return cols
    return tuple(replace(hc, basis="") if hc.basis else hc for hc in cols)


def column_basis(role: str, text: str) -> str:
    """`renstra` for `Target Akhir Renstra` and `Capaian 2016 terhadap Target Akhir Renstra (%)`: figures
    measured against the plan's end target, not the year's; '' for every other column."""
    if role == "target" and END_TARGET.search(text):
        return "renstra"
    if role in ("capaian", "pct") and AGAINST.search(text) and END_TARGET.search(text):
        return "renstra"
    return ""


def spread_single_year(cols: tuple[HeaderColumn, ...]) -> tuple[HeaderColumn, ...]:
    """A year named over some value columns only is the table's year when it is the only one.

    `Jumlah Anggaran | Realisasi 2016 | %` and `Target 2016 | Realisasi | Capaian` are one
    2016 row each, not a year-less record beside a 2016 one. Not when a role would then
    stand twice in that year (`Realisasi | Realisasi 2016` compares two figures).
    """
    values = [hc for hc in cols if hc.role in VALUE_ROLES and not hc.basis]
    years = {hc.year for hc in values if hc.year is not None}
    if len(years) != 1 or all(hc.year is not None for hc in values):
        return cols
    roles = [hc.role for hc in values]
    if len(roles) != len(set(roles)):
        return cols
    year = years.pop()
    return tuple(replace(hc, year=year) if hc in values and hc.year is None else hc for hc in cols)


def read_header(table: Table) -> tuple[HeaderSpec, tuple[Row, ...]]:
    """The table's header spec (possibly empty) and its body rows, header rows found anew."""
    grid = list(table.header) + list(table.rows)
    width = max((len(r) for r in grid), default=0)
    n = count_header_rows(grid)
    spec = header_spec(grid[:n], width) if n else HeaderSpec((), 0, width)
    rest = grid[n:]
    if rest and _is_numbering_row(rest[0]):
        rest = rest[1:]
    body = join_wrapped_rows(tuple(r for r in rest if not _is_marker_row(r)))
    return spec, body


def _is_wrap_of(row: Row, prev: Row) -> bool:
    """`row` holds only the wrapped end of `prev`'s texts (a row cut by a page break): no figures, every
    text under a text of `prev`, and one of them continuing in lower case."""
    filled = [(i, clean(c.text)) for i, c in enumerate(row) if clean(c.text)]
    if not filled or not any(is_figure(c.text) for c in prev):
        return False
    for i, t in filled:
        if is_figure(t) or i >= len(prev):
            return False
        above = clean(prev[i].text)
        if not above or is_figure(above):
            return False
    return any(t[0].islower() for _, t in filled)


def _joined(prev: Row, row: Row) -> Row:
    out = list(prev)
    for i, c in enumerate(row):
        t = clean(c.text)
        if t:
            out[i] = Cell(f"{clean(prev[i].text)} {t}", prev[i].prov)
    return tuple(out)


def join_wrapped_rows(body: tuple[Row, ...]) -> tuple[Row, ...]:
    """Rows that only continue the texts of the row above are joined into it."""
    out: list[Row] = []
    for row in body:
        if out and _is_wrap_of(row, out[-1]):
            out[-1] = _joined(out[-1], row)
        else:
            out.append(row)
    return tuple(out)


def _is_numbering_row(row: Row) -> bool:
    """`1 | 2 | 3 | … | 7` under a header: the columns' numbers printed bare, not a body row."""
    texts = [clean(c.text) for c in row if clean(c.text)]
    return len(texts) >= 3 and texts == [str(i) for i in range(1, len(texts) + 1)]


def _is_marker_row(row: Row) -> bool:
    texts = [clean(c.text) for c in row if clean(c.text)]
    return bool(texts) and all(is_column_number(t) for t in texts)


# --------------------------------------------------------------------------- alignment


def _figure_count(body: Sequence[Row], col: int) -> int:
    return sum(1 for row in body if 0 <= col < len(row) and is_figure(row[col].text))


def _letter_count(body: Sequence[Row], col: int) -> int:
    return sum(letters(row[col].text) for row in body if 0 <= col < len(row) and not is_figure(row[col].text))


class ColumnCounts:
    """Figures and letters per column of one body, each column counted once (alignment asks again and
    again: every shift tried, every candidate of every header)."""

    def __init__(self, body: Sequence[Row]):
        self.body = body
        self._figures: dict[int, int] = {}
        self._letters: dict[int, int] = {}

    def figures(self, col: int) -> int:
        n = self._figures.get(col)
        if n is None:
            n = self._figures[col] = _figure_count(self.body, col)
        return n

    def letters(self, col: int) -> int:
        n = self._letters.get(col)
        if n is None:
            n = self._letters[col] = _letter_count(self.body, col)
        return n


def best_offset(spec: HeaderSpec, body: Sequence[Row], counts: ColumnCounts | None = None) -> int:
    """The shift (cells) that puts most figures under the value headers; 0 on ties."""
    values = spec.value_columns
    if not values:
        return 0
    figures = (counts or ColumnCounts(body)).figures

    def score(k: int) -> int:
        return sum(max(figures(c + k) for c in hc.columns) for hc in values)

    base = score(0)
    best, best_score = 0, base
    for k in (1, -1, 2):
        s = score(k)
        if s > best_score and s > base * 1.25:
            best, best_score = k, s
    return best


def _best_in(counts: ColumnCounts, candidates: Sequence[int], by: str) -> int | None:
    cands = [c for c in candidates if c >= 0]
    if not cands:
        return None
    count = counts.figures if by == "figures" else counts.letters
    scored = [(count(c), -i, c) for i, c in enumerate(cands)]
    top = max(scored)
    return top[2] if top[0] > 0 else None


def _text_column(spec: HeaderSpec, counts: ColumnCounts, role: str, offset: int, taken: set[int],
                 reach: bool = True) -> int | None:
    """The column of a text role: its own, its shifted, or (labels only) the next one with most words."""
    hc = spec.first(role)
    if hc is None:
        return None
    around = list(hc.columns) + [c + offset for c in hc.columns] + ([hc.end + 1] if reach else [])
    cands = [c for c in around if c not in taken]
    return _best_in(counts, list(dict.fromkeys(cands)), "letters")


def _fallback_label(spec: HeaderSpec, counts: ColumnCounts, taken: set[int]) -> int | None:
    """The leftmost column of mostly words, when no header names the label column."""
    body = counts.body
    width = max((len(r) for r in body), default=0)
    first_value = min((hc.start for hc in spec.value_columns), default=width)
    for c in range(min(first_value + 1, width)):
        if c in taken:
            continue
        if counts.letters(c) >= 8 * max(1, len(body)) // 2:
            return c
    return None


def _leaf_words(hc: HeaderColumn) -> int:
    return len(hc.text.split(" / ")[-1].split())


def dedupe(spec: HeaderSpec) -> HeaderSpec:
    """Of two value columns with one role and year, keep the plainer header (`%` over `Pelaksanaan (%)`)."""
    best: dict[tuple[str, int | None, str, str], HeaderColumn] = {}
    for hc in spec.value_columns:
        key = (hc.role, hc.year, hc.basis, hc.period)
        if key not in best or _leaf_words(hc) < _leaf_words(best[key]):
            best[key] = hc
    keep = {id(hc) for hc in best.values()}
    cols = tuple(hc if hc.role not in VALUE_ROLES or id(hc) in keep
                 else replace(hc, role="") for hc in spec.columns)
    return HeaderSpec(cols, spec.n_rows, spec.width)


def align(spec: HeaderSpec, body: tuple[Row, ...], counts: ColumnCounts | None = None) -> Layout:
    """The spec's columns placed over the body; `counts` (of this body) shared by the aligns of one table."""
    spec = dedupe(spec)
    counts = counts if counts is not None and counts.body is body else ColumnCounts(body)
    k = best_offset(spec, body, counts)
    anchors: list[tuple[HeaderColumn, int]] = []
    owners: dict[int, HeaderColumn] = {}
    for hc in spec.columns:
        for c in hc.columns:
            owners[c + k] = hc
    for hc in spec.value_columns:
        cands = [c + k for c in hc.columns]
        col = _best_in(counts, cands, "figures")
        anchors.append((hc, col if col is not None else hc.start + k))
    year_hc = spec.first("year")
    year_col = None
    if year_hc is not None:
        year_col = _best_in(counts, [year_hc.start, year_hc.start + k], "figures")
    taken = {a for _, a in anchors} | ({year_col} if year_col is not None else set())
    label = None
    for role in LABEL_ROLES:
        label = _text_column(spec, counts, role, k, taken)
        if label is not None:
            break
    sasaran = _text_column(spec, counts, "sasaran", k, taken | ({label} if label is not None else set()), reach=False)
    if label is None and spec.value_columns and year_col is None:
        label = sasaran if sasaran is not None else _fallback_label(spec, counts, taken)
        if label == sasaran:
            sasaran = None
    return Layout(spec, body, k, tuple(anchors), label, sasaran, year_col, owners)

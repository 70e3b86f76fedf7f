"""Tab-separated table rows (layout family 1): runs of lines holding tab characters.

A table is a run of tab rows. Its header is the leading rows without figures (a row of
years over PAGU/REALISASI/% counts as a header too), numbered-column rows `(1) (2) (3)` and
`---` separators are dropped, continuation lines (a wrapped cell) are merged into the row they
continue, and a table split over pages (interrupted by blank or page-number lines, header
repeated or not) is merged back into one. Table-of-contents runs (`KATA PENGANTAR<TAB>2`,
dotted leaders) are claimed but never become tables. The caption ("Tabel III.16 ...") may
stand before or after the table; the document's own habit decides when both are possible.
"""

from __future__ import annotations

import itertools
import logging
import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache

from extractors.base import Extraction, Line
from extractors.markup import is_caption, is_figure_caption, nearest_headings, strip_markup
from pipeline.model import Cell, Provenance, Table

log = logging.getLogger(__name__)

MAX_HEADER_ROWS = 6
MAX_GAP_LINES = 6
SUBHEADER_CELL_MAX = 40
CAPTION_DISTANCE = 3

_FIGURE = re.compile(r"^(?:Rp\.?\s*)?[-−+]?\(?\d[\d.,]*\)?\s*(?:%|(?:[^\W\d_]|[().\s/%-]){0,30})$", re.I)
_VALUE_PLACEHOLDER = re.compile(r"^(?:-+|–|—|nihil|n/?a|\[[^\]]*\]|\.{3,}\s*%?|●|✓)$", re.I)
_YEAR = re.compile(r"^(?:19|20)\d{2}$")
_LEADING_NUMBER = re.compile(r"^\s*(\d[\d.,]*)")
_DIGIT = re.compile(r"\d")
_NUMBERING = re.compile(r"^\(?(\d{1,2})\)?\.?$")
_SEPARATOR = re.compile(r"^[-–—:=|\s]+$")
_PAGE_NUMBER = re.compile(r"^\s*[-–]?\s*(?:\d{1,3}|[ivxlc]{1,6})\s*[-–]?\s*$", re.I)
_TOC_PAGE = re.compile(r"^(?:\d{1,3}|[ivxlc]{1,6})$", re.I)
_LEADER = re.compile(r"(?:\.\s*){4,}|…{2,}")
_TOC_HEADING = re.compile(r"\b(?:DAFTAR\s+(?:ISI|TABEL|GAMBAR|GRAFIK|LAMPIRAN)|TABLE\s+OF\s+CONTENTS)\b", re.I)
_NORMALISE = re.compile(r"(?:[^\w%]|_)+")


# --------------------------------------------------------------------------- cell and row shapes


def _lower_start(text: str) -> bool:
    """Starts lower-case or with '(' — the second half of a wrapped cell."""
    return bool(text) and (text[0].islower() or text[0] == "(")


@lru_cache(maxsize=65536)
def is_figure(text: str) -> bool:
    """A cell that states a number (with an optional Rp prefix or unit), not a year ('2024',
    '2024 (Orang)' are column labels)."""
    if not _FIGURE.match(text):
        return False
    lead = _LEADING_NUMBER.match(text)
    return not (lead and _YEAR.match(lead.group(1)) and "%" not in text and not _DIGIT.search(text[lead.end() :]))


@lru_cache(maxsize=65536)
def is_value_cell(text: str) -> bool:
    """A figure, or a stand-in for one ('-', 'Nihil', '[Rp]', '[...%]')."""
    return is_figure(text) or bool(_VALUE_PLACEHOLDER.match(text))


def _texts(row: Sequence[Cell]) -> list[str]:
    return [c.text for c in row]


def has_figures(row: Sequence[Cell]) -> bool:
    return any(is_value_cell(t) for t in _texts(row) if t)


def is_year_row(row: Sequence[Cell]) -> bool:
    """`BELANJA<TAB>2023<TAB><TAB>2024`: years (and short labels) only — a super-header."""
    texts = [t for t in _texts(row) if t]
    years = [t for t in texts if _YEAR.match(t)]
    others = [t for t in texts if not _YEAR.match(t)]
    return bool(years) and all(
        len(t) <= 30 and not any(ch.isdigit() for ch in t) and not _VALUE_PLACEHOLDER.match(t) for t in others
    )


def is_numbering_row(row: Sequence[Cell]) -> bool:
    """`(1)<TAB>(2)<TAB>(3)` or `1<TAB>2<TAB>3<TAB>4`: column numbers, neither header nor body."""
    texts = [t for t in _texts(row) if t]
    if len(texts) < 2:
        return False
    numbers = []
    for t in texts:
        m = _NUMBERING.match(t)
        if not m:
            return False
        numbers.append(int(m.group(1)))
    consecutive = all(b == a + 1 for a, b in itertools.pairwise(numbers))
    return consecutive and (len(numbers) >= 3 or all(t.startswith("(") for t in texts))


def is_separator_row(row: Sequence[Cell]) -> bool:
    texts = [t for t in _texts(row) if t]
    return bool(texts) and all(_SEPARATOR.match(t) for t in texts)


def _starts_lower(texts: Sequence[str]) -> bool:
    first = next((t for t in texts if t), "")
    return bool(first) and bool(_lower_start(first)) and not first.startswith("(")


def _is_subheader(row: Sequence[Cell]) -> bool:
    texts = [t for t in _texts(row) if t]
    return len(texts) >= 2 and all(len(t) <= SUBHEADER_CELL_MAX for t in texts) and not _starts_lower(texts)


def is_continuation_row(row: Sequence[Cell], previous: Sequence[Cell] | None = None) -> bool:
    """A wrapped cell's second half: no figures, first cell empty, and either text starting
    lower-case or '(' or (given the row above) text only under that row's text cells."""
    texts = _texts(row)
    filled = [j for j, t in enumerate(texts) if t]
    if not filled or texts[0] or has_figures(row):
        return False
    if any(_lower_start(texts[j]) for j in filled):
        return True
    if previous is None:
        return False
    above = _texts(previous)
    return all(j < len(above) and above[j] and not is_value_cell(above[j]) for j in filled)


HEADER_WORDS_MAX = 3


def is_header_words(row: Sequence[Cell], following: Sequence[Sequence[Cell]] = ()) -> bool:
    """`<TAB>Kegiatan<TAB>Anggaran` over a row of figures: two or more short labels, every word
    capitalised (column names), not the wrapped end of the row above, which runs on as a phrase
    ('Pelaksanaan Anggaran yang')."""
    texts = [t for t in _texts(row) if t]
    if len(texts) < 2 or has_figures(row):
        return False
    short = all(len(t.split()) <= HEADER_WORDS_MAX and len(t) <= SUBHEADER_CELL_MAX for t in texts)
    capitalised = all(not w[0].isalpha() or w[0].isupper() for t in texts for w in t.split())
    return short and capitalised and any(has_figures(r) for r in following[:1])


def header_count(rows: Sequence[Sequence[Cell]]) -> int:
    """How many leading rows are header rows (numbering/separator rows are removed beforehand)."""
    n = 0
    for i, row in enumerate(rows):
        if n >= MAX_HEADER_ROWS:
            break
        texts = [t for t in _texts(row) if t]
        if not texts:
            break
        year = is_year_row(row)
        lower = any(_lower_start(t) and not t.startswith("(") for t in texts)
        plain = not has_figures(row) and not lower and (i == 0 or _is_subheader(row))
        if not (year or plain):
            break
        n += 1
    if n == len(rows) and len(rows) > 1:
        return 1
    return n


# --------------------------------------------------------------------------- table of contents


def _is_toc_row(row: Sequence[Cell]) -> bool:
    texts = [t for t in _texts(row) if t]
    return 2 <= len(texts) <= 3 and bool(_TOC_PAGE.match(texts[-1])) and any(ch.isalpha() for ch in texts[0])


def is_toc(rows: Sequence[Sequence[Cell]], preceding: str) -> bool:
    """A contents list: page numbers in the last cell, with leaders or under a DAFTAR ISI heading."""
    if not rows:
        return False
    toc_rows = [r for r in rows if _is_toc_row(r)]
    if len(toc_rows) < 0.6 * len(rows):
        return False
    leaders = any(_LEADER.search(c.prov.raw) for r in rows for c in r)
    return leaders or bool(_TOC_HEADING.search(preceding))


# --------------------------------------------------------------------------- segments


@dataclass
class _Segment:
    lines: list[Line]
    gap_before: bool = False  # only blank / page-number / separator lines since the previous segment


@dataclass
class _Builder:
    header: list[tuple[Cell, ...]]
    rows: list[tuple[Cell, ...]] = field(default_factory=list)
    lines: list[Line] = field(default_factory=list)

    @property
    def width(self) -> int:
        return max((len(r) for r in [*self.header, *self.rows]), default=0)


def _is_gap_line(text: str) -> bool:
    return (
        not text.strip()
        or bool(_PAGE_NUMBER.match(text))
        or ("\t" not in text and bool(_SEPARATOR.match(text.strip())))
    )


def _is_blank_tab_line(text: str) -> bool:
    return not text.replace("\t", "").strip()


def segments(lines: Sequence[Line], claimed: frozenset[int]) -> list[_Segment]:
    """Runs of tab lines; a tab-less line wedged between two tab lines (a wrapped cell) stays in."""
    out: list[_Segment] = []
    current: list[Line] = []
    gap_ok = False
    gap_len = 0

    def is_tab(k: int) -> bool:
        ln = lines[k]
        return "\t" in ln.text and ln.number not in claimed and not _is_blank_tab_line(ln.text)

    for k, ln in enumerate(lines):
        if is_tab(k):
            if not current:
                out.append(_Segment(current, gap_before=bool(out) and gap_ok and gap_len <= MAX_GAP_LINES))
            current.append(ln)
            continue
        wedged = (
            bool(current)
            and ln.text.strip()
            and ln.number not in claimed
            and "\t" not in ln.text
            and not is_caption(ln.text)
            and k + 1 < len(lines)
            and is_tab(k + 1)
        )
        if wedged:
            current.append(ln)
            continue
        if current:
            current = []
            gap_ok, gap_len = True, 0
        if _is_gap_line(ln.text) and ln.number not in claimed:
            gap_len += 1
        else:
            gap_ok = False
    return [s for s in out if s.lines]


# --------------------------------------------------------------------------- rows


def _cells(line: Line, source_file: str) -> tuple[Cell, ...]:
    return tuple(
        Cell(strip_markup(part), Provenance(source_file, line.number, line.page, part))
        for part in line.text.split("\t")
    )


def _row_line(row: Sequence[Cell]) -> int | None:
    for c in row:
        if c.text and is_value_cell(c.text):
            return c.prov.line
    return row[0].prov.line if row else None


def _merge_cells(base: tuple[Cell, ...], extra: Sequence[Cell]) -> tuple[Cell, ...]:
    """Append `extra`'s texts to `base` column by column; the row keeps its own line."""
    width = max(len(base), len(extra))
    line = _row_line(base)
    merged: list[Cell] = []
    for j in range(width):
        b = base[j] if j < len(base) else None
        e = extra[j] if j < len(extra) else None
        if e is None or not e.text:
            merged.append(b if b is not None else Cell("", Provenance(e.prov.source_file, line, e.prov.page, "")))
            continue
        if b is None or not b.text:
            src = b.prov if b is not None else e.prov
            merged.append(Cell(e.text, replace(src, line=line, raw=e.prov.raw)))
            continue
        merged.append(Cell(f"{b.text} {e.text}", replace(b.prov, raw=f"{b.prov.raw} {e.prov.raw}")))
    return tuple(merged)


def _append_wrap(row: tuple[Cell, ...], text: str) -> tuple[Cell, ...]:
    """A tab-less wrapped line: append to the first text cell of the row it continues."""
    for j, c in enumerate(row):
        if c.text and not is_value_cell(c.text):
            cell = Cell(f"{c.text} {strip_markup(text)}", replace(c.prov, raw=f"{c.prov.raw} {text.strip()}"))
            return (*row[:j], cell, *row[j + 1 :])
    return row


def _parse(
    segment: _Segment, source_file: str, headerless: bool = False
) -> tuple[list[tuple[Cell, ...]], list[tuple[Cell, ...]]]:
    """Header rows and body rows of one segment, numbering/separator rows dropped, wraps merged."""
    raw_rows: list[tuple[Cell, ...] | str] = []
    for ln in segment.lines:
        if "\t" in ln.text:
            row = _cells(ln, source_file)
            if not is_separator_row(row):
                raw_rows.append(row)
        else:
            raw_rows.append(ln.text)
    cell_rows: list[tuple[Cell, ...]] = []
    for r in raw_rows:
        if isinstance(r, str):
            if cell_rows:
                cell_rows[-1] = _append_wrap(cell_rows[-1], r)
            continue
        cell_rows.append(r)
    # numbering rows live between header and body; drop them wherever they stand at the top
    n_head = 0 if headerless else header_count([r for r in cell_rows if not is_numbering_row(r)])
    header: list[tuple[Cell, ...]] = []
    body: list[tuple[Cell, ...]] = []
    for r in cell_rows:
        if len(header) < n_head and not body:
            if is_numbering_row(r):
                continue
            header.append(r)
            continue
        if not body and is_numbering_row(r):
            continue
        body.append(r)
    return header, body


def _append_body(builder: _Builder, body: Sequence[tuple[Cell, ...]]) -> None:
    for row in body:
        if builder.rows and is_continuation_row(row, builder.rows[-1]):
            builder.rows[-1] = _merge_cells(builder.rows[-1], row)
        else:
            builder.rows.append(row)


def _normalised(rows: Sequence[Sequence[Cell]]) -> tuple[str, ...]:
    return tuple(_NORMALISE.sub(" ", " ".join(_texts(r))).strip().lower() for r in rows)


def _continues(builder: _Builder, header: Sequence[tuple[Cell, ...]], body: Sequence[tuple[Cell, ...]]) -> bool:
    """Does a segment after a page gap continue the table being built?"""
    if header:
        return _normalised(header) == _normalised(builder.header)
    if not body:
        return False
    width = max(len(r) for r in body)
    previous = builder.rows[-1] if builder.rows else None
    return is_continuation_row(body[0], previous) or (width <= builder.width + 1 and has_figures(body[0]))


# --------------------------------------------------------------------------- captions


@dataclass(frozen=True)
class _Caption:
    start: int  # position of its first line in `lines`
    end: int  # position of its last line
    text: str


def find_captions(lines: Sequence[Line], claimed: frozenset[int]) -> list[_Caption]:
    """Caption lines, a bold caption continued over following lines joined into one."""
    out: list[_Caption] = []
    k = 0
    while k < len(lines):
        ln = lines[k]
        if ln.number in claimed or not is_caption(ln.text):
            k += 1
            continue
        parts = [ln.text.strip()]
        j = k
        bold = parts[0].lstrip("#< ").startswith(("**", "b>"))
        while bold and not parts[-1].endswith(("**", "</b>")) and j + 1 < len(lines) and j - k < 4:
            nxt = lines[j + 1].text.strip()
            if not nxt or "\t" in lines[j + 1].text:
                break
            j += 1
            parts.append(nxt)
        out.append(_Caption(k, j, strip_markup(" ".join(parts))))
        k = j + 1
    return out


SHORT_LINE = 60


def _neighbour(lines: Sequence[Line], start: int, step: int, skip_short: int) -> int:
    """Index of the first non-blank line from `start` going `step`, passing at most `skip_short`
    short non-tab lines (a sub-title, 'Sampai Dengan : DESEMBER') and CAPTION_DISTANCE blanks."""
    k = start
    blanks = 0
    while 0 <= k < len(lines):
        text = lines[k].text
        if not text.strip():
            blanks += 1
            if blanks > CAPTION_DISTANCE + 3:
                return -1
        elif "\t" in text or is_caption(text) or skip_short <= 0:
            return k
        elif len(strip_markup(text)) <= SHORT_LINE and not is_figure_caption(text):
            skip_short -= 1
            candidate = k + step
            if 0 <= candidate < len(lines) and "\t" in lines[candidate].text:
                return candidate
        else:
            return k
        k += step
    return -1


def assign_captions(
    lines: Sequence[Line], spans: Sequence[tuple[int, int]], captions: Sequence[_Caption]
) -> dict[int, str]:
    """Table index → caption. Unambiguous captions first, then the document's habit (before/after)."""
    first_at = {s: t for t, (s, _) in enumerate(spans)}
    last_at = {e: t for t, (_, e) in enumerate(spans)}
    options: list[tuple[_Caption, int | None, int | None]] = []
    for cap in captions:
        after_of = last_at.get(_neighbour(lines, cap.start - 1, -1, 1))  # caption follows this table
        before_of = first_at.get(_neighbour(lines, cap.end + 1, 1, 4))  # caption precedes this table
        if after_of is not None or before_of is not None:
            options.append((cap, after_of, before_of))
    votes_after = sum(1 for _, a, b in options if a is not None and b is None)
    votes_before = sum(1 for _, a, b in options if b is not None and a is None)
    titles: dict[int, str] = {}
    for cap, a, b in options:
        if (a is None) != (b is None):
            target = a if a is not None else b
            if target is not None and target not in titles:
                titles[target] = cap.text
    for cap, a, b in options:
        if a is None or b is None:
            continue
        free = [t for t in (a, b) if t not in titles]
        if len(free) == 1:
            titles[free[0]] = cap.text
        elif len(free) == 2:
            titles[a if votes_after > votes_before else b] = cap.text
    return titles


_INTRO_MAX = 120


def title_above(lines: Sequence[Line], start: int) -> str:
    """No caption: the title just above the table (a bold block, 'FORMULIR ...', 'a. Paspor ...')."""
    k = start - 1
    while k >= 0 and not lines[k].text.strip() and start - k <= CAPTION_DISTANCE:
        k -= 1
    if k < 0 or "\t" in lines[k].text or not lines[k].text.strip():
        return ""
    parts = [lines[k].text.strip()]
    # a bold title over several lines: '**TARGET ...  ' ... 'Periode 2015-2019**'
    if parts[0].endswith("**") and not parts[0].startswith("**"):
        j = k - 1
        while j >= 0 and k - j < 5 and lines[j].text.strip() and "\t" not in lines[j].text:
            parts.insert(0, lines[j].text.strip())
            if parts[0].startswith("**"):
                break
            j -= 1
    text = strip_markup(" ".join(parts)).lstrip("# ").strip()
    if not text or len(text) > _INTRO_MAX or text.endswith((".", ";")):
        return ""
    return text


# --------------------------------------------------------------------------- extractor


INHERIT_GAP = 4


def _inherited_title(
    done: Sequence[Table], builder: _Builder, start: int, spans: Sequence[tuple[int, int]], t: int
) -> str:
    """A caption-less table right under one of the same shape (the next years of a multi-year
    table, its header repeated) carries on that table's title."""
    if not done or t == 0 or start - spans[t - 1][1] > INHERIT_GAP:
        return ""
    previous = done[-1]
    same_shape = len(previous.header) == len(builder.header) and max(
        (len(r) for r in previous.header), default=0
    ) == max((len(r) for r in builder.header), default=0)
    if not (same_shape and builder.header and previous.header):
        return ""
    same_first = _normalised([previous.header[0][:1]]) == _normalised([builder.header[0][:1]])
    return previous.title if same_first else ""


def build_tables(
    lines: Sequence[Line], source_file: str, claimed: frozenset[int], engine: str = "tabs"
) -> tuple[list[Table], set[int]]:
    """Every tab table among `lines` (TOC runs claimed but dropped) and the line numbers used."""
    index_of = {ln.number: k for k, ln in enumerate(lines)}
    headings = nearest_headings(lines)
    used: set[int] = set()
    builders: list[_Builder] = []
    previous_toc = False
    for seg in segments(lines, claimed):
        used.update(ln.number for ln in seg.lines)
        first = index_of[seg.lines[0].number]
        preceding = " ".join(lines[k].text for k in range(max(0, first - 4), first))
        header, body = _parse(seg, source_file)
        rows = [*header, *body]
        previous_row = builders[-1].rows[-1] if builders and builders[-1].rows else None
        if (
            rows
            and seg.gap_before
            and previous_row is not None
            and is_continuation_row(rows[0], previous_row)
            and not is_header_words(rows[0], rows[1:2])
        ):
            header, body = _parse(seg, source_file, headerless=True)
        if is_toc(rows, preceding) or (previous_toc and seg.gap_before and is_toc(rows, "DAFTAR ISI")):
            previous_toc = True
            log.debug("%s: contents list at line %d skipped", source_file, seg.lines[0].number)
            continue
        previous_toc = False
        if builders and seg.gap_before and _continues(builders[-1], header, body):
            _append_body(builders[-1], body)
            builders[-1].lines.extend(seg.lines)
            continue
        b = _Builder(header=list(header), lines=list(seg.lines))
        _append_body(b, body)
        builders.append(b)
    spans = [(index_of[b.lines[0].number], index_of[b.lines[-1].number]) for b in builders]
    titles = assign_captions(lines, spans, find_captions(lines, claimed))
    tables: list[Table] = []
    for t, b in enumerate(builders):
        start = spans[t][0]
        first_line = b.lines[0]
        title = titles.get(t) or title_above(lines, start) or _inherited_title(tables, b, start, spans, t)
        tables.append(
            Table(
                table_id=f"{engine}-{first_line.number:05d}" + (f"-p{first_line.page}" if first_line.page else ""),
                source_file=source_file,
                header=tuple(b.header),
                rows=tuple(b.rows),
                engine=engine,
                title=title,
                context=headings[start - 1] if start > 0 else "",
                page=first_line.page,
                line=first_line.number,
            )
        )
    return tables, used


class TabTableExtractor:
    name = "tabs"

    def extract(self, lines: Sequence[Line], source_file: str, claimed: frozenset[int]) -> Extraction:
        tables, used = build_tables(lines, source_file, claimed, self.name)
        return Extraction(tables=tuple(tables), claimed=frozenset(used))

"""pdftotext-style plain layout (layout family 4): no tabs, a table's cells spread over lines.

A table is found where a header line (`No`, `Sasaran`, `Indikator`, `Target`, `Realisasi`,
`Capaian`, `Pagu`, `Anggaran`, `Uraian`, years…) is followed, after at most a few short label
lines, by lines that end in figures. The region runs on while lines are short labels, figure
lines, units or blanks, and stops at the first prose line, caption or heading — so prose
paragraphs are never claimed. Rows are rebuilt by `plain_rows`, header cells by `plain_header`;
`Cell.prov.line` is the line each figure stands on, a row's first figure gives the row's line.

The same code reads `pdftotext -layout` output (cells apart by wide gaps): there a row's label
continues on the lines below its figures, and those lines are attached to the row above.
"""

from __future__ import annotations

import logging
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache

import regex as re

from extractors.base import Extraction, Line
from extractors.plain_columns import Span, WideHeader, anchored_columns, text_columns_of, wide_header
from extractors.plain_doubts import table_doubts
from extractors.plain_header import (
    Header,
    build_header,
    has_role,
    header_text,
    is_headerish,
    opens_header,
    role_count,
    role_words,
    starts_header,
    vocab_hits,
)
from extractors.plain_period import split_periodic
from extractors.plain_rows import (
    Fig,
    Row,
    RowCells,
    body_roles,
    column_role,
    finish_row,
    finish_wide_row,
    lift_leading_cells,
    numbered_last,
    split_headings,
)
from extractors.plain_tokens import (
    Shape,
    collapse,
    is_colnum_line,
    is_dateline,
    is_formula_line,
    is_page_number,
    is_row_line,
    is_rownum_only,
    is_short_row_line,
    is_unit_only,
    is_year,
    is_year_line,
    reads_as_label,
    shape_of,
)
from pipeline.model import Cell, Provenance, Table

log = logging.getLogger(__name__)

MAX_LABEL_CHARS = 66  # a text line longer than this (spaces collapsed) is prose, not a cell
MAX_LABEL_WORDS = 12
MAX_PENDING = 12  # label lines waiting for their figures before the region is given up
MAX_HEADER_LINES = 30
MAX_HEADER_WORDS = 14  # a header line is short
RUNNING_MIN = 3  # a line ending in a figure that repeats this often is a running header or footer
TITLE_LOOKBACK = 8  # non-blank lines searched above a header for its caption

_CAPTION = re.compile(r"^\s*(?:Tabel|Table)\s*[\dIVX]+(?:[.\-]\d+)*\b", re.I)
_DASH_CAPTION = re.compile(r"^\s*[-–]\s*\S.{3,}\S\s*[-–]\s*$")
_HEADING = re.compile(r"^\s*(?:BAB\s+[IVX]+\b.*|[A-H]\.\s+[A-Z].*|\d{1,2}(?:\.\d{1,2})+\.?\s+[A-Z].*)$")
_PICTURE = re.compile(r"^\s*(?:Gambar|Grafik|Diagram|Bagan|Figure)\s*[\dIVX]", re.I)
_DIGIT = re.compile(r"\d")
_PAGE_NUMBER = re.compile(r"^\d{1,3}$")
_PAGE_OR_YEAR = re.compile(r"^\d{1,4}$")
_NUMBERED_HEADING = re.compile(r"^\s*\d{1,2}\.\s+[A-Z]")
_STOP = re.compile(r"^\s*(?:Sumber\s*:|Keterangan\s*:|Catatan\s*:|Source\s*:)", re.I)
_SENTENCE_END = re.compile(r"[.;:]\s*$")
# `2. Berdasarkan Seksi/Bagian`, `b. Menurut Golongan`: a numbered sub-heading over a small table
_SUBHEADING = re.compile(r"^\s*(?:\d{1,2}|[a-z])[.)]\s+[^\W\d_]")
MAX_SUBHEADING_WORDS = 8
# words that head a count column (`Seksi | Laki-laki | Perempuan | Jumlah`)
_COUNT_WORDS = frozenset({"laki", "laki-laki", "lk", "pria", "perempuan", "wanita", "pr", "jumlah", "total", "l", "p"})
_WORDS = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")
_TOTAL_LABEL = re.compile(r"^\s*(?:jumlah|total|jumlah\s+total)\s*$", re.I)


@dataclass(frozen=True)
class Info:
    """One line with its shape and its kind: blank | figure | unit | rownum | text | claimed."""

    index: int
    line: Line
    shape: Shape
    kind: str
    row_label: bool = False  # a long text line standing as the label of the row below it

    @property
    def text(self) -> str:
        return self.line.text


def _running_lines(shapes: Sequence[Shape]) -> frozenset[str]:
    """Running headers and footers (`LKIP … 2016`, a page number beside it): text ending in a figure
    that repeats on many pages, with a year or a changing page number (a table row printed again
    keeps its figure). Their text prefixes are returned; such lines are skipped like blanks."""
    seen: dict[str, list[str]] = defaultdict(list)
    for shape in shapes:
        # a page number or a year: a bare number of a few digits (a row's `Rp 3.872.408.000`, `90%` is none)
        if len(shape.figures) == 1 and shape.words >= 2 and _PAGE_OR_YEAR.match(shape.figures[0].text):
            seen[shape.prefix].append(shape.figures[0].text)
    return frozenset(
        text
        for text, figs in seen.items()
        if len(figs) >= RUNNING_MIN and (all(is_year(f) for f in figs) or len(set(figs)) >= RUNNING_MIN)
    )


def _kind(line: Line, claimed: frozenset[int]) -> str:
    """blank | claimed | page | formula | years | colnum | rownum | figure | unit | text."""
    return "claimed" if line.number in claimed else _text_kind(line.text)


@lru_cache(maxsize=16384)
def _text_kind(text: str) -> str:
    """The kind of an unclaimed line: a pure function of its text, so worked out once per distinct
    text (blank lines, running headers and repeated rows recur)."""
    shape = shape_of(text)
    if shape.is_blank:
        return "blank"
    if is_formula_line(text):
        return "formula"
    if not _DIGIT.search(text):  # the kinds below all hold a digit
        return "unit" if is_unit_only(text) else "text"
    if is_page_number(text):
        return "page"
    if is_year_line(text):
        return "years"
    if is_colnum_line(text):
        return "colnum"
    if is_rownum_only(text):
        return "rownum"
    if shape.figures:
        if is_dateline(text) or (all(is_year(f.text) for f in shape.figures) and is_headerish(text)):
            return "text"
        return "figure"
    if is_unit_only(text):
        return "unit"
    return "text"


def _is_prose(info: Info, n_fig: int = 0) -> bool:
    """A line too long for a label cell, unless it is one whole row (see `is_row_line`; with `n_fig`, the
    figure columns of the table it would belong to, a row of fewer figures that carry their units) or a
    header line however long (`Sasaran Kegiatan Indikator Kinerja Kegiatan Target Realisasi Capaian`)."""
    prefix = info.shape.prefix
    if info.row_label or (len(prefix) <= MAX_LABEL_CHARS and info.shape.words <= MAX_LABEL_WORDS):
        return False
    if info.kind == "text":
        return not is_headerish(info.text)
    if info.kind != "figure":
        return True
    return not (is_row_line(info.shape) or (n_fig and is_short_row_line(info.shape, n_fig)))


def _with_row_labels(infos: list[Info]) -> list[Info]:
    """Long text lines that read as a label and stand right above a row (a sasaran printed whole on its
    line, `1. Penyelenggaraan … di Wilayah Terlaksananya …`, over its indikator rows) are no prose."""
    out = list(infos)
    for k, info in enumerate(infos):
        if info.kind != "text" or not _is_prose(info) or not reads_as_label(info.shape.prefix):
            continue
        nxt = _next_text(infos, k)
        if nxt is not None and nxt.kind == "figure" and not _is_prose(nxt) and not _is_caption(info.text):
            out[k] = replace(info, row_label=True)
    return out


def _is_caption(text: str) -> bool:
    return bool(_CAPTION.match(text) or _DASH_CAPTION.match(text))


def _ends_region(info: Info, n_fig: int = 0) -> bool:
    """A line no table row can hold: prose, a caption, a heading, a source note, a formula, a date.
    `n_fig`: the figure columns the table's header names (0 when not known)."""
    text = info.text
    if info.kind in ("claimed", "formula") or _is_prose(info, n_fig) or _is_caption(text) or _PICTURE.match(text):
        return True
    if info.kind == "figure":
        return False
    return bool(_HEADING.match(text) or _STOP.match(text) or is_dateline(text))


def _next_text(infos: Sequence[Info], i: int) -> Info | None:
    """The first line after `i` that is not blank."""
    j = i + 1
    while j < len(infos) and infos[j].kind in ("blank", "page"):
        j += 1
    return infos[j] if j < len(infos) else None


def _is_subheading(info: Info) -> bool:
    return (info.kind == "text" and bool(_SUBHEADING.match(info.text))
            and len(info.text.split()) <= MAX_SUBHEADING_WORDS and not _SENTENCE_END.search(info.text))


def is_count_header(text: str) -> bool:
    """`Seksi/Bagian laki laki wanita`, `Jabatan Jumlah`: a label column's name and count-column words.

    Count words alone (`Laki-laki perempuan`, a chart's legend) name no label column: no header."""
    words = [w.lower() for w in _WORDS.findall(text)]
    counts = [w for w in words if w in _COUNT_WORDS]
    return bool(counts) and len(counts) < len(words) and len(words) <= MAX_HEADER_WORDS and not _DIGIT.search(text)


def subheading_header(infos: Sequence[Info], i: int) -> int | None:
    """Index of the header line under a numbered sub-heading at `i` (`2. Berdasarkan Golongan` /
    `Golongan laki laki wanita` / a row of figures), or None: a new small table starts there."""
    if not _is_subheading(infos[i]):
        return None
    head = _next_text(infos, i)
    if head is None or head.kind != "text" or not (is_count_header(head.text) or starts_header(head.text)):
        return None
    first = _next_text(infos, head.index)
    return head.index if first is not None and first.kind == "figure" and first.shape.prefix else None


MAX_MATRIX_HEADER_WORDS = 40


def _heads_matrix(infos: Sequence[Info], i: int) -> bool:
    """A header line of column names the vocabulary does not know (`Tahun Pelanggaran … ditangani …
    Capaian`) heads a table when it names a figure column, reads as no sentence, and the lines under it
    are rows of figures alone (`2020 27 27 100 %`), each as many, two or more."""
    info = infos[i]
    if info.kind != "text" or info.shape.words > MAX_MATRIX_HEADER_WORDS or role_words(info.text, years=False) < 1:
        return False
    if not reads_as_label(info.shape.prefix) or _is_caption(info.text) or is_heading(info.text):
        return False
    first = _next_text(infos, i)
    if first is None or first.kind != "figure":
        return False
    if first.shape.prefix:
        return _heads_labelled_rows(infos, first)
    if len(first.shape.figures) < 2:
        return False
    nxt = _next_text(infos, first.index)
    return nxt is None or nxt.kind != "figure" or nxt.shape.prefix != "" or (
        len(nxt.shape.figures) == len(first.shape.figures)
    )


def _trailing_roles(text: str) -> int:
    """How many words ending the line head a figure column (`Tindakan Administratif Jumlah`: 1)."""
    words = text.split()
    n = 0
    while n < len(words) - 1 and role_words(words[len(words) - 1 - n], years=False):
        n += 1
    return n


def _heads_labelled_rows(infos: Sequence[Info], first: Info) -> bool:
    """The header line above `first` ends in as many figure-column words as each of the (two or more)
    labelled rows under it holds figures (`Tindakan Administratif Keimigrasian Jumlah` / `Deportasi 16`)."""
    header = infos[_prev_text(infos, first.index)]
    k = _trailing_roles(header.text)
    if not k:
        return False
    rows = [first]
    nxt = _next_text(infos, first.index)
    while nxt is not None and nxt.kind == "figure" and len(rows) < 2:
        rows.append(nxt)
        nxt = _next_text(infos, nxt.index)
    return len(rows) >= 2 and all(
        r.shape.prefix and len(r.shape.figures) == k and not _is_prose(r, k) for r in rows
    )


def _prev_text(infos: Sequence[Info], i: int) -> int:
    j = i - 1
    while j > 0 and infos[j].kind in ("blank", "page"):
        j -= 1
    return j


def is_heading(text: str) -> bool:
    stripped = collapse(text)
    return (
        bool(_HEADING.match(stripped))
        and len(stripped) <= 80
        and not _SENTENCE_END.search(stripped)
        and len(stripped.split()) <= 12
    )


# --------------------------------------------------------------------------- header


@dataclass
class _Start:
    """Where a table's header was found and where its body begins."""

    header_infos: list[Info]
    label_infos: list[Info]  # label lines of the first row, printed before its figures
    body_start: int


def _is_title(text: str) -> bool:
    """A line above a header that names the table rather than a column (no column word but years),
    or one set in bold or as a markdown heading (`**TARGET KINERJA …`: a header cell is never)."""
    stripped = text.strip()
    return (
        bool(_NUMBERED_HEADING.match(text))
        or role_words(text, years=False) == 0
        or stripped.startswith(("**", "__", "#"))
        or stripped.endswith(("**", "__"))
    )


def _find_header(infos: Sequence[Info], i: int, forced: bool = False) -> _Start | None:
    """From a header-vocabulary line, collect lines up to the first figure line and split them.

    `forced`: line `i` is a header by its place (under a sub-heading), whatever its words."""
    pre: list[Info] = []
    n_fig = 0  # the figure columns the header lines so far name
    j = i
    while j < len(infos):
        info = infos[j]
        if info.kind in ("blank", "page"):
            j += 1
            continue
        if info.kind == "figure" and not _is_prose(info, n_fig):
            break
        if (_ends_region(info, n_fig) and j > i) or len(pre) >= MAX_HEADER_LINES:
            return None
        pre.append(info)
        if has_role(info.text) or info.kind == "colnum":
            n_fig = role_count([x.text for x in pre])
        j += 1
    else:
        return None
    roles = [k for k, info in enumerate(pre) if has_role(info.text) or info.kind == "colnum"]
    if forced and not roles:
        roles = [0]
    if not roles:
        return None
    k = roles[-1]
    header, labels = pre[: k + 1], pre[k + 1 :]
    openers = [h for h, info in enumerate(header) if opens_header(info.text) and len(info.text.split()) > 1]
    if openers and openers[-1] > 0 and any(has_role(x.text) for x in header[openers[-1] :]):
        cut = openers[-1]
        if all(_is_title(x.text) for x in header[:cut]):
            header = header[cut:]  # titles above the header line are not part of it
    vocab_lines = sum(is_headerish(h.text) for h in header)
    if vocab_lines * 3 < len(header) and len(header) > 2:
        return None
    return _Start(header, labels, j)


# --------------------------------------------------------------------------- body


@dataclass
class _Region:
    """The lines of one table: header, repeated headers, and body events in order."""

    header_infos: list[Info]
    events: list[Info] = field(default_factory=list)
    repeats: list[Info] = field(default_factory=list)


def _header_block(infos: Sequence[Info], m: int) -> list[Info]:
    """Consecutive header-ish lines from m (blanks skipped), as a header repeated on a new page."""
    block: list[Info] = []
    while m < len(infos) and len(block) < MAX_HEADER_LINES:
        info = infos[m]
        if info.kind in ("blank", "page"):
            m += 1
            continue
        if info.kind not in ("text", "unit", "years", "colnum") or not (
            info.kind in ("years", "colnum") or is_headerish(info.text)
        ):
            break
        block.append(info)
        m += 1
    return block


def _is_new_header(block: Sequence[Info]) -> bool:
    """Enough header evidence in the middle of a body to start another table."""
    if any(b.kind in ("years", "colnum") for b in block):
        return True
    if sum(role_words(b.text) for b in block) >= 2:
        return True
    first = block[0].text if block else ""
    if opens_header(first) and role_words(first, years=False) >= 1 and len(first.split()) > 1:
        return True  # `SASARAN INDIKATOR OUTPUT TARGET`: a text column's head, then a figure column's
    return opens_header(first) and vocab_hits(first) == len(first.split()) > 1


def _pending_tail(events: list[Info]) -> list[Info]:
    """The text lines at the end of `events` not yet attached to a figure."""
    tail: list[Info] = []
    for ev in reversed(events):
        if ev.kind == "blank":
            continue
        if ev.kind not in ("text", "rownum"):
            break
        tail.append(ev)
    return tail[::-1]


def _is_repeat(block: list[Info], pending: list[Info], htext: str) -> int:
    """How many pending lines belong to a repeated header (-1 when the block is not a repeat)."""
    btext = header_text([b.text for b in block])
    if not btext:
        return -1
    for n in range(len(pending) + 1):
        lead = header_text([p.text for p in pending[len(pending) - n :]])
        if f"{lead} {btext}".strip() == htext:
            return n
    return 0 if htext.endswith(btext) and len(btext) > 8 else -1


def _scan_body(infos: Sequence[Info], start: _Start, htext: str, n_fig: int = 0) -> _Region:
    first = start.label_infos[0].index if start.label_infos else start.body_start
    region = _Region(list(start.header_infos), list(infos[first : start.body_start]))
    pending = len(start.label_infos)
    m = start.body_start
    while m < len(infos):
        info = infos[m]
        if info.kind in ("blank", "page"):
            region.events.append(info)
            m += 1
            continue
        if _ends_region(info, n_fig) or subheading_header(infos, m) is not None:
            break
        if info.kind == "years" or (info.kind == "text" and starts_header(info.text)):
            block = _header_block(infos, m)
            tail = _pending_tail(region.events)
            n = _is_repeat(block, tail, htext) if block else -1
            if n < 0 and _is_new_header(block):
                break  # another table's header
            if n >= 0:
                for ev in tail[len(tail) - n :]:
                    region.events.remove(ev)
                region.repeats.extend([*tail[len(tail) - n :], *block])
                m = block[-1].index + 1
                pending = 0
                continue
        if info.kind == "figure":
            pending = 0
        elif info.kind in ("text", "rownum", "years", "colnum"):
            pending += 1
            if pending > MAX_PENDING:
                break
        region.events.append(info)
        m += 1
    _trim_tail(region.events)
    return region


def _trim_tail(events: list[Info]) -> None:
    """Drop trailing label lines no figure followed; a lone number right after figures is a figure."""
    while events and events[-1].kind not in ("figure", "unit"):
        if events[-1].kind == "rownum":
            before = next((e for e in reversed(events[:-1]) if e.kind not in ("blank", "page")), None)
            if before is not None and before.kind == "figure" and not before.shape.prefix:
                return
        events.pop()


def _label_text(text: str, wide: bool) -> str:
    """A label line as kept for its row: with its positions in wide layout, spaces collapsed otherwise."""
    return text.rstrip() if wide else collapse(text)


def _rows(events: Sequence[Info], n_fig: int, has_no: bool, wide: bool) -> list[Row]:
    """Fold body events into rows (see plain_rows)."""
    rows: list[Row] = []
    current: Row | None = None
    pending: list[list[tuple[int, str]]] = [[]]
    for ev in events:
        if ev.kind in ("blank", "page"):
            if pending[-1]:
                pending.append([])
            continue
        if ev.kind == "unit" and current is not None and current.figs:
            current.figs[-1].unit = collapse(ev.text)
            continue
        is_figure = ev.kind == "figure" or (ev.kind == "rownum" and not has_no)
        if not is_figure:
            if wide and current is not None and current.own_label and not any(pending):
                current.blocks[-1].append((ev.line.number, _label_text(ev.text, wide)))
                continue
            pending[-1].append((ev.line.number, _label_text(ev.text, wide)))
            continue
        shape = ev.shape if ev.kind == "figure" else shape_of(f"{ev.text} ")
        figs = [Fig(f, ev.line.number, ev.line.page) for f in shape.figures]
        has_pending = any(pending)
        joins = current is not None and not shape.prefix and not has_pending and len(current.figs) + len(figs) <= n_fig
        if joins and current is not None:
            current.figs.extend(figs)
            continue
        blocks = [b for b in pending if b]
        if shape.prefix:
            raw_prefix = ev.text[: shape.figures[0].start] if wide and shape.figures else shape.prefix
            blocks.append([(ev.line.number, raw_prefix.rstrip() if wide else shape.prefix)])
        current = Row(blocks=blocks, figs=figs, own_label=bool(shape.prefix))
        rows.append(current)
        pending = [[]]
    return rows


# --------------------------------------------------------------------------- cells


def _cells_of(rc: RowCells, header: Header, source_file: str, page: int | None) -> tuple[Cell, ...]:
    cells: list[Cell] = []
    if header.has_no:
        cells.append(Cell(rc.number, Provenance(source_file, rc.number_line or rc.line, page, rc.number)))
    for text, line in rc.texts:
        cells.append(Cell(text, Provenance(source_file, line or rc.line, page, text)))
    for fig in rc.figures:
        if fig is None:
            cells.append(Cell("", Provenance(source_file, rc.line, page, "")))
        else:
            cells.append(Cell(fig.text, Provenance(source_file, fig.line, fig.page, fig.raw)))
    return tuple(cells)


def _header_cells(header: Header, line: Line, source_file: str) -> tuple[tuple[Cell, ...], ...]:
    prov = Provenance(source_file, line.number, line.page, "")
    return tuple(
        tuple(Cell(t, Provenance(prov.source_file, prov.line, prov.page, t)) for t in row) for row in header.rows
    )


def _title(infos: Sequence[Info], header_index: int) -> str:
    """The caption above a table (`Tabel 3.1 …`, `-Realisasi Anggaran Tahun 2023-`)."""
    seen = 0
    j = header_index - 1
    while j >= 0 and seen < TITLE_LOOKBACK:
        info = infos[j]
        if info.kind == "claimed":
            break
        if info.kind != "blank":
            seen += 1
            text = collapse(info.text)
            if _CAPTION.match(text):
                nxt = next((x for x in infos[j + 1 : header_index] if x.kind != "blank"), None)
                if nxt is not None and len(text.split()) <= 3 and not _is_prose(nxt):
                    return f"{text} {collapse(nxt.text)}"
                return text
            if _DASH_CAPTION.match(text):
                return text.strip("-– ").strip()
        j -= 1
    return ""


def _follows_bare_caption(infos: Sequence[Info], i: int) -> bool:
    """The line under a bare `Tabel 7` is the table's title, not its header."""
    j = i - 1
    while j >= 0 and infos[j].kind in ("blank", "page"):
        j -= 1
    return j >= 0 and bool(_CAPTION.match(infos[j].text)) and len(infos[j].text.split()) <= 3


def _headings(infos: Sequence[Info]) -> list[str]:
    """For each line, the nearest section heading at or above it."""
    out: list[str] = []
    last = ""
    for info in infos:
        if info.kind == "text" and is_heading(info.text):
            last = collapse(info.text)
        out.append(last)
    return out


# --------------------------------------------------------------------------- extractor


class PlainLayoutExtractor:
    name = "plain"

    def extract(self, lines: Sequence[Line], source_file: str, claimed: frozenset[int]) -> Extraction:
        shapes = [shape_of(ln.text) for ln in lines]
        furniture = _running_lines(shapes)
        infos = [
            Info(k, ln, shape, "page" if shape.prefix and shape.prefix in furniture else _kind(ln, claimed))
            for k, (ln, shape) in enumerate(zip(lines, shapes, strict=True))
        ]
        infos = _with_row_labels(infos)
        headings = _headings(infos)
        tables: list[Table] = []
        used: set[int] = set()
        i = 0
        while i < len(infos):
            info = infos[i]
            under = subheading_header(infos, i) if info.kind == "text" else None
            if under is not None:
                found = self._table_at(infos, under, source_file, headings, len(tables), collapse(info.text))
                if found is not None:
                    table, lines_used, end = found
                    tables.append(_linked(table, tables))
                    used |= lines_used
                    i = max(end, i + 1)
                    continue
            matrix = _heads_matrix(infos, i)
            if not matrix and (
                info.kind != "text"
                or info.shape.words > MAX_HEADER_WORDS
                or not starts_header(info.text)
                or _is_caption(info.text)
                or _follows_bare_caption(infos, i)
            ):
                i += 1
                continue
            found = self._table_at(infos, i, source_file, headings, len(tables), forced=matrix)
            if found is None:
                i += 1
                continue
            table, lines_used, end = found
            tables.append(_linked(table, tables))
            used |= lines_used
            i = max(end, i + 1)
        log.debug("%s: plain layout found %d tables", source_file, len(tables))
        return Extraction(tables=tuple(tables), claimed=frozenset(used))

    def _table_at(
        self, infos: Sequence[Info], i: int, source_file: str, headings: Sequence[str], n_before: int,
        subheading: str = "", forced: bool = False,
    ) -> tuple[Table, set[int], int] | None:
        start = _find_header(infos, i, forced=bool(subheading) or forced)
        if start is None:
            return None
        header_lines = [h.text for h in start.header_infos]
        region = _scan_body(infos, start, header_text(header_lines), role_count(header_lines))
        figure_events = [e for e in region.events if e.kind == "figure"]
        if not figure_events:
            return None
        most = max(len(e.shape.figures) for e in figure_events)
        columns = _figure_columns(figure_events, most)
        if columns:
            header, finished = _read_wide(region, header_lines, columns)
        else:
            header, rows = _read_plain(region, list(header_lines), most)
            n_fig = header.n_fig
            roles = [column_role(" ".join(r[len(r) - n_fig + k] for r in header.rows)) for k in range(n_fig)]
            roles = body_roles(roles, rows)
            items = numbered_last(rows)
            finished = [finish_row(r, header.has_no, header.n_text, roles, items) for r in rows]
        finished = drop_chart_tail(finished)
        if not finished:
            return None
        first = start.header_infos[0].line
        page = first.page
        body = tuple(_cells_of(rc, header, source_file, page) for rc in finished)
        table = Table(
            table_id=f"p{n_before + 1:03d}",
            source_file=source_file,
            header=_header_cells(header, first, source_file),
            rows=body,
            engine="plain",
            title=_title(infos, start.header_infos[0].index) or subheading,
            context=headings[start.header_infos[0].index],
            page=page,
            line=first.number,
            doubts=table_doubts(finished, header.rows, by_position=bool(columns)),
        )
        used = {
            x.line.number
            for x in (*region.header_infos, *region.repeats, *region.events)
            if x.kind not in ("blank", "page")
        }
        end = max(x.index for x in (*region.header_infos, *region.repeats, *region.events)) + 1
        return table, used, end


def _is_percent_row(rc: RowCells) -> bool:
    figs = [f for f in rc.figures if f is not None]
    return bool(figs) and all(f.text.rstrip().endswith("%") for f in figs)


def drop_chart_tail(rows: list[RowCells]) -> list[RowCells]:
    """Rows after a table's `Jumlah` row that hold only percentages where the table held none: the labels
    of a chart drawn under the table (`perempuan 20%`, `Laki-laki 80%`), not rows of it."""
    totals = [k for k, rc in enumerate(rows) if any(_TOTAL_LABEL.match(t) for t, _ in rc.texts)]
    if not totals or totals[-1] == len(rows) - 1:
        return rows
    cut = totals[-1] + 1
    if any(_is_percent_row(rc) for rc in rows[:cut]) or not all(_is_percent_row(rc) for rc in rows[cut:]):
        return rows
    log.debug("plain: %d chart label rows after the total row dropped", len(rows) - cut)
    return rows[:cut]


def _figure_columns(figure_events: Sequence[Info], most: int) -> list[Span]:
    """Figure columns by position when the table is laid out with wide gaps (`pdftotext -layout`)."""
    if sum(e.shape.wide for e in figure_events) * 2 <= len(figure_events):
        return []
    rows = [[Span(f.start, f.end) for f in e.shape.figures] for e in figure_events]
    return anchored_columns(rows, most)


def _read_plain(region: _Region, header_lines: list[str], most: int) -> tuple[Header, list[Row]]:
    """Header and rows of a table whose cells are apart by single spaces (positions mean nothing).

    The figures on one line tell the figure columns only where rows are printed whole, each with its
    label (else a row's figures are spread over lines, and the header's words count its columns)."""
    figure_events = [e for e in region.events if e.kind == "figure"]
    whole_rows = sum(bool(e.shape.prefix) for e in figure_events) * 2 > len(figure_events)
    n_fig = max(role_count(header_lines, most if whole_rows else 0), most)
    rows = _rows(region.events, n_fig, build_header(header_lines, n_fig).has_no, False)
    if len(rows) >= 2 and rows[0].blocks and not any(r.blocks for r in rows[1:]):
        # no row has a label but the first: the lines above its figures end the header
        header_lines += [text for block in rows[0].blocks for _, text in block]
        rows[0].blocks = []
    header = build_header(header_lines, n_fig)
    rows = split_periodic(rows, header.rows[-1][len(header.rows[-1]) - header.n_fig :])
    lift_leading_cells(rows, header.has_no, _has_year_column(header))
    most = max((len(r.figs) for r in rows), default=0)
    n_fig = max(role_count(header_lines, most if whole_rows else 0), most)
    header = build_header(header_lines, n_fig)
    if whole_rows and header.n_text == 1:
        rows = split_headings(rows)
    return header, rows


def _has_year_column(header: Header) -> bool:
    texts = header.rows[-1][int(header.has_no) : int(header.has_no) + header.n_text]
    return any(t.lower().split()[:1] in (["tahun"], ["th"], ["th."], ["periode"]) for t in texts)


def _is_page_number_row(row: Row, columns: Sequence[Span]) -> bool:
    """A bare small number alone on its line under a table of several columns: the page number."""
    if len(columns) < 2 or row.blocks or len(row.figs) != 1:
        return False
    return bool(_PAGE_NUMBER.match(row.figs[0].figure.text))


def _read_wide(region: _Region, header_lines: Sequence[str], columns: Sequence[Span]) -> tuple[Header, list[RowCells]]:
    """Header and rows of a table laid out by position (`pdftotext -layout`)."""
    rows = [r for r in _rows(region.events, len(columns), False, True) if not _is_page_number_row(r, columns)]
    labels = [raw for r in rows for block in r.blocks for _, raw in block]
    body_text = text_columns_of(labels, columns[0].start)
    head = wide_header([ln for ln in header_lines if not is_colnum_line(ln)], columns, body_text)
    header = _wide_to_header(head, header_text(header_lines))
    return header, [finish_wide_row(r, head.text_columns, columns) for r in rows]


def _wide_to_header(head: WideHeader, text: str) -> Header:
    n_text = max(1, len(head.text_heads))
    text_heads = list(head.text_heads) or [""]
    rows: list[tuple[str, ...]] = []
    if any(head.spans):
        rows.append(tuple([""] * n_text + list(head.spans)))
    rows.append(tuple(text_heads + list(head.fig_heads)))
    return Header(tuple(rows), False, n_text, len(head.fig_heads), text)


def _linked(table: Table, before: Sequence[Table]) -> Table:
    """Mark a table that repeats the previous table's header without a caption as its continuation."""
    if not before or table.title:
        return table
    prev = before[-1]
    same = [[c.text for c in r] for r in prev.header] == [[c.text for c in r] for r in table.header]
    if not same:
        return table
    return replace(table, continues=prev.continues or prev.table_id)

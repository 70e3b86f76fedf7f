"""Columns by position, for `pdftotext -layout` output where cells keep their place on the line.

There a table's figure columns stand at the same character columns on every row: the figures
of all rows, clustered by the span they cover, give the columns. A header segment (text between
runs of two or more spaces) is read as the header of the figure column it stands over; segments
left of the first figure column head the text columns; a segment over several figure columns
(`Tahun 2016` over `Target Realisasi`) spans them. A row's figures are placed by the column they
stand in, its label segments by the text column they stand under.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import regex as re

_SEGMENT = re.compile(r"\S+(?: \S+)*")  # text between runs of two or more spaces
MARGIN = 2  # characters a header may stand beside its column (centred over a right-aligned figure)


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    text: str = ""

    @property
    def center(self) -> float:
        return (self.start + self.end) / 2


def segments(text: str) -> list[Span]:
    return [Span(m.start(), m.end(), m.group(0)) for m in _SEGMENT.finditer(text)]


def cluster(spans: Iterable[Span]) -> list[Span]:
    """Merge overlapping spans into columns, left to right."""
    out: list[Span] = []
    for span in sorted(spans, key=lambda s: s.start):
        if out and span.start <= out[-1].end:
            last = out[-1]
            out[-1] = Span(last.start, max(last.end, span.end))
        else:
            out.append(Span(span.start, span.end))
    return out


def anchored_columns(rows: Iterable[Sequence[Span]], width: int) -> list[Span]:
    """Figure columns from the rows that fill every column: the median span of each column.

    pdftotext does not put every row's figures at exactly the same characters, so neighbouring
    columns' spans can touch; the medians of full rows keep them apart. [] when no row is full or
    the medians do not stand left to right.
    """
    full = [r for r in rows if len(r) == width]
    if not full:
        return []
    columns = []
    for k in range(width):
        starts = sorted(r[k].start for r in full)
        ends = sorted(r[k].end for r in full)
        columns.append(Span(starts[len(starts) // 2], ends[len(ends) // 2]))
    if any(b.start < a.end for a, b in itertools.pairwise(columns)):
        return []
    return columns


def _overlap(a: Span, b: Span) -> int:
    return min(a.end, b.end) - max(a.start, b.start)


def column_of(span: Span, columns: Sequence[Span]) -> int:
    """The column a span stands in: most overlap, else the nearest centre."""
    return max(range(len(columns)), key=lambda k: (_overlap(span, columns[k]), -abs(span.center - columns[k].center)))


def figure_column(span: Span, columns: Sequence[Span]) -> int:
    """The column a figure stands in: figures are right-aligned, so the nearest right edge decides."""
    return min(
        range(len(columns)), key=lambda k: (abs(span.end - columns[k].end), abs(span.center - columns[k].center))
    )


def covered(span: Span, columns: Sequence[Span]) -> list[int]:
    """The columns a (header) span stands over, allowing a small margin on each side."""
    wide = Span(span.start - MARGIN, span.end + MARGIN)
    return [k for k, col in enumerate(columns) if _overlap(wide, col) > 0]


@dataclass(frozen=True)
class WideHeader:
    """Header rows by position: text column heads, figure column heads, and spanning heads above them."""

    text_heads: tuple[str, ...]
    text_columns: tuple[Span, ...]
    fig_heads: tuple[str, ...]
    spans: tuple[str, ...]  # per figure column, the spanning head over it ('' when none)


def wide_header(lines: Sequence[str], columns: Sequence[Span], body_text: Sequence[Span]) -> WideHeader:
    """Header cells by position over the figure columns and the body's text columns.

    `body_text` are the text columns the body's labels stand in; without them the header's own
    text segments make the text columns. Header text right of the last figure column (a
    `Keterangan` column the rows leave empty) has no cell to head and is left out.
    """
    left = columns[0].start - MARGIN if columns else 10**6
    right = columns[-1].end + MARGIN if columns else 10**6
    fig_parts: list[list[str]] = [[] for _ in columns]
    span_parts: list[list[str]] = [[] for _ in columns]
    text_segs: list[Span] = []
    for line in lines:
        for seg in segments(line):
            over = covered(seg, columns) if seg.end > left else []
            if len(over) == 1:
                fig_parts[over[0]].append(seg.text)
            elif over:
                for k in over:
                    span_parts[k].append(seg.text)
            elif seg.start < right:
                text_segs.append(seg)
    text_columns = list(body_text) or cluster(text_segs)
    text_parts: list[list[str]] = [[] for _ in text_columns]
    for seg in text_segs:
        text_parts[column_of(seg, text_columns)].append(seg.text)
    return WideHeader(
        tuple(" ".join(p) for p in text_parts),
        tuple(text_columns),
        tuple(" ".join(p) for p in fig_parts),
        tuple(" ".join(p) for p in span_parts),
    )


def text_columns_of(labels: Iterable[str], first_figure: int) -> list[Span]:
    """Text columns from the label lines of the body: their segments left of the figures, clustered."""
    segs = [seg for raw in labels for seg in segments(raw) if seg.end <= first_figure]
    return cluster(segs)


def place_by_column(spans: Sequence[Span], columns: Sequence[Span]) -> list[int]:
    """Column index of each figure span; a figure whose column is taken goes to the next free one."""
    taken: set[int] = set()
    out: list[int] = []
    for span in spans:
        k = figure_column(span, columns)
        while k in taken and k + 1 < len(columns):
            k += 1
        taken.add(k)
        out.append(k)
    return out

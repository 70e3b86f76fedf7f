"""Markdown pipe tables (layout family 2): `| a | b |` rows, a `|---|---|` separator under the header.

Same Table shape as the tab extractor: header rows are the rows above the separator (or, with
no separator, the leading rows without figures), every cell numbered by its source line,
the caption or the short line above as title, the nearest heading as context. A list item
holding a table (`- | a | b |`) counts too.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence

import regex as re

from extractors.base import Extraction, Line
from extractors.markup import nearest_headings, strip_markup
from extractors.tabs import assign_captions, find_captions, header_count, is_numbering_row, title_above
from pipeline.model import Cell, Provenance, Table

log = logging.getLogger(__name__)

_PIPE_ROW = re.compile(r"^\s*(?:[-*+]\s+)?\|.*\|\s*$")
_SEPARATOR_CELL = re.compile(r"^\s*:?-{2,}:?\s*$")
_LEAD = re.compile(r"^\s*(?:[-*+]\s+)?\|")
_CELL_BAR = re.compile(r"(?<!\\)\|")


def is_pipe_row(text: str) -> bool:
    return text.count("|") >= 2 and bool(_PIPE_ROW.match(text))  # the cheap test first


def split_pipe_row(text: str) -> list[str]:
    """Cells of `| a | b |` (escaped `\\|` kept inside a cell)."""
    body = _LEAD.sub("", text, count=1).rstrip()
    body = body[:-1] if body.endswith("|") else body
    return [part.replace("\\|", "|") for part in _CELL_BAR.split(body)]


def is_separator(cells: Sequence[str]) -> bool:
    filled = [c for c in cells if c.strip()]
    return bool(filled) and all(_SEPARATOR_CELL.match(c) for c in filled)


def _cells(line: Line, parts: Sequence[str], source_file: str) -> tuple[Cell, ...]:
    return tuple(Cell(strip_markup(p), Provenance(source_file, line.number, line.page, p.strip())) for p in parts)


def _runs(lines: Sequence[Line], claimed: frozenset[int]) -> list[tuple[int, int]]:
    """(start, end) index ranges of consecutive unclaimed pipe rows."""
    runs: list[tuple[int, int]] = []
    start = -1
    for k, ln in enumerate(lines):
        ok = ln.number not in claimed and is_pipe_row(ln.text)
        if ok and start < 0:
            start = k
        elif not ok and start >= 0:
            runs.append((start, k - 1))
            start = -1
    if start >= 0:
        runs.append((start, len(lines) - 1))
    return runs


def _table(
    lines: Sequence[Line], start: int, end: int, source_file: str
) -> tuple[list[tuple[Cell, ...]], list[tuple[Cell, ...]]]:
    header: list[tuple[Cell, ...]] = []
    body: list[tuple[Cell, ...]] = []
    separator_seen = False
    for k in range(start, end + 1):
        parts = split_pipe_row(lines[k].text)
        if is_separator(parts):
            if not separator_seen and not body:
                header, body = [*header, *body], []
                separator_seen = True
            continue
        row = _cells(lines[k], parts, source_file)
        if not any(c.text for c in row) or is_numbering_row(row):
            continue
        body.append(row)
    if not separator_seen:
        n = header_count(body)
        header, body = body[:n], body[n:]
    header = [r for r in header if any(c.text for c in r)]
    return header, body


class PipeTableExtractor:
    name = "pipe"

    def extract(self, lines: Sequence[Line], source_file: str, claimed: frozenset[int]) -> Extraction:
        runs = [r for r in _runs(lines, claimed) if r[1] > r[0] or is_separator(split_pipe_row(lines[r[0]].text))]
        if not runs:
            return Extraction()
        headings = nearest_headings(lines)
        titles = assign_captions(lines, runs, find_captions(lines, claimed))
        tables: list[Table] = []
        used: set[int] = set()
        for t, (start, end) in enumerate(runs):
            used.update(lines[k].number for k in range(start, end + 1))
            header, body = _table(lines, start, end, source_file)
            if not header and not body:
                continue
            first = lines[start]
            tables.append(
                Table(
                    table_id=f"{self.name}-{first.number:05d}" + (f"-p{first.page}" if first.page else ""),
                    source_file=source_file,
                    header=tuple(header),
                    rows=tuple(body),
                    engine=self.name,
                    title=titles.get(t) or title_above(lines, start),
                    context=headings[start - 1] if start > 0 else "",
                    page=first.page,
                    line=first.number,
                )
            )
        log.debug("%s: %d pipe tables", source_file, len(tables))
        return Extraction(tables=tuple(tables), claimed=frozenset(used))

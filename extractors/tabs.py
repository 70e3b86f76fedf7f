"""Tab-separated table rows (layout family 1): runs of lines holding tab characters."""

from __future__ import annotations

from collections.abc import Sequence

import regex as re

from extractors.base import Extraction, Line
from extractors.markup import strip_markup
from pipeline.model import Cell, Provenance, Table

_NUMERIC = re.compile(r"\d")
_TITLE = re.compile(r"^\s*(?:\*\*|<b>|#+\s*)*\s*(Tabel|Table|Gambar)\s*[\dIVX]", re.I)


def _cells(line: Line, source_file: str) -> tuple[Cell, ...]:
    return tuple(
        Cell(strip_markup(part), Provenance(source_file, line.number, line.page, part))
        for part in line.text.split("\t")
    )


def _is_header_row(cells: Sequence[Cell]) -> bool:
    texts = [c.text for c in cells if c.text]
    return bool(texts) and not any(_NUMERIC.search(t) and len(t) < 40 for t in texts[1:])


def _title_before(lines: Sequence[Line], index: int) -> str:
    for j in range(index - 1, max(-1, index - 8), -1):
        text = strip_markup(lines[j].text)
        if _TITLE.match(text):
            return text
    return ""


class TabTableExtractor:
    name = "tabs"

    def extract(self, lines: Sequence[Line], source_file: str, claimed: frozenset[int]) -> Extraction:
        tables: list[Table] = []
        used: set[int] = set()
        i = 0
        while i < len(lines):
            if "\t" not in lines[i].text or lines[i].number in claimed:
                i += 1
                continue
            start = i
            block = []
            while i < len(lines) and "\t" in lines[i].text and lines[i].number not in claimed:
                block.append(lines[i])
                i += 1
            rows = [_cells(ln, source_file) for ln in block]
            n_header = 0
            while n_header < len(rows) - 1 and _is_header_row(rows[n_header]):
                n_header += 1
            tables.append(
                Table(
                    table_id=f"t{len(tables) + 1:03d}",
                    source_file=source_file,
                    header=tuple(rows[:n_header]),
                    rows=tuple(rows[n_header:]),
                    engine=self.name,
                    title=_title_before(lines, start),
                    line=block[0].number,
                )
            )
            used.update(ln.number for ln in block)
        return Extraction(tables=tuple(tables), claimed=frozenset(used))

"""The one small interface every layout extractor implements.

A layout extractor reads numbered lines (a text export, or the text lines of one PDF
page) and returns what it recognised: tables, prose statements with figures, and
formulas, plus the line numbers it claimed so that later extractors leave them alone.
Nothing after the extract stage knows which extractor produced a table.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Protocol

from pipeline.model import Formula, Statement, Table


@dataclass(frozen=True, slots=True)
class Line:
    """One line of source text: 1-based number in the file (or in the page, for PDFs)."""

    number: int
    text: str
    page: int | None = None


@dataclass(frozen=True)
class Extraction:
    tables: tuple[Table, ...] = ()
    statements: tuple[Statement, ...] = ()
    formulas: tuple[Formula, ...] = ()
    claimed: frozenset[int] = field(default_factory=frozenset)

    def __add__(self, other: Extraction) -> Extraction:
        return Extraction(
            self.tables + other.tables,
            self.statements + other.statements,
            self.formulas + other.formulas,
            self.claimed | other.claimed,
        )


class LayoutExtractor(Protocol):
    """`extract(lines, source_file, claimed)` → what this layout finds among unclaimed lines."""

    name: str

    def extract(self, lines: Sequence[Line], source_file: str, claimed: frozenset[int]) -> Extraction: ...

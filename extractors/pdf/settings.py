"""The one settings object of the PDF path: tolerances, pdfplumber table settings, poor-table thresholds."""

from __future__ import annotations

from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any

RULED_TABLE_SETTINGS: MappingProxyType[str, Any] = MappingProxyType(
    {
        "vertical_strategy": "explicit",  # the page's rules, given by `plumber.table_settings`
        "horizontal_strategy": "explicit",
        "snap_tolerance": 3,
        "join_tolerance": 3,
        "intersection_tolerance": 3,
    }
)


@dataclass(frozen=True)
class Thresholds:
    """When a table is poor (see `quality.assess`): any one limit crossed makes it poor."""

    max_empty_share: float = 0.55  # share of empty cells, after dropping all-empty columns
    max_stacked_share: float = 0.10  # share of non-empty cells holding several numbers ("100,03 113,17")
    max_unparsed_share: float = 0.25  # share of cells in numeric columns that do not parse as numbers
    min_columns: int = 2  # a single-column "table" is prose in a box


@dataclass(frozen=True)
class PdfSettings:
    """Everything the PDF path can be tuned by, in one place."""

    x_tolerance: float = 1.5  # chars closer than this join one word
    line_tolerance: float = 2.5  # words whose tops differ by less stand on one line
    ruled: MappingProxyType[str, Any] = field(default_factory=lambda: RULED_TABLE_SETTINGS)
    max_rule_width: float = 2.0  # a filled box thinner than this is a ruling line, a wider one a cell's shading
    min_column_width: float = 12.0  # an empty ruled column at least this wide is kept (a quarter not yet reported)
    gap_factor: float = 1.2  # a gap wider than this × font size separates the cells of an unruled row
    min_unruled_rows: int = 3  # lines with ≥2 cells needed to call a run of lines a table
    max_continuation_lines: int = 2  # single-cell lines allowed inside an unruled table (wrapped text)
    title_lookback: int = 3  # lines above a table searched for its "Tabel ..." caption
    thresholds: Thresholds = field(default_factory=Thresholds)
    engine: str = "auto"  # auto | pdfplumber | camelot (force one engine, for tests and diagnosis)
    camelot_fallback: bool = True


DEFAULT = PdfSettings()

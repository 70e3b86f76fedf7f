"""The records handed from stage to stage: ingest → extract → interpret → normalize → validate → export.

Every hand-over is a frozen dataclass, and every value carries its `Provenance`
(file, page for PDFs, 1-based line, and the raw text it came from). Nothing here
knows a layout or a rule; this module imports nothing from the rest of the project.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field
from decimal import Decimal
from enum import Enum


@dataclass(frozen=True, slots=True)
class Provenance:
    """Where a value was read: file, page (PDF only, 1-based), line (1-based), raw text."""

    source_file: str
    line: int | None
    page: int | None = None
    raw: str = ""


# --------------------------------------------------------------------------- extract


@dataclass(frozen=True, slots=True)
class Cell:
    """One cell of an extracted table: its text (markup removed) and where it stands."""

    text: str
    prov: Provenance


@dataclass(frozen=True)
class Table:
    """A grid of cells as an extractor found it, before any interpretation.

    `header` holds the header rows (possibly several: years over PAGU/REALISASI/%),
    `rows` the body rows. Rows may be ragged. `title` is the caption found near the
    table ("Tabel 1.3 Anggaran ..."), `context` the nearest section heading.
    `engine` says which extractor produced it (tabs, pipe, plain, pdfplumber,
    camelot-lattice, camelot-stream). `continues` is the table_id of the table this
    one continues (a table split over pages), when the extractor merged nothing.
    """

    table_id: str
    source_file: str
    header: tuple[tuple[Cell, ...], ...]
    rows: tuple[tuple[Cell, ...], ...]
    engine: str
    title: str = ""
    context: str = ""
    page: int | None = None
    line: int | None = None
    continues: str | None = None
    # why the extractor is unsure the rows it read are the table's rows (plain layout): the validators
    # then report what fails on the table's figures as a warning, not an error
    doubts: tuple[str, ...] = ()


def nonblank(text: str) -> int:
    """How many characters of `text` are not white space: a position that survives re-spacing."""
    return len("".join(text.split()))


@dataclass(frozen=True)
class Statement:
    """A prose sentence (or short paragraph) that carries figures.

    `lines` places the text, joined into one line, back on its source lines: (non-blank characters
    of `text` before the line, line number) for every line the sentence spans, in order, the first
    at 0. Empty when it sits on one line (or the extractor does not know): every figure is then at
    `prov.line`, the line of its first meaningful figure.
    """

    text: str
    prov: Provenance
    context: str = ""
    lines: tuple[tuple[int, int], ...] = ()

    def line_at(self, offset: int) -> int | None:
        """The source line of the character at `offset` of `text`."""
        if not self.lines:
            return self.prov.line
        k = bisect_right(self.lines, (nonblank(self.text[:offset]), 1 << 62)) - 1
        return self.lines[k][1] if k >= 0 else self.prov.line


@dataclass(frozen=True)
class Formula:
    """A formula as written: `lhs = expression = stated` with its operands kept as text.

    `expression` is the right-hand side as printed (LaTeX or plain), `stated` the
    result the report gives for it (raw text, may be empty), `label` the name on the
    left (`K1`, `Capaian`, `Target laporan`), `terms` any definitions in scope
    (`D1 = 3,91`).
    """

    label: str
    expression: str
    stated: str
    prov: Provenance
    context: str = ""
    syntax: str = "plain"  # latex | mathml | plain


@dataclass(frozen=True)
class Document:
    """One input file after extraction: its tables, statements and formulas."""

    report_id: str
    source_file: str
    sha256: str
    kind: str  # text | pdf
    layout: str  # tabs | pipe | plain | mixed | pdf
    n_lines: int
    n_pages: int | None
    office: str
    year: int | None
    report_type: str  # LAKIP | LKjIP | LKIP | LRA | unknown
    tables: tuple[Table, ...] = ()
    statements: tuple[Statement, ...] = ()
    formulas: tuple[Formula, ...] = ()
    warnings: tuple[str, ...] = ()
    error: str = ""  # non-empty when the file could not be read at all


# --------------------------------------------------------------------------- normalize


class Flag(str, Enum):
    AMBIGUOUS = "ambiguous"
    PLACEHOLDER = "placeholder"
    NIHIL = "nihil"
    EMPTY = "empty"
    TEXT = "text"


@dataclass(frozen=True, slots=True)
class Quantity:
    """A normalised figure: the decimal value, the digits shown after the point, the unit.

    `decimals` is the precision as printed (26,19 → 2; 125 % → 0; 1.234.567 → 0), the
    basis of every rounding judgement. `value` is None when the text holds no number
    (empty, '-', a placeholder, words). `unit` is canonical (rupiah, percent, indeks,
    dokumen, orang, layanan, laporan, ...), `unit_raw` as printed.
    """

    raw: str
    value: Decimal | None
    decimals: int = 0
    unit: str = ""
    unit_raw: str = ""
    flags: frozenset[Flag] = frozenset()
    prov: Provenance | None = None

    @property
    def is_number(self) -> bool:
        return self.value is not None


# --------------------------------------------------------------------------- interpret


@dataclass(frozen=True)
class IndicatorRecord:
    report_id: str
    source_file: str
    line: int | None
    page: int | None
    table_id: str
    kind: str  # measurement | target_only | multi_year | narrative | comparison
    year: int | None
    sasaran: str
    indikator: str
    target: Quantity | None
    realisasi: Quantity | None
    capaian: Quantity | None
    raw: str
    polarity: str = "higher"  # higher | lower
    capped: bool = False
    period: str = ""  # a part of the year (TW I, Semester 2, Januari) where the report gives one


@dataclass(frozen=True)
class BudgetRecord:
    report_id: str
    source_file: str
    line: int | None
    page: int | None
    table_id: str
    kind: str  # by_belanja | by_program | multi_year | narrative | pnbp | other
    year: int | None
    item: str
    parent_item: str
    is_total: bool
    pagu: Quantity | None
    realisasi: Quantity | None
    pct: Quantity | None
    raw: str
    pagu_original: Quantity | None = None
    period: str = ""  # a part of the year (TW I, Semester 2, Januari) where the report gives one


@dataclass(frozen=True)
class Report:
    """Everything known about one input: the document and the records read from it."""

    document: Document
    indicators: tuple[IndicatorRecord, ...] = ()
    budget: tuple[BudgetRecord, ...] = ()


# --------------------------------------------------------------------------- validate


class Severity(str, Enum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


@dataclass(frozen=True)
class Finding:
    """What a rule expected, what the report states, and where."""

    report_id: str
    source_file: str
    page: int | None
    line: int | None
    rule: str
    severity: Severity
    subject: str
    stated: str
    expected: str
    difference: str
    message: str
    suggested_fix: str = ""
    related_lines: tuple[int, ...] = field(default_factory=tuple)

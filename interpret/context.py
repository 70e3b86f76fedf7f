"""What a record needs to know about where its table stands: file, table id, label, year — and which way its
indicator should go (polarity), by its name or by the report's own declaration."""

from __future__ import annotations

from dataclasses import dataclass, replace

import regex as re

from normalizers.polarity import declared_lower, is_declared, polarity_of
from pipeline.model import Document, IndicatorRecord, Table

_YEAR = re.compile(r"(?<![\d.,/-])((?:19|20)\d\d)(?![\d.,]*\d)")
_RANGE = re.compile(r"(?:19|20)\d\d\s*(?:-|–|—|s\.?d\.?|sampai)\s*(?:19|20)\d\d", re.I)
_TOTAL = re.compile(r"^\W*(?:\d+\.?\s*)?(?:grand\s*total|sub\s*total|sub\s*jumlah|total)\b", re.I)
_JUMLAH = re.compile(r"^\W*(?:jumlah|jml\.?)(?:\s+(?:belanja|anggaran|pagu|realisasi|keseluruhan|seluruhnya|total|"
                     r"pnbp|pendapatan|penerimaan))?\W*$", re.I)


@dataclass(frozen=True)
class TableContext:
    report_id: str
    source_file: str
    table_id: str
    label: str
    year: int | None


def single_year(text: str) -> int | None:
    """The one year a caption names (`Tahun 2024`), None for none, several, or a range."""
    if _RANGE.search(text):
        return None
    years = {int(y) for y in _YEAR.findall(text)}
    return years.pop() if len(years) == 1 else None


def table_context(document: Document, table: Table) -> TableContext:
    label = table.title or table.context
    year = single_year(table.title) or single_year(table.context) or document.year
    return TableContext(document.report_id, document.source_file, table.table_id, label, year)


def is_total(item: str) -> bool:
    """`JUMLAH`, `Jumlah Belanja`, `TOTAL`, `Grand Total` — not `Jumlah Layanan …`, which is an item."""
    return bool(_TOTAL.match(item) or _JUMLAH.match(item))


def polarity(indikator: str) -> str:
    """'lower' when the indicator's name measures something whose fall is the improvement (one vocabulary:
    `normalizers.polarity`), else 'higher'."""
    return polarity_of(indikator)


# a cell of a `Polaritas` column saying lower is better: `(-)`, `Negatif`, `Minimize`, `↓`
_POLARITY_HEADER = re.compile(r"\bpolarit(?:as|y)\b", re.I)
_NEGATIVE_CELL = re.compile(r"^\W*(?:\(\s*[-−–]\s*\)|negatif|negative|minimi[sz]e|minimum|min|↓|rendah)\W*$", re.I)


def _negative_rows(table: Table) -> set[int]:
    """The lines of the rows a table's `Polaritas` column marks negative (lower is better)."""
    cols = {k for row in table.header for k, cell in enumerate(row) if _POLARITY_HEADER.search(cell.text)}
    lines: set[int] = set()
    for row in table.rows if cols else ():
        if any(k < len(row) and _NEGATIVE_CELL.match(row[k].text) for k in cols):
            lines |= {c.prov.line for c in row if c.prov.line is not None}
    return lines


def with_declared_polarity(document: Document, indicators: list[IndicatorRecord]) -> list[IndicatorRecord]:
    """The records with polarity `lower` where the report itself says so: an indicator its sentences declare
    negative-polarity (`Indikator A dan B berpolaritas negatif`, `… semakin kecil semakin baik, yaitu A dan B`)
    or a row its table's `Polaritas` column marks `(-)` / `Negatif` / `Minimize`."""
    declared = declared_lower(st.text for st in document.statements)
    rows = {t.table_id: lines for t in document.tables if t.header and (lines := _negative_rows(t))}
    if not declared and not rows:
        return indicators

    def says_lower(rec: IndicatorRecord) -> bool:
        return is_declared(rec.indikator, declared) or rec.line in rows.get(rec.table_id, ())

    return [replace(rec, polarity="lower") if rec.polarity != "lower" and says_lower(rec) else rec
            for rec in indicators]

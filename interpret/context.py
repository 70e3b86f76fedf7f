"""What a record needs to know about where its table stands: file, table id, label, year."""

from __future__ import annotations

from dataclasses import dataclass

import regex as re

from normalizers.polarity import polarity_of
from pipeline.model import Document, Table

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

"""Cell-level helpers: does a cell hold a figure, and its Quantity in the context of its column."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import replace
from decimal import Decimal
from functools import lru_cache

import regex as re

from normalizers.numbers import Hint, column_convention, parse_number
from normalizers.placeholders import is_placeholder
from pipeline.model import Cell, Flag, Quantity

# a figure as it stands in a table cell: optional currency, one number, an optional % and a short unit
_FIGURE = re.compile(
    r"""^\s*=?\s*(?:rp\.?\s*)?[-−–]?\d[\d.,]*\s*(?:,-|\.-)?\s*
        (?:%|persen)?\s*
        (?:(?<=[\s%(])\(?[^\W\d_]{1,20}\.?\)?(?:\s*/\s*[^\W\d_]{1,20})?(?:\s+[^\W\d_]{1,20})?)?\s*
        (?:\(?[^\W\d_]{1,20}\)?)?\s*$""",
    re.I | re.X,
)
# an accounting negative: (471.973.835.770,70)
_BRACKETED_AMOUNT = re.compile(r"^\s*\(\s*(?:rp\.?\s*)?\d{1,3}(?:[.,]\d{3})+(?:[.,]\d{1,2})?\s*\)\s*$", re.I)
_COLUMN_NUMBER = re.compile(r"^\s*\(\s*\d{1,2}\s*\)\s*$")
_NIHIL = re.compile(r"^\s*(nihil|nol)\s*$", re.I)
_LETTERS = re.compile(r"[^\W\d_]")
_MONEY_MIN = 10_000
_SPACES = re.compile(r"\s+")
_DASH_TAIL = re.compile(r"\s*(?:,-|\.-)\s*$")
# an amount printed with two or more thousands groups and at most two decimals: 1.690.543.881.701,70
_GROUPED_AMOUNT = re.compile(r"\d{1,3}(?:([.,])\d{3})(?:\1\d{3})+(?:[.,]\d{1,2})?")
_DIGITS = re.compile(r"\d[\d.,]*")
_DASH = re.compile(r"^\s*[-−–—]\s*$")
_RUPIAH_UNIT = re.compile(r"(?<![^\W\d_])(?:rp|rupiah|idr)(?![^\W\d_])", re.I)


@lru_cache(maxsize=16384)
def clean(text: str) -> str:
    return _SPACES.sub(" ", text.replace("\u00a0", " ")).strip()


@lru_cache(maxsize=16384)
def is_column_number(text: str) -> bool:
    """`(1)`, `(2)` …: the column-numbering row some tables print under their header."""
    return bool(_COLUMN_NUMBER.match(text))


@lru_cache(maxsize=32768)
def is_figure(text: str) -> bool:
    """True when the cell holds one figure (with its unit), a `Nihil`, or an unfilled placeholder.

    A pure function of the text, cached: the same cell is asked about by several readers.
    """
    t = clean(text)
    if not t:
        return False
    if is_placeholder(t) or _NIHIL.match(t):
        return True
    if is_column_number(t):
        return False
    return bool(_FIGURE.match(t) or _BRACKETED_AMOUNT.match(t))


@lru_cache(maxsize=16384)
def letters(text: str) -> int:
    """How many letters a cell holds (a pure function of the text: columns are scored more than once)."""
    return len(_LETTERS.findall(text))


def strip_lead(text: str) -> str:
    """A formula-style cell `= 42 LHK` → `42 LHK`; `= 11/42x100% = 26,19%` → `26,19%`."""
    t = clean(text)
    if "=" in t:
        t = t.rsplit("=", 1)[1].strip()
    return t


def convention_of(cells: Iterable[Cell]) -> str | None:
    return column_convention(c.text for c in cells)


def quantity(cell: Cell, convention: str | None, unit: str = "", integer_expected: bool = False) -> Quantity:
    """The cell's figure as a Quantity, read with its column's convention and expected unit."""
    text = strip_lead(cell.text)
    text = _DASH_TAIL.sub("", text)
    return parse_number(text, Hint(convention, unit, integer_expected), cell.prov)


def is_dash(text: str) -> bool:
    """A cell holding a lone dash."""
    return bool(_DASH.match(text))


def dash_as_zero(cell: Cell, unit: str = "rupiah") -> Quantity:
    """A dash in a column of amounts is zero: LRA and realisation tables print `-` for an account with no
    budget or a quarter with nothing spent (its row's other amounts read `0,00`). Only for columns known to
    hold amounts; elsewhere a dash stays 'not given'. Flagged nihil, as a printed zero in words is."""
    q = quantity(cell, None, unit)
    return replace(q, value=Decimal(0), decimals=0, unit=unit, flags=(q.flags - {Flag.EMPTY}) | {Flag.NIHIL})


def is_money(q: Quantity | None, row_unit: str = "") -> bool:
    """A rupiah amount: printed with Rp, or a plain whole amount too large to be a score or a count.

    `row_unit` is the unit the figure's row names in its `Satuan` column: a row counted in anything but
    rupiah (`Orang`, `Dokumen`, `%`) holds no amount, however large its whole figures (`95.000` visits)."""
    if q is None:
        return False
    if q.unit not in ("", "rupiah") or (row_unit and not _RUPIAH_UNIT.search(row_unit)):
        return False
    printed = (q.unit_raw or "").lower() + " " + q.raw.lower()
    if "rp" in printed or "rupiah" in printed:
        return True
    if q.value is None or abs(q.value) < _MONEY_MIN:
        return False
    return q.decimals == 0 or q.raw.rstrip().endswith(",00") or _grouped_amount(q.raw)


def _grouped_amount(raw: str) -> bool:
    """`1.690.543.881.701,70`: millions in thousands groups with sen — rupiah, not a score."""
    m = _DIGITS.search(raw)
    return bool(m and _GROUPED_AMOUNT.fullmatch(m.group(0)))


def row_text(row: Sequence[Cell]) -> str:
    return " | ".join(clean(c.text) for c in row if clean(c.text))


def cell_at(row: Sequence[Cell], col: int) -> Cell | None:
    return row[col] if 0 <= col < len(row) else None


def text_at(row: Sequence[Cell], col: int | None) -> str:
    if col is None:
        return ""
    c = cell_at(row, col)
    return clean(c.text) if c else ""

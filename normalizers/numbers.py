"""Indonesian and English number formats → Decimal, with the precision as printed.

`19.695` (Indonesian thousands), `26,19` (Indonesian decimal), `1.234.567,89`,
`8,844,706,000` and `99.83` (English) can all stand in one report. A token whose
separator could be read both ways (`3,912`, `1.500`) is resolved from context — the
convention the other cells of its column use, the unit, whether the quantity is a
count — and otherwise returned flagged `ambiguous`, never silently guessed.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

import regex as re

from normalizers.placeholders import is_placeholder
from normalizers.units import COUNT_UNITS, split_unit
from pipeline.model import Flag, Provenance, Quantity

ID = "id"  # '.' thousands, ',' decimal
EN = "en"  # ',' thousands, '.' decimal

NIHIL = re.compile(r"^\s*(nihil|nol|tidak ada)\s*$", re.I)
DASHES = re.compile(r"^\s*[-–—]+\s*$")
# a bare numeric token: digits with . and , separators, optional sign
TOKEN = re.compile(r"[-−–]?\d[\d.,]*")


@dataclass(frozen=True)
class Hint:
    """What the context says about a token: the column's convention, the expected unit."""

    convention: str | None = None  # ID | EN | None
    unit: str = ""
    integer_expected: bool = False


def _clean(text: str) -> str:
    return text.replace("\u00a0", " ").replace("−", "-").replace("–", "-").strip()


def token_convention(token: str) -> str | None:
    """The convention a numeric token proves by itself, or None when it could be either."""
    t = token.lstrip("-")
    dots, commas = t.count("."), t.count(",")
    if dots and commas:
        return ID if t.rfind(",") > t.rfind(".") else EN
    if dots > 1:
        return ID
    if commas > 1:
        return EN
    if dots == 1:
        head, tail = t.split(".")
        if len(tail) != 3 or head in ("0", ""):
            return EN
        return None
    if commas == 1:
        head, tail = t.split(",")
        if len(tail) != 3 or head in ("0", ""):
            return ID
        return None
    return None


def is_ambiguous(token: str) -> bool:
    t = token.lstrip("-")
    return (t.count(".") + t.count(",")) == 1 and token_convention(token) is None


def column_convention(texts: Iterable[str]) -> str | None:
    """The convention the unambiguous numbers among `texts` agree on (majority), if any."""
    votes = {ID: 0, EN: 0}
    for text in texts:
        for tok in TOKEN.findall(_clean(text)):
            conv = token_convention(tok.rstrip(".,"))
            if conv:
                votes[conv] += 1
    if votes[ID] == votes[EN]:
        return None
    return ID if votes[ID] > votes[EN] else EN


def _to_decimal(token: str, convention: str) -> tuple[Decimal, int]:
    neg = token.startswith("-")
    t = token.lstrip("-")
    thousands, point = (".", ",") if convention == ID else (",", ".")
    t = t.replace(thousands, "")
    decimals = 0
    if point in t:
        whole, frac = t.split(point, 1)
        decimals = len(frac)
        t = f"{whole or '0'}.{frac}"
    value = Decimal(t)
    return (-value if neg else value), decimals


def _resolve(token: str, hint: Hint, unit: str) -> str | None:
    conv = token_convention(token)
    if conv:
        return conv
    if not is_ambiguous(token):
        return ID  # plain digits: either reading gives the same number
    if hint.convention:
        return hint.convention
    if hint.integer_expected or unit in COUNT_UNITS or unit == "rupiah":
        return ID if "." in token else EN  # a count or an amount: the separator groups thousands
    if unit in ("percent", "indeks"):
        return ID if "," in token else EN  # a percentage or index: the separator is a decimal point
    return None


def parse_number(text: str, hint: Hint | None = None, prov: Provenance | None = None) -> Quantity:
    """Parse one cell or phrase holding at most one figure and its unit."""
    hint = hint or Hint()
    raw = text
    clean = _clean(text)
    if not clean:
        return Quantity(raw, None, flags=frozenset({Flag.EMPTY}), prov=prov)
    if is_placeholder(clean):
        return Quantity(raw, None, flags=frozenset({Flag.PLACEHOLDER}), prov=prov)
    if DASHES.match(clean):
        return Quantity(raw, None, flags=frozenset({Flag.EMPTY}), prov=prov)
    if NIHIL.match(clean):
        return Quantity(raw, Decimal(0), 0, hint.unit, "", frozenset({Flag.NIHIL}), prov)
    number, unit, unit_raw = split_unit(clean)
    if number is None:
        return Quantity(raw, None, unit=unit, unit_raw=unit_raw, flags=frozenset({Flag.TEXT}), prov=prov)
    unit = unit or hint.unit
    conv = _resolve(number, hint, unit)
    if conv is None:
        return Quantity(raw, None, unit=unit, unit_raw=unit_raw, flags=frozenset({Flag.AMBIGUOUS}), prov=prov)
    try:
        value, decimals = _to_decimal(number, conv)
    except (InvalidOperation, ValueError):
        return Quantity(raw, None, unit=unit, unit_raw=unit_raw, flags=frozenset({Flag.TEXT}), prov=prov)
    return Quantity(raw, value, decimals, unit, unit_raw, frozenset(), prov)


def parse_token(token: str, convention: str | None = None) -> tuple[Decimal, int] | None:
    """A bare numeric token → (value, decimals) or None when ambiguous without a convention."""
    token = _clean(token).rstrip(".,")
    conv = token_convention(token) or convention
    if conv is None:
        if is_ambiguous(token):
            return None
        conv = ID
    try:
        return _to_decimal(token, conv)
    except (InvalidOperation, ValueError):
        return None


def format_decimal(value: Decimal | None) -> str:
    """Plain decimal text with '.' and no exponent, trailing zeros after the point dropped."""
    if value is None:
        return ""
    text = format(value, "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text

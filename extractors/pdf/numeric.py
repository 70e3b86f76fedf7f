"""Is this cell a number? The one test the PDF path uses (header rows, numeric columns, quality)."""

from __future__ import annotations

import regex as re

from normalizers.numbers import TOKEN, parse_number
from pipeline.model import Flag

_YEAR = re.compile(r"^(19|20)\d\d$")
_COLUMN_NUMBER = re.compile(r"^\(\d{1,2}\)$")


def is_numeric(text: str) -> bool:
    """A figure: parses as a number (ambiguous separators count), or a parenthesised amount."""
    t = text.strip()
    if not t or not any(ch.isdigit() for ch in t):
        return False
    q = parse_number(t)
    return q.value is not None or Flag.AMBIGUOUS in q.flags


def n_numbers(text: str) -> int:
    """How many numeric tokens a cell holds (2+ means values were stacked into one cell)."""
    return len(TOKEN.findall(text))


def is_header_label(text: str) -> bool:
    """Numbers that label columns rather than measure: years, '(1)'."""
    t = text.strip()
    return bool(_YEAR.match(t) or _COLUMN_NUMBER.match(t))

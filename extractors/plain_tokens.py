"""One line of a pdftotext-style export → its shape: a text prefix and the figure cells that end it.

A table row in the plain layout prints its label first and its figures last, cells separated by
runs of spaces (`Belanja Barang Rp. 4.422.522.000 Rp. 3.798.999.136 85,90`), or a figure alone on
its line (`3,25`), sometimes followed by a unit on the next line (`(Indeks)`). `shape_of` splits a
line into the text before its trailing run of figures and those figures, each figure kept with the
currency and unit printed beside it (`Rp. 2.834.681 .000,-`, `125,56 %`, `3,13 (Indeks)`,
`1 Layanan`). Nothing here knows where a table starts or ends.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

import regex as re

from normalizers.units import canonical_unit

_TOKEN = re.compile(r"\S+")
_RP = re.compile(r"^(?:Rp|IDR)\.?$", re.I)
_NUM = re.compile(r"^[(\[]?(?:Rp\.?)?[-−–]?\d(?:[\d.,]*\d)?(?:,-)?[)\]]?%?$", re.I)
_FRAG = re.compile(r"^(?:[.,]\d(?:[\d.,]*\d)?(?:,-)?|,-)$")
_PCT = re.compile(r"^\(?%\)?$")
_UNIT_PAREN = re.compile(r"^(?:[({\[]\s*[A-Za-z]*\s*[)}\]]?|[)}\]])$")
_DASH = re.compile(r"^[-–—]$")
_YEAR = re.compile(r"^(?:19|20)\d\d$")
_CODE = re.compile(r"^\d{5,}$")  # account codes, NIP: digits without separators
_YEAR_WORDS = frozenset({"tahun", "ta", "th", "th.", "ta.", "tahun:", "periode", "s.d.", "s/d", "sd"})
_ROWNUM_ONLY = re.compile(r"^\s*\d{1,3}\s*\.?\s*$")
_COLNUM = re.compile(r"^[({\[]?\d{1,2}[)}\]]?$")
_DIGITS = re.compile(r"\d+")
_PAGE = re.compile(r"^\s*[-–]\s?\d{1,3}\s?[-–]?\s*$")
_FORMULA = re.compile(r"(?:^|\s)[x×X*]\s*\(?\d|=|(?:^|\s)[x×]\s*$")
_DATE = re.compile(
    r"\b\d{1,2}\s+(?:Januari|Februari|Pebruari|Maret|April|Mei|Juni|Juli|Agustus|September|Oktober|"
    r"Nopember|November|Desember)\s+(?:19|20)\d\d\b",
    re.I,
)
_HAS_DIGIT = re.compile(r"\d")
_BRACKET_SPACE = re.compile(r"\(\s+|\s+\)")
_SPACES = re.compile(r"\s+")
_WIDE_GAP = re.compile(r"\S {3,}\S")
MAX_ROW_LABEL_CHARS = 320  # a table row's label: a sasaran and an indikator run together
# `mencapai 85,90 97,5`: a figure after these words is a sentence's, not a cell's
_SENTENCE_LEAD = frozenset(
    {
        "sebesar", "yaitu", "yakni", "adalah", "mencapai", "menjadi", "dari", "sampai", "hingga", "dengan",
        "atau", "dan", "senilai", "sejumlah", "sebanyak", "pada", "ke", "di", "untuk", "oleh", "sekitar",
        "kurang", "lebih", "antara", "naik", "turun", "meningkat", "menurun", "tercapai", "terealisasi",
        "nomor", "no", "no.", "pasal", "ayat",
    }
)
_SENTENCE_BREAK = re.compile(r"([^\W\d_]+)[.!?]\s+[A-Z]|[;:](?:\s|$)|\.\s*$")
# abbreviations a label may hold before a capital (`Kab. Jember`, `dll. `); a roman numeral or an
# acronym before its full stop (`II. Optimalnya`) numbers the row
_ABBREVIATIONS = frozenset(
    {"kab", "kec", "kel", "prov", "dll", "dsb", "dst", "tgl", "hal", "jl", "no", "nomor", "th", "thn"}
)


@dataclass(frozen=True)
class Figure:
    """A figure cell as printed on one line: text with OCR-split digits rejoined, and the raw text."""

    text: str
    raw: str
    kind: str  # amount | pct | number | dash
    start: int = 0  # character columns the figure spans on its line (`pdftotext -layout` keeps them)
    end: int = 0


@dataclass(frozen=True)
class Shape:
    """What one line holds: the text before its trailing figures, and those figures."""

    prefix: str
    figures: tuple[Figure, ...]
    words: int  # words in the prefix
    wide: bool  # cells separated by wide gaps (`pdftotext -layout`)

    @property
    def is_blank(self) -> bool:
        return not self.prefix and not self.figures

    @property
    def has_figures(self) -> bool:
        return any(f.kind != "dash" for f in self.figures)


def collapse(text: str) -> str:
    return _SPACES.sub(" ", text).strip()


def tidy_unit(text: str) -> str:
    """`{lndeks )` → `(lndeks)`: brackets around a unit as OCR left them, made regular."""
    t = collapse(text).replace("{", "(").replace("}", ")")
    return _BRACKET_SPACE.sub(lambda m: m.group(0).strip(), t)


def _kind(text: str) -> str:
    if "%" in text:
        return "pct"
    if text.lower().startswith(("rp", "idr", "(rp")):
        return "amount"
    digits = sum(ch.isdigit() for ch in text)
    return "amount" if digits >= 7 else "number"


@dataclass
class _Open:
    """A figure being assembled: its text pieces and where it spans in the line."""

    text: str
    start: int
    end: int

    def add(self, piece: str, end: int, glue: str) -> None:
        self.text = f"{self.text}{glue}{piece}"
        self.end = end


def _is_unit_word(word: str) -> bool:
    return len(word) > 1 and word.isalpha() and canonical_unit(word) != ""


def _is_figure_token(tok: str, prev_word: str) -> bool:
    if not _NUM.match(tok) or _CODE.match(tok):
        return False
    return not (_YEAR.match(tok) and prev_word in _YEAR_WORDS)


def _ends_cell(tokens: Sequence[tuple[str, int, int]], i: int) -> bool:
    """Token `i` is the line's last, or the next one opens another figure with a unit of its own
    (`42 LHK 11 LHK 26,19 %`; not `MREP 2 Tahun 9 0 0`, where `2 Tahun` belongs to the label)."""
    if i == len(tokens) - 1:
        return True
    nxt = tokens[i + 1][0]
    if not _NUM.match(nxt) or _CODE.match(nxt):
        return False
    if tokens[i][0].lower() in _YEAR_WORDS and _YEAR.match(nxt):
        return False  # `Nomor 29 Tahun 2014`: a date, not two cells
    if i + 2 == len(tokens) or "%" in nxt:
        return True  # `11 LHK 26,19%`: the unit of the figure before the last
    unit = tokens[i + 2][0]
    return bool(_is_unit_word(unit) or _UNIT_PAREN.match(unit) or _PCT.match(unit))


def _attaches(tok: str, is_last: bool) -> str | None:
    """The glue with which `tok` joins the figure before it, or None when it is not part of it."""
    if _FRAG.match(tok):
        return ""
    if _PCT.match(tok) or _UNIT_PAREN.match(tok) or (is_last and _is_unit_word(tok)):
        return " "
    return None


@lru_cache(maxsize=16384)
def shape_of(text: str) -> Shape:
    """Split a line into its text prefix and its trailing figure cells (see module docstring).

    A pure function of the text, cached: the extractor asks again for lines it has already shaped.
    """
    if not _HAS_DIGIT.search(text):  # no figure without a digit: the fast path for prose
        prefix = collapse(text)
        return Shape(prefix, (), len(prefix.split()), bool(_WIDE_GAP.search(text.strip())))
    tokens = [(m.group(0), m.start(), m.end()) for m in _TOKEN.finditer(text)]
    cells: list[_Open] = []
    open_cell: _Open | None = None  # the figure the next token may still belong to
    rp: tuple[str, int] | None = None
    prefix_end = 0
    prev_word = ""
    for i, (tok, start, end) in enumerate(tokens):
        if _RP.match(tok) and rp is None:
            rp, open_cell = (tok, start), None
            continue
        if _is_figure_token(tok, prev_word):
            open_cell = _Open(f"{rp[0]} {tok}", rp[1], end) if rp else _Open(tok, start, end)
            cells.append(open_cell)
            rp, prev_word = None, ""
            continue
        glue = _attaches(tok, _ends_cell(tokens, i)) if open_cell is not None and rp is None else None
        if glue is not None and open_cell is not None:
            open_cell.add(tok, end, glue)
            continue
        if _DASH.match(tok) and rp is None:
            cells.append(_Open(tok, start, end))
            open_cell = None
            continue
        cells.clear()  # a word: everything up to here is text
        open_cell, rp = None, None
        prefix_end = end
        prev_word = tok.lower()
    if rp is not None:  # a line ending in `Rp.`: prose running on to the next line
        cells.clear()
        prefix_end = len(text.rstrip())
    figures = tuple(
        Figure(
            tidy_unit(c.text), text[c.start : c.end], "dash" if _DASH.match(c.text) else _kind(c.text), c.start, c.end
        )
        for c in cells
    )
    if not any(f.kind != "dash" for f in figures):
        prefix_end = len(text.rstrip()) if figures else prefix_end
        figures = ()
    prefix = collapse(text[:prefix_end])
    return Shape(prefix, figures, len(prefix.split()), bool(_WIDE_GAP.search(text.strip())))


def reads_as_label(prefix: str) -> bool:
    """Text that can be a table row's label however long: no sentence break or full stop in it, not
    ending in a word that leads a sentence's figure, and no longer than a sasaran and an indikator."""
    if len(prefix) > MAX_ROW_LABEL_CHARS:
        return False
    words = prefix.split()
    if words and words[-1].lower().strip(",") in _SENTENCE_LEAD:
        return False
    return not any(_is_sentence_break(m) for m in _SENTENCE_BREAK.finditer(prefix))


def _is_sentence_break(m: re.Match[str]) -> bool:
    word = m.group(1)
    if word is None:
        return True  # `; `, `: `, a full stop ending the text
    return len(word) > 2 and not word.isupper() and word.lower() not in _ABBREVIATIONS


def is_row_line(shape: Shape) -> bool:
    """A long line that is one table row printed whole (pdftotext without -layout, cells apart by single
    spaces): a label of no sentence, then at least two figure cells (`- - - Rp.126,525,000 …` counts
    its dashes). A sentence's figures follow a word of the sentence (`sebesar`, `dari`) or a full stop."""
    return len(shape.figures) >= 2 and reads_as_label(shape.prefix)


def _carries_unit(fig: Figure) -> bool:
    """`91 (Indeks)`, `100%`, `Rp. 453.966.000`, `42 LHK`: a figure printed with its unit."""
    return fig.kind in ("pct", "amount") or fig.text != fig.text.split(" ")[0] or fig.kind == "dash"


def is_short_row_line(shape: Shape, n_fig: int) -> bool:
    """A long line that is a row of a table naming `n_fig` figure columns though it may hold fewer figures
    (a target-only row `… di Wilayah 91 (Indeks)`, an average `Rata-rata capaian … 86,75%`): each figure
    printed with its unit, or the one figure of a one-column table, under a label of no sentence."""
    if not 0 < len(shape.figures) <= n_fig or not reads_as_label(shape.prefix):
        return False
    if all(_carries_unit(f) for f in shape.figures):
        return True
    # the one figure column of a target table (`1 Optimalnya … di Wilayah 90.8`): a bare figure under a
    # label that opens as a row does (a capital or a row number), not as a sentence running on
    return n_fig == len(shape.figures) == 1 and (shape.prefix[:1].isupper() or shape.prefix[:1].isdigit())


def is_rownum_only(text: str) -> bool:
    """A line holding nothing but a row number (`1`, `2.`)."""
    return bool(_ROWNUM_ONLY.match(text))


@lru_cache(maxsize=16384)
def is_year_line(text: str) -> bool:
    """`2021 2022 2023`, `Tahun 2021 Tahun 2022`: years heading their columns."""
    if "19" not in text and "20" not in text:
        return False  # no year in it
    words = text.split()  # every word a year or a year word (most lines fail at the first), and one a year
    return all(_YEAR.match(w.strip("()")) or w.lower() in _YEAR_WORDS for w in words) and any(
        _YEAR.match(w.strip("()")) for w in words
    )


@lru_cache(maxsize=16384)
def is_colnum_line(text: str) -> bool:
    """`1 2 3 4 5`, `(1) (2) (3) (4)`: the column numbering printed under a header, counting from 1."""
    words = text.split()
    if len(words) < 3 or not all(_COLNUM.match(w) for w in words):
        return False
    numbers = [int(_DIGITS.search(w).group(0)) for w in words if _DIGITS.search(w)]
    gaps = sum(b - a != 1 for a, b in itertools.pairwise(numbers))
    return numbers[:1] == [1] and gaps <= (1 if len(numbers) >= 4 else 0)  # one OCR slip: `(3) {41`


def is_page_number(text: str) -> bool:
    """`- 4 -`, `-4`: a page number left in the text."""
    return bool(_PAGE.match(text))


def is_formula_line(text: str) -> bool:
    """`x 100%`, `3,93 x 100% = 125,56%`: a calculation, not a table row."""
    return bool(_FORMULA.search(text))


def is_dateline(text: str) -> bool:
    """`Surabaya, 3 Januari 2023`: a signature date under a table."""
    return bool(_DATE.search(text))


@lru_cache(maxsize=16384)
def is_year(word: str) -> bool:
    return bool(_YEAR.match(word.strip("()")))


def is_unit_only(text: str) -> bool:
    """`(Indeks)`, `(%)`, `{lndeks )`: the unit of the figure printed just above."""
    words = text.split()
    return bool(words) and all(_PCT.match(w) or _UNIT_PAREN.match(w) for w in words)

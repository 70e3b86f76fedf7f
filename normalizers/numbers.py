"""Indonesian and English number formats → Decimal, with the precision as printed.

`19.695` (Indonesian thousands), `26,19` (Indonesian decimal), `1.234.567,89`,
`8,844,706,000` and `99.83` (English) can all stand in one report. A token whose
separator could be read both ways (`3,912`, `1.500`) is resolved from context — whether
the quantity is counted (a count unit, rupiah, `integer_expected`), the convention the
other cells of its column use, whether it is measured (percent, indeks) — and otherwise
returned flagged `ambiguous` with no value, never silently guessed.

`parse_number` reads one cell; `find_numbers` reads every figure of a sentence of prose.
`decimals` is the precision as printed; a scale word (`Rp 11,1 miliar`, `1,5 M`, `2 juta`)
multiplies the value and shifts the precision with it, so it can be negative (11,1 miliar →
value 11100000000, decimals -8: the figure is good to 10^8).
"""

from __future__ import annotations

import logging
import re as std_re
from collections.abc import Iterable
from dataclasses import dataclass, replace
from decimal import Decimal, InvalidOperation
from functools import lru_cache

import regex as re

from normalizers.placeholders import bracketed_value, is_placeholder
from normalizers.units import (
    COUNT_UNITS,
    MEASURE_UNITS,
    NUMBER,
    canonical_unit,
    leading_scale,
    leading_unit,
    split_unit,
)
from pipeline.model import Flag, Provenance, Quantity

log = logging.getLogger(__name__)

ID = "id"  # '.' thousands, ',' decimal
EN = "en"  # ',' thousands, '.' decimal

NIHIL = re.compile(r"^\s*(?:nihil|nol|tidak ada)\b\s*(?P<rest>.*)$", re.I)
DASHES = re.compile(r"^\s*(?:(?:rp\.?|idr)\s*)?[-–—]+\s*(?:%|,-)?\s*$", re.I)
# a bare numeric token: digits with . and , separators, optional sign
TOKEN = re.compile(r"[-−–]?\d[\d.,]*")

# the two ways a token can be grouped; a thousands group always has exactly three digits
_ID_FORM = re.compile(r"(?:[1-9]\d{0,2}(?:\.\d{3})+|\d+)(?:,\d+)?")
_EN_FORM = re.compile(r"(?:[1-9]\d{0,2}(?:,\d{3})+|\d+)(?:\.\d+)?")

# markup left in cell and prose text by the exports: tags, bold marks, LaTeX escapes
_MARKUP = re.compile(
    r"</?[A-Za-z][^<>]{0,80}>"  # <b>, </p>, <li class=..>
    r"|\*\*|__"  # markdown bold
    r"|\\(?=[%$])"  # LaTeX \% \$
    r"|\{(?=[.,]\})|(?<=\{[.,])\}"  # LaTeX 3{,}91
    r"|\$"  # inline math delimiters
    r"|&nbsp;"
    r"|[\u00a0\u2009\u202f\u2007]"  # no-break and thin spaces
    r"|[−–—]"  # minus and dashes
)
_MARKUP_REPLACEMENT = {"&nbsp;": " ", "\u00a0": " ", "\u2009": " ", "\u202f": " ", "\u2007": " ", "−": "-",
                       "–": "-", "—": "-"}

# a figure in prose: an optional currency before it, never glued to a word or another figure
_PROSE_NUMBER = re.compile(
    r"(?:(?P<cur>(?<![\p{L}\d])(?:Rp|IDR)\.?[ \t]*)|(?<![\p{L}\d.,_\\]))"
    r"(?P<sign>-(?=\d))?"
    r"(?P<num>\d++(?:(?:[.,]|[ \t][.,](?=\d{3}(?!\d)))\d++)*+)"
    r"(?![\p{L}\d])"
)
_MONEY_DASH = re.compile(r"[ \t]*[.,][ \t]*-+")
_ENUMERATOR = re.compile(r"(?:^|\n)[ \t>*#-]*\(?$")
_LABEL_BEFORE = re.compile(
    r"(?:\b(?:tabel|table|gambar|grafik|diagram|lampiran|bab|pasal|ayat|huruf|nomor|nomer|no|hal|halaman|"
    r"kode|pp|uu|permen|perpres|kepmen|sk|nip|telp|telepon|fax|rt|rw|ke)\.?|[#№])[ \t]*(?:\(\s*)?$",
    re.I,
)
_DATE = re.compile(r"\b\d{1,2}[/-]\d{1,2}[/-]\d{2,4}\b")
_SPACES = re.compile(r"\s+")
_SPACE = re.compile(r"\s")
_ACCOUNTING = re.compile(r"((?:rp\.?|idr)\s*)?\(\s*((?:rp\.?|idr)?\s*\d[\d.,\s]*)\)\s*(%?)", re.I)
_LIST_NUMBER = re.compile(r"\d{1,2}")
_LIST_CLOSE = re.compile(r"[.)](?:\s|$)")
_SECTION_NUMBER = re.compile(r"\d{1,2}(?:\.\d{1,2})+")
_SECTION_TITLE = re.compile(r"\.?\s+\p{Lu}")
_YEAR = re.compile(r"(?:19|20)\d{2}")
# a cell that is one ASCII figure and at most a percent sign: no markup, spaces, brackets, scale or unit word
_PLAIN_FIGURE = std_re.compile(r"([0-9]+(?:[.,][0-9]+)*)( ?%)?")
_ANY_DIGIT = re.compile(r"\d")
_NIHIL_WORD = re.compile(r"nihil|nol|tidak\s*ada", re.I)  # anywhere: looser than NIHIL, never misses it


@dataclass(frozen=True)
class Hint:
    """What the context says about a token: the column's convention, the expected unit."""

    convention: str | None = None  # ID | EN | None
    unit: str = ""
    integer_expected: bool = False


@dataclass(frozen=True)
class NumberMatch:
    """One figure found in prose: where it stands, as printed, and what it means.

    `start`/`end` index the original text and cover the currency before and the unit after
    (`raw` is that slice); `token` is the bare figure. `value` is None when the figure is
    ambiguous (`ambiguous` True). `is_year` marks a plain 19xx/20xx integer with no unit.
    """

    start: int
    end: int
    raw: str
    token: str
    value: Decimal | None
    decimals: int
    unit: str = ""
    unit_raw: str = ""
    ambiguous: bool = False
    is_year: bool = False

    @property
    def span(self) -> tuple[int, int]:
        return self.start, self.end

    def to_quantity(self, prov: Provenance | None = None) -> Quantity:
        flags = frozenset({Flag.AMBIGUOUS}) if self.ambiguous else frozenset()
        return Quantity(self.raw, self.value, self.decimals, self.unit, self.unit_raw, flags, prov)


# --------------------------------------------------------------------------- markup


def _clean_map(text: str) -> tuple[str, list[int]]:
    """Text with markup removed and odd spaces/dashes made plain, and for every kept character
    its offset in `text` (one extra entry: the end)."""
    out: list[str] = []
    offsets: list[int] = []
    pos = 0
    for m in _MARKUP.finditer(text):
        out.append(text[pos:m.start()])
        offsets.extend(range(pos, m.start()))
        rep = _MARKUP_REPLACEMENT.get(m.group(0), "")
        out.append(rep)
        offsets.extend([m.start()] * len(rep))
        pos = m.end()
    out.append(text[pos:])
    offsets.extend(range(pos, len(text)))
    offsets.append(len(text))
    return "".join(out), offsets


def _replacement(m: re.Match[str]) -> str:
    return _MARKUP_REPLACEMENT.get(m.group(0), "")


@lru_cache(maxsize=16384)
def strip_markup(text: str) -> str:
    """`'<b>26,19 %</b>'` → `'26,19 %'`; `'**100\\%**'` → `'100%'`; NBSP → space, `−` → `-`.

    The text `_clean_map` gives, without the offsets it maps (no markup match is empty, so a
    substitution keeps the same pieces); most cells hold no markup and come back as they are."""
    if _MARKUP.search(text) is None:
        return text
    return _MARKUP.sub(_replacement, text)


@lru_cache(maxsize=16384)
def _clean(text: str) -> str:
    return _SPACES.sub(" ", strip_markup(text)).strip()


# --------------------------------------------------------------------------- tokens


@lru_cache(maxsize=8192)
def _forms(token: str) -> tuple[bool, bool]:
    t = token.lstrip("-")
    return _ID_FORM.fullmatch(t) is not None, _EN_FORM.fullmatch(t) is not None


def token_convention(token: str) -> str | None:
    """The convention a numeric token proves by itself, or None when it could be either (or neither).

    `1.234.567` → ID, `26,19` → ID, `99.83` → EN, `8,844,706,000` → EN; `1.500`, `3,912`,
    `125` → None.
    """
    t = token.strip().lstrip("-")
    if not t.replace(".", "").replace(",", ""):
        return None
    is_id, is_en = _forms(t)
    if is_id and is_en:
        return None
    if is_id:
        return ID
    if is_en:
        return EN
    return None


def is_ambiguous(token: str) -> bool:
    """True when the token reads as two different numbers: one separator, then exactly three digits."""
    t = token.strip().lstrip("-")
    if (t.count(".") + t.count(",")) != 1:
        return False
    is_id, is_en = _forms(t)
    return is_id and is_en


def is_wellformed(token: str) -> bool:
    """True when the token is a number in at least one of the two conventions."""
    is_id, is_en = _forms(token.strip())
    return is_id or is_en


def column_convention(texts: Iterable[str]) -> str | None:
    """The convention the self-evident numbers among `texts` agree on (strict majority), if any."""
    votes_id = votes_en = 0
    for text in texts:
        n_id, n_en = _convention_votes(text)
        votes_id += n_id
        votes_en += n_en
    if votes_id == votes_en:
        return None
    return ID if votes_id > votes_en else EN


@lru_cache(maxsize=16384)
def _convention_votes(text: str) -> tuple[int, int]:
    """How many self-evident numbers of one text are Indonesian, and how many English."""
    if _ANY_DIGIT.search(text) is None:
        return 0, 0  # a label: no number (cleaning only removes markup, it makes no digit)
    n_id = n_en = 0
    for tok in NUMBER.findall(_clean(text)):
        conv = token_convention(_SPACE.sub("", tok))
        if conv == ID:
            n_id += 1
        elif conv == EN:
            n_en += 1
    return n_id, n_en


def column_hint(texts: Iterable[str], unit: str = "", integer_expected: bool = False) -> Hint:
    """A `Hint` for the cells of one column: its convention, and its unit when most cells print one."""
    texts = list(texts)
    units = [split_unit(_clean(t))[1] for t in texts if t.strip()]
    counted = {u: units.count(u) for u in set(units) if u}
    if not unit and counted:
        best = max(sorted(counted), key=counted.__getitem__)
        if counted[best] * 2 > len(units):
            unit = best
    return Hint(column_convention(texts), unit, integer_expected)


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


def _counted(unit: str, integer_expected: bool) -> bool:
    return integer_expected or unit in COUNT_UNITS or unit == "rupiah"


def _thousands_reading(token: str) -> str:
    return ID if "." in token else EN


def _decimal_reading(token: str) -> str:
    return ID if "," in token else EN


def _resolve(token: str, hint: Hint, unit: str) -> str | None:
    """The convention to read `token` in, or None when it stays ambiguous."""
    conv = token_convention(token)
    if conv:
        return conv
    if not is_ambiguous(token):
        return ID if is_wellformed(token) else None  # plain digits: both readings agree
    if _counted(unit, hint.integer_expected):
        return _thousands_reading(token)  # a count or an amount: the separator groups thousands
    if hint.convention:
        return hint.convention
    if unit in MEASURE_UNITS:
        return _decimal_reading(token)  # a percentage or index: the separator is a decimal point
    return None


def parse_token(token: str, convention: str | None = None) -> tuple[Decimal, int] | None:
    """A bare numeric token → (value, decimals), or None when ambiguous without a convention or malformed."""
    token = _SPACE.sub("", _clean(token)).rstrip(".,")
    conv = token_convention(token)
    if conv is None:
        if not is_wellformed(token):
            return None
        if is_ambiguous(token):
            if convention is None:
                return None
            conv = convention
        else:
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


# --------------------------------------------------------------------------- cells


def _quantity(raw: str, value: Decimal | None, decimals: int = 0, unit: str = "", unit_raw: str = "",
              flags: Iterable[Flag] = (), prov: Provenance | None = None) -> Quantity:
    return Quantity(raw, value, decimals, unit, unit_raw, frozenset(flags), prov)


def _accounting(clean: str) -> str | None:
    """`(1.234)` or `Rp (1.234)`: the figure inside the parentheses, which is negative; else None."""
    m = _ACCOUNTING.fullmatch(clean)
    if not m or m.group(2).strip().startswith("-"):
        return None
    return f"{m.group(1) or ''}-{m.group(2).strip()}{m.group(3)}".replace("-Rp", "Rp-").replace("-rp", "rp-")


def parse_number(text: str, hint: Hint | None = None, prov: Provenance | None = None) -> Quantity:
    """Parse one cell or phrase holding at most one figure and its unit.

    Empty and `-` → EMPTY; `Nihil` → 0 with NIHIL; an unfilled slot (`[Rp]`) → PLACEHOLDER;
    a figure left in its brackets (`[87,91%]`) → its value, flagged PLACEHOLDER; words or
    several figures → TEXT; a token that reads two ways with no deciding context → AMBIGUOUS.
    """
    q = _parse_number(text, hint or Hint())
    if prov is None:
        return q
    return Quantity(q.raw, q.value, q.decimals, q.unit, q.unit_raw, q.flags, prov)  # faster than replace()


@lru_cache(maxsize=16384)
def may_hold_value(text: str) -> bool:
    """False only when `parse_number(text, hint).value` is None whatever the hint: no digit anywhere
    and no word `NIHIL` could read as zero (`Jumlah Layanan`, `[Rp]`, `-`). A cheap test that lets a
    reader skip parsing label cells; True says nothing (the cell may still hold no figure)."""
    return _ANY_DIGIT.search(text) is not None or _NIHIL_WORD.search(_clean(text)) is not None


@lru_cache(maxsize=16384)
def _parse_number(text: str, hint: Hint) -> Quantity:
    """`parse_number` without provenance (the same cell text recurs across tables and checks)."""
    plain = _plain_figure(text, hint)
    if plain is not None:
        return plain
    raw = text
    clean = _clean(text).rstrip(":;").strip()
    if clean.endswith(".") and not clean.endswith(".."):
        clean = clean[:-1].rstrip()
    if not clean:
        return _quantity(raw, None, unit=hint.unit, flags={Flag.EMPTY})
    inner = bracketed_value(clean)
    if inner is not None:
        q = _parse_number(inner, hint)
        return replace(q, raw=raw, flags=q.flags | {Flag.PLACEHOLDER})
    if is_placeholder(clean):
        return _quantity(raw, None, unit=canonical_unit(clean.strip("[]. …")) or hint.unit,
                         flags={Flag.PLACEHOLDER})
    if DASHES.match(clean):
        unit = "rupiah" if clean[:1] in "RrIi" else "percent" if "%" in clean else hint.unit
        return _quantity(raw, None, unit=unit, flags={Flag.EMPTY})
    nihil = NIHIL.match(clean)
    if nihil:
        rest = nihil.group("rest").strip()
        unit = canonical_unit(rest) or hint.unit
        return _quantity(raw, Decimal(0), 0, unit, rest, {Flag.NIHIL})
    clean = _accounting(clean) or clean
    clean, scale, scale_raw = _take_scale(clean)
    number, unit, unit_raw = split_unit(clean)
    if scale:
        unit_raw = f"{scale_raw} {unit_raw}".strip() if unit_raw and unit != "rupiah" else \
            f"{unit_raw} {scale_raw}".strip()
    if number is None:
        return _quantity(raw, None, unit=unit, unit_raw=unit_raw, flags={Flag.TEXT})
    return _figure(raw, number, unit or hint.unit, unit_raw, hint, scale)


def _plain_figure(text: str, hint: Hint) -> Quantity | None:
    """A cell that is only a figure (`1.234`, `96,35`, `96,35 %`): what the full reading gives, without
    the cleaning, bracket, placeholder, scale and unit passes none of which can apply to it."""
    m = _PLAIN_FIGURE.fullmatch(text)
    if m is None:
        return None
    unit, unit_raw = ("percent", "%") if m.group(2) else (hint.unit, "")
    return _figure(text, m.group(1), unit, unit_raw, hint, 0)


def _figure(raw: str, number: str, unit: str, unit_raw: str, hint: Hint, scale: int) -> Quantity:
    """The Quantity of one figure token with its unit, read in the convention its context decides."""
    # a scaled figure (`1,500 miliar`) is no whole count: only the column's convention decides it
    conv = _resolve(number, Hint(hint.convention), "") if scale else _resolve(number, hint, unit)
    if conv is None:
        flag = Flag.AMBIGUOUS if is_ambiguous(number) else Flag.TEXT
        return _quantity(raw, None, unit=unit, unit_raw=unit_raw, flags={flag})
    try:
        value, decimals = _to_decimal(number, conv)
    except (InvalidOperation, ValueError):
        log.debug("unreadable figure %r in %r", number, raw)
        return _quantity(raw, None, unit=unit, unit_raw=unit_raw, flags={Flag.TEXT})
    value, decimals = _scaled(value, decimals, scale)
    return _quantity(raw, value, decimals, unit, unit_raw, ())


def _take_scale(clean: str) -> tuple[str, int, str]:
    """Cut a scale word that follows the figure out of a cell: (rest, power of ten, scale as printed)."""
    m = NUMBER.search(clean)
    if not m:
        return clean, 0, ""
    power, raw = leading_scale(clean[m.end():])
    if not power:
        return clean, 0, ""
    at = clean.index(raw, m.end())
    return (clean[:at] + clean[at + len(raw):]).strip(), power, raw


def _scaled(value: Decimal, decimals: int, power: int) -> tuple[Decimal, int]:
    """`11,1 miliar` → (11100000000, -8): the value in units, the precision shifted with it
    (a negative `decimals` counts the rounded-away whole digits)."""
    if not power:
        return value, decimals
    scaled = value.scaleb(power)
    if scaled == scaled.to_integral_value():
        scaled = scaled.quantize(Decimal(1))
    return scaled, decimals - power


# --------------------------------------------------------------------------- prose


def _is_enumerator(clean: str, start: int, end: int, token: str) -> bool:
    """`1.` / `2)` / `1.1 Judul` opening a line: a list or section number, not a figure."""
    if not _ENUMERATOR.search(clean[:start]):
        return False
    after = clean[end:end + 2]
    if _LIST_NUMBER.fullmatch(token) and _LIST_CLOSE.match(after + " "):
        return True
    return bool(_SECTION_NUMBER.fullmatch(token) and _SECTION_TITLE.match(clean[end:end + 3]))


def _is_label(clean: str, start: int) -> bool:
    """`Tabel 1.3`, `Pasal 71`, `No. 6`: a reference number, not a figure."""
    return bool(_LABEL_BEFORE.search(clean[max(0, start - 12):start]))


def _sentence_convention(tokens: Iterable[str]) -> str | None:
    """The convention every self-evident figure of the sentence (its `tokens`) shares, or None."""
    convs = {token_convention(token) for token in tokens}
    convs.discard(None)
    return convs.pop() if len(convs) == 1 else None


def _prose_convention(token: str, unit: str, convention: str | None, sentence: str | None) -> str | None:
    conv = token_convention(token)
    if conv:
        return conv
    if not is_ambiguous(token):
        return ID if is_wellformed(token) else None
    if _counted(unit, False):
        return _thousands_reading(token)
    if convention or sentence:
        return convention or sentence
    if unit in MEASURE_UNITS:
        return _decimal_reading(token)
    return None


def find_numbers(text: str, convention: str | None = None) -> list[NumberMatch]:
    """Every figure in a sentence of prose, with its span in `text`, unit, value and precision.

    `Rp 11.006.325.346 atau 99,18 % dari total anggaran Rp 11.097.189.000` gives three
    figures (rupiah, percent, rupiah). List numbers opening a line (`1.`), reference numbers
    (`Tabel 1.3`, `Pasal 71`), dates and sentence-final periods are not figures. An ambiguous
    token is read from its unit, then `convention`, then the convention the sentence's other
    figures prove; failing all three it comes back with `value` None and `ambiguous` True.
    """
    return list(_find_numbers(text, convention))


@lru_cache(maxsize=8192)
def _find_numbers(text: str, convention: str | None) -> tuple[NumberMatch, ...]:
    """`find_numbers`, memoised: a sentence is read by the interpreter and again by several checks."""
    clean, offsets = _clean_map(text)
    dates = [m.span() for m in _DATE.finditer(clean)]
    found = list(_PROSE_NUMBER.finditer(clean))  # one scan: the sentence's convention and its figures
    tokens = [_SPACE.sub("", m.group("num")) for m in found]
    sentence = _sentence_convention(tokens)
    out: list[NumberMatch] = []
    for m, token in zip(found, tokens, strict=True):
        start, end = m.start(), m.end()
        if any(a <= m.start("num") < b for a, b in dates):
            continue
        bare = not m.group("cur") and not m.group("sign")
        if bare and (_is_enumerator(clean, start, end, token) or _is_label(clean, start)):
            continue
        if not is_wellformed(token):
            log.debug("skipping malformed figure %r", token)
            continue
        unit, unit_raw = "", ""
        if m.group("cur"):
            unit, unit_raw = "rupiah", m.group("cur").strip()
            dash = _MONEY_DASH.match(clean, end)
            if dash:
                end = dash.end()
        power, scale_raw = leading_scale(clean[end:])
        if power:
            end += clean[end:].index(scale_raw) + len(scale_raw)
            unit_raw = f"{unit_raw} {scale_raw}".strip()
        if not m.group("cur"):
            unit, more = leading_unit(clean[end:])
            if unit:
                end += clean[end:].index(more) + len(more)
                unit_raw = f"{unit_raw} {more}".strip()
        signed = ("-" if m.group("sign") else "") + token
        conv = _prose_convention(token, "" if power else unit, convention, sentence)
        value: Decimal | None = None
        decimals = 0
        if conv is not None:
            value, decimals = _scaled(*_to_decimal(signed, conv), power)
        is_year = (not unit and not m.group("sign") and _YEAR.fullmatch(token) is not None)
        o_start, o_end = offsets[start], offsets[end - 1] + 1
        out.append(NumberMatch(o_start, o_end, text[o_start:o_end], signed, value, decimals, unit, unit_raw,
                               conv is None, is_year))
    return tuple(out)

"""Fractions printed over several lines (pdftotext plain layout, PDF page text).

A fraction set in display style loses its shape in a text export: numerator, fraction bar and
denominator become separate short lines, with the `=` and the `x 100% = 120 %` of the chain on
lines of their own, interleaved in whatever order the page's text runs took:

    Capaian IKM:                          3,93 x 100%= 125,16%        = 3,36 + 4,00]
    Realisasi nilai ...                   3,14                        9
    Target nilai ...                                                  = 3,93
    x 100%
    3,91
    =
    3,25
    x 100% = 120 %

A *zone* is a run of such lines (blank lines between them allowed): lone values, `=`, arithmetic
without words, `x 100%` factors (possibly with the numerator before and the result after), a
`label:` line and, before a bare `x 100%`, the two word lines of a symbolic definition. A zone
whose figures are exactly a numerator and a denominator followed by a result gives one Formula
`numerator / denominator [x 100%]` with that stated result (the symbolic definition, when
printed, a Formula of its own). `prov.line` is the numerator's line. Zones of any other shape
(a sum of fractions, a lone value) are left to the other finders.

A weighted mean written out as a fraction of two expressions, then the fraction of their values,
then the result (`Σ(Xi*Yi) / ΣYi`), comes out block by block: the numerator's term list (a long
line of its own), the denominator's, then the value fraction in any of the orders above:

    ( (97 * 30) + (98 * 10))                 <- numerator expression
    30 + 10                                  <- denominator expression
     = 3890                                  <- its value (the `=` may stand on a line of its own)
    40                                       <- the denominator's value
     = 97,25                                 <- the result

Besides `3890 / 40 = 97,25`, each expression is then a Formula with its printed value as the
stated result (`(97 * 30) + (98 * 10) = 3890`, `30 + 10 = 40`), on the line of that value.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

import regex as re

from extractors.base import Line
from extractors.markup import strip_markup
from pipeline.model import Formula, Provenance

log = logging.getLogger(__name__)

MAX_GAP = 6  # lines (blank ones) allowed between two lines of one zone
MAX_SPAN = 15  # lines from a numerator to the result that closes its fraction
SYMBOL_LINE_MAX = 90
SUM_LINE_MAX = 600  # a term list (`(a * b) + (c * d) + …`) may run far longer than other lines
LABEL_MAX = 80

_VALUE = r"\[?\(?\d[\d.,]*\s*%?\)?\]?"
_OPERAND = re.compile(rf"^(?P<eq>=)?\s*(?P<v>{_VALUE})$")
_FACTOR = re.compile(rf"^(?P<num>{_VALUE})?\s*[xX×*∗]\s*100\s*%\s*(?:=\s*(?P<res>\d[\d.,]*\s*%))?$")
_ARITH = re.compile(r"^(?P<eq>=)?\s*(?P<v>[\d\s.,()\[\]+\-−*/∗×:]+)$")
_ARITH_OPERATOR = re.compile(r"(?<=[\d)\]]\s*)[+\-−*/∗×:](?=\s*[\d(\[])")
_SUM = re.compile(r"^(?P<eq>=)?\s*(?P<v>[\d\s.,()\[\]+*∗×]+)$")
_PLUS = re.compile(r"(?<=[\d)\]]\s*)\+(?=\s*[\d(\[])")
_NUMBER = re.compile(r"\d[\d.,]*")
_LETTERS = re.compile(r"\p{L}{2,}")
_DIGIT = re.compile(r"\d")
_LABEL = re.compile(r"^(?P<label>[^\d=]{2,}?)\s*[:=]$")
_UNMATCHED = re.compile(r"[\[\]]")
_FIGURE_KINDS = frozenset({"value", "arith", "factor", "eq"})


@dataclass(frozen=True)
class _Item:
    kind: str  # value | eq | factor | arith | symbol | label
    index: int  # position in `lines`
    line: int
    value: str = ""  # the operand (value, arith, factor's numerator)
    result: str = ""  # a factor's stated result
    eq: bool = False  # `= value`: the value follows an equals sign


def classify(text: str, index: int, line: int) -> _Item | None:
    """What one line is in a stacked formula, or None when it is none of those."""
    if len(text) > SUM_LINE_MAX:
        return None
    shape = _shape(text)
    if shape is None:
        return None
    kind, value, result, eq = shape
    return _Item(kind, index, line, value, result, eq)


@lru_cache(maxsize=16384)
def _shape(text: str) -> tuple[str, str, str, bool] | None:
    """(kind, value, result, eq) of a line's text; pure, so memoised (page furniture repeats)."""
    t = strip_markup(text)
    if len(t) > SYMBOL_LINE_MAX:
        return _long_sum(t)
    if not t:
        return None
    if t == "=":
        return "eq", "", "", False
    if _DIGIT.search(t):
        m = _FACTOR.match(t)
        if m:
            return "factor", (m.group("num") or "").strip(), (m.group("res") or "").strip(), False
        m = _OPERAND.match(t)
        if m:
            return "value", m.group("v").strip(), "", bool(m.group("eq"))
        m = _ARITH.match(t)
        if m and len(_NUMBER.findall(m.group("v"))) >= 2 and _ARITH_OPERATOR.search(m.group("v")):
            return "arith", m.group("v").strip(), "", bool(m.group("eq"))
    m = _LABEL.match(t)
    if m and len(t) <= LABEL_MAX and _LETTERS.search(t):
        return "label", m.group("label").strip(), "", False
    if _LETTERS.search(t) and not t.endswith((".", ",", ";")) and "=" not in t:
        return "symbol", t, "", False
    return None


def _long_sum(text: str) -> tuple[str, str, str, bool] | None:
    """A line too long for the other shapes that is nothing but a sum of terms (products allowed,
    no other operator): the written-out numerator or denominator of a weighted mean."""
    m = _SUM.match(text)
    if m is None or len(text) > SUM_LINE_MAX or not _PLUS.search(m.group("v")):
        return None
    return "arith", m.group("v").strip(), "", bool(m.group("eq"))


ANCHOR_REACH = (MAX_SPAN + 2 * MAX_GAP, 3)  # lines before / after a possible result worth classifying


def _near_anchors(lines: Sequence[Line]) -> set[int]:
    """Positions near a short line that could close a fraction (`= …`, `… 100 % …`): the only
    places a stacked formula can be, so the only lines worth classifying."""
    before, after = ANCHOR_REACH
    out: set[int] = set()
    for k, ln in enumerate(lines):
        text = ln.text
        if len(text) <= SYMBOL_LINE_MAX and ("=" in text or ("100" in text and "%" in text)):
            out.update(range(max(0, k - before), min(len(lines), k + after + 1)))
    return out


def zones(lines: Sequence[Line]) -> list[list[_Item]]:
    """Runs of classified lines, at most MAX_GAP lines apart, holding at least one figure item."""
    out: list[list[_Item]] = []
    current: list[_Item] = []
    window = _near_anchors(lines)
    for k, ln in enumerate(lines):
        if not ln.text.strip():
            continue
        item = classify(ln.text, k, ln.number) if k in window else None
        near = bool(current) and ln.number - current[-1].line <= MAX_GAP and ln.page == lines[current[-1].index].page
        if item is None or not near:
            if current:
                out.append(current)
            current = [item] if item is not None else []
            continue
        current.append(item)
    if current:
        out.append(current)
    return [z for z in out if any(i.kind in ("value", "arith", "factor") for i in z)]


def _operand(text: str) -> str:
    """A printed operand as the validators' parser reads it: stray template brackets removed,
    arithmetic parenthesised."""
    t = _UNMATCHED.sub("", text).strip()
    return f"({t})" if _ARITH_OPERATOR.search(t) else t


@dataclass(frozen=True)
class Stacked:
    """One reassembled formula: numerator / denominator (x 100%) = result."""

    label: str
    numerator: _Item
    denominator: _Item
    percent: bool
    result: str
    symbolic: tuple[_Item, _Item] | None
    figures: tuple[_Item, ...] = ()  # the value, `=` and factor lines it was read from
    written: tuple[_Item, _Item] | None = None  # the expressions whose values numerator and denominator are

    @property
    def expression(self) -> str:
        expr = f"{_operand(self.numerator.value)} / {_operand(self.denominator.value)}"
        return f"{expr} x 100%" if self.percent else expr

    @property
    def items(self) -> list[_Item]:
        return [self.numerator, self.denominator, *self.figures, *(self.symbolic or ()), *(self.written or ())]


_OPERAND_KINDS = frozenset({"value", "arith"})


def _is_result(zone: Sequence[_Item], k: int) -> bool:
    """A factor with its result, or `= value` that no further figure follows (a value followed by
    more figures is the numerator of the chain's next fraction: `= 30334,35` over `310`)."""
    item = zone[k]
    if item.kind == "factor":
        return bool(item.result)
    if item.kind not in _OPERAND_KINDS or not item.eq:
        return False
    nxt = next((i for i in zone[k + 1 :] if i.kind != "symbol"), None)
    return nxt is None or nxt.kind not in _OPERAND_KINDS or nxt.line - item.line > MAX_GAP


def _operands_before(zone: Sequence[_Item], k: int, floor: int) -> list[_Item] | None:
    """The numerator and denominator before result `k` (eq, factor and word lines passed over)."""
    found: list[_Item] = []
    for j in range(k - 1, floor - 1, -1):
        item = zone[j]
        if zone[k].line - item.line > MAX_SPAN or item.kind == "label":
            break
        if item.kind in _OPERAND_KINDS:
            found.insert(0, item)
            if len(found) == 2:
                return found
    return None


def _written_before(zone: Sequence[_Item], operands: Sequence[_Item], floor: int, k: int) -> tuple[_Item, _Item] | None:
    """The numerator's and the denominator's written expressions straight before a fraction of two
    printed values (only `=` lines between them and the values, and some `=` before the denominator):
    `Σ(Xi*Yi) / ΣYi` printed as its term lists, then `= n` over `d`."""
    numerator, denominator = operands
    if numerator.kind != "value" or denominator.kind != "value":
        return None
    at = zone.index(numerator)
    j = at - 1
    while j >= floor and zone[j].kind == "eq":
        j -= 1
    if j - 1 < floor:
        return None
    first, second = zone[j - 1], zone[j]
    if first.kind != "arith" or second.kind != "arith" or zone[k].line - first.line > MAX_SPAN:
        return None
    between = zone[j + 1 : zone.index(denominator) + 1]
    return (first, second) if any(i.kind == "eq" or i.eq for i in between) else None


def _operands_inline(zone: Sequence[_Item], k: int) -> list[_Item] | None:
    """`3,93 x 100%= 125,16%` with the denominator on the next line."""
    item = zone[k]
    nxt = zone[k + 1] if k + 1 < len(zone) else None
    if nxt is None or nxt.kind != "value" or nxt.eq or nxt.line - item.line > 2:
        return None
    return [_Item("value", item.index, item.line, item.value), nxt]


def _label_for(zone: Sequence[_Item], first: int, floor: int, definition: tuple[_Item, _Item] | None) -> str:
    """The `label:` line straight before the formula (only its definition, `=` and `x 100%` between)."""
    for j in range(first - 1, floor - 1, -1):
        item = zone[j]
        if item.kind == "label":
            return item.value
        if not (item.kind in ("eq", "factor") or (definition is not None and item in definition)):
            return ""
    return ""


def _definition(zone: Sequence[_Item], lo: int, hi: int) -> tuple[_Item, _Item] | None:
    """Two word lines straight before a bare `x 100%`: a definition's numerator and denominator."""
    for k in range(max(lo + 2, 2), hi + 1):
        item = zone[k]
        if item.kind == "factor" and not item.value and not item.result:
            a, b = zone[k - 2], zone[k - 1]
            if a.kind == b.kind == "symbol" and k - 2 >= lo:
                return a, b
    return None


def assemble(zone: Sequence[_Item]) -> list[Stacked]:
    """Every `[label:] [definition] numerator / denominator [x 100%] = result` of a zone."""
    out: list[Stacked] = []
    floor = 0  # items before it belong to an earlier formula
    k = 0
    while k < len(zone):
        if not _is_result(zone, k):
            k += 1
            continue
        item = zone[k]
        inline = item.kind == "factor" and bool(item.value)
        operands = _operands_inline(zone, k) if inline else _operands_before(zone, k, floor)
        if operands is None:
            floor = k + 1
            k += 1
            continue
        numerator, denominator = operands
        result = item.result if item.kind == "factor" else _UNMATCHED.sub("", item.value).strip()
        last = k + 1 if inline else k
        percent = any(i.kind == "factor" for i in zone[floor : last + 1])
        first = k if inline else zone.index(numerator)
        definition = _definition(zone, floor, k)
        start = min(first, zone.index(definition[0])) if definition else first
        label = _label_for(zone, start, floor, definition)
        used = [i for i in zone[start : last + 1] if i.kind in _FIGURE_KINDS]
        written = None if inline else _written_before(zone, operands, floor, k)
        out.append(Stacked(label, numerator, denominator, percent, result, definition, tuple(used), written))
        floor = last + 1
        k = last + 1
    return out


def find_stacked(
    lines: Sequence[Line], source_file: str, contexts: Sequence[str] = ()
) -> tuple[list[Formula], set[int]]:
    """Stacked fractions among `lines`: their Formulas and the line numbers of their zones."""
    formulas: list[Formula] = []
    claimed: set[int] = set()
    for zone in zones(lines):
        for found in assemble(zone):
            formulas.extend(_formulas(found, lines, source_file, contexts))
            claimed.update(i.line for i in found.items)
            labels = [i.line for i in zone if i.kind == "label" and i.value == found.label]
            claimed.update(labels[-1:])
            log.debug(
                "%s: stacked fraction at line %d: %s = %s",
                source_file,
                found.numerator.line,
                found.expression,
                found.result,
            )
    return formulas, claimed


def _formulas(found: Stacked, lines: Sequence[Line], source_file: str, contexts: Sequence[str]) -> list[Formula]:
    """The definition (when printed) and the figures of one stacked fraction."""
    num = found.numerator
    ctx = contexts[num.index] if num.index < len(contexts) else ""
    page = lines[num.index].page
    out: list[Formula] = []
    if found.symbolic is not None:
        a, b = found.symbolic
        raw = lines[a.index].text.strip()
        out.append(
            Formula(found.label, f"{a.value} / {b.value} x 100%", "", Provenance(source_file, a.line, page, raw), ctx)
        )
    if found.written is not None:
        for expression, value in zip(found.written, (num, found.denominator), strict=True):
            out.append(_written_formula(found.label, expression, value, lines, source_file, ctx))
    raw = lines[num.index].text.strip()
    out.append(Formula(found.label, found.expression, found.result, Provenance(source_file, num.line, page, raw), ctx))
    return out


def _written_formula(
    label: str, expression: _Item, value: _Item, lines: Sequence[Line], source_file: str, ctx: str
) -> Formula:
    """A written expression (a term list) with the value the fraction beside it prints for it, placed on
    that value's line: the printed total is the figure it checks."""
    raw = lines[value.index].text.strip()
    stated = _UNMATCHED.sub("", value.value).strip()
    prov = Provenance(source_file, value.line, lines[value.index].page, raw)
    return Formula(label, _UNMATCHED.sub("", expression.value).strip(), stated, prov, ctx)

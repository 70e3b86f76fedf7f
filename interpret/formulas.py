"""Formulas that state an indicator's target, realisasi or capaian → narrative IndicatorRecord.

Three shapes are read, none tied to a report:

- a ratio whose symbolic definition (the same label, earlier) names realisasi over target
  (`Capaian = \\frac{Realisasi}{Target} × 100%`, `y = Realisasi / Target`,
  `z = Capaian / Rata-rata capaian`), then the figures
  (`\\frac{96,35}{91,00} × 100% = 105,88%`): realisasi = numerator, target = denominator,
  capaian = the stated result; a `Rata-rata`/`standar` denominator makes it a comparison;
- a run of terms `Target … = 42 LHK`, `Realisasi … = 11 LHK`, `Hasil Capaian = 11/42×100% = 26,19%`;
- a lone `<indicator name> = 26,19 %` (a long label with a percentage): the indicator's capaian;
- the capaian of a lower-is-better indicator, `(T - (R - T)) / T × 100%` or
  `\\frac{T - (R - T)}{T}` with figures: target T, realisasi R, polarity lower.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass, replace

import regex as re

from interpret.context import polarity
from normalizers.numbers import Hint, column_convention, parse_number
from pipeline.model import Document, Formula, IndicatorRecord, Quantity

log = logging.getLogger(__name__)
_SPACES = re.compile(r"\s+")

TERM_WINDOW = 8  # lines within which `Target = …` and `Realisasi = …` belong to the next capaian
_FRAC = re.compile(r"\\[dt]?frac\s*\{((?:[^{}]|\{[^{}]*\})*)\}\s*\{((?:[^{}]|\{[^{}]*\})*)\}")
_SLASH = re.compile(r"(\(?[-−]?\d[\d.,]*\s*(?:\\?%)?\)?)\s*(?:/|:|÷|\\div)\s*(\(?\d[\d.,]*\s*(?:\\?%)?\)?)")
_NUMBER = re.compile(r"\d")
_WORD = re.compile(r"[^\W\d_]{3,}")
_TARGET = re.compile(r"\b(?:target|rencana|sasaran)\b", re.I)
_REALISASI = re.compile(r"\b(?:realisasi|capaian|hasil)\b", re.I)
_BENCH = re.compile(r"\brata\s*[-–]?\s*rata\b|\bstandar\b|\bnasional\b|\brpjmn\b", re.I)
_CAPAIAN_LABEL = re.compile(r"\b(?:capaian|pencapaian|persentase\s+pencapaian)\b", re.I)
_TARGET_LABEL = re.compile(r"^\W*(?:target|rencana)\b", re.I)
_REAL_LABEL = re.compile(r"^\W*realisasi\b", re.I)
_INDIKATOR_PREFIX = re.compile(r"^\W*(?:\d+\.\s*)?indikator\s*\d*\s*:?\s*", re.I)
_LATEX = re.compile(r"\\(?:text|mathrm|textbf|mbox)\s*\{([^{}]*)\}")
_COMMANDS = re.compile(r"\\(?:times|cdot|left|right|,|;|!|quad)|[{}$]")
_FIGURE = r"\d[\d.,]*"
# `(T - (R - T)) / T`, as printed or from `\frac{T - (R - T)}{T}`: the three T the same figure
_LOWER_FORM = re.compile(
    rf"(?<![\d.,])\(?\s*(?P<t1>{_FIGURE})\s*[-−–]\s*\(\s*(?P<r>{_FIGURE})\s*[-−–]\s*(?P<t2>{_FIGURE})\s*\)\s*\)?"
    rf"\s*(?:/|:|÷|\\div)\s*\(?\s*(?P<t3>{_FIGURE})(?![\d.,]*\d)")


@dataclass
class _Terms:
    target: Quantity | None = None
    target_line: int = 0
    realisasi: Quantity | None = None
    realisasi_line: int = 0


def plain(text: str) -> str:
    """LaTeX to readable text: `\\text{Realisasi}` → Realisasi, `\\%` → %, commands dropped."""
    t = _LATEX.sub(r"\1", text)
    t = t.replace("\\%", "%")
    t = _COMMANDS.sub(" ", t)
    return _SPACES.sub(" ", t).strip()


def ratio_parts(expression: str) -> tuple[str, str] | None:
    """(numerator, denominator) as printed, from `\\frac{a}{b}` or `a/b`; None when neither."""
    m = _FRAC.search(expression)
    if m:
        return m.group(1).strip(), m.group(2).strip()
    m = _SLASH.search(plain(expression))
    if m:
        return m.group(1).strip(), m.group(2).strip()
    return None


def lower_better_parts(expression: str) -> tuple[str, str] | None:
    """(target, realisasi) as printed of the lower-is-better capaian `(T - (R - T)) / T`, plain or as
    `\\frac{T - (R - T)}{T}`; None for any other expression (or when the three T differ)."""
    text = plain(_FRAC.sub(lambda m: f"({m.group(1)}) / ({m.group(2)})", expression))
    m = _LOWER_FORM.search(text)
    if m is None or len({m.group("t1"), m.group("t2"), m.group("t3")}) != 1:
        return None
    return m.group("t1"), m.group("r")


def _quantity(text: str, convention: str | None, formula: Formula) -> Quantity:
    t = plain(text).strip("() ")
    return parse_number(t, Hint(convention), formula.prov)


def _convention(formula: Formula) -> str | None:
    return column_convention([plain(formula.expression), plain(formula.stated)])


def _is_symbolic(expression: str) -> bool:
    """A definition in words (`Realisasi / Target × 100%`), not figures (`100% / 90% × 100%`)."""
    parts = ratio_parts(expression)
    if parts is not None:
        return not _NUMBER.search(plain(parts[0])) and bool(_WORD.search(plain(parts[0])))
    return bool(_WORD.search(plain(expression))) and not _NUMBER.search(plain(expression).replace("100", ""))


def _definition_kind(definition: str) -> str | None:
    """'measure' when the definition divides a realisasi by a target, 'compare' against an average."""
    parts = ratio_parts(definition)
    if parts is None:
        return None
    num, den = plain(parts[0]), plain(parts[1])
    if _BENCH.search(den):
        return "compare"
    if _REALISASI.search(num) and _TARGET.search(den):
        return "measure"
    return None


def _record(document: Document, formula: Formula, kind: str, indikator: str, target: Quantity | None,
            realisasi: Quantity | None, capaian: Quantity | None, line: int | None) -> IndicatorRecord:
    return IndicatorRecord(
        report_id=document.report_id, source_file=document.source_file, line=line, page=formula.prov.page,
        table_id="", kind=kind, year=document.year, sasaran="", indikator=indikator, target=target,
        realisasi=realisasi, capaian=capaian, raw=f"{formula.label} = {formula.expression} = {formula.stated}".strip(),
        polarity=polarity(indikator),
    )


def _indikator(formula: Formula) -> str:
    return _INDIKATOR_PREFIX.sub("", formula.context.split(" › ")[0]).strip()


def _ratio_record(document: Document, formula: Formula, kind: str, terms: _Terms) -> IndicatorRecord | None:
    parts = ratio_parts(formula.expression)
    conv = _convention(formula)
    line = formula.prov.line or 0
    target = terms.target if terms.target and line - terms.target_line <= TERM_WINDOW else None
    realisasi = terms.realisasi if terms.realisasi and line - terms.realisasi_line <= TERM_WINDOW else None
    if parts is not None:
        realisasi = realisasi or _quantity(parts[0], conv, formula)
        target = target or _quantity(parts[1], conv, formula)
    capaian = _quantity(formula.stated, conv, formula) if formula.stated else None
    if not any(q is not None and q.value is not None for q in (target, realisasi, capaian)):
        return None
    return _record(document, formula, kind, _indikator(formula), target, realisasi, capaian, line)


def _lower_record(document: Document, formula: Formula, parts: tuple[str, str]) -> IndicatorRecord:
    """The record of a lower-is-better capaian formula: its target, realisasi and stated capaian."""
    conv = _convention(formula)
    target, realisasi = (_quantity(p, conv, formula) for p in parts)
    capaian = _quantity(formula.stated, conv, formula) if formula.stated else None
    rec = _record(document, formula, "narrative", _indikator(formula), target, realisasi, capaian, formula.prov.line)
    return replace(rec, polarity="lower")


def formula_records(document: Document, known: Sequence[IndicatorRecord] = ()) -> list[IndicatorRecord]:
    """Records of the document's formulas; one whose target and realisasi are a table row's is named after it."""
    return [named_after_row(r, known) for r in records_from_formulas(document, document.formulas)]


def _figures(rec: IndicatorRecord) -> tuple[object, object] | None:
    if rec.target is None or rec.realisasi is None or rec.target.value is None or rec.realisasi.value is None:
        return None
    return rec.target.value, rec.realisasi.value


def named_after_row(rec: IndicatorRecord, rows: Sequence[IndicatorRecord]) -> IndicatorRecord:
    """`Capaian = (76 / 80) x 100%` under a section heading is about the one indicator whose table row
    reads target 80, realisasi 76: it takes that row's indicator and sasaran (the heading names none)."""
    key = _figures(rec)
    if key is None:
        return rec
    same = [r for r in rows if r.table_id and _figures(r) == key]
    names = {(r.indikator, r.sasaran) for r in same}
    if len(names) > 1:  # a trend table repeating the year's figures: the year's own measurement decides
        names = {(r.indikator, r.sasaran) for r in same if r.kind == "measurement"}
    if len(names) != 1:
        return rec
    indikator, sasaran = names.pop()
    if indikator == rec.indikator:
        return rec
    log.debug("formula at line %s named after the table row %r", rec.line, indikator)
    # a polarity the formula itself shows (`(T - (R - T)) / T`) is kept; one read from the old name is not
    own = rec.polarity if rec.polarity != polarity(rec.indikator) else polarity(indikator)
    return replace(rec, indikator=indikator, sasaran=sasaran, polarity=own)


def records_from_formulas(document: Document, formulas: Sequence[Formula]) -> list[IndicatorRecord]:
    out: list[IndicatorRecord] = []
    definitions: dict[str, str] = {}
    terms = _Terms()
    for f in formulas:
        label = plain(f.label)
        key = label.lower()
        line = f.prov.line or 0
        if _is_symbolic(f.expression):
            definitions[key] = f.expression
            continue
        if not f.expression and f.stated:
            q = _quantity(f.stated, None, f)
            if _TARGET_LABEL.match(label):
                terms.target, terms.target_line = q, line
            elif _REAL_LABEL.match(label):
                terms.realisasi, terms.realisasi_line = q, line
            elif q.unit == "percent" and len(label.split()) >= 3 and q.value is not None:
                kind = "comparison" if _BENCH.search(label) else "narrative"
                out.append(_record(document, f, kind, label, None, None, q, line))
            continue
        lower = lower_better_parts(f.expression) if f.expression else None
        if lower is not None:
            out.append(_lower_record(document, f, lower))
            terms = _Terms()
            continue
        if not f.expression or ratio_parts(f.expression) is None:
            continue
        def_kind = _definition_kind(definitions.get(key, ""))
        if def_kind is None and _CAPAIAN_LABEL.search(label):
            def_kind = "measure"
        if def_kind is None:
            continue
        rec = _ratio_record(document, f, "comparison" if def_kind == "compare" else "narrative", terms)
        if rec is not None:
            out.append(rec)
        terms = _Terms()
    return out

"""Rule family 1 — capaian recomputed from target and realisasi, with polarity.

Higher is better: realisasi / target × 100. Lower is better (an indicator that measures something bad — a
death rate, complaints, audit findings, an error rate — or that the report declares negative-polarity; see
`normalizers.polarity`): (target − (realisasi − target)) / target × 100.
Where the report says the maximum is 100 %, a stated 100 % for a larger result holds.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from decimal import Decimal
from itertools import pairwise, permutations

import regex as re

from normalizers.polarity import declared_lower, is_declared, lower_is_better, polarity_of
from pipeline.model import IndicatorRecord, Quantity, Severity
from validators.rounding import HUNDRED, Interval, Verdict, fmt, judge, stated_interval
from validators.rules.base import Check, Constraint, Context, Issue, figure

CAP_100 = re.compile(r"maksimal\s+100|maksimum\s+100|paling\s+tinggi\s+100|tidak\s+(?:boleh\s+)?melebihi\s+100", re.I)


def polarity(rec: IndicatorRecord) -> str:
    """'lower' when the record (its report's own declaration) or its wording says lower is better (the one
    vocabulary of `normalizers.polarity`), else 'higher'."""
    if rec.polarity == "lower":
        return "lower"
    return polarity_of(rec.indikator or "")


YEAR_AFTER = re.compile(r"\s*,?\s*(?:di|pada|untuk)?\s*(?:tahun|th\.?|thn\.?)\s+((?:19|20)\d\d)\b", re.I)
YEAR_BEFORE = re.compile(r"\b(?:tahun|th\.?|thn\.?)\s+((?:19|20)\d\d)\s*[:,]?\s*(?:adalah|sebesar|yaitu|=)?\s*$", re.I)


def stated_year(text: str, q: Quantity) -> int | None:
    """The year a sentence ties a figure to (`15 dokumen di tahun 2016`, `realisasi tahun 2015: 13`), when the
    figure stands once in the sentence."""
    raw = q.raw.strip()
    if not raw or text.count(raw) != 1:
        return None
    at = text.index(raw)
    m = YEAR_AFTER.match(text, at + len(raw)) or YEAR_BEFORE.search(text[max(0, at - 40):at])
    return int(m.group(1)) if m else None


def years_differ(rec: IndicatorRecord) -> bool:
    """A sentence that gives the target of one year and the realisasi of another: no capaian relates them."""
    if rec.kind != "narrative" or rec.target is None or rec.realisasi is None:
        return False
    ty, ry = stated_year(rec.raw, rec.target), stated_year(rec.raw, rec.realisasi)
    return ty is not None and ry is not None and ty != ry


BOUND_BEFORE = re.compile(r"(?:[>≥<≤]|lebih\s+dari|kurang\s+dari|di\s*atas|di\s*bawah|melebihi|minimal|maksimal)"
                          r"\s*=?\s*$", re.I)
RANGE_BEFORE = re.compile(r"\d\s*[-–—]\s*$")
RANGE_AFTER = re.compile(r"\s*[-–—]\s*\d")


def not_a_value(text: str, q: Quantity) -> bool:
    """`>100%`, `lebih dari 100%` (a bound) or `5-6%` (a range): the sentence gives no single value here."""
    raw = q.raw.strip()
    if not raw or raw not in text:
        return False
    for start in _occurrences(raw, text):
        before, end = text[max(0, start - 20):start], start + len(raw)
        if not (BOUND_BEFORE.search(before) or RANGE_BEFORE.search(before) or RANGE_AFTER.match(text, end)):
            return False
    return True


def _occurrences(needle: str, text: str) -> Iterator[int]:
    at = text.find(needle)
    while at >= 0:
        yield at
        at = text.find(needle, at + 1)


def stated(rec: IndicatorRecord, q: Quantity | None) -> Quantity | None:
    """A figure of the record as a value: None when absent, or when a sentence gives it as a bound or a range."""
    if q is None or q.value is None:
        return None
    if rec.kind == "narrative" and not_a_value(rec.raw, q):
        return None
    return q


def stated_capaian(rec: IndicatorRecord) -> Quantity | None:
    """The capaian the record states as a value (a bound such as `>100%` in a sentence is none)."""
    return stated(rec, rec.capaian)


def _operands(rec: IndicatorRecord) -> tuple[Interval, Interval] | None:
    t, r = stated(rec, rec.target), stated(rec, rec.realisasi)
    if t is None or r is None or t.value is None or r.value is None or years_differ(rec):
        return None
    return figure(t).interval, figure(r).interval


def capaian_interval(rec: IndicatorRecord, pol: str | None = None) -> Interval | None:
    """The capaian the record's own target and realisasi give (an interval from their rounding)."""
    ops = _operands(rec)
    if ops is None:
        return None
    t, r = ops
    if t.contains_zero() and t.lo == t.hi:
        return None
    pol = pol or polarity(rec)
    try:
        if pol == "lower":
            return ((t.scale(Decimal(2)) - r) / t).scale(HUNDRED)
        return (r / t).scale(HUNDRED)
    except ZeroDivisionError:
        return None


def _judge(rec: IndicatorRecord, computed: Interval, tolerance: Decimal = Decimal(0)) -> Verdict:
    c = stated_capaian(rec)
    assert c is not None and c.value is not None
    verdict = judge(c.value, c.decimals, computed, extra_tolerance=tolerance)
    if verdict == Verdict.MISMATCH and (rec.capped or CAP_100.search(rec.raw or "")) and c.value == HUNDRED \
            and computed.hi >= HUNDRED:
        return Verdict.OK
    return verdict


def capaian_computed(rec: IndicatorRecord) -> tuple[Decimal | None, str]:
    """The recomputed capaian (rounded to the stated precision, else 2 digits) and ok | mismatch | not_checkable."""
    computed = capaian_interval(rec)
    if computed is None:
        return None, "not_checkable"
    c = stated_capaian(rec)
    decimals = c.decimals if c is not None and c.value is not None else 2
    value = Decimal(fmt(computed.mid, max(decimals, 2)))
    if c is None or c.value is None:
        return value, "not_checkable"
    return value, "mismatch" if _judge(rec, computed) == Verdict.MISMATCH else "ok"


NEAR_ONE = Decimal("0.01")  # operands this close give a ratio of ~100 %: any two near figures would "hold"


def _misread(rec: IndicatorRecord) -> bool:
    """True when the three figures satisfy realisasi/target×100 = capaian in some other column order, as
    printed: the figure taken as the capaian holds at the precision the report prints its capaian with (a
    target `80` printed whole is no capaian `80,21`), and never from two near figures whose ratio is ~100 %
    beside a target of 100 (`87,54` / `87,45` ≈ 100 is a typo, not a swap)."""
    figs = [rec.target, rec.realisasi, rec.capaian]
    if any(f is None or f.value is None for f in figs):
        return False
    ivs = [figure(f).interval for f in figs]  # type: ignore[arg-type]
    units = [f.unit for f in figs]  # type: ignore[union-attr]
    cap_decimals = rec.capaian.decimals  # type: ignore[union-attr]
    for ti, ri, ci in permutations(range(3)):
        if (ti, ri, ci) == (0, 1, 2) or ivs[ti].contains_zero():
            continue
        if units[ci] not in ("", "percent") or (units[ti] and units[ri] and units[ti] != units[ri]):
            continue  # a capaian is a percentage, and target and realisasi count the same thing
        c = figs[ci]
        assert c is not None and c.value is not None
        try:
            ratio = (ivs[ri] / ivs[ti]).scale(HUNDRED)
        except ZeroDivisionError:
            continue
        if abs(ratio.mid - HUNDRED) <= NEAR_ONE * HUNDRED:
            continue  # two near figures: their ratio is ~100 % whatever they are
        if judge(c.value, max(c.decimals, cap_decimals), ratio) == Verdict.OK:
            return True
    return False


def _next_in_table(recs: tuple[IndicatorRecord, ...]) -> dict[int, IndicatorRecord]:
    return {id(a): b for a, b in pairwise(recs) if a.table_id and a.table_id == b.table_id}


def _repeat_note(rec: IndicatorRecord, nxt: IndicatorRecord | None) -> str:
    """`; it repeats the row below` when the capaian equals the next row's, where it is right."""
    if nxt is None or rec.capaian is None or nxt.capaian is None or rec.capaian.value != nxt.capaian.value:
        return ""
    computed = capaian_interval(nxt)
    if computed is None or nxt.capaian.value is None or judge(nxt.capaian.value, nxt.capaian.decimals,
                                                              computed) == Verdict.MISMATCH:
        return ""
    return f"; it repeats the capaian of the row below (line {nxt.line}), where that value is right"


def _lines(rec: IndicatorRecord, line: int | None) -> tuple[int, ...]:
    """The lines of every figure the check involves: the record's, the capaian's, the target's, the realisasi's."""
    figs = (rec.target, rec.realisasi)
    return tuple(sorted({x for x in (rec.line, line, *(f.prov.line for f in figs if f is not None and f.prov))
                         if x is not None}))


def declared_by_report(rec: IndicatorRecord, declared: Sequence[tuple[str, ...]]) -> bool:
    """The report itself says the indicator is lower-is-better: its sentences declare it negative-polarity
    (`declared`, as `normalizers.polarity.declared_lower` reads them), or its record is `lower` by the report's
    table or formula though its name alone does not say so."""
    if rec.polarity == "lower" and not lower_is_better(rec.indikator or ""):
        return True
    return is_declared(rec.indikator or "", declared)


def check_capaian(ctx: Context, check: Check) -> Iterator[Issue]:
    following = _next_in_table(ctx.report.indicators)
    declared: tuple[tuple[str, ...], ...] | None = None  # the report's negative-polarity declaration, read once
    for rec in ctx.report.indicators:
        c = stated_capaian(rec)
        computed = capaian_interval(rec)
        if computed is None or c is None or c.value is None:
            continue
        verdict = _judge(rec, computed, check.tolerance)
        pol = polarity(rec)
        expected = computed.mid
        line = c.prov.line if c.prov and c.prov.line else rec.line
        subject = rec.indikator[:120]
        t, r = rec.target, rec.realisasi
        assert t is not None and r is not None
        constraint = None
        if pol == "higher" and not (rec.capped and c.value == HUNDRED):
            constraint = Constraint("ratio", figure(c), (figure(r), figure(t)))
            if verdict != Verdict.MISMATCH:
                ctx.holding.append(constraint)
        if verdict == Verdict.OK:
            continue
        if verdict == Verdict.TRUNCATED:
            yield Issue(check.name, Severity.INFO, line, subject, c.raw, fmt(expected, c.decimals),
                        f"capaian {c.raw} is {fmt(expected, 4)} truncated to the printed digits",
                        page=rec.page)
            continue
        other = capaian_interval(rec, "higher" if pol == "lower" else "lower")
        if other is not None and judge(c.value, c.decimals, other) != Verdict.MISMATCH:
            # the report's own rule broken (it declares the indicator lower-is-better) is an error in a table row;
            # our reading of the name alone, a warning
            if declared is None:
                declared = declared_lower(st.text for st in ctx.report.document.statements)
            own_rule = pol == "lower" and declared_by_report(rec, declared)
            severity = check.severity if own_rule and rec.kind != "narrative" and rec.table_id else Severity.WARNING
            reads = "the report declares it" if own_rule else "the indicator reads as"
            yield Issue(check.name, severity, line, subject, c.raw, fmt(expected, max(c.decimals, 2)),
                        f"capaian {c.raw} follows the {'higher' if pol == 'lower' else 'lower'}-is-better formula, "
                        f"but {reads} {pol}-is-better ({fmt(expected, 2)} by that formula)",
                        difference=fmt(c.value - expected, 2), page=rec.page, related_lines=_lines(rec, line))
            continue
        if _misread(rec):
            yield Issue(check.name, Severity.INFO, line, subject, c.raw, fmt(expected, max(c.decimals, 2)),
                        f"target {t.raw} / realisasi {r.raw} / capaian {c.raw} hold in another column order: "
                        f"the row was probably read into the wrong columns", page=rec.page)
            continue
        formula = "(2·target − realisasi)/target×100" if pol == "lower" else "realisasi/target×100"
        own = stated_interval(c.value, c.decimals)
        # roles read from a sentence are a guess: its failure is a warning, a table row's an error
        severity = check.severity if rec.kind != "narrative" and rec.table_id else Severity.WARNING
        yield Issue(
            check.name, severity, line, subject, c.raw, fmt(expected, max(c.decimals, 2)),
            f"capaian {c.raw} but {formula} = {r.raw} / {t.raw} gives {fmt(expected, 4)} "
            f"(the printed value stands for [{fmt(own.lo)}, {fmt(own.hi)}])"
            + _repeat_note(rec, following.get(id(rec))),
            difference=fmt(c.value - expected, max(c.decimals, 2)), page=rec.page, constraint=constraint,
            related_lines=_lines(rec, line),
        )


def check_zero_ratio_rows(ctx: Context, check: Check) -> Iterator[Issue]:
    """A table row whose figures are all zero yet prints a percentage: 0/0 is undefined, not 0 % or 100 %."""
    for grid in ctx.grids:
        for row in grid.rows:
            pcts = [c for c in row if c.number and ("%" in c.text or c.q.unit == "percent")]
            others = [c for c in row if c.number and c not in pcts]
            if len(pcts) != 1 or len(others) < 2 or any(c.q.value != 0 for c in others):
                continue
            cell = pcts[0]
            yield Issue(check.name, check.severity, cell.prov.line, f"{grid.title or 'table'}: {grid.label(row)}"[:160],
                        cell.text.strip(), "undefined (0/0)",
                        f"{cell.text.strip()} printed for a row whose figures are all zero: the ratio 0/0 is undefined",
                        page=cell.prov.page)

"""Rule family 2 — budget percentage: realisasi / pagu × 100 for every budget row, program,
kegiatan, year, PNBP row and prose claim read as a BudgetRecord."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from pipeline.model import BudgetRecord, Quantity, Severity
from validators.rounding import HUNDRED, Interval, Verdict, fmt, judge
from validators.rules.base import Check, Constraint, Context, Issue, figure


def _pagu(rec: BudgetRecord) -> Quantity | None:
    for q in (rec.pagu, rec.pagu_original):
        if q is not None and q.value is not None:
            return q
    return None


def pct_interval(rec: BudgetRecord) -> Interval | None:
    pagu, real = _pagu(rec), rec.realisasi
    if pagu is None or real is None or real.value is None or pagu.value == 0:
        return None
    if "percent" in (real.unit, pagu.unit) or "%" in real.raw + pagu.raw:
        return None
    try:
        return (figure(real).interval / figure(pagu).interval).scale(HUNDRED)
    except ZeroDivisionError:
        return None


def pct_computed(rec: BudgetRecord) -> tuple[Decimal | None, str]:
    """The recomputed percentage (2 digits or the stated precision) and ok | mismatch | not_checkable."""
    computed = pct_interval(rec)
    if computed is None:
        return None, "not_checkable"
    pct = rec.pct
    decimals = pct.decimals if pct is not None and pct.value is not None else 2
    value = Decimal(fmt(computed.mid, max(decimals, 2)))
    if pct is None or pct.value is None:
        return value, "not_checkable"
    return value, "mismatch" if judge(pct.value, pct.decimals, computed) == Verdict.MISMATCH else "ok"


def _of_original_pagu(rec: BudgetRecord) -> bool:
    """The stated % is realisasi / pagu before revision × 100 (printed precision)."""
    pct, real, original = rec.pct, rec.realisasi, rec.pagu_original
    if pct is None or pct.value is None or real is None or real.value is None or original is None \
            or not original.value or original is _pagu(rec):
        return False
    computed = (figure(real).interval / figure(original).interval).scale(HUNDRED)
    return judge(pct.value, pct.decimals, computed) != Verdict.MISMATCH


def check_pct(ctx: Context, check: Check) -> Iterator[Issue]:
    for rec in ctx.report.budget:
        pct, pagu, real = rec.pct, _pagu(rec), rec.realisasi
        if pct is None or pct.value is None or pagu is None or real is None or real.value is None:
            continue
        if "percent" in (real.unit, pagu.unit) or "%" in real.raw + pagu.raw:
            continue  # a percentage read as an amount: the record is misread, not the report wrong
        if pagu.value == 0:
            if real.value == 0:
                yield Issue("undefined_ratio", Severity.WARNING, pct.prov.line if pct.prov else rec.line,
                            rec.item[:120], pct.raw, "undefined (0/0)",
                            f"percentage {pct.raw} of a zero pagu and zero realisasi: the ratio 0/0 is undefined",
                            page=rec.page)
            continue
        computed = pct_interval(rec)
        if computed is None:
            continue
        constraint = Constraint("ratio", figure(pct), (figure(real), figure(pagu)))
        verdict = judge(pct.value, pct.decimals, computed, extra_tolerance=check.tolerance)
        if verdict == Verdict.MISMATCH and _of_original_pagu(rec):
            continue  # a percentage of the pagu before revision is the report's choice, not an error
        line = pct.prov.line if pct.prov and pct.prov.line else rec.line
        expected = computed.mid
        if verdict == Verdict.OK:
            ctx.holding.append(constraint)
            continue
        if verdict == Verdict.TRUNCATED:
            ctx.holding.append(constraint)
            yield Issue(check.name, Severity.INFO, line, rec.item[:120], pct.raw, fmt(expected, pct.decimals),
                        f"{pct.raw} is {fmt(expected, 4)} truncated to the printed digits", page=rec.page)
            continue
        severity = check.severity if rec.kind != "narrative" and rec.table_id else Severity.WARNING
        yield Issue(
            check.name, severity, line, rec.item[:120], pct.raw, fmt(expected, max(pct.decimals, 2)),
            f"{pct.raw} stated, but realisasi {real.raw} / pagu {pagu.raw} × 100 = {fmt(expected, 4)}",
            difference=fmt(pct.value - expected, max(pct.decimals, 2)), page=rec.page, constraint=constraint,
            related_lines=tuple(sorted({x for x in (rec.line, *(f.prov.line for f in (pagu, real) if f.prov))
                                        if x is not None and x != line})),
        )

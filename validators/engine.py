"""The one engine: run every registered check on a report, find the single cell behind
several failures, link findings that share a cause, and return sorted Findings."""

from __future__ import annotations

import logging
from collections import defaultdict
from dataclasses import replace
from decimal import Decimal

from pipeline.model import Finding, Report, Severity
from validators.registry import REGISTRY
from validators.rounding import fmt
from validators.rules.base import CellKey, Check, Constraint, Context, Issue
from validators.rules.budget import pct_computed
from validators.rules.capaian import capaian_computed

log = logging.getLogger(__name__)

_SEVERITY_ORDER = {Severity.ERROR: 0, Severity.WARNING: 1, Severity.INFO: 2}


def run_checks(ctx: Context, checks: tuple[Check, ...] = REGISTRY) -> list[Issue]:
    issues: list[Issue] = []
    for check in checks:
        try:
            issues.extend(check.func(ctx, check))
        except Exception:  # one broken rule must not hide the others
            log.exception("check %s failed on %s", check.name, ctx.source_file)
    return issues


def _figure_raw(constraints: list[Constraint], key: CellKey) -> tuple[str, int]:
    for c in constraints:
        for f in c.figures():
            if f.key == key:
                return f.raw.strip(), f.decimals
    return "", 0


def blame(issues: list[Issue], holding: list[Constraint]) -> list[Issue]:
    """Where one printed figure takes part in several failing constraints and one value of it
    makes every constraint it is in hold, name it and propose that value on each finding."""
    failing = [(i, iss.constraint) for i, iss in enumerate(issues)
               if iss.constraint is not None and iss.severity != Severity.INFO]
    by_key: dict[CellKey, list[int]] = defaultdict(list)
    for i, c in failing:
        for f in c.figures():
            if f.key is not None and i not in by_key[f.key]:
                by_key[f.key].append(i)
    out = list(issues)
    fixed: set[int] = set()
    for key, idxs in sorted(by_key.items(), key=lambda kv: (-len(kv[1]), kv[0])):
        if len({_signature(issues[i].constraint) for i in idxs}) < 2 or any(i in fixed for i in idxs):
            continue  # one claim checked twice (a table row and its record) is no second witness
        involved = [issues[i].constraint for i in idxs]
        others = [c for c in holding if any(f.key == key for f in c.figures())]
        value = _solve_all(key, [c for c in involved if c is not None], others)
        if value is None:
            continue
        raw, decimals = _figure_raw([c for c in involved if c is not None], key)
        lines = tuple(sorted({key[0], *(issues[i].line for i in idxs if issues[i].line is not None)}))
        fix = f"line {key[0]}: {raw} → {fmt(value, decimals)} (makes all {len(idxs)} related checks hold)"
        for i in idxs:
            out[i] = replace(out[i], suggested_fix=fix,
                             related_lines=tuple(sorted(set(out[i].related_lines) | set(lines))))
            fixed.add(i)
    return out


def confirm(issues: list[Issue], holding: list[Constraint]) -> list[Issue]:
    """A failing constraint whose figures all but one are confirmed by checks that hold names that one.

    (`93,32 %` of a JUMLAH row whose pagu and realisasi both add up: the percentage is the wrong cell.)
    """
    confirmed = {f.key for c in holding for f in c.figures() if f.key is not None}
    out = list(issues)
    for i, iss in enumerate(issues):
        c = iss.constraint
        if c is None or iss.suggested_fix or iss.severity == Severity.INFO:
            continue
        unconfirmed = [f for f in c.figures() if f.key is None or f.key not in confirmed]
        if len(unconfirmed) != 1 or unconfirmed[0].key is None:
            continue
        wrong = unconfirmed[0]
        value = c.solve(wrong.key)
        if value is None or not c.holds({wrong.key: value}):
            continue
        fix = (f"line {wrong.key[0]}: {wrong.raw.strip()} → {fmt(value, wrong.decimals)} "
               "(the other figures are confirmed by checks that hold)")
        out[i] = replace(iss, suggested_fix=fix)
    return out


def _signature(c: Constraint | None) -> tuple:
    if c is None:
        return ()
    return (c.kind, c.result.key, tuple(sorted(f.key for f in c.operands if f.key is not None)))


def _solve_all(key: CellKey, failing: list[Constraint], holding: list[Constraint]) -> Decimal | None:
    for c in failing:
        candidate = c.solve(key)
        if candidate is None:
            continue
        override = {key: candidate}
        if all(x.holds(override) for x in failing) and all(x.holds(override) for x in holding):
            return candidate
    return None


def link(issues: list[Issue]) -> list[Issue]:
    """Findings whose constraints share a printed figure name each other's lines."""
    by_key: dict[CellKey, set[int]] = defaultdict(set)
    for iss in issues:
        if iss.constraint is None or iss.line is None or iss.severity == Severity.INFO:
            continue
        for f in iss.constraint.figures():
            if f.key is not None:
                by_key[f.key].add(iss.line)
    out = []
    for iss in issues:
        if iss.constraint is None or iss.severity == Severity.INFO:
            out.append(iss)
            continue
        lines = set(iss.related_lines)
        for f in iss.constraint.figures():
            if f.key is not None and len(by_key[f.key]) > 1:
                lines |= by_key[f.key]
        lines.discard(iss.line) if iss.line in lines and len(lines) == 1 else None
        out.append(replace(iss, related_lines=tuple(sorted(lines))))
    return out


DOUBT_NOTE = "; the table's rows were not read with certainty ({}), so this is not reported as an error"


def doubtful_lines(report: Report) -> dict[int, str]:
    """The lines of every figure of a table whose extractor doubts its rows (`Table.doubts`), with the doubt."""
    out: dict[int, str] = {}
    for table in report.document.tables:
        if not table.doubts:
            continue
        reason = "; ".join(table.doubts)
        for row in table.rows:
            for cell in row:
                if cell.prov.line is not None:
                    out.setdefault(cell.prov.line, reason)
    return out


def _issue_lines(iss: Issue) -> list[int]:
    lines = [iss.line, *iss.related_lines]
    if iss.constraint is not None:
        lines += [f.key[0] for f in iss.constraint.figures() if f.key is not None]
    return [x for x in lines if x is not None]


def doubt(issues: list[Issue], doubtful: dict[int, str]) -> list[Issue]:
    """An error that rests on a figure of a doubtful table becomes a warning: the figure may not be where
    the reader put it, so the failure is no evidence of a wrong figure in the report."""
    if not doubtful:
        return issues
    out = []
    for iss in issues:
        reason = next((doubtful[x] for x in _issue_lines(iss) if x in doubtful), None)
        if iss.severity == Severity.ERROR and reason is not None:
            iss = replace(iss, severity=Severity.WARNING, message=iss.message + DOUBT_NOTE.format(reason))
        out.append(iss)
    return out


def _to_finding(report: Report, iss: Issue) -> Finding:
    doc = report.document
    return Finding(
        report_id=doc.report_id, source_file=iss.source_file or doc.source_file, page=iss.page, line=iss.line,
        rule=iss.rule, severity=iss.severity, subject=iss.subject, stated=iss.stated, expected=iss.expected,
        difference=iss.difference, message=iss.message, suggested_fix=iss.suggested_fix,
        related_lines=tuple(x for x in iss.related_lines if x != iss.line),
    )


def _dedupe(findings: list[Finding]) -> list[Finding]:
    best: dict[tuple, Finding] = {}
    for f in findings:
        key = (f.line, f.rule, f.stated, f.expected)
        old = best.get(key)
        if old is None or _SEVERITY_ORDER[f.severity] < _SEVERITY_ORDER[old.severity]:
            best[key] = f
    return list(best.values())


def sort_key(f: Finding) -> tuple:
    return (f.line if f.line is not None else 0, f.page or 0, f.rule, _SEVERITY_ORDER[f.severity], f.subject,
            f.stated, f.expected, f.message)


def audit(report: Report, checks: tuple[Check, ...] = REGISTRY) -> tuple[Finding, ...]:
    """Every finding of every registered check on one report, sorted by line."""
    if report.document.error:
        return ()
    ctx = Context(report)
    issues = run_checks(ctx, checks)
    issues = doubt(link(confirm(blame(issues, ctx.holding), ctx.holding)), doubtful_lines(report))
    findings = _dedupe([_to_finding(report, i) for i in issues])
    return tuple(sorted(findings, key=sort_key))


__all__ = ["audit", "blame", "capaian_computed", "confirm", "link", "pct_computed", "run_checks"]

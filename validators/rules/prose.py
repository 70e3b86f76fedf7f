"""Rule family 7 — claims made in prose, checked in themselves.

* `Rp A atau P % dari (total anggaran) Rp B` — P against A / B × 100 (a budget claim);
* `hasil sebesar A dari target B atau P %` — P against A / B × 100 (a capaian claim);
* `… sebesar B atau mengalami peningkatan sebesar G %` — G against the change from B to
  the current value stated just before (relative %, or the difference in points);
* `sejumlah N orang …, dengan formasi a orang …, b orang … dan c orang …` — N against a + b + c;
* `sebanyak N dengan rincian sebagai berikut:` — N against the table that follows.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from decimal import Decimal

import regex as re

from normalizers.numbers import ID, NumberMatch, find_numbers, parse_token
from pipeline.model import Severity, Statement
from validators.rounding import HUNDRED, Interval, Verdict, fmt, judge
from validators.rules.base import EXACT_UNITS, Check, Constraint, Context, Figure, Issue
from validators.rules.formulas import chains
from validators.rules.grid import Grid, is_average_row, is_total_row

SENTENCE_END = re.compile(r"[.!?;:]\s*$")
NON_DIGIT = re.compile(r"\D")

ATAU = re.compile(r"^[\s(]*(?:atau|yaitu|sebesar|=)[\s(]*$", re.I)
DARI = re.compile(r"^[\s)]*dari\b[^\d]{0,60}$", re.I)
DARI_TARGET = re.compile(r"^\s*dari\s+(?:target|pagu|total|jumlah|anggaran)?[^\d]{0,30}$", re.I)
THEN_PCT = re.compile(r"^[\s,]*(?:atau|sehingga|dengan\s+capaian|=|yaitu)[^\d]{0,30}$", re.I)
GROWTH = re.compile(r"(?:peningkatan|penurunan|kenaikan|pertumbuhan)\s+sebesar\s*$", re.I)
COUNT_HEAD = re.compile(r"(?:sejumlah|sebanyak|berjumlah|total(?:nya)?)\s*$", re.I)
BREAKDOWN = re.compile(r"(?:dengan\s+formasi|terdiri\s+(?:atas|dari)|dengan\s+rincian|yaitu|meliputi)", re.I)
DETAIL_TABLE = re.compile(r"rincian\s+sebagai\s+berikut|sebagai\s+berikut", re.I)


def _figures(st: Statement) -> list[NumberMatch]:
    return [m for m in find_numbers(st.text) if m.value is not None and not m.is_year]


def _v(m: NumberMatch) -> Decimal:
    """The value of a figure `_figures` kept (never None there)."""
    if m.value is None:
        raise ValueError(f"figure {m.raw!r} has no value")
    return m.value


def _fig(m: NumberMatch, line: int | None) -> Figure:
    exact = m.decimals == 0 and m.unit in EXACT_UNITS
    return Figure(_v(m), m.decimals, exact, (line, NON_DIGIT.sub("", m.token)) if line else None, m.raw)


def _between(text: str, a: NumberMatch, b: NumberMatch) -> str:
    return text[a.end:b.start]


def _ratio_claims(st: Statement) -> Iterator[tuple[NumberMatch, NumberMatch, NumberMatch]]:
    """(numerator, denominator, percent) triples the sentence states."""
    figs = _figures(st)
    text = st.text
    for k, p in enumerate(figs):
        if p.unit != "percent":
            continue
        if 0 < k < len(figs) - 1:
            a, b = figs[k - 1], figs[k + 1]
            if a.unit != "percent" and b.unit == a.unit and ATAU.match(_between(text, a, p)) \
                    and DARI.match(_between(text, p, b)):
                yield a, b, p
                continue
        if k >= 2:
            a, b = figs[k - 2], figs[k - 1]
            if a.unit != "percent" and b.unit != "percent" and DARI_TARGET.match(_between(text, a, b)) \
                    and THEN_PCT.match(_between(text, b, p)):
                yield a, b, p


def check_prose_ratios(ctx: Context, check: Check) -> Iterator[Issue]:
    for st in ctx.report.document.statements:
        line = st.prov.line
        for a, b, p in _ratio_claims(st):
            if b.value == 0:
                continue
            fa, fb, fp = _fig(a, line), _fig(b, line), _fig(p, line)
            constraint = Constraint("ratio", fp, (fa, fb))
            computed = constraint.computed()
            verdict = judge(fp.value, fp.decimals, computed)
            rule = "pct_mismatch" if "rupiah" in (a.unit, b.unit) else "capaian_mismatch"
            if verdict != Verdict.MISMATCH:
                ctx.holding.append(constraint)
                continue
            lower = ((fb.interval.scale(Decimal(2)) - fa.interval) / fb.interval).scale(HUNDRED)
            if rule == "capaian_mismatch" and judge(fp.value, fp.decimals, lower) != Verdict.MISMATCH:
                continue
            expected = computed.mid
            yield Issue(rule, check.severity, line, st.text[:120].strip(), p.raw, fmt(expected, max(p.decimals, 2)),
                        f"the sentence states {p.raw} for {a.raw} of {b.raw}, but {a.raw} / {b.raw} × 100 = "
                        f"{fmt(expected, 4)}", difference=fmt(fp.value - expected, max(p.decimals, 2)),
                        page=st.prov.page, constraint=constraint)


def _previous(statements: Sequence[Statement], i: int, span: int = 6) -> list[Statement]:
    out = []
    line = statements[i].prov.line
    for j in range(i - 1, max(i - 3, -1), -1):
        other = statements[j].prov.line
        if line is None or other is None or line - other > span:
            break
        out.insert(0, statements[j])
    return out


TARGET_BEFORE = re.compile(r"target\W{0,3}(?:\w+\W+){0,2}$", re.I)


def _current_value(st: Statement, base: NumberMatch, earlier: Sequence[Statement]) -> NumberMatch | None:
    """The value a change is measured to: the nearest figure before the base value, in its unit,
    that is no target (`hasil sebesar 3,91 dari target 3,25` → 3,91)."""
    pools = [(st.text, [m for m in _figures(st) if m.start < base.start])]
    pools += [(s.text, _figures(s)) for s in reversed(earlier)]
    for text, figs in pools:
        for m in reversed(figs):
            if m.unit == base.unit and m.value != base.value and not TARGET_BEFORE.search(text[:m.start]):
                return m
    return None


def check_growth(ctx: Context, check: Check) -> Iterator[Issue]:
    statements = ctx.report.document.statements
    for i, st in enumerate(statements):
        figs = _figures(st)
        for k, g in enumerate(figs):
            if g.unit != "percent" or k == 0 or not GROWTH.search(st.text[:g.start]):
                continue
            base = figs[k - 1]
            if base.unit == "percent" or base.value == 0:
                continue
            current = _current_value(st, base, _previous(statements, i))
            if current is None or current.value is None or base.value is None:
                continue
            # the report computes a change from its printed figures: they are taken as exact here
            a, b = Interval.exact(current.value), Interval.exact(base.value)
            try:
                relative = ((a - b) / b).scale(HUNDRED)
            except ZeroDivisionError:
                continue
            gv = abs(_v(g))
            readings = (relative, a - b, -relative, b - a, (a / b).scale(HUNDRED))
            if any(judge(gv, g.decimals, r) != Verdict.MISMATCH for r in readings):
                continue
            expected = abs(relative.mid)
            yield Issue(check.name, check.severity, st.prov.line, st.text[:120].strip(), g.raw,
                        fmt(expected, 2), f"a change from {base.raw} to {current.raw} is "
                        f"{fmt(relative.mid, 4)} % ({fmt(_v(current) - _v(base))} points), "
                        f"not {g.raw}", difference=fmt(gv - expected, 4), page=st.prov.page)


def continued(statements: Sequence[Statement], i: int) -> Statement:
    """Statement i joined with the statements that continue its unfinished sentence (a page or line break)."""
    st = statements[i]
    text = st.text
    for nxt in statements[i + 1:i + 4]:
        last = nxt.prov.line if nxt.prov.line is not None else 0
        if SENTENCE_END.search(text) or st.prov.line is None or last - st.prov.line > 6:
            break
        text = text.rstrip() + " " + nxt.text.lstrip()
    return Statement(text, st.prov, st.context)


COUNT_WORD = re.compile(r"sejumlah|sebanyak|berjumlah|total", re.I)  # what COUNT_HEAD needs somewhere


def _may_count(text: str) -> bool:
    """A count and its breakdown can stand in `text` (COUNT_HEAD's word and BREAKDOWN both occur): else no
    figure of it needs reading."""
    return COUNT_WORD.search(text) is not None and BREAKDOWN.search(text) is not None


def check_prose_counts(ctx: Context, check: Check) -> Iterator[Issue]:
    statements = ctx.report.document.statements
    for i in range(len(statements)):
        st = continued(statements, i)
        text = st.text
        if not _may_count(text):
            continue
        figs = _figures(st)
        for k, n in enumerate(figs):
            if n.decimals or n.unit in ("percent", "rupiah", "") or not COUNT_HEAD.search(text[:n.start]):
                continue
            rest = figs[k + 1:]
            m = BREAKDOWN.search(text, n.end)
            if m is None or not rest or ". " in text[n.end:m.start()]:
                continue
            parts = [x for x in rest if x.start > m.end() and x.unit in (n.unit, "") and x.decimals == 0]
            if len(parts) < 2:
                continue
            line = st.prov.line
            total = _fig(n, line)
            constraint = Constraint("sum", total, tuple(_fig(x, line) for x in parts))
            if constraint.holds():
                ctx.holding.append(constraint)
                continue
            expected = sum((_v(x) for x in parts), Decimal(0))
            yield Issue(check.name, Severity.WARNING, line, text[:120].strip(), n.raw, fmt(expected),
                        f"{n.raw} stated, but the breakdown that follows adds up to "
                        f"{' + '.join(x.raw for x in parts)} = {fmt(expected)}",
                        difference=fmt(_v(n) - expected), page=st.prov.page)


def single_column_sum(grid: Grid) -> tuple[Decimal, list[int]] | None:
    """The sum of a table's one column of whole numbers (a list of counts), and the lines it covers."""
    rows = [r for r in grid.rows if not is_total_row(grid, r) and not is_average_row(grid, r)]
    cols = {j for r in rows for j, c in enumerate(r) if c.number}
    if len(cols) != 1 or len(rows) < 2:
        return None
    col = cols.pop()
    cells = [r[col] for r in rows if col < len(r) and r[col].number]
    values = [c.q.value for c in cells if c.q.value is not None]
    if len(values) != len(cells) or any(c.q.decimals for c in cells):
        return None
    return sum(values, Decimal(0)), [c.prov.line for c in cells if c.prov.line is not None]


def check_detail_tables(ctx: Context, check: Check) -> Iterator[Issue]:
    """`sebanyak N dengan rincian sebagai berikut:` against the one-column table that follows."""
    for st in ctx.report.document.statements:
        line = st.prov.line
        if line is None or not DETAIL_TABLE.search(st.text):
            continue
        figs = _figures(st)
        heads = [n for n in figs if n.decimals == 0 and n.unit not in ("percent", "rupiah")
                 and COUNT_HEAD.search(st.text[:n.start])]
        if not heads:
            continue
        n = heads[-1]
        grid = next((g for g in ctx.grids if g.line is not None and 0 < g.line - line <= 8), None)
        if grid is None or any(is_total_row(grid, r) for r in grid.rows):
            continue
        got = single_column_sum(grid)
        if got is None:
            continue
        total, lines = got
        if total == n.value:
            continue
        yield Issue(check.name, Severity.WARNING, line, st.text[:120].strip(), n.raw, fmt(total),
                    f"{n.raw} stated, but the table that details it adds up to {fmt(total)}",
                    difference=fmt(_v(n) - total), page=st.prov.page,
                    related_lines=tuple(lines))


FORMULA_FRACTION = re.compile(r"\\frac\s*\{\s*(\d[\d.,]*)\s*\}\s*\{\s*(\d[\d.,]*)\s*\}|(\d[\d.,]*)\s*/\s*(\d[\d.,]*)")


def _last_line(grid: Grid) -> int:
    lines = [c.prov.line for r in grid.rows for c in r if c.prov.line is not None]
    return max(lines, default=grid.line or 0)


def check_formula_counts(ctx: Context, check: Check) -> Iterator[Issue]:
    """`x = 72/72 × 100 %` right after a table of the cases it counts: the table must add up to 72."""
    ends: list[tuple[Grid, int]] | None = None  # each table's last line, worked out once (not per fraction)
    for chain in chains(ctx.report.document.formulas):
        for i, part in enumerate(chain.parts):
            m = FORMULA_FRACTION.search(part)
            line = chain.line_of(i)
            if m is None or line is None:
                continue
            counts = [parse_token(t, ID) for t in (m.group(1) or m.group(3), m.group(2) or m.group(4))]
            if any(c is None or c[1] for c in counts):
                continue
            if ends is None:
                ends = [(g, _last_line(g)) for g in reversed(ctx.grids)]
            grid = next((g for g, end in ends if 0 < line - end <= 12), None)
            got = single_column_sum(grid) if grid is not None else None
            if got is None:
                continue
            total, lines = got
            if total in {c[0] for c in counts if c is not None}:
                continue
            yield Issue(check.name, Severity.WARNING, line, f"{chain.label or 'formula'}: {part.strip()[:60]}",
                        m.group(0), fmt(total), f"the formula counts {m.group(0)} but the table just above "
                        f"(lines {lines[0]}-{lines[-1]}) adds up to {fmt(total)}", related_lines=tuple(lines),
                        page=chain.page_of(i))
            break

"""Document → Report: indicator and budget records read from tables, statements and formulas.

Tables go through `columns` (header roles, spans, alignment), `classify` (indicator,
budget or neither), then `indicators` / `budget` / `transposed`; prose statements through
`narrative`, formulas through `formulas`. A table none of these takes may be a score table
by year (IKPA, SMART: `scores`). A quarterly K/Rp table (`quarterly`) is gathered with its
header-less continuations first and read as one, since its nesting comes from sums that run
across page breaks.

Tables are read in document order. A table without a header of its own that follows
closely on a table with one (a table split over pages, or a page break the extractor
did not join) is read with the previous header, and the carried sasaran/program
continues across the split.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from interpret.budget import budget_records
from interpret.classify import BUDGET, INDICATOR, classify
from interpret.columns import HeaderSpec, read_header
from interpret.context import TableContext, table_context, with_declared_polarity
from interpret.formulas import formula_records
from interpret.indicators import CarryState, indicator_records
from interpret.narrative import statement_records
from interpret.quarterly import QuarterLayout, quarter_layout, quarterly_records
from interpret.scores import score_table_records
from interpret.transposed import transposed_records
from pipeline.model import BudgetRecord, Document, IndicatorRecord, Report, Table

log = logging.getLogger(__name__)

MAX_CONTINUATION_GAP = 15  # lines between the end of a table and the start of its continuation


@dataclass
class _Quarterly:
    """A quarterly K/Rp table and the header-less continuations gathered after it."""

    layout: QuarterLayout
    ctx: TableContext
    parts: list[tuple[Table, int]]

    @property
    def last(self) -> Table:
        return self.parts[-1][0]


@dataclass
class _Previous:
    table: Table
    spec: HeaderSpec
    last_line: int | None
    state: CarryState
    ctx: TableContext


def _last_line(table: Table) -> int | None:
    lines = [c.prov.line for row in table.rows for c in row if c.prov.line is not None]
    return max(lines) if lines else table.line


def _first_line(table: Table) -> int | None:
    lines = [c.prov.line for row in (table.header + table.rows) for c in row if c.prov.line is not None]
    return min(lines) if lines else table.line


def _continues(table: Table, prev: _Previous | None, width: int) -> bool:
    if prev is None or not prev.spec.value_columns:
        return False
    if table.continues:
        return table.continues == prev.table.table_id
    if table.page is not None and prev.table.page is not None and table.page - prev.table.page > 1:
        return False
    first = _first_line(table)
    if first is None or prev.last_line is None:
        return table.page is not None and table.page == (prev.table.page or 0) + 1
    return 0 < first - prev.last_line <= MAX_CONTINUATION_GAP and abs(width - prev.spec.width) <= 1


def _read_table(ctx: TableContext, table: Table, spec: HeaderSpec, body: tuple, state: CarryState, label: str
                ) -> tuple[list[IndicatorRecord], list[BudgetRecord]]:
    found = classify(spec, body, label)
    if found.family == INDICATOR:
        return indicator_records(ctx, found.layout, state)
    if found.family == BUDGET:
        bud, ind = budget_records(ctx, found.layout, state)
        return ind, bud
    ind, bud = transposed_records(ctx, spec, body)
    if ind or bud:
        return ind, bud
    return score_table_records(ctx, table), []


def _quarterly_part(table: Table, pending: _Quarterly, layout: QuarterLayout | None) -> int | None:
    """Header rows to skip when `table` continues the pending quarterly table, None when it does not."""
    last = pending.last
    if layout is not None:
        return layout.n_header if layout.pairs == pending.layout.pairs and not table.title else None
    if table.continues:
        return 0 if table.continues in (last.table_id, last.continues) else None
    if table.title or table.page is None or last.page is None or table.page - last.page != 1:
        return None
    width = max((len(r) for r in table.rows), default=0)
    last_width = max((len(r) for r in last.rows), default=0)
    return 0 if abs(width - last_width) <= 1 and not read_header(table)[0].columns else None


def _read_quarterly(document: Document, q: _Quarterly) -> tuple[list[IndicatorRecord], list[BudgetRecord]]:
    try:
        return quarterly_records(q.ctx, q.layout, q.parts)
    except Exception:  # one unreadable table must not cost the report its other records
        log.exception("%s: quarterly table %s could not be interpreted", document.source_file, q.ctx.table_id)
        return [], []


def table_records(document: Document) -> tuple[list[IndicatorRecord], list[BudgetRecord]]:
    """Every table in document order; a header-less continuation is read with the header before it."""
    indicators: list[IndicatorRecord] = []
    budget: list[BudgetRecord] = []
    prev: _Previous | None = None
    pending: _Quarterly | None = None
    for table in document.tables:
        q_layout = quarter_layout(table.header + table.rows)
        if pending is not None:
            skip = _quarterly_part(table, pending, q_layout)
            if skip is not None:
                pending.parts.append((table, skip))
                continue
            ind, bud = _read_quarterly(document, pending)
            indicators += ind
            budget += bud
            pending = None
        if q_layout is not None:
            pending = _Quarterly(q_layout, table_context(document, table), [(table, q_layout.n_header)])
            prev = None
            continue
        spec, body = read_header(table)
        state = CarryState()
        ctx = table_context(document, table)
        if prev is not None and not spec.columns and _continues(table, prev, spec.width):
            spec, state = prev.spec, prev.state
            if not (table.title or table.context):
                ctx = TableContext(ctx.report_id, ctx.source_file, table.table_id, prev.ctx.label, prev.ctx.year)
            log.debug("%s: %s continues %s", document.source_file, table.table_id, prev.table.table_id)
        try:
            ind, bud = _read_table(ctx, table, spec, body, state, f"{ctx.label} {table.context}")
        except Exception:  # one unreadable table must not cost the report its other records
            log.exception("%s: table %s could not be interpreted", document.source_file, table.table_id)
            ind, bud = [], []
        indicators += ind
        budget += bud
        if spec.columns:
            prev = _Previous(table, spec, _last_line(table), state, ctx)
    if pending is not None:
        ind, bud = _read_quarterly(document, pending)
        indicators += ind
        budget += bud
    return indicators, budget


def interpret_document(document: Document) -> Report:
    """The indicator and budget records of one extracted document (none when it could not be read)."""
    if document.error:
        return Report(document=document)
    indicators, budget = table_records(document)
    s_ind, s_bud = statement_records(document)
    f_ind = formula_records(document, indicators)
    indicators = with_declared_polarity(document, indicators + s_ind + f_ind)
    budget += s_bud
    log.debug("%s: %d indicator and %d budget records", document.source_file, len(indicators), len(budget))
    return Report(document=document, indicators=tuple(indicators), budget=tuple(budget))

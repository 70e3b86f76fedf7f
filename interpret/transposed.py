"""Transposed tables: years across the header, roles down the first column.

    Kinerja Keuangan | Tahun 2021 | Tahun 2022
    Total Pagu       | Rp …       | Rp …
    Realisasi        | Rp …       | Rp …
    Capaian          | 93,64 %    | 97,35 %

gives one record per year column, its roles named by the row labels: a budget record
when the figures are rupiah, an indicator record otherwise.
"""

from __future__ import annotations

from interpret.cells import clean, convention_of, is_figure, is_money, quantity, row_text
from interpret.columns import VALUE_ROLES, HeaderSpec, Row, cell_role
from interpret.context import TableContext
from pipeline.model import BudgetRecord, IndicatorRecord, Quantity

_BUDGET_MAP = {"target": "pagu", "capaian": "pct", "pagu_revised": "pagu"}
_UNIT = {"capaian": "percent", "pct": "percent"}


def _year_columns(spec: HeaderSpec) -> list[tuple[int, int]]:
    return [(hc.start, hc.year) for hc in spec.columns if hc.year is not None and hc.role in ("", "year")]


def _row_role(row: Row) -> str:
    label = clean(row[0].text) if row else ""
    if not label or is_figure(label):
        return ""
    role, _, score = cell_role(label)
    return role if role in VALUE_ROLES and score >= 0.5 else ""


def transposed_records(ctx: TableContext, spec: HeaderSpec, body: tuple[Row, ...]
                       ) -> tuple[list[IndicatorRecord], list[BudgetRecord]]:
    years = _year_columns(spec)
    if len(years) < 2 or spec.value_columns:
        return [], []
    rows = [(role, row) for row in body if (role := _row_role(row))]
    if len({role for role, _ in rows}) < 2:
        return [], []
    label = clean(spec.columns[0].text) if spec.columns and spec.columns[0].year is None else ctx.label
    per_year: dict[int, dict[str, Quantity]] = {}
    for role, row in rows:
        conv = convention_of(row[1:])
        for col, year in years:
            if col < len(row) and is_figure(row[col].text):
                per_year.setdefault(year, {}).setdefault(role, quantity(row[col], conv, _UNIT.get(role, "")))
    indicators: list[IndicatorRecord] = []
    budget: list[BudgetRecord] = []
    raw = " / ".join(row_text(r) for _, r in rows)
    for year, vals in per_year.items():
        line = min((q.prov.line for q in vals.values() if q.prov and q.prov.line), default=None)
        if any(is_money(q) for q in vals.values()):
            b = {_BUDGET_MAP.get(r, r): q for r, q in vals.items()}
            budget.append(BudgetRecord(
                report_id=ctx.report_id, source_file=ctx.source_file, line=line, page=None, table_id=ctx.table_id,
                kind="multi_year", year=year, item=label or ctx.label, parent_item="", is_total=True,
                pagu=b.get("pagu"), realisasi=b.get("realisasi"), pct=b.get("pct"), raw=raw,
                pagu_original=b.get("pagu_original"),
            ))
        else:
            indicators.append(IndicatorRecord(
                report_id=ctx.report_id, source_file=ctx.source_file, line=line, page=None, table_id=ctx.table_id,
                kind="multi_year", year=year, sasaran="", indikator=label or ctx.label, target=vals.get("target"),
                realisasi=vals.get("realisasi"), capaian=vals.get("capaian") or vals.get("pct"), raw=raw,
            ))
    return indicators, budget

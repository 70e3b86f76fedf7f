"""Indicator tables → IndicatorRecord: one per row, or one per row and year for multi-year headers.

The sasaran is carried down from the row that names it (a cell spanning rows arrives
as empty cells below). A row of an indicator table whose figures are rupiah (the
`Anggaran` line under a Target/Realisasi/Capaian table) is a budget row and is
returned as a BudgetRecord.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

import regex as re

from interpret.cells import is_money, row_text
from interpret.columns import BENCHMARK, Layout
from interpret.context import TableContext, is_total, polarity
from interpret.rows import RowReading, first_text, read_rows
from pipeline.model import BudgetRecord, IndicatorRecord, Quantity

_ANGGARAN = re.compile(r"^\W*(?:total\s+)?(?:anggaran|pagu|dipa)\b", re.I)
_AVERAGE = re.compile(r"^\W*(?:rata\s*[-–]?\s*rata|rerata)(?:\s+capaian)?\W*$", re.I)
_HEADERISH = re.compile(r"^(?:sasaran|indikator|target|realisasi|capaian)\b", re.I)


@dataclass
class CarryState:
    """What flows from one row (or one page of a split table) to the next."""

    sasaran: str = ""
    parent: str = ""
    indikator: str = ""


def _is_summary(label: str) -> bool:
    """`Rata-rata`, `Jumlah`, `Total`: a row over the whole table, under no sasaran."""
    return bool(_AVERAGE.match(label)) or is_total(label)


def indicator_kind(layout: Layout) -> str:
    roles = {hc.role for hc, _ in layout.anchors}
    if any(BENCHMARK.search(hc.text) for hc, _ in layout.anchors):
        return "comparison"
    if len({hc.year for hc, _ in layout.anchors if hc.year}) > 1 or layout.year_col is not None:
        return "multi_year"
    return "target_only" if roles == {"target"} else "measurement"


def _update_sasaran(reading: RowReading, state: CarryState, has_figures: bool) -> None:
    text = reading.sasaran
    if text and not _HEADERISH.match(text) and (reading.label or not has_figures):
        state.sasaran = text
    elif not has_figures and not reading.sasaran and reading.label == "":
        heading = first_text(reading.row, set())
        if heading and not _HEADERISH.match(heading):
            state.sasaran = heading


def _budget_row(ctx: TableContext, reading: RowReading, label: str, vals: dict[str, Quantity]) -> BudgetRecord:
    return BudgetRecord(
        report_id=ctx.report_id, source_file=ctx.source_file, line=reading.first_line, page=reading.page,
        table_id=ctx.table_id, kind="other", year=reading.year or ctx.year, item=label, parent_item="",
        is_total=is_total(label) or bool(_ANGGARAN.match(label)), pagu=vals.get("target"),
        realisasi=vals.get("realisasi"), pct=vals.get("capaian"), raw=row_text(reading.row),
    )


def indicator_records(
    ctx: TableContext, layout: Layout, state: CarryState
) -> tuple[list[IndicatorRecord], list[BudgetRecord]]:
    kind = indicator_kind(layout)
    indicators: list[IndicatorRecord] = []
    budget: list[BudgetRecord] = []
    skip = {layout.sasaran_col, layout.year_col}
    for row, reading in zip(layout.body, read_rows(layout), strict=True):
        has_figures = bool(reading.values)
        _update_sasaran(reading, state, has_figures)
        if not has_figures:
            continue
        label = reading.label
        if not label:  # a row of its own (`Rata-rata`) names itself; else it continues the indicator above
            label = first_text(row, skip) or (state.indikator if not reading.sasaran else "")
        label = label or reading.sasaran or ctx.label
        if reading.label:
            state.indikator = reading.label
        groups = reading.plain_values().by_year()
        money = [q for g in groups.values() for role, q in g.items() if role in ("target", "realisasi")]
        if money and all(is_money(q, reading.unit) for q in money):  # a row counted in `Orang` holds no rupiah
            budget.append(_budget_row(ctx, reading, label, groups.get(None) or next(iter(groups.values()))))
            continue
        sasaran = state.sasaran if state.sasaran != label and not _is_summary(label) else ""
        groups = _yearless_capaian_to_latest(groups)
        for year, vals in groups.items():
            indicators.append(_record(ctx, reading, kind, year or reading.year or ctx.year, sasaran, label, vals))
        indicators += _basis_records(ctx, reading, groups, sasaran, label)
        indicators += period_records(ctx, reading, sasaran, label)
    return indicators, budget


def _yearless_capaian_to_latest(groups: dict[int | None, dict[str, Quantity]]
                                ) -> dict[int | None, dict[str, Quantity]]:
    """`Realisasi 2015 | Realisasi 2016 | (%)`: a capaian under no year, beside years that print none, is the
    latest year's (one record with its realisasi, not a record of its own)."""
    loose = groups.get(None)
    latest = max((y for y in groups if y is not None), default=None)
    if latest is None or not loose or set(loose) != {"capaian"} or "capaian" in groups[latest]:
        return groups
    out = {y: v for y, v in groups.items() if y is not None}
    out[latest] = {**groups[latest], **loose}
    return out


def _record(ctx: TableContext, reading: RowReading, kind: str, year: int | None, sasaran: str, label: str,
            vals: dict[str, Quantity]) -> IndicatorRecord:
    line = min((q.prov.line for q in vals.values() if q.prov and q.prov.line), default=reading.first_line)
    return IndicatorRecord(
        report_id=ctx.report_id, source_file=ctx.source_file, line=line, page=reading.page,
        table_id=ctx.table_id, kind=kind, year=year, sasaran=sasaran, indikator=label,
        target=vals.get("target"), realisasi=vals.get("realisasi"), capaian=vals.get("capaian"),
        raw=row_text(reading.row), polarity=polarity(label),
    )


def period_records(ctx: TableContext, reading: RowReading, sasaran: str, label: str) -> list[IndicatorRecord]:
    """One record per ordinal period column the row fills: `TH I … TH V` of a plan (multi_year, its calendar
    year not printed) and `TW I … TW IV` of the report's year (the quarter as the period)."""
    out = []
    for period, vals in reading.by_period().items():
        quarter = period.startswith("TW")
        year = (reading.year or ctx.year) if quarter else None
        kind = "target_only" if quarter and set(vals) == {"target"} else "multi_year"
        out.append(replace(_record(ctx, reading, kind, year, sasaran, label, vals), period=period))
    return out


def _basis_records(ctx: TableContext, reading: RowReading, groups: dict[int | None, dict[str, Quantity]],
                   sasaran: str, label: str) -> list[IndicatorRecord]:
    """A capaian against the plan's end target (`Target Akhir Renstra`): a comparison record with that
    target, the realisasi of its year (or of the table's latest year), and the stated capaian. The plan's
    end target printed alone (`Target Renstra Tahun 2018`) is a target_only record of its year."""
    out = []
    latest = max((y for y in groups if y is not None), default=None)
    for basis, vals in reading.by_basis().items():
        if "capaian" not in vals:
            year = reading.basis_year(basis)
            if set(vals) == {"target"} and year is not None and year not in groups:
                out.append(_record(ctx, reading, "target_only", year, sasaran, label, vals))
            continue
        year = reading.basis_year(basis) or latest or reading.year or ctx.year
        own = groups.get(year) or groups.get(None) or {}
        if "realisasi" not in vals and "realisasi" in own:
            vals = {**vals, "realisasi": own["realisasi"]}
        out.append(_record(ctx, reading, "comparison", year, sasaran, label, vals))
    return out

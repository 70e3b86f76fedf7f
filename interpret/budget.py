"""Budget tables → BudgetRecord: by jenis belanja, by program/kegiatan, per year, PNBP, other.

A kegiatan row gets as parent_item the last `Program …` row above it, or the row whose printed
number is a prefix of its own (`1.01` over `1.01.01`); an LRA is read section by section (`lra`). In a column of
rupiah a small whole number (`26`) is an amount too. A row of a
budget table that holds no amount but a score under the `%` column (an indicator
listed under its sasaran's budget line) is returned as an IndicatorRecord with that
score as its realisasi.
"""

from __future__ import annotations

from dataclasses import replace

import regex as re

from interpret.cells import clean, dash_as_zero, is_dash, is_money, row_text
from interpret.columns import HeaderColumn, Layout, Row
from interpret.context import TableContext, is_total, polarity
from interpret.hierarchy import Code, code_of, is_nested_numbering, parents_by_numbering
from interpret.indicators import CarryState
from interpret.lra import LraRow, is_lra, lra_readings
from interpret.rows import RowReading, first_text, read_rows
from pipeline.model import BudgetRecord, IndicatorRecord, Quantity

_PNBP = re.compile(r"\bpnbp\b|penerimaan\s+negara\s+bukan\s+pajak|\bpendapatan\b", re.I)
_BELANJA = re.compile(r"\bbelanja\s+(?:pegawai|barang|modal|bantuan|sosial|lain)", re.I)
_PROGRAM = re.compile(r"^\W*(?:\d+\.?\s*)?program\b", re.I)
_BUDGET_FIGURES = frozenset({"pagu", "pagu_original", "realisasi", "pct"})
_KEGIATAN = re.compile(r"\bkegiatan\b|\bprogram\b|\bkomponen\b|\boutput\b|\bnomenklatur\b", re.I)


def budget_kind(ctx: TableContext, layout: Layout) -> str:
    headers = " ".join(hc.text for hc in layout.spec.columns)
    items = [clean(r[layout.label_col].text) for r in layout.body
             if layout.label_col is not None and layout.label_col < len(r)]
    if _PNBP.search(ctx.label) or _PNBP.search(headers) or sum(bool(_PNBP.search(i)) for i in items) >= 2:
        return "pnbp"
    if len({hc.year for hc, _ in layout.anchors if hc.year}) > 1:
        return "multi_year"
    if sum(bool(_BELANJA.search(i)) for i in items) >= 2:
        return "by_belanja"
    item_hc = layout.spec.first("item")
    if (item_hc and _KEGIATAN.search(item_hc.text)) or any(_PROGRAM.match(i) for i in items):
        return "by_program"
    return "other"


def _is_whole(q: Quantity) -> bool:
    return q.value is not None and q.decimals == 0 and q.unit in ("", "rupiah")


def settle_amounts(vals: dict[str, Quantity], whole_is_money: bool = False) -> dict[str, Quantity]:
    """A percentage that landed under an amount column (a row printed one cell short) is the row's %;
    with `whole_is_money` (a column of rupiah) a small whole number stays an amount."""
    out = dict(vals)
    for role in ("realisasi", "pagu", "pagu_original"):
        q = out.get(role)
        if q is None or q.value is None or q.value == 0 or is_money(q) or (whole_is_money and _is_whole(q)):
            continue
        del out[role]
        if "pct" not in out and (q.unit == "percent" or (q.decimals > 0 and abs(q.value) <= 1000)):
            out["pct"] = q
    return out


def _indicator_from_score(ctx: TableContext, reading: RowReading, label: str, q: Quantity,
                          state: CarryState) -> IndicatorRecord:
    return IndicatorRecord(
        report_id=ctx.report_id, source_file=ctx.source_file, line=reading.first_line, page=reading.page,
        table_id=ctx.table_id, kind="measurement", year=reading.year or ctx.year, sasaran=state.parent,
        indikator=label, target=None, realisasi=q, capaian=None, raw=row_text(reading.row),
        polarity=polarity(label),
    )


def targets_of(ctx: TableContext, reading: RowReading, groups: dict[int | None, dict[str, Quantity]],
               state: CarryState) -> list[IndicatorRecord]:
    """`Indikator Kinerja | Satuan | Target | Program | Kegiatan | Anggaran`: a budget table that also sets
    its indicators' targets gives a target_only record for every row naming an indikator and a target that
    is no amount of money (`1` dokumen, `81 (A)`, `95` persen)."""
    if not reading.label:
        return []
    out = []
    periods = {p: g for p, g in reading.by_period().items() if p.startswith("TW")}  # quarters of the year
    targets = [(year, "", g) for year, g in groups.items()] + [(None, p, g) for p, g in periods.items()]
    for year, period, g in targets:
        q = g.get("target")
        if q is None or q.value is None or is_money(q):
            continue
        line = q.prov.line if q.prov and q.prov.line else reading.first_line
        out.append(IndicatorRecord(
            report_id=ctx.report_id, source_file=ctx.source_file, line=line, page=reading.page,
            table_id=ctx.table_id, kind="target_only", year=year or reading.year or ctx.year,
            sasaran=reading.sasaran or state.parent, indikator=reading.label, target=q, realisasi=None,
            capaian=None, raw=row_text(reading.row), polarity=polarity(reading.label), period=period,
        ))
    return out


def money_columns(readings: list[RowReading]) -> frozenset[HeaderColumn]:
    """Amount columns of mostly rupiah: there a small whole number (`26`, `0`) is rupiah too."""
    seen: dict[HeaderColumn, list[bool]] = {}
    for reading in readings:
        for hc, q in reading.values:
            if hc.role != "pct" and q.value:  # a zero is no evidence either way
                seen.setdefault(hc, []).append(is_money(q))
    return frozenset(hc for hc, flags in seen.items() if sum(flags) * 2 > len(flags))


def _amount_row(reading: RowReading, amounts: list[Quantity], money: frozenset[HeaderColumn]) -> bool:
    """A row of amounts: one is rupiah, or all are whole numbers (or zeros, `0,00`) in columns of rupiah."""
    if any(is_money(q) for q in amounts):
        return True
    cols = [hc for hc, q in reading.values if hc.role != "pct"]
    return all(_is_whole(q) or q.value == 0 for q in amounts) and all(hc in money for hc in cols)


def with_dashes(layout: Layout, reading: RowReading, money: frozenset[HeaderColumn]) -> RowReading:
    """A lone dash under a column of rupiah is a zero amount (an account with no budget: `- | 0,00 | 0,00`).

    Only in a row that prints some other figure, and only under a column whose figures are mostly rupiah:
    elsewhere a dash stays 'not given'."""
    if not reading.values:
        return reading
    have = {hc for hc, _ in reading.values}
    extra = [(hc, dash_as_zero(reading.row[a])) for hc, a in layout.anchors
             if hc in money and hc not in have and hc.role != "pct" and a < len(reading.row)
             and is_dash(reading.row[a].text)]
    if not extra:
        return reading
    order = {hc: k for k, (hc, _) in enumerate(layout.anchors)}
    values = sorted((*reading.values, *extra), key=lambda v: order.get(v[0], len(order)))
    return replace(reading, values=tuple(values))


def row_code(layout: Layout, row: Row, label: str) -> Code | None:
    """The account or program number a row prints: in a cell left of its label, or opening the label."""
    end = layout.label_col if layout.label_col is not None else 0
    for cell in row[:end]:
        code = code_of(clean(cell.text))
        if code is not None:
            return code
    return code_of(label)


def _amounts(r: BudgetRecord) -> tuple:
    return tuple(q.value if q is not None else None for q in (r.pagu, r.realisasi))


def nest_records(records: list[BudgetRecord], codes: list[Code | None], label: str) -> list[BudgetRecord]:
    """An LRA's rows take kind, parent and total from their section and numbers (see `lra`); in any other
    budget table printed numbers that nest (`1.1.` over `1.1.1.`) give the parent where they find one."""
    rows = [LraRow(r.item, c, _amounts(r)) for r, c in zip(records, codes, strict=True)]
    if is_lra(rows):
        return [replace(r, kind=x.kind, parent_item=x.parent_item, is_total=x.is_total)
                for r, x in zip(records, lra_readings(rows, label), strict=True)]
    if not is_nested_numbering(codes):
        return records
    parents = parents_by_numbering(codes)
    return [replace(r, parent_item=records[p].item) if p is not None and not r.is_total else r
            for r, p in zip(records, parents, strict=True)]


def budget_records(
    ctx: TableContext, layout: Layout, state: CarryState
) -> tuple[list[BudgetRecord], list[IndicatorRecord]]:
    kind = budget_kind(ctx, layout)
    records: list[BudgetRecord] = []
    codes: list[Code | None] = []
    indicators: list[IndicatorRecord] = []
    readings = read_rows(layout)
    money = money_columns(readings)
    readings = [with_dashes(layout, r, money) for r in readings]
    for row, reading in zip(layout.body, readings, strict=True):
        label = reading.label or first_text(row, {layout.year_col}) or ctx.label
        if not reading.values:
            if label and _PROGRAM.match(label):
                state.parent = label
            continue
        groups = reading.by_year()
        if layout.spec.first("indikator") is not None:
            indicators += targets_of(ctx, reading, groups, state)
        amounts = [q for g in groups.values() for role, q in g.items() if role != "pct"]
        if not amounts:
            pct = next((g["pct"] for g in groups.values() if "pct" in g), None)
            if pct is not None and pct.value is not None:
                indicators.append(_indicator_from_score(ctx, reading, label, pct, state))
            continue
        if not _amount_row(reading, amounts, money):
            continue
        if _PROGRAM.match(label):
            state.parent = label
            parent = ""
        elif is_total(label):
            parent = ""
        else:
            parent = state.parent if kind == "by_program" else ""
        if kind != "by_program":
            state.parent = label
        for year, raw_vals in groups.items():
            vals = settle_amounts(raw_vals, whole_is_money=not any(is_money(q) for q in amounts))
            line = min((q.prov.line for role, q in vals.items() if role in _BUDGET_FIGURES and q.prov and q.prov.line),
                       default=reading.first_line)  # an indicator's target beside the amounts has a line of its own
            records.append(BudgetRecord(
                report_id=ctx.report_id, source_file=ctx.source_file, line=line, page=reading.page,
                table_id=ctx.table_id, kind=kind, year=year or reading.year or ctx.year, item=label,
                parent_item=parent, is_total=is_total(label), pagu=vals.get("pagu"),
                realisasi=vals.get("realisasi"), pct=vals.get("pct"), raw=row_text(row),
                pagu_original=vals.get("pagu_original"),
            ))
            codes.append(row_code(layout, row, label))
    return nest_records(records, codes, f"{ctx.label} {' '.join(hc.text for hc in layout.spec.columns)}"), indicators

"""Vertical key-value tables: `Target … = 42 LHK` / `Realisasi … = 11 LHK` / `Hasil Capaian = … 26,19%`."""

from __future__ import annotations

from interpret.context import TableContext
from pipeline.model import IndicatorRecord, Table


def vertical_records(ctx: TableContext, table: Table) -> list[IndicatorRecord]:
    return []

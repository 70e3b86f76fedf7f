"""Prose statements → narrative IndicatorRecord / BudgetRecord."""

from __future__ import annotations

from pipeline.model import BudgetRecord, Document, IndicatorRecord


def statement_records(document: Document) -> tuple[list[IndicatorRecord], list[BudgetRecord]]:
    return [], []

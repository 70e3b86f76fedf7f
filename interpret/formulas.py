"""Formulas stating an indicator's capaian → narrative IndicatorRecord."""

from __future__ import annotations

from pipeline.model import Document, IndicatorRecord


def formula_records(document: Document) -> list[IndicatorRecord]:
    return []

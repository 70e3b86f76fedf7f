"""Document → Report: indicator and budget records read from tables, statements and formulas."""

from __future__ import annotations

from pipeline.model import Document, Report


def interpret_document(document: Document) -> Report:
    return Report(document=document)

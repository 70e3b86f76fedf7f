"""Prose sentences that carry figures (narrative statements)."""

from __future__ import annotations

from collections.abc import Sequence

from extractors.base import Line
from pipeline.model import Statement


def find_statements(lines: Sequence[Line], source_file: str) -> list[Statement]:
    return []

"""Markdown pipe tables (layout family 2)."""

from __future__ import annotations

from collections.abc import Sequence

from extractors.base import Extraction, Line


class PipeTableExtractor:
    name = "pipe"

    def extract(self, lines: Sequence[Line], source_file: str, claimed: frozenset[int]) -> Extraction:
        return Extraction()

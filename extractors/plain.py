"""pdftotext-style plain layout (layout family 4): no tabs, cells spread over lines."""

from __future__ import annotations

from collections.abc import Sequence

from extractors.base import Extraction, Line


class PlainLayoutExtractor:
    name = "plain"

    def extract(self, lines: Sequence[Line], source_file: str, claimed: frozenset[int]) -> Extraction:
        return Extraction()

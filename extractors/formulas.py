"""Formula blocks (layout family 3): `$$…$$` LaTeX, `<math>`, inline `11/42x100% = 26,19%`."""

from __future__ import annotations

from collections.abc import Sequence

from extractors.base import Extraction, Line
from pipeline.model import Formula


def find_formulas(lines: Sequence[Line], source_file: str) -> list[Formula]:
    return []


class FormulaExtractor:
    name = "formulas"

    def extract(self, lines: Sequence[Line], source_file: str, claimed: frozenset[int]) -> Extraction:
        return Extraction(formulas=tuple(find_formulas(lines, source_file)))

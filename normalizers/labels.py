"""Row labels that name what a row is rather than an item: one definition for every stage."""

from __future__ import annotations

import regex as re

# an average row's label (`Rata-rata`, `Rata - Rata Capaian`, `Jumlah rata-rata …`): the extractors doubt a table
# whose average row they placed by guess, the validators check the row against the values it averages
AVERAGE_LABEL = re.compile(r"^\W*(?:jumlah\s+)?rata\s*-?\s*rata\b", re.I)

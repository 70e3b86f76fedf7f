"""Rule family 8 (cross-references) — the size of the working area, wherever it is stated.

`Kantor … menaungi 19 kecamatan` in the profile and `wilayah kerja yang luas terdiri dari 21
Kecamatan` in the risk table describe one working area: its number of kecamatan (kelurahan,
desa, kabupaten) is one figure. A text that counts parts of the area separately (`4 kecamatan
di Kota …, 7 kecamatan di Kabupaten …`) states no count of the whole and is left out.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

import regex as re

from validators.rules.base import Check, Context, Issue

AREA_COUNT = re.compile(r"\b(\d{1,3})\s+(kecamatan|kelurahan|desa|kabupaten|distrik)\b", re.I)
WHOLE_AREA = re.compile(r"wilayah\s+kerja|menaungi|meliputi|mencakup|membawahi|wilayah\s+yurisdiksi", re.I)
PART = re.compile(r"\bsebagian\b", re.I)
NOUN_HINT = re.compile(r"kecamatan|kelurahan|desa|kabupaten|distrik", re.I)


@dataclass(frozen=True)
class Mention:
    noun: str
    count: int
    raw: str
    line: int | None
    page: int | None


def area_count(text: str, line: int | None, page: int | None = None) -> Mention | None:
    """The one count of the whole working area a text states (None where it counts parts or none)."""
    if not NOUN_HINT.search(text) or not WHOLE_AREA.search(text) or PART.search(text):
        return None
    found = AREA_COUNT.findall(text)
    nouns = Counter(noun.lower() for _, noun in found)
    if len(found) != 1 or nouns.most_common(1)[0][1] != 1:
        return None
    count, noun = found[0]
    return Mention(noun.lower(), int(count), f"{count} {noun}", line, page)


def _texts(ctx: Context) -> Iterable[tuple[str, int | None, int | None]]:
    for st in ctx.report.document.statements:
        yield st.text, st.prov.line, st.prov.page
    for grid in ctx.grids:
        for row in grid.rows:
            for cell in row:
                if not cell.number:
                    yield cell.text, cell.prov.line, cell.prov.page


def check_area_counts(ctx: Context, check: Check) -> Iterator[Issue]:
    by_noun: dict[str, list[Mention]] = defaultdict(list)
    for text, line, page in _texts(ctx):
        m = area_count(text, line, page)
        if m is not None and all(x.line != m.line for x in by_noun[m.noun]):
            by_noun[m.noun].append(m)
    for noun, mentions in by_noun.items():
        counts = Counter(m.count for m in mentions)
        if len(counts) < 2:
            continue
        (top, n_top), (_, n_next) = counts.most_common(2)
        majority = top if n_top > n_next else None
        for m in mentions:
            if m.count == majority:
                continue
            others = [x for x in mentions if x.count != m.count]
            stated_elsewhere = ", ".join(f"{x.raw} (line {x.line})" for x in others)
            yield Issue(check.name, check.severity, m.line, f"working area: number of {noun}", m.raw,
                        str(majority if majority is not None else others[0].count),
                        f"the working area is said to have {m.raw} here but {stated_elsewhere} elsewhere",
                        page=m.page, related_lines=tuple(sorted(x.line for x in others if x.line is not None)))

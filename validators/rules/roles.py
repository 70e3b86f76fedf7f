"""Rule family 8 (cross-references) — a figure stated under the wrong role.

`target RPJMN … adalah 3,1. Target tersebut telah terlampaui dikarenakan realisasi yang diperoleh
… adalah sebesar 127,74%`: the target is an index, so its realisasi is an index too; a percentage
called the realisasi is the capaian (realisasi / target × 100) given the realisasi's name. The
realisasi the report states elsewhere for the same target is the expected value.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

import regex as re

from pipeline.model import IndicatorRecord, Quantity
from validators.rounding import fmt
from validators.rules.base import Check, Context, Issue

REALISASI = re.compile(r"realisasi", re.I)
NOT_REALISASI = re.compile(r"\d|capai", re.I)
YEAR = re.compile(r"\b(?:19|20)\d\d\b")


def named_realisasi(text: str, raw: str) -> bool:
    """The sentence itself names the percentage the realisasi: `realisasi … sebesar 127,74%`, with no other
    figure (a year aside) and no capaian between the word and the percentage."""
    at = text.find(raw.strip())
    if at < 0:
        return False
    words = list(REALISASI.finditer(text, 0, at))
    return bool(words) and NOT_REALISASI.search(YEAR.sub("", text[words[-1].end():at])) is None


def _percent(q: Quantity | None) -> bool:
    return q is not None and q.value is not None and ("%" in q.raw or q.unit == "percent")


def _plain(q: Quantity | None) -> bool:
    """A figure in no percent: an index, a count."""
    return q is not None and q.value is not None and not _percent(q)


def percent_realisasi(rec: IndicatorRecord) -> bool:
    """A sentence naming a percentage the realisasi of a target that is no percentage, stating no capaian."""
    return rec.kind == "narrative" and not rec.table_id and _plain(rec.target) and _percent(rec.realisasi) \
        and (rec.capaian is None or rec.capaian.value is None) and named_realisasi(rec.raw, rec.realisasi.raw)


def realisasi_elsewhere(rec: IndicatorRecord, records: Sequence[IndicatorRecord]) -> Quantity | None:
    """The realisasi another record states against the same target, in the target's unit (nearest first)."""
    assert rec.target is not None
    same = [r for r in records if r is not rec and r.year == rec.year and _plain(r.target) and _plain(r.realisasi)
            and r.target is not None and r.target.value == rec.target.value]
    same.sort(key=lambda r: abs((r.line or 0) - (rec.line or 0)))
    return same[0].realisasi if same else None


def check_percent_realisasi(ctx: Context, check: Check) -> Iterator[Issue]:
    records = ctx.report.indicators
    for rec in records:
        if not percent_realisasi(rec):
            continue
        t, r = rec.target, rec.realisasi
        assert t is not None and r is not None and r.value is not None and t.value is not None
        other = realisasi_elsewhere(rec, records)
        expected = other.raw.strip() if other is not None else f"a value in the unit of the target {t.raw}"
        note = f" (line {other.prov.line})" if other is not None and other.prov is not None else ""
        ratio = fmt(r.value * t.value / 100, 2)
        yield Issue(check.name, check.severity, rec.line, rec.indikator[:160], r.raw.strip(), expected,
                    f"realisasi {r.raw.strip()} stated for the target {t.raw.strip()}, which is no percentage: "
                    f"{r.raw.strip()} reads as the capaian (it would mean a realisasi of {ratio}); the realisasi "
                    f"stated elsewhere is {expected}{note}", page=rec.page,
                    related_lines=tuple(x for x in ((other.prov.line if other is not None and other.prov else None),)
                                        if x is not None))

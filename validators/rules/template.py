"""Rule family 9 — units and template.

* target and realisasi of one indicator printed in different units (`1 Layanan` / `1 Orang`,
  `100%` / `91% (Indeks)`);
* unfilled template placeholders (`[Rp]`, `[...%]`, `[nama satuan kerja]`, `... / ...`) and
  values left inside template brackets (`[87,91%]`, `[3,18 (contoh)]`) in prose, tables and formulas.

A capaian that repeats the row below is named in the capaian finding itself (rules/capaian.py).
"""

from __future__ import annotations

from collections.abc import Iterator

import regex as re

from normalizers.placeholders import UNFILLED, find_placeholders, is_placeholder
from normalizers.units import canonical_unit
from pipeline.model import Quantity
from validators.rules.base import Check, Context, Issue

LATEX_DOTS = re.compile(r"\\[lc]?dots")

ELLIPSIS = re.compile(r"(?:\.{3,}|…)")
EMPTY_FRACTION = re.compile(r"\\frac\s*\{\s*(?:\\[lc]?dots|\.{3,}|…)\s*\}")
WORD = re.compile(r"\p{L}+")


def units_of(q: Quantity) -> frozenset[str]:
    """Every unit a printed figure names: its canonical unit, '%' and any unit word in brackets."""
    found = set()
    if q.unit:
        found.add(q.unit)
    if "%" in q.raw:
        found.add("percent")
    for word in WORD.findall(q.raw):
        unit = canonical_unit(word)
        if unit:
            found.add(unit)
        elif not found and len(word) > 2:
            found.add(word.lower())
    return frozenset(found)


def check_units(ctx: Context, check: Check) -> Iterator[Issue]:
    for rec in ctx.report.indicators:
        t, r = rec.target, rec.realisasi
        if t is None or r is None or t.value is None or r.value is None:
            continue
        ut, ur = units_of(t), units_of(r)
        if not ut or not ur or ut == ur:
            continue
        line = r.prov.line if r.prov and r.prov.line else rec.line
        yield Issue(check.name, check.severity, line, rec.indikator[:120], r.raw.strip(), t.raw.strip(),
                    f"target {t.raw.strip()} and realisasi {r.raw.strip()} are in different units "
                    f"({', '.join(sorted(ut))} vs {', '.join(sorted(ur))})", page=rec.page,
                    related_lines=tuple(x for x in (t.prov.line if t.prov else None,) if x is not None))


def _slots(text: str) -> list[str]:
    return [slot.text for slot in find_placeholders(text)]


def check_placeholders(ctx: Context, check: Check) -> Iterator[Issue]:
    doc = ctx.report.document
    for st in doc.statements:
        for slot in find_placeholders(st.text):
            kind = "an unfilled template placeholder" if slot.kind == UNFILLED else \
                "a value left inside template brackets"
            yield Issue(check.name, check.severity, _slot_line(st.text, slot.offset, st.prov.line), slot.text[:80],
                        slot.text, "", f"{kind}: {slot.text}", page=st.prov.page)
    for grid in ctx.grids:
        for row in grid.rows:
            for cell in row:
                text = cell.text.strip()
                if text and (is_placeholder(text) or _slots(text)):
                    yield Issue(check.name, check.severity, cell.prov.line, grid.title[:80] or text, text, "",
                                f"template placeholder left in a table cell: {text}", page=cell.prov.page)
    for f in doc.formulas:
        text = " ".join((f.expression, f.stated))
        if EMPTY_FRACTION.search(text) or (ELLIPSIS.search(text) and not LATEX_DOTS.search(text)):
            yield Issue(check.name, check.severity, f.prov.line, f.label or "formula", text.strip()[:80], "",
                        f"formula left as a template: {text.strip()[:80]}", page=f.prov.page)


def _slot_line(text: str, offset: int, line: int | None) -> int | None:
    return None if line is None else line + text.count("\n", 0, offset)

"""Reading one body row against an aligned layout: which figure belongs to which value column.

Figures are matched to the value columns' anchors in order (a monotone matching that
takes as many figures as it can, then the nearest), so a row printed one cell off its
header still lands right. Each matched figure is parsed with its column's number
convention and the unit its header implies; a row's own unit (its `Satuan` cell) says
whether its target and realisasi are counts (`Orang`: `98,436` is 98436) and that they
are no rupiah.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

import regex as re

from interpret.cells import clean, convention_of, is_dash, is_figure, letters, quantity
from interpret.columns import VALUE_ROLES, HeaderColumn, Layout, Row
from normalizers.units import COUNT_UNITS, canonical_unit
from pipeline.model import Cell, Quantity

MAX_SHIFT = 2
_ROLE_UNIT = {"capaian": "percent", "pct": "percent", "pagu": "rupiah", "pagu_original": "rupiah",
              "pagu_revised": "rupiah"}
_YEAR_CELL = re.compile(r"^\s*((?:19|20)\d\d)\s*$")
_WORDS = re.compile(r"[a-z]+")
_MEASURED_ROLES = frozenset({"target", "realisasi"})  # the figures a row's `Satuan` cell gives the unit of


@dataclass(frozen=True)
class RowReading:
    row: Row
    values: tuple[tuple[HeaderColumn, Quantity], ...]
    label: str
    sasaran: str
    year: int | None
    first_line: int | None
    page: int | None
    unit: str = ""  # the unit the row prints in its `Satuan` column (`Orang`, `%`, `per 1.000 KH`), '' for none

    def get(self, role: str, year: int | None = None, any_year: bool = True) -> Quantity | None:
        for hc, q in self.values:
            if hc.role == role and (any_year or hc.year == year):
                return q
        return None

    def by_year(self) -> dict[int | None, dict[str, Quantity]]:
        """Figures by year and role; those of an ordinal period column (`TH II`, `TW III`) are `by_period`'s."""
        out: dict[int | None, dict[str, Quantity]] = {}
        for hc, q in self.values:
            if not hc.period:
                out.setdefault(hc.year, {}).setdefault(hc.role, q)
        return out

    def by_period(self) -> dict[str, dict[str, Quantity]]:
        """Figures under ordinal period columns (`TARGET / TH I … TH V`, `Target / Trw I … IV`), by period."""
        out: dict[str, dict[str, Quantity]] = {}
        for hc, q in self.values:
            if hc.period:
                out.setdefault(hc.period, {}).setdefault(hc.role, q)
        return out

    def by_basis(self) -> dict[str, dict[str, Quantity]]:
        """Figures measured against another basis than the year's (`renstra`), by basis, whatever their year."""
        out: dict[str, dict[str, Quantity]] = {}
        for hc, q in self.values:
            if hc.basis:
                out.setdefault(hc.basis, {}).setdefault(hc.role, q)
        return out

    def basis_year(self, basis: str) -> int | None:
        return max((hc.year for hc, _ in self.values if hc.basis == basis and hc.year), default=None)

    def plain_values(self) -> RowReading:
        """The reading without its other-basis figures."""
        return replace(self, values=tuple((hc, q) for hc, q in self.values if not hc.basis))


def monotone_match(cols: Sequence[int], anchors: Sequence[int], max_shift: int = MAX_SHIFT) -> list[tuple[int, int]]:
    """Order-preserving pairs (cell index, anchor index): most pairs first, then least total distance."""
    n, m = len(cols), len(anchors)
    best = [[(0, 0)] * (m + 1) for _ in range(n + 1)]
    for i in range(1, n + 1):
        for j in range(1, m + 1):
            cand = max(best[i - 1][j], best[i][j - 1])
            d = abs(cols[i - 1] - anchors[j - 1])
            if d <= max_shift:
                prev = best[i - 1][j - 1]
                cand = max(cand, (prev[0] + 1, prev[1] - d))
            best[i][j] = cand
    pairs: list[tuple[int, int]] = []
    i, j = n, m
    while i > 0 and j > 0:
        d = abs(cols[i - 1] - anchors[j - 1])
        prev = best[i - 1][j - 1]
        if d <= max_shift and best[i][j] == (prev[0] + 1, prev[1] - d):
            pairs.append((i - 1, j - 1))
            i, j = i - 1, j - 1
        elif best[i][j] == best[i - 1][j]:
            i -= 1
        else:
            j -= 1
    return pairs[::-1]


def _candidates(layout: Layout, row: Row) -> list[int]:
    out = []
    for c, cell in enumerate(row):
        if c in (layout.label_col, layout.sasaran_col, layout.year_col):
            continue
        if layout.label_col is not None and c < layout.label_col:
            continue
        owner = layout.owners.get(c)
        if owner is not None and owner.role not in VALUE_ROLES:
            continue
        if is_figure(cell.text):
            out.append(c)
    return out


def column_conventions(layout: Layout) -> dict[int, str | None]:
    out: dict[int, str | None] = {}
    for hc, anchor in layout.anchors:
        cols = set(hc.columns) | {anchor}
        cells = [row[c] for row in layout.body for c in cols if 0 <= c < len(row)]
        out[anchor] = convention_of(cells)
    return out


def _header_unit(hc: HeaderColumn) -> str:
    t = hc.text.lower()
    if "rp" in _WORDS.findall(t) or "rupiah" in t:
        return "rupiah"
    if "%" in t:
        return "percent"
    return _ROLE_UNIT.get(hc.role, "")


def unit_columns(layout: Layout) -> tuple[int, ...]:
    """The grid columns of the `Satuan` header over the body (as printed, then shifted with the values)."""
    hc = layout.spec.first("satuan")
    if hc is None:
        return ()
    return tuple(dict.fromkeys([*hc.columns, *(c + layout.offset for c in hc.columns)]))


def row_unit(row: Row, columns: Sequence[int]) -> str:
    """The unit a row names in its `Satuan` cell: the first text there that is no figure and no dash."""
    for c in columns:
        if 0 <= c < len(row):
            t = clean(row[c].text)
            if t and not is_figure(t) and not is_dash(t):
                return t
    return ""


def counted(unit: str, hc: HeaderColumn, header_unit: str, cell: Cell) -> bool:
    """A target or realisasi of a row counted in whole things (`Orang`, `Dokumen`, `Kali`): a whole number,
    so a lone separator before three digits groups thousands. Not a cell printed with `%`."""
    return (not header_unit and hc.role in _MEASURED_ROLES and "%" not in cell.text
            and canonical_unit(unit) in COUNT_UNITS)


def first_text(row: Row, skip: set[int | None]) -> str:
    for c, cell in enumerate(row):
        if c in skip:
            continue
        t = clean(cell.text)
        if t and not is_figure(t) and letters(t) >= 3:
            return t
    return ""


def read_rows(layout: Layout) -> tuple[RowReading, ...]:
    """Every body row read against the layout, in order; worked out once per layout (classify's money
    test and the budget or indicator reader then read the same layout)."""
    readings = layout.memo.get("rows")
    if readings is None:
        conv = column_conventions(layout)
        units = unit_columns(layout)
        readings = layout.memo["rows"] = tuple(read_row(layout, row, conv, units) for row in layout.body)
    return readings


def read_row(layout: Layout, row: Row, conventions: dict[int, str | None],
             unit_cols: Sequence[int] = ()) -> RowReading:
    """One body row's figures under their value columns, each read with its column's convention, the unit
    its header implies and (a target or realisasi) whether the row's `Satuan` counts whole things."""
    cols = _candidates(layout, row)
    anchors = [a for _, a in layout.anchors]
    pairs = monotone_match(cols, anchors)
    unit = row_unit(row, unit_cols)
    values: list[tuple[HeaderColumn, Quantity]] = []
    first: Cell | None = None
    for ci, aj in pairs:
        hc, anchor = layout.anchors[aj]
        cell = row[cols[ci]]
        header_unit = _header_unit(hc)
        q = quantity(cell, conventions.get(anchor), header_unit, counted(unit, hc, header_unit, cell))
        values.append((hc, q))
        if first is None:
            first = cell
    label = clean(row[layout.label_col].text) if layout.label_col is not None and layout.label_col < len(row) else ""
    sasaran = ""
    if layout.sasaran_col is not None and layout.sasaran_col < len(row):
        sasaran = clean(row[layout.sasaran_col].text)
    year = None
    if layout.year_col is not None and layout.year_col < len(row):
        m = _YEAR_CELL.match(row[layout.year_col].text)
        year = int(m.group(1)) if m else None
    return RowReading(
        row=row,
        values=tuple(values),
        label=label,
        sasaran=sasaran,
        year=year,
        first_line=first.prov.line if first else None,
        page=first.prov.page if first else None,
        unit=unit,
    )

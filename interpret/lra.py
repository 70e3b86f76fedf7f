"""Laporan Realisasi Anggaran: sections PENDAPATAN / BELANJA / PEMBIAYAAN, accounts nested by their numbers.

A budget table is read as an LRA when its rows open at least two of the three sections.
Each row then takes its kind from its section, not from the table as a whole:

- BELANJA rows are `by_belanja`;
- PENDAPATAN rows are `other`, not `pnbp`: PNBP (Penerimaan Negara Bukan Pajak) is the
  central government's non-tax receipt, and a regional government's revenue (pajak daerah,
  retribusi, transfers from the centre) is neither central nor, for its largest parts,
  non-tax. Calling it PNBP would let a reader sum a Pemda's taxes with a Kantor Imigrasi's
  passport fees. Only where the section or the table names PNBP itself are its rows `pnbp`;
- PEMBIAYAAN rows (financing: SiLPA used, loans received and repaid) are `other`.

Nesting: a row's parent_item is the nearest row above whose account number (`1.1.`) is a
prefix of its own (`1.1.1.`). A `JUMLAH` row is a total; its parent is the open account above
whose amounts it repeats (the JUMLAH under 3.1.x closes 3.1, not 3), else the section. The
balances the statement derives from its totals (SURPLUS/(DEFISIT), SiLPA, PEMBIAYAAN NETTO)
are totals under no parent.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

import regex as re

from interpret.context import is_total
from interpret.hierarchy import Code, parents_by_numbering

_SECTION = re.compile(r"^\W*(?:\d+\.?\s*)*(pendapatan|belanja|pembiayaan)\b", re.I)
_PNBP = re.compile(r"\bpnbp\b|penerimaan\s+negara\s+bukan\s+pajak", re.I)
_BALANCE = re.compile(r"^\W*(?:surplus|defisit|sisa\s+lebih|silpa|sikpa|pembiayaan\s+netto|netto)\b", re.I)
_KIND = {"belanja": "by_belanja", "pendapatan": "other", "pembiayaan": "other"}


@dataclass(frozen=True)
class LraRow:
    item: str
    code: Code | None
    amounts: tuple[Decimal | None, ...]


@dataclass(frozen=True)
class LraReading:
    kind: str
    parent_item: str
    is_total: bool


def section_of(row: LraRow) -> str:
    """`pendapatan`, `belanja`, `pembiayaan` for a row that opens a section (a one-segment code), else ''."""
    m = _SECTION.match(row.item)
    if m is None:
        return ""
    heads = len(row.code) == 1 if row.code is not None else row.item.isupper()
    return m.group(1).lower() if heads else ""


def is_lra(rows: Sequence[LraRow]) -> bool:
    return len({s for r in rows if (s := section_of(r))}) >= 2


def _ancestors(parents: Sequence[int | None], i: int) -> list[int]:
    out = []
    p = parents[i]
    while p is not None:
        out.append(p)
        p = parents[p]
    return out


def _total_parent(rows: Sequence[LraRow], parents: Sequence[int | None], i: int, section: int | None) -> str:
    """The open account above a JUMLAH row that it closes: of the accounts the row above belongs to, the
    nearest whose amounts it repeats (not the row above itself: a JUMLAH closes a group)."""
    above = next((j for j in range(i - 1, -1, -1) if rows[j].code is not None), None)
    if above is None:
        return ""
    for j in _ancestors(parents, above):
        if rows[j].amounts == rows[i].amounts:
            return rows[j].item
    return rows[section].item if section is not None else ""


def lra_readings(rows: Sequence[LraRow], label: str = "") -> list[LraReading]:
    """Kind, parent_item and is_total of every row of an LRA table (see the module docstring)."""
    parents = parents_by_numbering([r.code for r in rows])
    pnbp = bool(_PNBP.search(label))
    out: list[LraReading] = []
    section: int | None = None
    kind = "other"
    for i, row in enumerate(rows):
        name = section_of(row)
        if name:
            section = i
            kind = "pnbp" if name == "pendapatan" and (pnbp or _PNBP.search(row.item)) else _KIND[name]
        if _BALANCE.match(row.item) and row.code is None:
            out.append(LraReading("other", "", True))
            section = None
            kind = "other"
        elif is_total(row.item):
            out.append(LraReading(kind, _total_parent(rows, parents, i, section), True))
        else:
            p = parents[i]
            out.append(LraReading(kind, rows[p].item if p is not None else "", False))
    return out

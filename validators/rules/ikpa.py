"""Rule family 6 (weighted scores) — IKPA aspects and the conversion of weights.

An IKPA table (Indikator Pelaksanaan Anggaran) prints per indicator column a `Nilai`, a `Bobot`
and a `Nilai Akhir` row, and a `Nilai Aspek` row whose cell opens each aspect (the indicators up
to the next aspect cell). Then `Nilai Total`, `Konversi Bobot` and `Nilai Akhir (Nilai Total /
Konversi Bobot)` columns:

* an aspect's value is the mean of its applicable indicators' Nilai (an indicator with bobot 0 is
  not applicable), or — the weighted reading — Σ Nilai Akhir / Σ Bobot × 100;
* Nilai Akhir = Nilai Total / Konversi Bobot × 100, less a `Dispensasi SPM (Pengurang)` if printed.

Where the report's own figures satisfy neither reading, the finding is a warning (the aspect
formula has changed between IKPA regulations).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from decimal import Decimal

import regex as re

from validators.rounding import Interval, Verdict, fmt, judge, stated_interval
from validators.rules.base import Check, Context, Issue
from validators.rules.grid import Grid, GridCell

Row = tuple[GridCell, ...]

ASPECT_ROW = re.compile(r"^nilai\s+aspek$", re.I)
NILAI_ROW = re.compile(r"^nilai$", re.I)
BOBOT_ROW = re.compile(r"^bobot$", re.I)
AKHIR_ROW = re.compile(r"^nilai\s+akhir$", re.I)
TOTAL_HEADER = re.compile(r"^\W*nilai\s+total\W*$", re.I)
KONVERSI_HEADER = re.compile(r"^\W*konversi\s+bobot", re.I)
FINAL_HEADER = re.compile(r"^\W*nilai\s+akhir\b", re.I)
PENGURANG_HEADER = re.compile(r"pengurang", re.I)
ZERO, HUNDRED = Decimal(0), Decimal(100)


def row_by_label(grid: Grid, pattern: re.Pattern[str]) -> Row | None:
    """The one row whose last text cell `pattern` matches."""
    found = []
    for r in grid.rows:
        words = [c.text.strip() for c in r if not c.number and c.text.strip()]
        if words and pattern.match(words[-1]):
            found.append(r)
    return found[0] if len(found) == 1 else None


def _iv(row: Row | None, col: int) -> Interval | None:
    if row is None or col >= len(row) or not row[col].number or row[col].q.value is None:
        return None
    return stated_interval(row[col].q.value, row[col].q.decimals)


def _value(row: Row | None, col: int) -> Decimal | None:
    if row is None or col >= len(row) or not row[col].number:
        return None
    return row[col].q.value


def aspect_spans(aspect: Row, akhir: Row) -> list[tuple[int, range, list[range]]]:
    """(aspect cell column, its indicator columns, the spans one cell off): each aspect runs to the next
    one, the last to the last Nilai Akhir figure. Exports lose empty cells of the short rows (Bobot, Nilai
    Aspek), so an aspect whose cell or end stands one column off is read as well."""
    starts = [j for j, c in enumerate(aspect) if c.number]
    ends = [j for j, c in enumerate(akhir) if c.number]
    if len(starts) < 2 or not ends:
        return []
    last = max(ends) + 1
    bounds = [*starts[1:], last]
    out = []
    for s, e in zip(starts, bounds, strict=True):
        if e <= s:
            continue
        nearby = [range(a, b) for a in (s, s + 1) for b in (e - 1, e, e + 1) if a < b <= last]
        out.append((s, range(s, e), nearby))
    return out


def _mean(values: Sequence[Interval]) -> Interval | None:
    if not values:
        return None
    total = Interval.exact(ZERO)
    for v in values:
        total = total + v
    return total.scale(Decimal(1) / Decimal(len(values)))


def aspect_readings(cols: range, nilai: Row, bobot: Row | None, akhir: Row) -> list[Interval]:
    """The values an aspect may have: the mean of its applicable Nilai, Σ Nilai Akhir / Σ Bobot × 100."""
    applicable = [j for j in cols if _value(bobot, j) != ZERO]
    out = []
    mean = _mean([v for j in applicable if (v := _iv(nilai, j)) is not None])
    if mean is not None:
        out.append(mean)
    weights = [w for j in cols if (w := _value(bobot, j)) is not None]
    finals = [v for j in cols if (v := _iv(akhir, j)) is not None]
    if weights and finals and len(weights) == len(finals) and sum(weights) > 0:
        total = Interval.exact(ZERO)
        for f in finals:
            total = total + f
        out.append(total.scale(HUNDRED / sum(weights)))
    return out


def _holds(cell: GridCell, readings: Sequence[Interval]) -> bool:
    assert cell.q.value is not None
    return any(judge(cell.q.value, cell.q.decimals, r) != Verdict.MISMATCH for r in readings)


def check_aspects(ctx: Context, check: Check) -> Iterator[Issue]:
    for grid in ctx.grids:
        aspect, nilai, akhir = (row_by_label(grid, p) for p in (ASPECT_ROW, NILAI_ROW, AKHIR_ROW))
        if aspect is None or nilai is None or akhir is None:
            continue
        bobot = row_by_label(grid, BOBOT_ROW)
        for start, cols, nearby in aspect_spans(aspect, akhir):
            cell = aspect[start]
            readings = aspect_readings(cols, nilai, bobot, akhir)
            if not readings or cell.q.value is None:
                continue
            if any(_holds(cell, aspect_readings(span, nilai, bobot, akhir)) for span in nearby):
                continue
            names = ", ".join(grid.header(j) for j in cols)[:120]
            yield Issue(check.name, check.severity, cell.prov.line, f"{grid.title or 'IKPA'}: nilai aspek ({names})",
                        cell.text.strip(), fmt(readings[0].mid, 2),
                        f"Nilai Aspek {cell.text.strip()} is neither the mean of its indicators' Nilai "
                        f"({fmt(readings[0].mid, 2)}) nor Σ Nilai Akhir / Σ Bobot of {names}",
                        difference=fmt(cell.q.value - readings[0].mid, 2), page=cell.prov.page)


def _column(grid: Grid, pattern: re.Pattern[str]) -> int | None:
    found = [j for j in range(len(grid.headers)) if pattern.search(grid.header(j))]
    return found[0] if len(found) == 1 else None


def check_konversi(ctx: Context, check: Check) -> Iterator[Issue]:
    """Nilai Akhir = Nilai Total / Konversi Bobot × 100 (less a printed Dispensasi SPM pengurang)."""
    for grid in ctx.grids:
        ct, ck, cf = (_column(grid, p) for p in (TOTAL_HEADER, KONVERSI_HEADER, FINAL_HEADER))
        if ct is None or ck is None or cf is None or len({ct, ck, cf}) < 3:
            continue
        cp = _column(grid, PENGURANG_HEADER)
        for row in grid.rows:
            total, konv, final = _iv(row, ct), _value(row, ck), row[cf] if cf < len(row) else None
            if total is None or not konv or final is None or not final.number or final.q.value is None:
                continue
            computed = total.scale(HUNDRED / konv)
            less = _iv(row, cp) if cp is not None else None
            if less is not None:
                computed = computed - less
            if judge(final.q.value, final.q.decimals, computed) != Verdict.MISMATCH:
                continue
            yield Issue(check.name, check.severity, final.prov.line, f"{grid.title or 'IKPA'}: nilai akhir",
                        final.text.strip(), fmt(computed.mid, 2),
                        f"Nilai Akhir {final.text.strip()} stated, but Nilai Total {row[ct].text.strip()} / Konversi "
                        f"Bobot {row[ck].text.strip()}" + (" less the pengurang" if less is not None else "")
                        + f" gives {fmt(computed.mid, 2)}", difference=fmt(final.q.value - computed.mid, 2),
                        page=final.prov.page)

"""Rule family 5 — weighted score tables (SMART, IKPA, Nilai Kinerja Anggaran).

* weights declared in prose as a list (`Capaian keluaran dengan bobot 43,5%`, `Revisi DIPA:
  10 persen`) summing to 100 are matched to the columns of the table that follows (same
  first word, an acronym in brackets, fuzzy likeness, or the one column left); each row's
  Σ nilai × bobot must give its Nilai Kinerja / Nilai Total column, or — for a one-row
  component table — the value the next sentence states for the table's title (a plain sum
  of already-weighted parts is accepted too);
* `Nilai × Bobot = Nilai Akhir` rows of an IKPA table;
* a combined score (`Nilai Kinerja Anggaran` from SMART and IKPA) must lie between its parts.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from decimal import Decimal
from itertools import product

import regex as re
from rapidfuzz import fuzz

from normalizers.numbers import find_numbers, parse_token
from pipeline.model import Severity, Statement
from validators.rounding import HUNDRED, Interval, Verdict, fmt, judge, stated_interval
from validators.rules.base import Check, Context, Issue, figure
from validators.rules.grid import Grid, GridCell

WORD = re.compile(r"\p{L}+")
ACRONYM = re.compile(r"\(([A-Z]{2,6})\)")
SEBESAR_END = re.compile(r"sebesar\s*$")
TOTAL_WORD = re.compile(r"total|jumlah", re.I)
TABLE_PREFIX = re.compile(r"^\W*tabel\s+[\w.]+\s*", re.I)
NILAI_WORD = re.compile(r"\bnilai\b", re.I)
YEAR_OR_NO_HEADER = re.compile(r"tahun|^no$", re.I)

WEIGHT_ITEM = re.compile(
    r"(?P<label>\p{L}[\p{L}\s()/&-]{1,90}?)\s*(?:,?\s*dengan\s+bobot|\(?\s*bobot\s*:?|:)\s*"
    r"(?P<w>\d{1,3}(?:[.,]\d{1,2})?)\s*(?:%|persen)", re.I)
# what every WEIGHT_ITEM match contains: a cheap test that spares the costly search on most sentences
WEIGHT_ANCHOR = re.compile(r"(?:bobot|:)\s*\d{1,3}(?:[.,]\d{1,2})?\s*(?:%|persen)", re.I)
TOTAL_HEADER = re.compile(r"\bnilai\s+(?:kinerja|total|akhir)\b|^\s*(?:nilai|total|skor)\s*$", re.I)
LIST_MARK = re.compile(r"^[\s\-•*]*(?:\d{1,2}|[a-z])[.)]\s*|^\W+|\s+$", re.I)


@dataclass(frozen=True)
class Weight:
    label: str
    value: Decimal
    line: int


def declared_weight_sets(statements: Sequence[Statement]) -> list[list[Weight]]:
    """Lists of declared weights (items on nearby lines) that add up to 100 %."""
    sets: list[list[Weight]] = []
    current: list[Weight] = []
    for st in statements:
        line = st.prov.line or 0
        found = []
        for m in (WEIGHT_ITEM.finditer(st.text) if WEIGHT_ANCHOR.search(st.text) else ()):
            parsed = parse_token(m.group("w"))
            label = LIST_MARK.sub("", m.group("label")).strip()
            if parsed is None or not label:
                continue
            found.append(Weight(label, parsed[0], line + st.text.count("\n", 0, m.start())))
        if not found:
            continue
        if current and line - current[-1].line > 4:
            sets.append(current)
            current = []
        current.extend(found)
    if current:
        sets.append(current)
    return [s for s in sets if len(s) >= 2 and abs(sum((w.value for w in s), Decimal(0)) - HUNDRED) <= 1]


def _words(text: str) -> list[str]:
    return WORD.findall(text.lower())


def _match_strength(label: str, header: str) -> int:
    """3: the header is the label's first word(s); 2: the label's bracketed acronym; 1: fuzzy; 0: none."""
    lw, hw = _words(label), _words(header)
    if not lw or not hw:
        return 0
    if hw == lw[:len(hw)] or hw[-1] == lw[0] or fuzz.ratio(hw[-1], lw[0]) >= 85:
        return 3
    acronym = ACRONYM.search(label)
    if acronym and acronym.group(1).lower() in hw:
        return 2
    return 1 if fuzz.token_set_ratio(" ".join(lw), " ".join(hw)) >= 90 else 0


def _options(label: str, cols: list[int], grid: Grid) -> list[int]:
    scored = [(_match_strength(label, grid.header(j)), j) for j in cols]
    best = max((s for s, _ in scored), default=0)
    return [j for s, j in scored if s == best and s > 0]


def assignments(weights: list[Weight], grid: Grid, exclude: set[int]) -> list[dict[int, int]]:
    """Possible column for each weight (index into weights → column), every combination."""
    cols = [j for j in range(len(grid.headers)) if j not in exclude and grid.header(j).strip()]
    options = [_options(w.label, cols, grid) for w in weights]
    unmatched = [i for i, o in enumerate(options) if not o]
    if len(unmatched) > 1:
        return []
    if unmatched:
        used = {j for o in options for j in o}
        left = [j for j in cols if j not in used and not YEAR_OR_NO_HEADER.search(grid.header(j))]
        if len(left) != 1:
            return []
        options[unmatched[0]] = left
    out = []
    for combo in product(*options):
        if len(set(combo)) == len(combo):
            out.append(dict(enumerate(combo)))
    return out[:16]


def _value(row: tuple[GridCell, ...], col: int) -> Interval | None:
    """A cell's interval: whole numbers (weights, counts) exact, decimals by their printed precision."""
    if col >= len(row) or not row[col].number or row[col].q.value is None:
        return None
    return figure(row[col].q).interval


def _weighted(row: tuple[GridCell, ...], weights: list[Weight], combo: dict[int, int]) -> Interval | None:
    total = Interval.exact(Decimal(0))
    for i, col in combo.items():
        v = _value(row, col)
        if v is None:
            return None
        total = total + v.scale(weights[i].value / HUNDRED)
    return total


def _nearby_grids(ctx: Context, weights: list[Weight]) -> list[Grid]:
    last = max(w.line for w in weights)
    return [g for g in ctx.grids if g.line is not None and 0 < g.line - last <= 40]


def check_declared_weights(ctx: Context, check: Check) -> Iterator[Issue]:
    for weights in declared_weight_sets(ctx.report.document.statements):
        wlines = tuple(sorted({w.line for w in weights}))
        for grid in _nearby_grids(ctx, weights)[:2]:
            total_cols = [j for j in range(len(grid.headers)) if TOTAL_HEADER.search(grid.header(j))]
            combos = assignments(weights, grid, set(total_cols))
            if not combos:
                continue
            yield from _check_rows(ctx, check, grid, weights, combos, total_cols, wlines)


def _check_rows(ctx: Context, check: Check, grid: Grid, weights: list[Weight], combos: list[dict[int, int]],
                total_cols: list[int], wlines: tuple[int, ...]) -> Iterator[Issue]:
    for row in grid.rows:
        sums = [s for c in combos if (s := _weighted(row, weights, c)) is not None]
        if not sums:
            continue
        if total_cols:
            cell = row[total_cols[0]] if total_cols[0] < len(row) else None
            if cell is None or not cell.number or cell.q.value is None:
                continue
            stated, decimals, line, raw = cell.q.value, cell.q.decimals, cell.prov.line, cell.text.strip()
            page = cell.prov.page
            plain = None
        else:
            found = _stated_after(ctx, grid)
            if found is None:
                continue
            stated, decimals, line, raw, page = found
            parts = [v for j in range(len(row)) if (v := _value(row, j)) is not None]
            plain = sum((p.mid for p in parts), Decimal(0))
            if judge(stated, decimals, Interval(sum((p.lo for p in parts), Decimal(0)),
                                                sum((p.hi for p in parts), Decimal(0)))) != Verdict.MISMATCH:
                continue
        if any(judge(stated, decimals, s) != Verdict.MISMATCH for s in sums):
            continue
        closest = min(sums, key=lambda x: abs(x.mid - stated))
        expected = plain if plain is not None and plain <= HUNDRED else closest.mid
        weights_text = ", ".join(f"{w.label[:30]} {fmt(w.value)}%" for w in weights)
        yield Issue(check.name, check.severity, line, f"{grid.title or 'score table'}"[:160], raw,
                    fmt(expected, 2), f"{raw} stated, but the declared weights ({weights_text}) applied to "
                    f"the row give {fmt(closest.mid, 2)}" + (f" and its parts add up to {fmt(plain, 2)}"
                                                                 if plain is not None else ""),
                    difference=fmt(stated - expected, 2), related_lines=wlines, page=page)


def _stated_after(ctx: Context, grid: Grid) -> tuple[Decimal, int, int | None, str, int | None] | None:
    """`<title of the table> sebesar X` in the sentences after a one-row table."""
    title = TABLE_PREFIX.sub("", grid.title or "").strip().lower()
    if len(title) < 10 or len(grid.rows) != 1 or grid.line is None:
        return None
    for st in ctx.report.document.statements:
        line = st.prov.line
        if line is None or not 0 < line - grid.line <= 15:
            continue
        low = st.text.lower()
        pos = low.find(title)
        if pos < 0:
            continue
        for m in find_numbers(st.text[pos:]):
            if m.value is not None and SEBESAR_END.search(st.text[pos:pos + m.start]):
                return m.value, m.decimals, line, m.raw, st.prov.page
    return None


def check_score_rows(ctx: Context, check: Check) -> Iterator[Issue]:
    """IKPA rows: Nilai × Bobot / 100 = Nilai Akhir, column by column."""
    for grid in ctx.grids:
        nilai, bobot = _row_by_label(grid, _NILAI_LABEL), _row_by_label(grid, _BOBOT_LABEL)
        akhir = _row_by_label(grid, _AKHIR_LABEL)
        if nilai is None or bobot is None or akhir is None:
            continue
        counts = [sum(1 for c in r if c.number) for r in (nilai, bobot, akhir)]
        if counts[1] != counts[2] or counts[1] > counts[0]:
            continue  # a weight cell missing or cells shifted: columns cannot be paired
        for col, cell in enumerate(akhir):
            v, w = _value(nilai, col), _value(bobot, col)
            if not cell.number or cell.q.value is None or v is None or w is None:
                continue
            computed = (v * w).scale(Decimal("0.01"))
            if judge(cell.q.value, cell.q.decimals, computed) != Verdict.MISMATCH:
                continue
            yield Issue(check.name, Severity.ERROR, cell.prov.line, f"{grid.title or 'IKPA'}: {grid.header(col)}"[:160],
                        cell.text.strip(), fmt(computed.mid, 2),
                        f"Nilai Akhir {cell.text.strip()} stated, but nilai × bobot = {fmt(computed.mid, 2)}",
                        page=cell.prov.page)


_NILAI_LABEL = re.compile(r"^nilai$", re.I)
_BOBOT_LABEL = re.compile(r"^bobot$", re.I)
_AKHIR_LABEL = re.compile(r"^nilai\s+akhir$", re.I)
_NILAI_HEADER = re.compile(r"nilai", re.I)
_BOBOT_HEADER = re.compile(r"bobot(?:\s*\(%\))?", re.I)
_AKHIR_HEADER = re.compile(r"nilai\s+akhir", re.I)


def _column(grid: Grid, pattern: re.Pattern[str]) -> int | None:
    """The one column whose whole header `pattern` matches (None when none or several)."""
    found = [j for j in range(len(grid.headers)) if pattern.fullmatch(grid.header(j).strip())]
    return found[0] if len(found) == 1 else None


def check_score_columns(ctx: Context, check: Check) -> Iterator[Issue]:
    """IKPA as columns: each row's Nilai × Bobot = Nilai Akhir; the Nilai Total row = Σ Nilai Akhir."""
    for grid in ctx.grids:
        cn, cb, ca = _column(grid, _NILAI_HEADER), _column(grid, _BOBOT_HEADER), _column(grid, _AKHIR_HEADER)
        if cn is None or cb is None or ca is None:
            continue
        parts: list[Interval] = []
        for row in grid.rows:
            akhir = row[ca] if ca < len(row) else None
            v, w = _value(row, cn), (row[cb].q.value if cb < len(row) and row[cb].number else None)
            if akhir is None or not akhir.number or akhir.q.value is None:
                continue
            if v is None and w is not None and TOTAL_WORD.search(grid.label(row)) and parts:
                total = Interval.exact(Decimal(0))
                for p in parts:
                    total = total + p
                if judge(akhir.q.value, akhir.q.decimals, total) == Verdict.MISMATCH:
                    yield Issue(check.name, Severity.ERROR, akhir.prov.line, f"{grid.title or 'IKPA'}: nilai total",
                                akhir.text.strip(), fmt(total.mid, 2),
                                f"Nilai Total {akhir.text.strip()} stated, but the Nilai Akhir above add up to "
                                f"{fmt(total.mid, 2)}", page=akhir.prov.page)
                continue
            if v is None or w is None:
                continue
            parts.append(stated_interval(akhir.q.value, akhir.q.decimals))
            computed = (v * Interval.exact(w)).scale(Decimal("0.01"))
            if judge(akhir.q.value, akhir.q.decimals, computed) == Verdict.MISMATCH:
                yield Issue(check.name, Severity.ERROR, akhir.prov.line, f"{grid.title or 'IKPA'}: {grid.label(row)}"
                            [:160], akhir.text.strip(), fmt(computed.mid, 2),
                            f"Nilai Akhir {akhir.text.strip()} stated, but nilai × bobot = {fmt(computed.mid, 2)}",
                            page=akhir.prov.page)


def _row_by_label(grid: Grid, pattern: re.Pattern[str]) -> tuple[GridCell, ...] | None:
    """The first row whose last text cell `pattern` matches."""
    for r in grid.rows:
        words = [c.text.strip() for c in r if not c.number and c.text.strip()]
        if words and pattern.match(words[-1]):
            return r
    return None


def check_combined_scores(ctx: Context, check: Check) -> Iterator[Issue]:
    """A combined score column must lie between the scores it combines, in every row."""
    for grid in ctx.grids:
        tcols = [j for j in range(len(grid.headers)) if NILAI_WORD.search(grid.header(j))
                 and TOTAL_HEADER.search(grid.header(j))]
        if len(tcols) != 1 or tcols[0] != len(grid.headers) - 1:
            continue
        t = tcols[0]
        results = []
        for row in grid.rows:
            total = _value(row, t)
            parts = [v for j in range(len(row)) if j != t and (v := _value(row, j)) is not None
                     and not YEAR_OR_NO_HEADER.search(grid.header(j))]
            if total is None or len(parts) < 2 or any(p.hi > 101 for p in (*parts, total)):
                continue  # scores are on a 0-100 scale; larger figures are counts, not scores
            inside = min(p.lo for p in parts) <= total.hi and total.lo <= max(p.hi for p in parts)
            results.append((row, total, parts, inside))
        if sum(1 for r in results if r[3]) < 2:
            continue
        for row, _total, parts, inside in results:
            if inside:
                continue
            cell = row[t]
            low, high = fmt(min(p.mid for p in parts)), fmt(max(p.mid for p in parts))
            yield Issue(check.name, check.severity, cell.prov.line, f"{grid.title or 'score table'}"[:160],
                        cell.text.strip(), f"between {low} and {high}",
                        f"{grid.header(t)} {cell.text.strip()} cannot combine scores "
                        f"{', '.join(fmt(p.mid) for p in parts)}: any weighted mean lies between them",
                        page=cell.prov.page)

"""pdfplumber as an engine: words and numbered lines of a page, ruled tables, unruled tables.

Pure functions over a `pdfplumber.page.Page` (or over the words already read from it).
Ruled tables come from pdfplumber's `find_tables` (lines strategy); their cells are filled
from the page's words, so each cell knows its line-within-page, and a row whose numeric
cells stack several values (one ruled row, many unruled sub-rows, as LRA tables print) is
split into one row per value. Unruled tables are found as runs of lines cut by wide gaps,
with columns from the gaps of their number-bearing lines.
"""

from __future__ import annotations

import itertools
import statistics
from collections import Counter
from collections.abc import Sequence
from dataclasses import replace
from typing import Any

from extractors.pdf.grid import EMPTY, BBox, Grid, GridCell, PageLine, Word, drop_empty_columns, inside
from extractors.pdf.numeric import is_numeric
from extractors.pdf.settings import PdfSettings

ENGINE = "pdfplumber"


# --------------------------------------------------------------------------- words and lines


def page_words(page: Any, settings: PdfSettings) -> list[Word]:
    raw = page.extract_words(x_tolerance=settings.x_tolerance, y_tolerance=2, keep_blank_chars=False)
    return [Word(w["text"], float(w["x0"]), float(w["x1"]), float(w["top"]), float(w["bottom"])) for w in raw]


# --------------------------------------------------------------------------- ruled tables


def extract_tables(page: Any, settings: PdfSettings, lines: Sequence[PageLine]) -> list[Grid]:
    """The ruled tables of the page, cells filled from the page's words."""
    table_set = table_settings(page, settings)
    if len(table_set["explicit_vertical_lines"]) < 2:
        return []  # nothing drawn that could rule a table
    found = page.find_tables(table_set)
    grids = (_ruled_grid(t, page.page_number, lines, settings.min_column_width) for t in found)
    return [g for g in grids if g is not None]


def is_rule(obj: dict[str, Any], thin: float) -> bool:
    """A drawn line, a stroked box, or a filled box thin enough to be a line; not a cell's background fill.

    Word processors shade header cells with filled boxes (and a small box for each cell
    padding); their edges would cut a table into columns and rows that are not there.
    """
    if obj.get("object_type") == "line":
        return True
    return bool(obj.get("stroke")) or min(float(obj["width"]), float(obj["height"])) <= thin


def table_settings(page: Any, settings: PdfSettings) -> dict[str, Any]:
    """pdfplumber table settings whose ruling lines are the page's rules only (no background fills)."""
    from pdfplumber.utils import obj_to_edges

    rules = [o for o in (*page.lines, *page.rects, *page.curves) if is_rule(o, settings.max_rule_width)]
    edges = [e for o in rules for e in obj_to_edges(o)]
    thin = settings.max_rule_width  # the short ends of a thin box are not rules
    vertical = [e for e in edges if e["orientation"] == "v" and e["height"] > thin]
    horizontal = [e for e in edges if e["orientation"] == "h" and e["width"] > thin]
    horizontal += closing_edges(vertical, horizontal, float(settings.ruled.get("snap_tolerance", 3)))
    return {**settings.ruled, "explicit_vertical_lines": vertical, "explicit_horizontal_lines": horizontal}


def closing_edges(vertical: Sequence[dict[str, Any]], horizontal: Sequence[dict[str, Any]],
                  tolerance: float) -> list[dict[str, Any]]:
    """Horizontal edges where column rules start or end with no row rule drawn at that height.

    A table continued from the previous page often has no top rule (and one running onto the
    next page no bottom rule): its column rules alone say where it begins and ends.
    """
    out: list[dict[str, Any]] = []
    for key in ("top", "bottom"):
        for ys, x0, x1 in _level_groups(vertical, key, tolerance):
            y = min(ys) if key == "top" else max(ys)
            if not any(abs(e["top"] - y) <= tolerance and e["x1"] > x0 and e["x0"] < x1 for e in horizontal):
                out.append(_h_edge(x0, x1, y))
    return out


Level = tuple[list[float], float, float]  # heights of the rule ends, x0, x1


def _level_groups(edges: Sequence[dict[str, Any]], key: str, tolerance: float) -> list[Level]:
    """Vertical edges whose `key` ends lie at one height (≥2 of them): their heights and x range."""
    groups: list[list[dict[str, Any]]] = []
    for e in sorted(edges, key=lambda e: e[key]):
        if groups and e[key] - groups[-1][-1][key] <= tolerance:
            groups[-1].append(e)
        else:
            groups.append([e])
    return [([e[key] for e in g], min(e["x0"] for e in g), max(e["x1"] for e in g)) for g in groups
            if len({round(e["x0"]) for e in g}) >= 2]


def _h_edge(x0: float, x1: float, y: float) -> dict[str, Any]:
    return {"object_type": "rule_edge", "orientation": "h", "x0": x0, "x1": x1, "top": y, "bottom": y,
            "width": x1 - x0, "height": 0.0}


def _ruled_grid(table: Any, page_no: int, lines: Sequence[PageLine], min_width: float) -> Grid | None:
    """One pdfplumber table → Grid; an empty column is dropped only when too narrow to be a real column
    (a sliver where rules meet), so a continuation page keeps the columns of the page before."""
    boxes: list[list[BBox | None]] = [list(r.cells) for r in table.rows]
    if len(boxes) < 2 or max(len(r) for r in boxes) < 2:
        return None
    bbox: BBox = tuple(table.bbox)  # type: ignore[assignment]
    # words of each cell, keeping their line numbers
    cell_lines: list[list[list[tuple[int, Word]]]] = [[[] for _ in r] for r in boxes]
    for ln in lines:
        if ln.bottom < bbox[1] - 1 or ln.top > bbox[3] + 1:
            continue
        for w in ln.words:
            if not inside(w, bbox):
                continue
            hit = _find_cell(boxes, w)
            if hit:
                cell_lines[hit[0]][hit[1]].append((ln.number, w))
    rows: list[tuple[GridCell, ...]] = []
    numeric_cols = _numeric_columns(cell_lines)
    for r in cell_lines:
        rows.extend(split_stacked(r, numeric_cols))
    wide = frozenset(c for c, col in enumerate(table.columns) if col.bbox[2] - col.bbox[0] >= min_width)
    rows_t = drop_empty_columns(join_wrapped(drop_empty_rows(rows), numeric_cols), keep=wide)
    if len(rows_t) < 2 or not rows_t or len(rows_t[0]) < 2:
        return None
    return Grid(page_no, rows_t, bbox, ENGINE, ruled=True)


def _find_cell(boxes: Sequence[Sequence[BBox | None]], w: Word) -> tuple[int, int] | None:
    x, y = w.center
    for i, row in enumerate(boxes):
        for j, b in enumerate(row):
            if b is not None and b[0] <= x <= b[2] and b[1] <= y <= b[3]:
                return i, j
    return None


def _join(items: Sequence[tuple[int, Word]]) -> GridCell:
    if not items:
        return EMPTY
    ordered = sorted(items, key=lambda t: (t[0], t[1].x0))
    return GridCell(" ".join(w.text for _, w in ordered), ordered[0][0])


def _line_texts(items: Sequence[tuple[int, Word]]) -> dict[int, str]:
    by_line: dict[int, list[Word]] = {}
    for n, w in items:
        by_line.setdefault(n, []).append(w)
    return {n: " ".join(w.text for w in sorted(ws, key=lambda w: w.x0)) for n, ws in sorted(by_line.items())}


def _numeric_columns(cells: Sequence[Sequence[Sequence[tuple[int, Word]]]]) -> frozenset[int]:
    """Columns where most non-empty cell lines are numbers (or dashes)."""
    votes: Counter[int] = Counter()
    totals: Counter[int] = Counter()
    for row in cells:
        for c, items in enumerate(row):
            for text in _line_texts(items).values():
                totals[c] += 1
                votes[c] += _is_value(text)
    return frozenset(c for c in totals if totals[c] >= 2 and votes[c] * 2 > totals[c])


def _is_value(text: str) -> bool:
    return is_numeric(text) or text.strip() in {"-", "–"}


def split_stacked(
    row: Sequence[Sequence[tuple[int, Word]]], numeric_cols: frozenset[int]
) -> list[tuple[GridCell, ...]]:
    """One ruled row → several rows when a numeric column stacks ≥2 values on separate lines.

    Each value line starts a sub-row; text lines between value lines (a wrapped label)
    stay with the sub-row above them.
    """
    values = {c: [n for n, t in _line_texts(row[c]).items() if _is_value(t)] for c in numeric_cols if c < len(row)}
    anchors = sorted({n for ns in values.values() for n in ns})
    stacked = any(len(ns) >= 2 for ns in values.values())
    if not stacked or len(anchors) < 2:
        return [tuple(_join(items) for items in row)]
    out: list[tuple[GridCell, ...]] = []
    for k, start in enumerate(anchors):
        end = anchors[k + 1] if k + 1 < len(anchors) else 10**9
        lo = start if k else -1
        out.append(tuple(_join([(n, w) for n, w in items if lo <= n < end]) for items in row))
    return out


def drop_empty_rows(rows: Sequence[tuple[GridCell, ...]]) -> list[tuple[GridCell, ...]]:
    return [r for r in rows if any(c.text for c in r)]


def join_wrapped(rows: Sequence[tuple[GridCell, ...]], numeric_cols: frozenset[int]) -> list[tuple[GridCell, ...]]:
    """Rows holding only wrapped label text are joined to the labels above them.

    Some tables rule every printed line as its own row. A row with no value in any numeric
    column, following a row that has values, holds the continuation of labels: each of its
    cells is appended to the nearest row above (at most `_WRAP_REACH` rows up) with text in
    that column — which also rejoins a sasaran label that wraps beside several indicators.
    """
    out: list[list[GridCell]] = []
    seen_values = False
    for row in rows:
        has_values = any(c < len(row) and _is_value(row[c].text) for c in numeric_cols)
        filled = [c for c, cell in enumerate(row) if cell.text]
        targets = {c: _row_above_with_text(out, c) for c in filled} if seen_values and not has_values else {}
        if filled and targets and all(t is not None and c not in numeric_cols for c, t in targets.items()):
            for c, t in targets.items():
                old = out[t][c]  # type: ignore[index]
                out[t][c] = GridCell(f"{old.text} {row[c].text}", old.line)  # type: ignore[index]
            continue
        seen_values = seen_values or has_values
        out.append(list(row))
    return [tuple(r) for r in out]


_WRAP_REACH = 3


def _row_above_with_text(rows: Sequence[Sequence[GridCell]], col: int) -> int | None:
    for k in range(len(rows) - 1, max(-1, len(rows) - 1 - _WRAP_REACH), -1):
        if col < len(rows[k]) and rows[k][col].text:
            return k
    return None


# --------------------------------------------------------------------------- unruled tables


def segments(line: PageLine, gap_factor: float) -> list[tuple[Word, ...]]:
    """The words of a line cut where the gap is wider than `gap_factor` × the font size."""
    out: list[list[Word]] = []
    for w in line.words:
        if out and w.x0 - out[-1][-1].x1 <= gap_factor * w.size:
            out[-1].append(w)
        else:
            out.append([w])
    return [tuple(s) for s in out]


def _seg_text(seg: Sequence[Word]) -> str:
    return " ".join(w.text for w in seg)


def unruled_tables(lines: Sequence[PageLine], page_no: int, settings: PdfSettings) -> list[Grid]:
    """Runs of lines cut into ≥2 cells by wide gaps, with at least one line of numbers."""
    grids: list[Grid] = []
    for run in _runs(lines, settings):
        grid = _unruled_grid(run, page_no, settings)
        if grid is not None:
            grids.append(grid)
    return grids


MAX_LINES_ABOVE_CONTINUATION = 3  # running header lines allowed above the rows that finish a table


def top_continuation(lines: Sequence[PageLine], page_no: int, settings: PdfSettings, n_cols: int) -> Grid | None:
    """The rows at the top of a page that finish the unruled table the page before ended with.

    A table split over pages often leaves only a row or two for the next page, fewer than an unruled
    table needs on its own: a run of lines of cells (one holding a number) that starts among the page's
    first lines is taken when it has the columns of the table it finishes."""
    runs = _runs(lines, replace(settings, min_unruled_rows=1))
    if not runs or not lines:
        return None
    run = runs[0]
    if run[0].number - lines[0].number >= MAX_LINES_ABOVE_CONTINUATION:
        return None
    grid = _unruled_grid(run, page_no, settings)
    return grid if grid is not None and grid.n_cols == n_cols else None


def _runs(lines: Sequence[PageLine], settings: PdfSettings) -> list[list[PageLine]]:
    runs: list[list[PageLine]] = []
    current: list[PageLine] = []
    pending: list[PageLine] = []
    pitch = _typical_pitch(lines)
    prev: PageLine | None = None
    for ln in lines:
        multi = len(segments(ln, settings.gap_factor)) >= 2
        near = prev is not None and ln.top - prev.top <= 2.5 * pitch
        if multi and current and near:
            current.extend(pending)
            current.append(ln)
            pending = []
        elif multi:
            _close(runs, current + trailing_labels(current, pending, settings), settings)
            current, pending = [ln], []
        elif current and near and len(pending) < settings.max_continuation_lines:
            pending.append(ln)
        else:
            _close(runs, current + trailing_labels(current, pending, settings), settings)
            current, pending = [], []
        prev = ln
    _close(runs, current + trailing_labels(current, pending, settings), settings)
    return runs


def trailing_labels(run: Sequence[PageLine], pending: Sequence[PageLine], settings: PdfSettings) -> list[PageLine]:
    """The lines after a run's last row that wrap its label: they stand left of the run's first value column
    (`Program Rehabilitasi dan Konservasi  Rp 8.468.000.000` / `Sumber Daya Alam dan Lingkungan` / `Hidup`)."""
    edges = [segs[1][0].x0 for ln in run if len(segs := segments(ln, settings.gap_factor)) >= 2]
    if not edges:
        return []
    edge = min(edges)
    out: list[PageLine] = []
    for ln in pending:
        if max(w.x1 for w in ln.words) >= edge:
            break
        out.append(ln)
    return out


def _typical_pitch(lines: Sequence[PageLine]) -> float:
    gaps = [b.top - a.top for a, b in itertools.pairwise(lines) if b.top > a.top]
    return statistics.median(gaps) if gaps else 12.0


def _close(runs: list[list[PageLine]], run: list[PageLine], settings: PdfSettings) -> None:
    multi = [ln for ln in run if len(segments(ln, settings.gap_factor)) >= 2]
    numeric = [ln for ln in multi if any(is_numeric(_seg_text(s)) for s in segments(ln, settings.gap_factor)[1:])]
    if len(multi) >= settings.min_unruled_rows and numeric:
        runs.append(run)


def _columns(run: Sequence[PageLine], gap_factor: float) -> list[tuple[float, float]]:
    """Column intervals from the number-bearing lines with the most common cell count."""
    segs = [segments(ln, gap_factor) for ln in run]
    body = [s for s in segs if len(s) >= 2 and any(is_numeric(_seg_text(x)) for x in s[1:])]
    mode = Counter(len(s) for s in body).most_common(1)[0][0]
    cols: list[tuple[float, float]] = []
    for k in range(mode):
        xs = [(s[k][0].x0, s[k][-1].x1) for s in body if len(s) == mode]
        cols.append((min(x for x, _ in xs), max(x for _, x in xs)))
    return cols


def _column_of(seg: Sequence[Word], cols: Sequence[tuple[float, float]]) -> int:
    x0, x1 = seg[0].x0, seg[-1].x1
    overlaps = [min(x1, b) - max(x0, a) for a, b in cols]
    best = max(range(len(cols)), key=lambda k: overlaps[k])
    if overlaps[best] > 0:
        return best
    mid = (x0 + x1) / 2
    return min(range(len(cols)), key=lambda k: abs((cols[k][0] + cols[k][1]) / 2 - mid))


def _unruled_grid(run: Sequence[PageLine], page_no: int, settings: PdfSettings) -> Grid | None:
    cols = _columns(run, settings.gap_factor)
    if len(cols) < 2:
        return None
    rows: list[list[GridCell]] = []
    seen_numbers = False
    line_texts = [_cell_texts(ln, cols, settings.gap_factor) for ln in run]
    numbered = [any(is_numeric(t) for t in texts[1:]) for texts in line_texts]
    for i, (ln, texts, has_number) in enumerate(zip(run, line_texts, numbered, strict=True)):
        if rows and i and same_row(run[i - 1], ln):
            rows[-1] = _joined(rows[-1], texts, ln.number)  # printed a little below its row's baseline
            seen_numbers = seen_numbers or has_number
            continue
        opens_row = i + 1 < len(run) and numbered[i + 1] and same_row(ln, run[i + 1])
        if seen_numbers and not has_number and not opens_row and rows and _continues(rows[-1], texts):
            rows[-1] = _joined(rows[-1], texts, ln.number)
            continue
        seen_numbers = seen_numbers or has_number
        rows.append([GridCell(t, ln.number) if t else EMPTY for t in texts])
    x0 = min(w.x0 for ln in run for w in ln.words)
    x1 = max(w.x1 for ln in run for w in ln.words)
    bbox: BBox = (x0, run[0].top, x1, run[-1].bottom)
    return Grid(page_no, tuple(tuple(r) for r in rows), bbox, ENGINE, ruled=False)


def _cell_texts(ln: PageLine, cols: Sequence[tuple[float, float]], gap_factor: float) -> list[str]:
    cells: list[list[str]] = [[] for _ in cols]
    for seg in segments(ln, gap_factor):
        cells[_column_of(seg, cols)].append(_seg_text(seg))
    return [" ".join(c) for c in cells]


def same_row(above: PageLine, below: PageLine) -> bool:
    """`below` starts above the lower 40 % of `above`: one printed row whose cells are set on slightly
    different baselines (an amount centred in a taller cell), too far apart for one text line."""
    return below.top < above.bottom - 0.4 * (above.bottom - above.top)


def _joined(row: Sequence[GridCell], texts: Sequence[str], line: int) -> list[GridCell]:
    return [GridCell(f"{old.text} {new}".strip(), old.line or line) if new else old
            for old, new in zip(row, texts, strict=True)]


def _continues(previous: Sequence[GridCell], texts: Sequence[str]) -> bool:
    """A body line without numbers continues the row above when it only adds to its text cells."""
    used = [c for c, t in enumerate(texts) if t]
    return bool(used) and all(previous[c].text and not is_numeric(previous[c].text) for c in used)

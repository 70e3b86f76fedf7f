"""The PDF handler: open, check, read page by page (engine chosen per table), assemble a Document.

Pages are read one at a time and their caches released (`page.close()`), so memory stays
flat on long reports. A page without a text layer is reported and skipped; a page that
fails is reported and skipped; a file that cannot be opened (empty, not a PDF, encrypted,
corrupt) gives a Document with `error` set — this module never raises for a bad file.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from extractors.base import Line
from extractors.formulas import find_formulas
from extractors.metadata import detect_metadata
from extractors.pdf import camelot_lattice, camelot_stream, plumber
from extractors.pdf.build import TITLE, PageTable, caption, count_header_rows, heading_text, to_table
from extractors.pdf.grid import Grid, PageLine, group_lines, inside
from extractors.pdf.items import join_item_lines
from extractors.pdf.merge import group
from extractors.pdf.quality import assess
from extractors.pdf.settings import DEFAULT, PdfSettings
from extractors.prose import find_statements
from pipeline.ingest import Source, failed_document
from pipeline.model import Document, Formula, Statement, Table

log = logging.getLogger(__name__)

OCR_NEEDED = "no text layer: OCR needed"


@dataclass
class PageResult:
    """What one page gave: its tables (with surroundings), the text outside them, its warnings."""

    number: int
    tables: list[PageTable] = field(default_factory=list)
    prose: list[Line] = field(default_factory=list)
    n_lines: int = 0
    text: str = ""
    warnings: list[str] = field(default_factory=list)
    open_tail: int = 0  # columns of an unruled table the page ends with (it may finish on the next page)


# --------------------------------------------------------------------------- file checks


def check_file(path: Path) -> str:
    """'' when the file looks like a readable PDF, else why not (empty, not a PDF, encrypted, corrupt)."""
    try:
        size = path.stat().st_size
        with path.open("rb") as f:
            head = f.read(1024)
    except OSError as exc:
        return f"cannot read file: {exc}"
    if size == 0:
        return "empty file"
    if b"%PDF-" not in head:
        return "not a PDF (no %PDF- header)"
    import pypdfium2 as pdfium

    try:
        doc = pdfium.PdfDocument(str(path))
    except pdfium.PdfiumError as exc:
        msg = str(exc)
        if "password" in msg.lower():
            return "encrypted PDF: a password is needed to open it"
        return f"corrupt or truncated PDF: {msg}"
    try:
        if len(doc) == 0:
            return "PDF has no pages"
    finally:
        doc.close()
    return ""


# --------------------------------------------------------------------------- one page


def read_page(page: Any, path: Path, settings: PdfSettings, context: str, open_tail: int = 0) -> PageResult:
    """Tables, prose lines and warnings of one pdfplumber page (`open_tail`: the columns of an unruled table
    the page before ended with, whose last rows may stand at the top of this one)."""
    n = page.page_number
    result = PageResult(n)
    words = plumber.page_words(page, settings)
    if not words:
        if page.images:
            result.warnings.append(f"page {n}: {OCR_NEEDED}")
        return result
    lines = group_lines(words, settings.line_tolerance)
    result.n_lines = len(lines)
    result.text = "\n".join(ln.text for ln in lines)
    grids = _tables_of(page, path, settings, lines, open_tail)
    grids.sort(key=lambda g: g.bbox[1])
    result.open_tail = _open_tail(grids, lines)
    boxes = [g.bbox for g in grids]
    for k, g in enumerate(grids):
        ctx = _context_before(lines, g.bbox[1], context)
        result.tables.append(
            PageTable(
                grid=g,
                n_header=count_header_rows(g.rows),
                title=caption(g, lines, settings.title_lookback),
                context=ctx,
                first_on_page=k == 0 and _nothing_above(lines, g.bbox[1]),
                last_on_page=k == len(grids) - 1,
            )
        )
    for ln in lines:
        rest = [w for w in ln.words if not any(inside(w, b) for b in boxes)]
        if rest:
            result.prose.append(Line(ln.number, " ".join(w.text for w in rest), n))
    return result


def _open_tail(grids: Sequence[Grid], lines: Sequence[PageLine]) -> int:
    """The columns of the page's last table when it is unruled and only page furniture (≤2 lines) follows."""
    if not grids or grids[-1].ruled:
        return 0
    below = [ln for ln in lines if ln.top > grids[-1].bbox[3] + 1]
    return grids[-1].n_cols if len(below) <= 2 else 0


def _tables_of(page: Any, path: Path, settings: PdfSettings, lines: Sequence[PageLine],
               open_tail: int = 0) -> list[Grid]:
    """pdfplumber first; camelot (lattice if ruled, stream otherwise) for tables pdfplumber reads poorly."""
    height = float(page.height)
    if settings.engine == "camelot":
        return _camelot_page(page, path, lines, height)
    ruled = plumber.extract_tables(page, settings, lines)
    rest = _lines_outside(lines, [g.bbox for g in ruled])
    head = plumber.top_continuation(rest, page.page_number, settings, open_tail) if open_tail else None
    if head is not None and any(g.bbox[1] < head.bbox[3] for g in ruled):
        head = None  # a ruled table stands above: the page does not open with the rows left over
    if head is not None:
        rest = _lines_outside(rest, [head.bbox])
    grids = ruled + ([head] if head is not None else []) + plumber.unruled_tables(rest, page.page_number, settings)
    if settings.engine != "auto" or not settings.camelot_fallback:
        return grids
    out: list[Grid] = []
    for g in grids:
        q = assess(g, settings.thresholds)
        if not q.poor:
            out.append(g)
            continue
        alt = _camelot_for(g, path, height, lines)
        best = max(alt, key=lambda a: assess(a, settings.thresholds).score, default=None)
        chosen = best if best is not None and assess(best, settings.thresholds).score > q.score else g
        log.info(
            "%s page %d: pdfplumber table poor (%s); using %s",
            path.name,
            page.page_number,
            "; ".join(q.reasons),
            chosen.engine,
        )
        out.append(chosen)
    return out


def _camelot_for(g: Grid, path: Path, height: float, lines: Sequence[PageLine]) -> list[Grid]:
    if g.ruled:
        found = camelot_lattice.extract(path, g.page, height, lines)
        return [a for a in found if _overlaps(a.bbox, g.bbox)]
    return camelot_stream.extract(path, g.page, height, lines, g.bbox)


def _camelot_page(page: Any, path: Path, lines: Sequence[PageLine], height: float) -> list[Grid]:
    has_rules = bool(page.lines or page.rects)
    if has_rules:
        return camelot_lattice.extract(path, page.page_number, height, lines)
    top, bottom = lines[0].top, lines[-1].bottom
    return camelot_stream.extract(path, page.page_number, height, lines, (0.0, top, float(page.width), bottom))


def _overlaps(a: tuple[float, float, float, float], b: tuple[float, float, float, float]) -> bool:
    return min(a[2], b[2]) > max(a[0], b[0]) and min(a[3], b[3]) > max(a[1], b[1])


def _lines_outside(lines: Sequence[PageLine], boxes: Sequence[tuple[float, float, float, float]]) -> list[PageLine]:
    out: list[PageLine] = []
    for ln in lines:
        rest = tuple(w for w in ln.words if not any(inside(w, b) for b in boxes))
        if rest:
            out.append(PageLine(ln.number, rest[0].top if len(rest) == len(ln.words) else ln.top, rest))
    return out


def _nothing_above(lines: Sequence[PageLine], top: float) -> bool:
    """No caption or prose above the table (a running page header of ≤2 lines is allowed)."""
    above = [ln for ln in lines if ln.bottom <= top + 1]
    return len(above) <= 2 and not any(caption_like(ln.text) for ln in above)


def caption_like(text: str) -> bool:
    return bool(TITLE.match(text))


def _context_before(lines: Sequence[PageLine], top: float, context: str) -> str:
    for ln in lines:
        if ln.bottom > top + 1:
            break
        h = heading_text(ln.text)
        if h:
            context = h
    return context


# --------------------------------------------------------------------------- the document


def extract_pdf(source: Source, settings: PdfSettings = DEFAULT) -> Document:
    """Read a PDF source into a Document; errors in the file are reported in `error`, never raised."""
    problem = check_file(source.path)
    if problem:
        log.warning("%s: %s", source.name, problem)
        return failed_document(source, problem)
    import pdfplumber

    try:
        pdf = pdfplumber.open(str(source.path))
    except Exception as exc:  # pdfminer raises a zoo of exceptions on damaged files
        return failed_document(source, f"corrupt PDF: {type(exc).__name__}: {exc}")
    pages: list[PageResult] = []
    context = ""
    with pdf:
        n_pages = len(pdf.pages)
        for i in range(n_pages):
            page = pdf.pages[i]
            try:
                result = read_page(page, source.path, settings, context, pages[-1].open_tail if pages else 0)
            except Exception as exc:  # one bad page must not lose the rest of the report
                log.warning("%s page %d: %s", source.name, i + 1, exc)
                result = PageResult(i + 1, warnings=[f"page {i + 1}: could not be read: {type(exc).__name__}: {exc}"])
            finally:
                page.close()
            context = _running_context(result, context)
            pages.append(result)
    return assemble(source, pages, n_pages)


def _running_context(result: PageResult, context: str) -> str:
    for ln in result.prose:
        h = heading_text(ln.text)
        if h:
            context = h
    return context


def assemble(source: Source, pages: Sequence[PageResult], n_pages: int) -> Document:
    """Merge split tables, find statements and formulas in the prose, detect metadata."""
    tables = _tables(source, [t for p in pages for t in p.tables])
    prose = [ln for p in pages for ln in p.prose]
    statements, formulas = _prose(prose, source.name)
    text = "\n".join(p.text for p in pages)
    cells = tuple(c.text for t in tables[:3] for row in (*t.header, *t.rows) for c in row)  # wrapped names
    office, year, report_type = detect_metadata(text, cells)
    warnings = tuple(w for p in pages for w in p.warnings)
    error = "" if any(p.n_lines for p in pages) or not warnings else "no page could be read"
    if not any(p.n_lines for p in pages) and all(OCR_NEEDED in w for w in warnings) and warnings:
        error = ""  # a scan: every page reported, the file itself is fine
    return Document(
        report_id=source.report_id,
        source_file=source.name,
        sha256=source.sha256,
        kind="pdf",
        layout="pdf",
        n_lines=sum(p.n_lines for p in pages),
        n_pages=n_pages,
        office=office,
        year=year,
        report_type=report_type,
        tables=tables if not error else (),
        statements=tuple(statements),
        formulas=tuple(formulas),
        warnings=warnings,
        error=error,
    )


def _tables(source: Source, page_tables: Sequence[PageTable]) -> tuple[Table, ...]:
    groups = group(page_tables)
    ids: list[str] = []
    out: list[Table] = []
    counters: dict[int, int] = {}
    for g in groups:
        page = g.parts[0].grid.page
        counters[page] = counters.get(page, 0) + 1
        table_id = f"{source.report_id}:p{page}:t{counters[page]}"
        ids.append(table_id)
        continues = ids[g.continues] if g.continues is not None else None
        out.append(to_table(g.parts, table_id, source.name, continues))
    return tuple(out)


def _prose(lines: Sequence[Line], source_file: str) -> tuple[list[Statement], list[Formula]]:
    """Formulas first (they claim their lines, as in the text path), then statements in the rest; a numbered
    item's lines that would be cut after a would-be heading are one line first (`items`)."""
    lines = join_item_lines(lines)
    formulas = list(find_formulas(lines, source_file))
    claimed = {(f.prov.page, f.prov.line) for f in formulas}
    rest = [ln for ln in lines if (ln.page, ln.number) not in claimed]
    return list(find_statements(rest, source_file)), formulas

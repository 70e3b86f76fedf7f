"""Handler for text exports: split the file into lines, run each layout extractor in turn.

Order matters: formulas claim their `$$…$$` / `<math>` lines first, then pipe tables,
tab-separated tables or the pdftotext-style plain layout (only where the file has no tabs
and few space-aligned tables), space-aligned tables (`pdftotext -layout`, in every layout,
on the lines left), and finally prose statements among the lines nobody claimed.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence

from extractors.base import Extraction, LayoutExtractor, Line
from extractors.metadata import detect_metadata
from pipeline.ingest import Source, failed_document, read_text
from pipeline.model import Document

log = logging.getLogger(__name__)


# characters str.splitlines() breaks at but `wc -l` and editors do not: the form feed pdftotext puts at every
# page break, vertical tab, file/group/record separators, NEL and the Unicode line/paragraph separators
_NOT_LINE_BREAKS = str.maketrans({c: " " for c in "\v\x1c\x1d\x1e\x85\u2028\u2029"} | {"\f": ""})


def split_lines(text: str) -> tuple[Line, ...]:
    """1-based numbered lines, exactly as `wc -l`/editors count them: broken at LF (CRLF and a lone-CR file
    read alike), a form feed between pages dropped, never counted as a line of its own."""
    if "\r" in text:
        text = text.replace("\r\n", "\n") if "\n" in text else text.replace("\r", "\n")
    rows = text.translate(_NOT_LINE_BREAKS).split("\n")
    if rows and not rows[-1]:
        rows.pop()  # the newline ending the last line opens no line
    return tuple(Line(i, t.rstrip("\r")) for i, t in enumerate(rows, start=1))


ALIGNED_MIN_LINES = 5
ALIGNED_MIN_SHARE = 0.05  # of the non-blank lines


def detect_layout(lines: Sequence[Line]) -> str:
    """tabs | pipe | aligned | plain | mixed — the family (see README) the export belongs to.

    `aligned` is a tab-less export whose tables are space-aligned columns (`pdftotext -layout`);
    `plain` one whose table cells are spread over lines (pdftotext without -layout)."""
    nonblank = [ln.text for ln in lines if ln.text.strip()]
    if not nonblank:
        return "plain"
    tabs = sum("\t" in t for t in nonblank)
    pipes = sum(t.lstrip().startswith("|") and t.count("|") >= 2 for t in nonblank)
    if tabs >= 5:
        return "mixed" if pipes >= 3 else "tabs"
    if pipes >= 3:
        return "pipe"
    return "aligned" if has_aligned_tables(lines) else "plain"


def has_aligned_tables(lines: Sequence[Line]) -> bool:
    """Whether enough lines are space-aligned table rows for the export to be a `pdftotext -layout` one."""
    from extractors.aligned import aligned_line_count

    nonblank = sum(bool(ln.text.strip()) for ln in lines)
    return aligned_line_count(lines) >= max(ALIGNED_MIN_LINES, ALIGNED_MIN_SHARE * nonblank)


def layout_extractors(layout: str, aligned_first: bool = True) -> list[LayoutExtractor]:
    """The extractors run in turn, each on the lines the ones before it left. Space-aligned tables
    are read in every layout on the lines left by the others; in the plain layout the plain reader,
    whose tables also show wide gaps, goes first. A tab-less file with pipe tables (`pipe`) may hold
    plain-layout tables too (rows on one line, cells apart by single spaces): the plain reader reads
    them before the aligned reader, or after it when the file's other tables are space-aligned
    (`aligned_first`, the test `detect_layout` makes)."""
    from extractors import aligned, formulas, pipe, plain, tabs

    chain: list[LayoutExtractor] = [formulas.FormulaExtractor(), pipe.PipeTableExtractor()]
    chain.append(plain.PlainLayoutExtractor() if layout == "plain" else tabs.TabTableExtractor())
    if layout == "pipe" and not aligned_first:  # a tab-less file whose other tables are plain-layout ones
        chain.append(plain.PlainLayoutExtractor())
    chain.append(aligned.AlignedTableExtractor())
    if layout == "pipe" and aligned_first:  # … or space-aligned ones: the plain reader reads what they leave
        chain.append(plain.PlainLayoutExtractor())
    return chain


def extract_lines(lines: Sequence[Line], source_file: str, layout: str) -> Extraction:
    """Run the layout chain, then prose on what is left."""
    from extractors import prose

    result = Extraction()
    aligned_first = layout != "pipe" or has_aligned_tables(lines)
    for extractor in layout_extractors(layout, aligned_first):
        found = extractor.extract(lines, source_file, result.claimed)
        log.debug("%s: %s found %d tables", source_file, extractor.name, len(found.tables))
        result = result + found
    free = [ln for ln in lines if ln.number not in result.claimed]
    statements = prose.find_statements(free, source_file, soft_breaks=layout == "plain")
    return result + Extraction(statements=tuple(statements))


def extract_text(source: Source) -> Document:
    text = read_text(source.path)
    lines = split_lines(text)
    layout = detect_layout(lines)
    found = extract_lines(lines, source.name, layout)
    office, year, report_type = detect_metadata(text)
    warnings: list[str] = []
    if not text.strip():
        return failed_document(source, "empty file: no text", len(lines))
    if report_type == "unknown" and not found.tables:
        warnings.append("not recognised as an LKjIP/LAKIP: no report title and no tables")
    return Document(
        report_id=source.report_id,
        source_file=source.name,
        sha256=source.sha256,
        kind="text",
        layout=layout,
        n_lines=len(lines),
        n_pages=None,
        office=office,
        year=year,
        report_type=report_type,
        tables=found.tables,
        statements=found.statements,
        formulas=found.formulas,
        warnings=tuple(warnings),
    )


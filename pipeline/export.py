"""Export: the clean CSV datasets, written atomically and sorted so that a rerun gives the same bytes."""

from __future__ import annotations

import csv
import io
import os
import tempfile
from collections.abc import Iterable, Sequence
from decimal import Decimal
from enum import Enum
from pathlib import Path

from normalizers.numbers import Hint, column_convention, format_decimal, parse_number
from pipeline.model import BudgetRecord, Document, Finding, IndicatorRecord, Quantity, Report, Table

REPORT_COLUMNS = (
    "report_id", "source_file", "sha256", "kind", "layout", "office", "year", "report_type", "n_lines", "n_pages",
    "n_tables", "n_indicators", "n_budget_rows", "n_findings", "status", "error", "warnings",
)
INDICATOR_COLUMNS = (
    "report_id", "source_file", "line", "page", "table_id", "kind", "year", "period", "sasaran", "indikator", "target",
    "target_unit", "realisasi", "realisasi_unit", "capaian_stated", "capaian_computed", "status", "polarity",
    "target_raw", "realisasi_raw", "capaian_raw", "flags", "raw",
)
BUDGET_COLUMNS = (
    "report_id", "source_file", "line", "page", "table_id", "kind", "year", "period", "item", "parent_item", "is_total",
    "pagu", "pagu_original", "realisasi", "pct_stated", "pct_computed", "status", "pagu_raw", "realisasi_raw",
    "pct_raw", "flags", "raw",
)
TABLE_COLUMNS = (
    "report_id", "table_id", "source_file", "line", "page", "engine", "title", "row", "col", "header", "raw", "value",
    "unit", "flags",
)
FINDING_COLUMNS = (
    "report_id", "source_file", "page", "line", "rule", "severity", "subject", "stated", "expected", "difference",
    "message", "suggested_fix", "related_lines",
)


def _s(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, Enum):
        return str(value.value)
    if isinstance(value, Decimal):
        return format_decimal(value)
    if isinstance(value, bool):
        return "1" if value else "0"
    return str(value)


def _q(q: Quantity | None) -> str:
    return format_decimal(q.value) if q is not None and q.value is not None else ""


def _flags(*qs: Quantity | None) -> str:
    return ";".join(sorted({f.value for q in qs if q is not None for f in q.flags}))


def _line_key(row: dict[str, str]) -> tuple:
    def num(x: str) -> int:
        return int(x) if x.lstrip("-").isdigit() else -1

    return (row.get("source_file", ""), num(row.get("page", "")), num(row.get("line", "")))


def write_csv(path: Path, columns: Sequence[str], rows: Iterable[dict[str, object]]) -> None:
    """Write a CSV atomically: a temporary file beside the target, then an atomic rename."""
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=list(columns), lineterminator="\n", extrasaction="ignore")
    writer.writeheader()
    for row in rows:
        writer.writerow({k: _s(row.get(k)) for k in columns})
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as f:
            f.write(buf.getvalue())
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise


def indicator_row(rec: IndicatorRecord, computed: Decimal | None = None, status: str = "") -> dict[str, object]:
    return {
        "report_id": rec.report_id, "source_file": rec.source_file, "line": rec.line, "page": rec.page,
        "table_id": rec.table_id, "kind": rec.kind, "year": rec.year, "period": rec.period, "sasaran": rec.sasaran,
        "indikator": rec.indikator, "target": _q(rec.target), "target_unit": rec.target.unit if rec.target else "",
        "realisasi": _q(rec.realisasi), "realisasi_unit": rec.realisasi.unit if rec.realisasi else "",
        "capaian_stated": _q(rec.capaian), "capaian_computed": computed, "status": status,
        "polarity": rec.polarity, "target_raw": rec.target.raw if rec.target else "",
        "realisasi_raw": rec.realisasi.raw if rec.realisasi else "",
        "capaian_raw": rec.capaian.raw if rec.capaian else "",
        "flags": _flags(rec.target, rec.realisasi, rec.capaian), "raw": rec.raw,
    }


def budget_row(rec: BudgetRecord, computed: Decimal | None = None, status: str = "") -> dict[str, object]:
    return {
        "report_id": rec.report_id, "source_file": rec.source_file, "line": rec.line, "page": rec.page,
        "table_id": rec.table_id, "kind": rec.kind, "year": rec.year, "period": rec.period, "item": rec.item,
        "parent_item": rec.parent_item, "is_total": rec.is_total, "pagu": _q(rec.pagu),
        "pagu_original": _q(rec.pagu_original), "realisasi": _q(rec.realisasi), "pct_stated": _q(rec.pct),
        "pct_computed": computed, "status": status, "pagu_raw": rec.pagu.raw if rec.pagu else "",
        "realisasi_raw": rec.realisasi.raw if rec.realisasi else "", "pct_raw": rec.pct.raw if rec.pct else "",
        "flags": _flags(rec.pagu, rec.pagu_original, rec.realisasi, rec.pct), "raw": rec.raw,
    }


def _header_text(table: Table, col: int) -> str:
    parts = [row[col].text for row in table.header if col < len(row) and row[col].text]
    return " / ".join(parts)


def table_rows(doc: Document) -> list[dict[str, object]]:
    """Every cell of every table, long form, valued with its column's number convention."""
    out: list[dict[str, object]] = []
    for table in doc.tables:
        width = max((len(r) for r in table.rows), default=0)
        conventions = [column_convention(r[c].text for r in table.rows if c < len(r)) for c in range(width)]
        for r, row in enumerate(table.rows, start=1):
            for c, cell in enumerate(row):
                if not cell.text:
                    continue
                q = parse_number(cell.text, Hint(convention=conventions[c]))
                out.append({
                    "report_id": doc.report_id, "table_id": table.table_id, "source_file": doc.source_file,
                    "line": cell.prov.line, "page": cell.prov.page, "engine": table.engine, "title": table.title,
                    "row": r, "col": c + 1, "header": _header_text(table, c), "raw": cell.text,
                    "value": _q(q), "unit": q.unit, "flags": _flags(q),
                })
    return out


def finding_row(f: Finding) -> dict[str, object]:
    return {
        "report_id": f.report_id, "source_file": f.source_file, "page": f.page, "line": f.line, "rule": f.rule,
        "severity": f.severity, "subject": f.subject, "stated": f.stated, "expected": f.expected,
        "difference": f.difference, "message": f.message, "suggested_fix": f.suggested_fix,
        "related_lines": ";".join(str(n) for n in f.related_lines),
    }


REPORT_STATUSES = ("ok", "error", "needs_ocr", "no_records")
NO_RECORDS = "no indicator or budget rows found: not an LKjIP/LAKIP, or its tables could not be read"


def report_status(report: Report) -> tuple[str, str]:
    """(status, reason) of one file in reports.csv: `error` (unreadable), `needs_ocr` (a PDF none of whose
    pages has a text layer), `no_records` (read, but not one indicator or budget row in it) or `ok`."""
    d = report.document
    if d.error:
        return "error", d.error
    if d.kind == "pdf" and not d.n_lines and d.warnings:
        from extractors.pdf import OCR_NEEDED  # the PDF handler is loaded: it read this file

        if all(OCR_NEEDED in w for w in d.warnings):
            return "needs_ocr", f"a scan: {OCR_NEEDED} on any of its {d.n_pages} pages"
    if not report.indicators and not report.budget:
        return "no_records", NO_RECORDS
    return "ok", ""


def report_row(report: Report, n_findings: int) -> dict[str, object]:
    d = report.document
    status, reason = report_status(report)
    return {
        "report_id": d.report_id, "source_file": d.source_file, "sha256": d.sha256, "kind": d.kind,
        "layout": d.layout, "office": d.office, "year": d.year, "report_type": d.report_type,
        "n_lines": d.n_lines, "n_pages": d.n_pages, "n_tables": len(d.tables), "n_indicators": len(report.indicators),
        "n_budget_rows": len(report.budget), "n_findings": n_findings, "status": status,
        "error": reason, "warnings": " | ".join(d.warnings),
    }


def sort_rows(rows: list[dict[str, object]], *extra: str) -> list[dict[str, object]]:
    def key(row: dict[str, object]) -> tuple:
        base = _line_key({k: _s(v) for k, v in row.items()})
        return (*base, *(_s(row.get(k)) for k in extra))

    return sorted(rows, key=key)

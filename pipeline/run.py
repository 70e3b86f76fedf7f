"""Run a batch: ingest → extract → interpret → validate → export, one file at a time.

A file that cannot be read becomes a `reports.csv` row with its reason; the batch goes on.
"""

from __future__ import annotations

import gc
import logging
import os
from collections.abc import Iterable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from tqdm import tqdm

from pipeline import export
from pipeline.ingest import Source, discover, failed_document, kind_of, open_source, report_ids
from pipeline.model import Document, Finding, Report

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Outcome:
    """One file's result: its report, the audit findings, and per-record recomputations."""

    report: Report
    findings: tuple[Finding, ...] = ()
    indicator_checks: tuple[tuple[Decimal | None, str], ...] = ()
    budget_checks: tuple[tuple[Decimal | None, str], ...] = ()


@dataclass
class BatchResult:
    outcomes: list[Outcome] = field(default_factory=list)

    @property
    def findings(self) -> list[Finding]:
        return [f for o in self.outcomes for f in o.findings]


def extract(source: Source) -> Document:
    """The extract stage: the layout-specific handler for the file's kind."""
    if source.kind == "pdf":
        from extractors.pdf import extract_pdf

        return extract_pdf(source)
    from extractors.text import extract_text

    return extract_text(source)


def _audit(report: Report) -> Outcome:
    from validators import engine

    findings = tuple(engine.audit(report))
    ind = tuple(engine.capaian_computed(r) for r in report.indicators)
    bud = tuple(engine.pct_computed(r) for r in report.budget)
    return Outcome(report, findings, ind, bud)


@contextmanager
def _collector_paused() -> Iterator[None]:
    """The cyclic garbage collector off while one file goes through the stages, as it was after.

    A report allocates hundreds of thousands of small records (cells, provenance, quantities) and
    leaves no reference cycle (0 cyclic garbage objects on each sample): refcounting frees them all,
    and the collections their allocation triggers, full ones sweeping every cache entry, are ~6 % of
    the CPU time (measured with gc.callbacks) for nothing."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def process(path: Path, audit: bool = True, report_id: str = "") -> Outcome:
    """One file through every stage; never raises for a bad file."""
    with _collector_paused():
        return _process(path, audit, report_id)


def _process(path: Path, audit: bool, report_id: str) -> Outcome:
    try:
        source = open_source(path, report_id)
    except OSError as exc:
        source = Source(path, path.name, "", kind_of(path), report_id)
        return Outcome(Report(failed_document(source, f"cannot read file: {exc.strerror or exc}")))
    try:
        if path.stat().st_size == 0:
            return Outcome(Report(failed_document(source, "empty file")))
        document = extract(source)
        if document.error:
            return Outcome(Report(document))
        from interpret.records import interpret_document

        report = interpret_document(document)
    except Exception as exc:  # a bad file must not stop the batch: record why
        log.exception("%s: extraction failed", path)
        return Outcome(Report(failed_document(source, f"extraction failed: {type(exc).__name__}: {exc}")))
    if not audit:
        return Outcome(report)
    try:
        return _audit(report)
    except Exception as exc:
        log.exception("%s: audit failed", path)
        doc = report.document
        warned = Document(**{**doc.__dict__, "warnings": (*doc.warnings, f"audit failed: {type(exc).__name__}: {exc}")})
        return Outcome(Report(warned, report.indicators, report.budget))


def run_batch(paths: Iterable[str | Path], jobs: int = 1, audit: bool = True, progress: bool = True) -> BatchResult:
    files = discover(paths)
    ids = report_ids(files)
    log.info("%d input files", len(files))
    jobs = max(1, min(jobs, len(files) or 1))
    bar = tqdm(total=len(files), unit="file", disable=not progress or len(files) < 2, leave=False)
    outcomes: list[Outcome] = []
    if jobs == 1:
        for f in files:
            outcomes.append(process(f, audit, ids[f]))
            bar.update()
    else:
        with ProcessPoolExecutor(max_workers=jobs) as pool:
            for outcome in pool.map(process, files, [audit] * len(files), [ids[f] for f in files]):
                outcomes.append(outcome)
                bar.update()
    bar.close()
    return BatchResult(outcomes)


def write_outputs(result: BatchResult, out: Path) -> dict[str, int]:
    """All CSVs of a batch, each sorted and written atomically."""
    reports, indicators, budget, tables, findings = [], [], [], [], []
    for o in result.outcomes:
        rep = o.report
        reports.append(export.report_row(rep, len(o.findings)))
        ind_checks = o.indicator_checks or ((None, ""),) * len(rep.indicators)
        bud_checks = o.budget_checks or ((None, ""),) * len(rep.budget)
        indicators += [export.indicator_row(r, c, s) for r, (c, s) in zip(rep.indicators, ind_checks, strict=True)]
        budget += [export.budget_row(r, c, s) for r, (c, s) in zip(rep.budget, bud_checks, strict=True)]
        tables += export.table_rows(rep.document)
        findings += [export.finding_row(f) for f in o.findings]
    out.mkdir(parents=True, exist_ok=True)
    export.write_csv(out / "reports.csv", export.REPORT_COLUMNS, sorted(reports, key=lambda r: str(r["source_file"])))
    export.write_csv(out / "indicators.csv", export.INDICATOR_COLUMNS, export.sort_rows(indicators, "table_id", "year",
                                                                                        "indikator"))
    export.write_csv(out / "budget.csv", export.BUDGET_COLUMNS, export.sort_rows(budget, "table_id", "year", "item"))
    export.write_csv(out / "tables.csv", export.TABLE_COLUMNS, export.sort_rows(tables, "table_id", "row", "col"))
    export.write_csv(out / "findings.csv", export.FINDING_COLUMNS, export.sort_rows(findings, "rule", "subject"))
    return {"reports": len(reports), "indicators": len(indicators), "budget": len(budget), "cells": len(tables),
            "findings": len(findings)}


def default_jobs(n_files: int, has_pdf: bool) -> int:
    return min(os.cpu_count() or 1, n_files) if has_pdf and n_files > 1 else 1


def run(paths: Sequence[str | Path], out: Path, jobs: int | None = None, audit: bool = True) -> BatchResult:
    files = discover(paths)
    if jobs is None:
        jobs = default_jobs(len(files), any(f.suffix.lower() == ".pdf" for f in files))
    result = run_batch(files, jobs=jobs, audit=audit)
    counts = write_outputs(result, out)
    log.info("wrote %s to %s", ", ".join(f"{v} {k}" for k, v in counts.items()), out)
    return result

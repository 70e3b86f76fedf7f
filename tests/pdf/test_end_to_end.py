"""The whole pipeline on the generated report: the PDF and its text export against the truth.

`tests/pdf/generator.py` draws one structured truth as a PDF (ruled and unruled tables, a
table split over pages, row-spanning cells, a multi-row header on a landscape page, a
rotated page, prose with figures, formulas, a scanned page) and as a tab-separated text
export. `pipeline.run.process` runs on both; every record of the truth
(`gen.expected_records`) must come out with its exact figures and its place (page and
line-within-page for the PDF, line for the text), every planted error (`gen.PLANTED`) must be
found by its rule at its place, no error found anywhere else, and the two renderings must give
the same records and the same findings.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

import pytest

from pipeline.model import BudgetRecord, Finding, IndicatorRecord, Quantity, Severity
from pipeline.run import Outcome, process
from tests.pdf import generator as gen

Record = IndicatorRecord | BudgetRecord
NAME = "contoh_2024_lkjip"
EXPECTED = gen.expected_records()
PATHS = ("pdf", "text")


@dataclass(frozen=True)
class Run:
    """One rendering of the truth through the pipeline, with the truth's positions in it."""

    path: str  # pdf | text
    outcome: Outcome
    rendered: gen.Rendered
    export: gen.TextExport

    def position(self, at: tuple[str, str, int]) -> tuple[int | None, int]:
        """(page, line) where the truth put `at` in this rendering (page None for text)."""
        if self.path == "pdf":
            return gen.pdf_position(self.rendered, at)
        return None, gen.text_position(self.export, at)

    @property
    def records(self) -> list[Record]:
        return [*self.outcome.report.indicators, *self.outcome.report.budget]

    @property
    def findings(self) -> tuple[Finding, ...]:
        return self.outcome.findings


@pytest.fixture(scope="module")
def runs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Run]:
    folder = tmp_path_factory.mktemp("e2e")
    rendered = gen.render_pdf(folder / f"{NAME}.pdf")
    export = gen.text_export()
    (folder / f"{NAME}.txt").write_text(export.text, encoding="utf-8")
    return {
        "pdf": Run("pdf", process(folder / f"{NAME}.pdf"), rendered, export),
        "text": Run("text", process(folder / f"{NAME}.txt"), rendered, export),
    }


# --------------------------------------------------------------------------- helpers


def _record_class(exp: gen.ExpectedRecord) -> type:
    return IndicatorRecord if exp.record == "indicator" else BudgetRecord


def _quantities(rec: Record) -> tuple[Quantity | None, Quantity | None, Quantity | None]:
    if isinstance(rec, IndicatorRecord):
        return rec.target, rec.realisasi, rec.capaian
    return rec.pagu, rec.realisasi, rec.pct


def _name(rec: Record) -> str:
    return rec.indikator if isinstance(rec, IndicatorRecord) else rec.item


def _values(rec: Record) -> tuple[Decimal | None, ...]:
    return tuple(q.value if q is not None else None for q in _quantities(rec))


def _matches(rec: Record, exp: gen.ExpectedRecord) -> bool:
    return (
        isinstance(rec, _record_class(exp))
        and rec.kind == exp.kind
        and rec.year == exp.year
        and (exp.name is None or _name(rec) == exp.name)
        and _values(rec) == tuple(gen.as_decimal(v) for v in exp.values)
    )


def _find(run: Run, exp: gen.ExpectedRecord) -> Record:
    """The one record with the truth's figures (a sentence's record also by its place: a formula may repeat it)."""
    found = [r for r in run.records if _matches(r, exp)]
    if exp.at[0] == "prose":
        found = [r for r in found if not r.table_id and (r.page, r.line) == run.position(exp.at)]
    near = [(r.kind, r.year, _name(r), _values(r)) for r in run.records if isinstance(r, _record_class(exp))]
    assert len(found) == 1, f"{run.path}: {len(found)} records match {exp}; records: {near}"
    return found[0]


def _decimal(text: str) -> Decimal | None:
    try:
        return Decimal(text.replace("%", "").strip())
    except InvalidOperation:
        return None


def _record_id(exp: gen.ExpectedRecord) -> str:
    return f"{exp.at[1][:24]}-{exp.at[2]}-{exp.year}"


def _is_problem(f: Finding) -> bool:
    return f.severity in (Severity.ERROR, Severity.WARNING)


def _planted_hits(run: Run, planted: gen.Planted) -> list[Finding]:
    """Findings of the planted error's rule that state its wrong figure and expect the right one."""
    return [
        f
        for f in run.findings
        if _is_problem(f)
        and f.rule == planted.rule
        and f.stated.strip() == planted.stated
        and _decimal(f.expected) == planted.expected
    ]


def _explained(run: Run, f: Finding) -> bool:
    """An error at the place of a planted error (a finding without a page matches on its line)."""
    for planted in gen.PLANTED:
        page, line = run.position(gen.planted_at(planted))
        if f.line == line and (f.page is None or f.page == page):
            return True
    return False


# --------------------------------------------------------------------------- (a) every record, exact


@pytest.mark.parametrize("path", PATHS)
@pytest.mark.parametrize("exp", EXPECTED, ids=[_record_id(e) for e in EXPECTED])
def test_every_record_of_the_truth_with_exact_figures_and_place(
    runs: dict[str, Run], path: str, exp: gen.ExpectedRecord
) -> None:
    run = runs[path]
    rec = _find(run, exp)
    assert tuple(q.decimals if q else None for q in _quantities(rec)) == tuple(gen.decimals_of(v) for v in exp.values)
    if isinstance(rec, IndicatorRecord):
        assert rec.sasaran == exp.sasaran
    else:
        assert (rec.parent_item, rec.is_total) == (exp.parent, exp.is_total)
    assert (rec.page, rec.line) == run.position(exp.at)
    assert rec.source_file == f"{NAME}.{'pdf' if path == 'pdf' else 'txt'}"


@pytest.mark.parametrize("path", PATHS)
def test_no_table_record_beyond_the_truth(runs: dict[str, Run], path: str) -> None:
    """Tables give exactly the truth's records (none from the quarterly counts, no duplicates)."""
    table_records = [r for r in runs[path].records if r.table_id]
    assert len(table_records) == sum(1 for e in EXPECTED if e.at[0] == "table")


# --------------------------------------------------------------------------- (b) every planted error, nothing else


@pytest.mark.parametrize("path", PATHS)
@pytest.mark.parametrize("planted", gen.PLANTED, ids=[f"{p.where}-{p.rule}" for p in gen.PLANTED])
def test_every_planted_error_found_by_its_rule_on_its_line(
    runs: dict[str, Run], path: str, planted: gen.Planted
) -> None:
    run = runs[path]
    hits = _planted_hits(run, planted)
    seen = [(f.rule, f.stated, f.expected, f.page, f.line) for f in run.findings if _is_problem(f)]
    assert hits, f"{run.path}: {planted} not found; findings: {seen}"
    _, line = run.position(gen.planted_at(planted))
    assert line in {f.line for f in hits}, seen
    assert any(f.severity == Severity.ERROR for f in hits)


@pytest.mark.parametrize("planted", gen.PLANTED, ids=[f"{p.where}-{p.rule}" for p in gen.PLANTED])
def test_planted_error_on_its_pdf_page(runs: dict[str, Run], planted: gen.Planted) -> None:
    run = runs["pdf"]
    page, line = run.position(gen.planted_at(planted))
    assert (page, line) in {(f.page, f.line) for f in _planted_hits(run, planted)}


@pytest.mark.parametrize("path", PATHS)
def test_no_error_elsewhere(runs: dict[str, Run], path: str) -> None:
    run = runs[path]
    stray = [(f.rule, f.subject, f.stated, f.expected, f.page, f.line) for f in run.findings
             if f.severity == Severity.ERROR and not _explained(run, f)]
    assert stray == []


# --------------------------------------------------------------------------- (c) the PDF and the text agree


def _record_key(rec: Record) -> tuple:
    quantities = tuple((q.value, q.decimals, q.unit) if q else None for q in _quantities(rec))
    common = (type(rec).__name__, rec.kind, rec.year, _name(rec), quantities)
    if isinstance(rec, IndicatorRecord):
        return (*common, rec.sasaran, rec.polarity, rec.capped)
    return (*common, rec.parent_item, rec.is_total)


def _finding_key(f: Finding) -> tuple:
    return (f.rule, f.severity.value, f.subject, f.stated, f.expected, f.difference)


def test_pdf_and_text_give_the_same_records(runs: dict[str, Run]) -> None:
    pdf, text = (Counter(_record_key(r) for r in runs[p].records) for p in PATHS)
    assert pdf - text == Counter() and text - pdf == Counter()


def test_pdf_and_text_give_the_same_findings(runs: dict[str, Run]) -> None:
    pdf, text = (Counter(_finding_key(f) for f in runs[p].findings) for p in PATHS)
    assert pdf - text == Counter() and text - pdf == Counter()


def test_records_in_the_same_order_of_lines(runs: dict[str, Run]) -> None:
    """Modulo page/line, the PDF's table records follow the text's order (row order is kept)."""
    def order(run: Run) -> list[tuple]:
        ranked = sorted((r for r in run.records if r.table_id), key=lambda r: (r.page or 0, r.line or 0))
        return [_record_key(r) for r in ranked]

    assert order(runs["pdf"]) == order(runs["text"])


def test_scanned_page_reported_and_the_run_complete(runs: dict[str, Run]) -> None:
    doc = runs["pdf"].outcome.report.document
    assert doc.error == ""
    assert doc.warnings == (f"page {runs['pdf'].rendered.scanned_pages[0]}: no text layer: OCR needed",)


def test_planted_truth_is_the_only_arithmetic_error() -> None:
    """The truth itself: every % and capaian is realisasi/target or realisasi/pagu except the planted ones."""
    planted = {(p.where, p.label) for p in gen.PLANTED}
    wrong: list[tuple[str, int, int]] = []
    for exp in EXPECTED:
        if exp.at[0] != "table" or exp.is_total:
            continue
        target, real, ratio = (gen.as_decimal(v) for v in exp.values)
        spec = gen.spec_of(exp.at[1])
        if any((spec.table_id, cell) in planted for cell in spec.rows[exp.at[2]]):
            continue
        step = Decimal(1).scaleb(-gen.decimals_of(exp.values[2]))
        computed = (real / target * 100).quantize(step, ROUND_HALF_UP)
        if computed != ratio:
            wrong.append((exp.at[1], exp.at[2], exp.year or 0))
    assert wrong == []


def test_both_renderings_are_the_same_report(runs: dict[str, Run]) -> None:
    docs = [runs[p].outcome.report.document for p in PATHS]
    assert [(d.report_id, d.year, d.report_type) for d in docs] == [(NAME, 2024, "LKjIP")] * 2


@pytest.mark.parametrize("path", PATHS)
def test_no_warning_elsewhere(runs: dict[str, Run], path: str) -> None:
    run = runs[path]
    stray = [(f.rule, f.subject, f.stated, f.expected, f.page, f.line) for f in run.findings
             if f.severity == Severity.WARNING and not _explained(run, f)]
    assert stray == []

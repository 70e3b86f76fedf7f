"""`lkjip` command line: run (extract + audit + CSVs), audit (findings table), validate (clean CSV suite)."""

from __future__ import annotations

import argparse
import logging
import sys
from collections import defaultdict
from collections.abc import Sequence
from pathlib import Path

from pipeline.model import Finding, Severity

log = logging.getLogger("lkjip")
SEVERITY_RANK = {Severity.INFO: 0, Severity.WARNING: 1, Severity.ERROR: 2}


def _setup_logging(verbose: int) -> None:
    """Our stages log at INFO (DEBUG with -v); third-party libraries only at WARNING."""
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s", stream=sys.stderr)
    level = logging.WARNING - 10 * min(verbose, 2)
    for package in ("lkjip", "pipeline", "extractors", "interpret", "normalizers", "validators"):
        logging.getLogger(package).setLevel(level)


def cmd_run(args: argparse.Namespace) -> int:
    from pipeline.export import report_status
    from pipeline.run import run

    result = run(args.paths, Path(args.out), jobs=args.jobs, audit=not args.no_audit)
    docs = [o.report.document for o in result.outcomes]
    bad = [d for d in docs if d.error]
    unread = [(o.report.document.source_file, report_status(o.report)) for o in result.outcomes]
    n_ind = sum(len(o.report.indicators) for o in result.outcomes)
    n_bud = sum(len(o.report.budget) for o in result.outcomes)
    errors = sum(f.severity == Severity.ERROR for f in result.findings)
    log.info(
        "%d reports (%d unreadable), %d indicator rows, %d budget rows, %d findings (%d errors) → %s",
        len(docs), len(bad), n_ind, n_bud, len(result.findings), errors, args.out,
    )
    for name, (status, reason) in unread:
        if status != "ok":
            log.warning("%s: %s: %s", name, status, reason)
    return 0


def _print_findings(findings: Sequence[Finding], min_severity: Severity) -> None:
    from rich.console import Console
    from rich.table import Table

    console = Console()
    grouped: dict[str, dict[str, list[Finding]]] = defaultdict(lambda: defaultdict(list))
    for f in findings:
        if SEVERITY_RANK[f.severity] >= SEVERITY_RANK[min_severity]:
            grouped[f.source_file][f.rule].append(f)
    if not grouped:
        console.print("no findings")
    for source in sorted(grouped):
        for rule in sorted(grouped[source]):
            table = Table(title=f"{source} — {rule}", title_justify="left", show_lines=False)
            for col in ("line", "sev", "subject", "stated", "expected", "message"):
                table.add_column(col, overflow="fold")
            for f in sorted(grouped[source][rule], key=lambda f: (f.page or 0, f.line or 0)):
                where = f"p{f.page}:{f.line}" if f.page else str(f.line or "")
                table.add_row(where, f.severity.value, f.subject[:60], f.stated, f.expected, f.message[:160])
            console.print(table)


def cmd_audit(args: argparse.Namespace) -> int:
    from pipeline.run import run, run_batch

    result = run(args.paths, Path(args.out)) if args.out else run_batch(args.paths, jobs=args.jobs or 1)
    _print_findings(result.findings, Severity(args.min_severity))
    if args.fail_on:
        threshold = SEVERITY_RANK[Severity(args.fail_on)]
        if any(SEVERITY_RANK[f.severity] >= threshold for f in result.findings):
            return 1
    return 0


def cmd_validate(args: argparse.Namespace) -> int:
    from rich.console import Console

    from validators.expectations import validate_directory

    console = Console(highlight=False)
    results = validate_directory(Path(args.dir))
    failed = [r for r in results if not r.success]
    for r in results:
        if args.all or not r.success:
            mark = "[green]ok  [/green]" if r.success else "[red]FAIL[/red]"
            console.print(f"{mark} {r.dataset}: {r.expectation} {r.details}")
    console.print(f"{len(results) - len(failed)} of {len(results)} expectations met")
    return 1 if failed else 0


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="lkjip", description=__doc__)
    p.add_argument("-v", "--verbose", action="count", default=0, help="more logging (-vv for debug)")
    sub = p.add_subparsers(dest="command", required=True)

    r = sub.add_parser("run", help="extract, audit and write the clean CSVs")
    r.add_argument("paths", nargs="+", help="files or folders (.txt, .md, .pdf), searched recursively")
    r.add_argument("--out", default="data/clean", help="output folder (default data/clean)")
    r.add_argument("--jobs", type=int, default=None, help="worker processes (default: 1 for text, all cores for PDFs)")
    r.add_argument("--no-audit", action="store_true", help="extract only")
    r.set_defaults(func=cmd_run)

    a = sub.add_parser("audit", help="print the findings grouped by report and rule")
    a.add_argument("paths", nargs="+")
    a.add_argument("--out", default=None, help="also write the CSVs here")
    a.add_argument("--jobs", type=int, default=None)
    a.add_argument("--min-severity", choices=[s.value for s in Severity], default="warning")
    a.add_argument("--fail-on", choices=[s.value for s in Severity], default=None,
                   help="exit 1 when a finding of this severity or worse exists")
    a.set_defaults(func=cmd_audit)

    v = sub.add_parser("validate", help="run the Great Expectations suite over a folder of clean CSVs")
    v.add_argument("dir")
    v.add_argument("--all", action="store_true", help="list the expectations met too")
    v.set_defaults(func=cmd_validate)
    return p


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    _setup_logging(args.verbose + 1)
    return int(args.func(args) or 0)


if __name__ == "__main__":
    raise SystemExit(main())

"""Great Expectations suite over the clean CSVs: schema, types, ranges, status consistency.

The checks are declared as data (dataset, expectation, arguments) and run by one engine
(`validate_directory`), each result saying what was expected, what was found, and where.
This is a contract on the tool's own output, separate from the audit of the reports.
"""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

log = logging.getLogger(__name__)

STATUSES = ["ok", "mismatch", "not_checkable", ""]
INDICATOR_KINDS = ["measurement", "target_only", "multi_year", "narrative", "comparison"]
BUDGET_KINDS = ["by_belanja", "by_program", "multi_year", "narrative", "pnbp", "other"]
SEVERITIES = ["error", "warning", "info"]


@dataclass(frozen=True)
class Check:
    dataset: str  # reports | indicators | budget | tables | findings
    expectation: str  # a Great Expectations expectation class name
    kwargs: tuple[tuple[str, Any], ...]


def _c(dataset: str, expectation: str, **kwargs: Any) -> Check:
    return Check(dataset, expectation, tuple(sorted(kwargs.items())))


def _columns_exist(dataset: str, columns: tuple[str, ...]) -> list[Check]:
    return [_c(dataset, "ExpectColumnToExist", column=c) for c in columns]


def suite() -> list[Check]:
    from pipeline import export

    checks: list[Check] = []
    for dataset, columns in (
        ("reports", export.REPORT_COLUMNS), ("indicators", export.INDICATOR_COLUMNS),
        ("budget", export.BUDGET_COLUMNS), ("tables", export.TABLE_COLUMNS), ("findings", export.FINDING_COLUMNS),
    ):
        checks += _columns_exist(dataset, columns)
    checks += [
        _c("reports", "ExpectColumnValuesToBeUnique", column="report_id"),
        _c("reports", "ExpectColumnValuesToBeInSet", column="status", value_set=list(export.REPORT_STATUSES)),
        _c("reports", "ExpectColumnValuesToMatchRegex", column="sha256", regex=r"^(?:[0-9a-f]{64})?$"),
        _c("indicators", "ExpectColumnValuesToNotBeNull", column="line"),
        _c("indicators", "ExpectColumnValuesToBeOfType", column="line", type_="int64"),
        _c("indicators", "ExpectColumnValuesToBeInSet", column="kind", value_set=INDICATOR_KINDS),
        _c("indicators", "ExpectColumnValuesToBeInSet", column="status", value_set=STATUSES),
        _c("indicators", "ExpectColumnValuesToBeBetween", column="year", min_value=1990, max_value=2100),
        _c("indicators", "ExpectColumnValuesToBeBetween", column="capaian_stated", min_value=-1000, max_value=100000),
        _c("indicators", "ExpectColumnValuesToBeInSet", column="checked_without_value", value_set=[False]),
        _c("budget", "ExpectColumnValuesToNotBeNull", column="line"),
        _c("budget", "ExpectColumnValuesToBeInSet", column="kind", value_set=BUDGET_KINDS),
        _c("budget", "ExpectColumnValuesToBeInSet", column="status", value_set=STATUSES),
        _c("budget", "ExpectColumnValuesToBeInSet", column="is_total", value_set=[0, 1]),
        _c("budget", "ExpectColumnValuesToBeBetween", column="pagu", min_value=0),
        _c("budget", "ExpectColumnValuesToBeBetween", column="realisasi", min_value=0),
        _c("budget", "ExpectColumnValuesToBeInSet", column="checked_without_value", value_set=[False]),
        _c("tables", "ExpectColumnValuesToNotBeNull", column="raw"),
        _c("tables", "ExpectColumnValuesToBeBetween", column="row", min_value=1),
        _c("tables", "ExpectColumnValuesToBeBetween", column="col", min_value=1),
        _c("findings", "ExpectColumnValuesToBeInSet", column="severity", value_set=SEVERITIES),
        _c("findings", "ExpectColumnValuesToNotBeNull", column="rule"),
        _c("findings", "ExpectColumnValuesToNotBeNull", column="message"),
    ]
    return checks


@dataclass(frozen=True)
class CheckResult:
    dataset: str
    expectation: str
    success: bool
    details: str


def _load(directory: Path, dataset: str):  # -> pandas.DataFrame
    import pandas as pd

    df = pd.read_csv(directory / f"{dataset}.csv", dtype={"status": "string"}, keep_default_na=True)
    computed = {"indicators": "capaian_computed", "budget": "pct_computed"}.get(dataset)
    if computed:
        status = df["status"].fillna("")
        # a row judged ok or mismatch must carry the value it was judged against
        df["checked_without_value"] = status.isin(["ok", "mismatch"]) & df[computed].isna()
    return df


def validate_directory(directory: Path) -> list[CheckResult]:
    """Run the suite over `directory`'s CSVs; one CheckResult per declared check."""
    os.environ.setdefault("GX_ANALYTICS_ENABLED", "False")
    import great_expectations as gx
    from great_expectations.data_context.types.base import ProgressBarsConfig

    context = gx.get_context(mode="ephemeral")
    context.variables.progress_bars = ProgressBarsConfig(globally=False, metric_calculations=False)
    source = context.data_sources.add_pandas("lkjip")
    by_dataset: dict[str, list[Check]] = {}
    for check in suite():
        by_dataset.setdefault(check.dataset, []).append(check)
    results: list[CheckResult] = []
    for dataset, checks in by_dataset.items():
        if not (directory / f"{dataset}.csv").exists():
            results.append(CheckResult(dataset, "file exists", False, f"{dataset}.csv not found in {directory}"))
            continue
        frame = _load(directory, dataset)
        batch = source.add_dataframe_asset(dataset).add_batch_definition_whole_dataframe("all").get_batch(
            batch_parameters={"dataframe": frame}
        )
        gx_suite = gx.ExpectationSuite(name=f"lkjip-{dataset}")
        for check in checks:
            gx_suite.add_expectation(getattr(gx.expectations, check.expectation)(**dict(check.kwargs)))
        outcome = batch.validate(gx_suite, result_format="SUMMARY")
        for res in outcome.results:
            cfg = res.expectation_config
            kwargs = {k: v for k, v in cfg.kwargs.items() if k != "batch_id"}
            found = {k: res.result.get(k) for k in ("unexpected_count", "partial_unexpected_list") if res.result.get(k)}
            results.append(CheckResult(dataset, f"{cfg.type} {kwargs}", bool(res.success), str(found or "")))
    return results

"""The audit of a report's own arithmetic and consistency (stage `validate`).

API
---
* `validators.engine.audit(report) -> tuple[Finding, ...]` — every finding of every registered check,
  sorted by line (deterministic); findings that share a printed figure are linked (`related_lines`) and,
  where one figure breaks several checks and one value of it makes them all hold, that value is proposed
  (`suggested_fix`).
* `validators.engine.capaian_computed(rec) -> (Decimal | None, "ok" | "mismatch" | "not_checkable")`
* `validators.engine.pct_computed(rec) -> (Decimal | None, "ok" | "mismatch" | "not_checkable")`

Layout
------
* `registry.py` — THE list of checks, declared as data (name, family, columns, tolerance, severity).
* `engine.py` — runs them, finds the single wrong cell, links and sorts the findings.
* `rounding.py` — interval judgement of printed figures (XBRL Calculations 1.1): `26,19` stands for
  [26.185, 26.195]; half-up, half-even and (noted as info) truncation are accepted.
* `arithmetic.py` — the safe formula evaluator (tokenizer + recursive descent; never `eval`).
* `rules/` — one module per family: capaian, budget (%), sums, averages, formulas, weighted (score
  tables), prose (claims and growth), crossref (same quantity, different values), template (units,
  placeholders); `grid.py` reads a table as numbers, `base.py` holds Issue / Constraint / Check.

Severity: `error` only when the arithmetic fails beyond every accepted rounding on figures whose roles
are certain (table cells, formulas, explicit prose ratios); `warning` for cross-references and readings
that rest on a heuristic; `info` for truncation and rows read into the wrong columns.
"""

"""THE registry of audit checks, declared as data: name (the finding's `rule`), family,
the columns it reads, its tolerance beyond printed rounding, and the severity of a
definite failure. `validators.engine.audit` runs them in this order."""

from __future__ import annotations

from decimal import Decimal

from pipeline.model import Severity
from validators.rules.base import Check
from validators.rules.budget import check_pct
from validators.rules.capaian import check_capaian
from validators.rules.formulas import check_formulas, check_weighted_terms
from validators.rules.sums import check_column_totals, check_counts, check_label_totals, check_row_totals

E, W = Severity.ERROR, Severity.WARNING
ZERO = Decimal(0)

REGISTRY: tuple[Check, ...] = (
    Check("capaian_mismatch", "capaian", ("target", "realisasi", "capaian"), E, check_capaian, ZERO,
          "capaian = realisasi/target×100 (higher is better) or (2·target − realisasi)/target×100 (lower)"),
    Check("pct_mismatch", "budget", ("pagu", "realisasi", "pct"), E, check_pct, ZERO,
          "budget % = realisasi/pagu×100"),
    Check("sum_mismatch", "sums", ("total row", "item rows"), E, check_column_totals, ZERO,
          "a JUMLAH/Total row equals the sum of its item rows"),
    Check("sum_mismatch", "sums", ("total column", "item columns"), E, check_row_totals, ZERO,
          "a JUMLAH column equals the sum of the columns before it"),
    Check("sum_mismatch", "sums", ("label total", "item rows"), E, check_label_totals, ZERO,
          "a total written into a row label equals the rows it heads"),
    Check("sum_mismatch", "sums", ("count", "numbered rows"), E, check_counts, ZERO,
          "a stated count of indicators equals the numbered rows listed"),
    Check("formula_mismatch", "formulas", ("expression", "stated"), E, check_formulas, ZERO,
          "every formula evaluated by the safe parser equals the result it states; x/0 is an undefined ratio"),
    Check("weighted_sum_mismatch", "weighted", ("terms", "weights"), W, check_weighted_terms, ZERO,
          "a weighted sum's written terms match its definition and declared weights"),
)

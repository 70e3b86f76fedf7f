"""THE registry of audit checks, declared as data: name (the finding's `rule`), family,
the columns it reads, its tolerance beyond printed rounding, and the severity of a
definite failure. `validators.engine.audit` runs them in this order.

Severity: error only where the arithmetic definitely fails beyond every accepted
rounding; warning where a reading is heuristic (prose, cross-references, templates).
"""

from __future__ import annotations

from decimal import Decimal

from pipeline.model import Severity
from validators.rules.areas import check_area_counts
from validators.rules.averages import check_average_rows, check_prose_averages
from validators.rules.base import Check
from validators.rules.breakdowns import check_breakdowns
from validators.rules.budget import check_pct
from validators.rules.capaian import check_capaian, check_zero_ratio_rows
from validators.rules.claims import check_all_done_claims
from validators.rules.crossref import (
    check_budget_xref,
    check_indicator_xref,
    check_prose_capaian,
    check_staff_counts,
)
from validators.rules.formulas import check_formulas, check_weighted_terms
from validators.rules.ikpa import check_aspects, check_konversi
from validators.rules.partitions import check_sex_partitions
from validators.rules.prose import (
    check_detail_tables,
    check_formula_counts,
    check_growth,
    check_prose_counts,
    check_prose_ratios,
)
from validators.rules.repeats import check_repeated_rows
from validators.rules.respondents import check_zero_respondents
from validators.rules.roles import check_percent_realisasi
from validators.rules.staff import check_structural_posts
from validators.rules.sums import check_column_totals, check_counts, check_label_totals, check_row_totals
from validators.rules.template import check_placeholders, check_units
from validators.rules.trends import check_trend_claims
from validators.rules.weighted import (
    check_combined_scores,
    check_declared_weights,
    check_score_columns,
    check_score_rows,
)

E, W = Severity.ERROR, Severity.WARNING
ZERO = Decimal(0)

REGISTRY: tuple[Check, ...] = (
    # 1 capaian
    Check("capaian_mismatch", "capaian", ("target", "realisasi", "capaian"), E, check_capaian, ZERO,
          "capaian = realisasi/target×100 (higher is better) or (2·target − realisasi)/target×100 (lower)"),
    Check("undefined_ratio", "capaian", ("figures", "percent"), W, check_zero_ratio_rows, ZERO,
          "a row of zeros with a percentage: 0/0 is undefined"),
    Check("undefined_ratio", "capaian", ("respondents", "scores"), W, check_zero_respondents, ZERO,
          "a survey score printed for a period with 0 respondents is a mean over nobody"),
    # 2 budget %
    Check("pct_mismatch", "budget", ("pagu", "realisasi", "pct"), E, check_pct, ZERO,
          "budget % = realisasi/pagu×100"),
    # 3 sums
    Check("sum_mismatch", "sums", ("total row", "item rows"), E, check_column_totals, ZERO,
          "a JUMLAH/Total row equals the sum of its item rows"),
    Check("sum_mismatch", "sums", ("total column", "item columns"), E, check_row_totals, ZERO,
          "a JUMLAH column equals the sum of the columns before it"),
    Check("sum_mismatch", "sums", ("label total", "item rows"), E, check_label_totals, ZERO,
          "a total written into a row label equals the rows it heads"),
    Check("sum_mismatch", "sums", ("count", "numbered rows"), E, check_counts, ZERO,
          "a stated count of indicators equals the numbered rows listed"),
    Check("sum_mismatch", "sums", ("prose count", "breakdown"), W, check_prose_counts, ZERO,
          "`sejumlah N …, dengan formasi a, b dan c` adds up"),
    Check("sum_mismatch", "sums", ("prose count", "detail table"), W, check_detail_tables, ZERO,
          "`sebanyak N dengan rincian sebagai berikut` equals the table that follows"),
    Check("sum_mismatch", "sums", ("formula count", "table above"), W, check_formula_counts, ZERO,
          "a formula's count (`x = 72/72`) equals the table of the cases it counts"),
    # 4 averages
    Check("average_mismatch", "averages", ("rata-rata row", "item rows"), E, check_average_rows, ZERO,
          "a rata-rata row equals the mean of the rows it averages"),
    Check("average_mismatch", "averages", ("prose average", "listed capaian"), W, check_prose_averages, ZERO,
          "a prose average equals the mean of the capaian listed after it"),
    # 5 + 6 formulas and weighted sums
    Check("formula_mismatch", "formulas", ("expression", "stated"), E, check_formulas, ZERO,
          "every formula evaluated by the safe parser equals the result it states; x/0 is an undefined ratio"),
    Check("weighted_sum_mismatch", "weighted", ("terms", "weights"), W, check_weighted_terms, ZERO,
          "a weighted sum's written terms match its definition and declared weights"),
    Check("weighted_sum_mismatch", "weighted", ("declared bobot", "score columns", "nilai kinerja"), W,
          check_declared_weights, ZERO, "Σ nilai × declared bobot gives the row's Nilai Kinerja / Nilai Total"),
    Check("weighted_sum_mismatch", "weighted", ("nilai", "bobot", "nilai akhir"), E, check_score_rows, ZERO,
          "IKPA: nilai × bobot = nilai akhir"),
    Check("weighted_sum_mismatch", "weighted", ("nilai column", "bobot column", "nilai akhir column"), E,
          check_score_columns, ZERO, "IKPA by rows: nilai × bobot = nilai akhir; nilai total = Σ nilai akhir"),
    Check("weighted_sum_mismatch", "weighted", ("nilai", "bobot", "nilai aspek"), W, check_aspects, ZERO,
          "IKPA: an aspect's value is the mean of its applicable indicators (or Σ nilai akhir / Σ bobot)"),
    Check("weighted_sum_mismatch", "weighted", ("nilai total", "konversi bobot", "nilai akhir"), W, check_konversi,
          ZERO, "IKPA: nilai akhir = nilai total / konversi bobot (less a printed pengurang)"),
    Check("weighted_sum_mismatch", "weighted", ("component scores", "combined score"), W, check_combined_scores,
          ZERO, "a combined score lies between the scores it combines"),
    # 7 prose claims
    Check("pct_mismatch", "prose", ("numerator", "denominator", "percent"), E, check_prose_ratios, ZERO,
          "`A atau P% dari B` and `A dari target B atau P%`: P = A/B×100"),
    Check("growth_mismatch", "prose", ("previous", "current", "growth"), W, check_growth, ZERO,
          "`peningkatan sebesar G%` equals the change between the two stated values"),
    Check("growth_mismatch", "prose", ("claimed direction", "series by year"), W, check_trend_claims, ZERO,
          "`meningkat dari tahun ke tahun` holds in every year of the series shown before it"),
    Check("cross_reference_mismatch", "prose", ("claim of 100%", "table shown"), W, check_all_done_claims, ZERO,
          "`seluruh … terlaksana 100%` holds in every row of the table shown with it"),
    # 8 cross-references
    Check("cross_reference_mismatch", "xref", ("indikator", "year", "target/realisasi/capaian"), W,
          check_indicator_xref, ZERO, "an indicator's figures are the same wherever they are stated"),
    Check("cross_reference_mismatch", "xref", ("item", "year", "pagu/realisasi"), W, check_budget_xref, ZERO,
          "a budget item's pagu and realisasi are the same wherever they are stated"),
    Check("cross_reference_mismatch", "xref", ("head count",), W, check_staff_counts, ZERO,
          "the office's head count is the same wherever the text states it"),
    Check("cross_reference_mismatch", "xref", ("area count",), W, check_area_counts, ZERO,
          "the working area's number of kecamatan (kelurahan, desa) is the same wherever it is stated"),
    Check("cross_reference_mismatch", "xref", ("eselon posts", "jabatan struktural"), W, check_structural_posts, ZERO,
          "the eselon posts the text lists are the structural posts of a staff table of the same head count"),
    Check("cross_reference_mismatch", "xref", ("classes by sex", "second classification"), W, check_sex_partitions,
          ZERO, "two classifications of the same staff (groups adding up alike in every row) split them alike by sex"),
    Check("cross_reference_mismatch", "xref", ("target", "realisasi unit"), W, check_percent_realisasi, ZERO,
          "a percentage called the realisasi of a target that is no percentage is the capaian under another name"),
    Check("cross_reference_mismatch", "xref", ("named columns", "two tables"), W, check_repeated_rows, ZERO,
          "a row printed in two tables (its other figures agree column by column) gives each figure once"),
    Check("cross_reference_mismatch", "xref", ("parts", "totals of another table"), E, check_breakdowns, ZERO,
          "parts grouped by their labels under the rows of a nearby table that name them add up to those rows"),
    Check("capaian_mismatch", "xref", ("prose capaian", "indicator records"), W, check_prose_capaian, ZERO,
          "a capaian stated in prose for a named indicator equals that indicator's capaian"),
    # 9 units and template
    Check("unit_mismatch", "template", ("target unit", "realisasi unit"), W, check_units, ZERO,
          "target and realisasi are in the same unit"),
    Check("placeholder", "template", ("text",), W, check_placeholders, ZERO,
          "no unfilled template placeholder or bracketed template value remains"),
)

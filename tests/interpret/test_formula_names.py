"""A formula under a section heading is named after the one table row whose figures it repeats."""

from __future__ import annotations

from interpret.records import interpret_document
from tests.interpret.helpers import formula, make_document, make_table

_IKU = [
    ["Sasaran Strategis", "Indikator Kinerja", "Target", "Realisasi", "Capaian"],
    ["Meningkatnya kualitas layanan", "Indeks kepuasan masyarakat", "80", "84,5", "105,63%"],
    ["Meningkatnya akuntabilitas", "Nilai SAKIP perangkat daerah", "80", "76", "97,5%"],
]
_HEADING = "DINAS CONTOH KOTA CONTOH"


def _formula_names(tables, formulas):
    report = interpret_document(make_document(tables, formulas=formulas))
    return [(r.indikator, r.sasaran) for r in report.indicators if not r.table_id]


def test_formula_takes_the_indicator_of_the_row_with_its_figures():
    fs = [formula("Capaian", "(76 / 80) x 100%", "97,5%", 40, _HEADING),
          formula("Capaian", "(84,5 / 80) x 100%", "105,63%", 41, _HEADING)]
    assert _formula_names([make_table(_IKU)], fs) == [
        ("Nilai SAKIP perangkat daerah", "Meningkatnya akuntabilitas"),
        ("Indeks kepuasan masyarakat", "Meningkatnya kualitas layanan"),
    ]


def test_formula_matching_no_row_or_two_rows_keeps_its_context():
    twice = [*_IKU, ["", "Nilai reformasi birokrasi", "80", "76", "95%"]]
    fs = [formula("Capaian", "(76 / 80) x 100%", "95%", 40, _HEADING),
          formula("Capaian", "(50 / 80) x 100%", "62,5%", 41, _HEADING)]
    assert _formula_names([make_table(twice)], fs) == [(_HEADING, ""), (_HEADING, "")]

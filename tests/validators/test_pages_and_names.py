"""Every finding on a PDF carries its page; names that differ by a negation, a number or a qualifier
are different quantities for the cross-reference rules."""

from __future__ import annotations

from dataclasses import replace

from pipeline.model import Cell, Provenance, Report, Table
from tests.validators.builders import FILE, budget, formula, report, table
from validators.engine import audit
from validators.rules.crossref import distinct_names, names_in


def _on_page(t: Table, page: int) -> Table:
    def moved(c: Cell) -> Cell:
        return Cell(c.text, Provenance(FILE, c.prov.line, page, c.prov.raw))

    return replace(t, header=tuple(tuple(moved(c) for c in r) for r in t.header),
                   rows=tuple(tuple(moved(c) for c in r) for r in t.rows), page=page)


def test_sum_finding_carries_the_page_of_its_total_cell() -> None:
    t = _on_page(table([["Belanja Pegawai", "100"], ["Belanja Barang", "50"], ["JUMLAH", "160"]],
                       header=[["Jenis", "Pagu"]]), 7)
    (f,) = [f for f in audit(report(tables=(t,))) if f.rule == "sum_mismatch"]
    assert (f.page, f.line, f.stated, f.expected) == (7, 12, "160", "150")


def test_formula_finding_carries_the_page_of_its_formula() -> None:
    fm = formula("3 / 4 \\times 100\\%", "80\\%", 20, label="Capaian")
    fm = replace(fm, prov=Provenance(FILE, 20, 3, fm.prov.raw))
    (f,) = [f for f in audit(report(formulas=(fm,))) if f.rule == "formula_mismatch"]
    assert (f.page, f.line, f.stated, f.expected) == (3, 20, "80\\%", "75.00")


def test_negated_name_is_another_item() -> None:
    assert distinct_names("pelayanan perizinan berusaha", "pelayanan perizinan non berusaha")
    assert distinct_names("realisasi triwulan i", "realisasi triwulan ii")
    assert distinct_names("pendapatan jumlah", "pembiayaan jumlah")
    assert not distinct_names("indeks kepuasan internal di wilayah", "lndeks kepuasan internal di wilayah")


def test_name_inside_a_sentence_but_negated_is_not_named() -> None:
    assert names_in("pelayanan perizinan berusaha", "realisasi pelayanan perizinan berusaha sebesar 90")
    assert not names_in("pelayanan perizinan berusaha", "realisasi pelayanan perizinan non berusaha sebesar 90")
    assert names_in("pelayanan perizinan non berusaha", "realisasi pelayanan perizinan non berusaha sebesar 90")


def test_budget_items_that_differ_by_a_negation_are_not_cross_referenced() -> None:
    rep: Report = report(budget=(
        budget("960.000.000", "921.600.000", "96,00", 10, item="Pelayanan Perizinan Berusaha", table_id="t1"),
        budget("540.000.000", "512.730.000", "94,95", 11, item="Pelayanan Perizinan Non Berusaha", table_id="t1"),
    ))
    assert [f for f in audit(rep) if f.rule == "cross_reference_mismatch"] == []

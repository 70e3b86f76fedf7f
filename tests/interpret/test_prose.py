"""Narrative and formula records from hand-written statements and formulas (no sample text)."""

from __future__ import annotations

from decimal import Decimal

from interpret.formulas import ratio_parts, records_from_formulas
from interpret.narrative import drafts_of, records_from_statements
from tests.interpret.helpers import formula, make_document, statement


def _v(q):
    return None if q is None else q.value


def test_result_from_target_or_percent():
    st = statement("Indeks mutu layanan memperoleh hasil sebesar 3,80 dari target 3,40 atau 111,76 %.", 20)
    ind, bud = records_from_statements(make_document(), [st])
    assert bud == []
    assert [(_v(r.target), _v(r.realisasi), _v(r.capaian), r.line, r.kind) for r in ind] == [
        (Decimal("3.40"), Decimal("3.80"), Decimal("111.76"), 20, "narrative")]


def test_previous_year_value_and_growth_figure():
    st = statement("Nilai ini naik dari capaian tahun 2021 sebesar 3,55 atau mengalami peningkatan sebesar 0,5%.", 7)
    ind, _ = records_from_statements(make_document(), [st])
    assert [(r.year, _v(r.realisasi), r.capaian) for r in ind] == [(2021, Decimal("3.55"), None)]


def test_two_indicators_in_one_sentence():
    st = statement("Sasaran A memiliki indikator berupa Persentase berkas selesai dengan capaian 98,5% serta "
                   "Persentase aduan ditangani dengan capaian 100%;", 3)
    ind, _ = records_from_statements(make_document(), [st])
    assert [(_v(r.capaian), r.indikator) for r in ind] == [
        (Decimal("98.5"), "Persentase berkas selesai"), (Decimal("100"), "Persentase aduan ditangani")]


def test_budget_statement_and_previous_year():
    st = statement("Realisasi belanja kantor tahun 2024 adalah sebesar Rp 9.000.000.000 atau 90,00% dari total "
                   "anggaran Rp 10.000.000.000. Realisasi ini naik dari realisasi belanja tahun 2023 sebesar "
                   "Rp 8.000.000.000 atau 80,00% dari total anggaran Rp 10.000.000.000.", 50)
    ind, bud = records_from_statements(make_document(), [st])
    assert ind == []
    assert [(r.year, _v(r.pagu), _v(r.realisasi), _v(r.pct), r.kind) for r in bud] == [
        (2024, Decimal("10000000000"), Decimal("9000000000"), Decimal("90.00"), "narrative"),
        (2023, Decimal("10000000000"), Decimal("8000000000"), Decimal("80.00"), "narrative"),
    ]


def test_pnbp_statement_without_a_role_word_before_the_amount():
    st = statement("Kantor X tahun 2024 sebesar Rp 3.000.000.000 atau 150,00 % dari target PNBP sebesar "
                   "Rp 2.000.000.000.", 9)
    _, bud = records_from_statements(make_document(), [st])
    assert [(_v(r.pagu), _v(r.realisasi), _v(r.pct), r.kind) for r in bud] == [
        (Decimal("2000000000"), Decimal("3000000000"), Decimal("150.00"), "pnbp")]


def test_sentences_of_one_paragraph_are_read_together():
    a = statement("Target jangka menengah indikator ini adalah sebesar 85%.", 30)
    b = statement("Target tersebut terlampaui karena realisasi yang diperoleh adalah sebesar 97%.", 30)
    ind, _ = records_from_statements(make_document(), [a, b])
    assert [(_v(r.target), _v(r.realisasi)) for r in ind] == [(Decimal("85"), Decimal("97"))]


def test_list_items_inherit_the_role_word_of_their_header():
    head = statement("Pada sasaran B terdapat 2 (dua) indikator dengan capaian:", 40)
    item = statement("1) Persentase layanan tepat waktu telah terpenuhi sebesar 101,5%.", 41)
    ind, _ = records_from_statements(make_document(), [head, item])
    assert [(_v(r.capaian), r.line) for r in ind] == [(Decimal("101.5"), 41)]


def test_bare_counts_and_unrelated_prose_give_nothing():
    assert drafts_of("Kantor ini didukung oleh 45 orang pegawai pada 3 seksi.") == []
    assert drafts_of("Sesuai Peraturan Menteri Nomor 12 Tahun 2020 tentang organisasi.") == []


def test_ratio_after_definition():
    fs = [
        formula("y", r"\frac{\text{Realisasi indeks}}{\text{Target indeks}} \times 100\%", "", 60),
        formula("y", r"\frac{3,60}{3,20} \times 100\%", r"112,5\%", 62, context="Indikator 1: Indeks mutu"),
        formula("z", r"\frac{\text{Capaian kantor}}{\text{Rata - rata capaian satuan kerja}} \times 100\%", "", 70),
        formula("z", r"\frac{112,5\%}{104\%} \times 100\%", r"108,17\%", 72),
    ]
    recs = records_from_formulas(make_document(), fs)
    assert [(r.kind, _v(r.target), _v(r.realisasi), _v(r.capaian), r.line) for r in recs] == [
        ("narrative", Decimal("3.20"), Decimal("3.60"), Decimal("112.5"), 62),
        ("comparison", Decimal("104"), Decimal("112.5"), Decimal("108.17"), 72),
    ]
    assert recs[0].indikator == "Indeks mutu"


def test_target_realisasi_terms_then_result():
    fs = [
        formula("Target laporan", "", "40 LHK", 80),
        formula("Realisasi laporan", "", "10 LHK", 81),
        formula("Hasil Capaian", "10/40x100%", "25%", 82),
        formula("D1", r"\frac{5}{10} * 100\%", r"50\%", 90),  # a component, not an indicator's capaian
    ]
    recs = records_from_formulas(make_document(), fs)
    assert [(_v(r.target), r.target.unit, _v(r.realisasi), _v(r.capaian), r.line) for r in recs] == [
        (Decimal("40"), "laporan", Decimal("10"), Decimal("25"), 82)]


def test_ratio_parts():
    assert ratio_parts(r"\frac{96,35}{91,00} * 100\%") == ("96,35", "91,00")
    assert ratio_parts("51.356/60.609 x 100%") == ("51.356", "60.609")
    assert ratio_parts("(D1 * 70%) + (D2 * 30%)") is None


def test_budget_absorption_percentage_is_a_budget_pct():
    st = statement("Capaian kinerja kantor pada tingkat 81,5% dengan realisasi anggaran 92,10% dari anggaran DIPA "
                   "adalah sebesar Rp5.000.000.000,00.", 12)
    ind, bud = records_from_statements(make_document(), [st])
    assert [_v(r.capaian) for r in ind] == [Decimal("81.5")]
    assert [(_v(r.pagu), _v(r.pct), r.realisasi) for r in bud] == [(Decimal("5000000000.00"), Decimal("92.10"), None)]


def test_weights_and_formula_factors_are_not_figures():
    head = statement("Nilai kinerja dihitung dari komponen dengan bobot sebagai berikut:", 5)
    item = statement("a. Capaian keluaran 40 persen", 6)
    prose_formula = statement("Target nilai indeks x 100% menjadi dasar perhitungan.", 8)
    ind, bud = records_from_statements(make_document(), [head, item, prose_formula])
    assert (ind, bud) == ([], [])


def test_values_of_earlier_years_listed_together():
    st = statement("Dibandingkan dengan nilai tahun 2022 sebesar 3,70 dan 2021 sebesar 3,65, nilai tahun ini naik.", 15)
    ind, _ = records_from_statements(make_document(), [st])
    assert [(r.year, _v(r.realisasi)) for r in ind] == [(2022, Decimal("3.70")), (2021, Decimal("3.65"))]


def test_figure_before_exceeding_the_target_is_the_realisasi():
    st = statement("Kantor X sebesar 3,95 Nilai ini telah melampaui target pada tahun 2023 sebesar 3,20 atau "
                   "memiliki capaian sebesar 123,44%.", 16)
    ind, _ = records_from_statements(make_document(), [st])
    assert [(_v(r.target), _v(r.realisasi), _v(r.capaian)) for r in ind] == [
        (Decimal("3.20"), Decimal("3.95"), Decimal("123.44"))]


def test_line_naming_an_item_and_its_amount():
    st = statement("Layanan Penerbitan Dokumen Rp 750.000.000,-", 33, context="1. Program Pelayanan Publik")
    _, bud = records_from_statements(make_document(), [st])
    assert [(r.item, r.parent_item, r.kind, _v(r.pagu)) for r in bud] == [
        ("Layanan Penerbitan Dokumen", "Program Pelayanan Publik", "by_program", Decimal("750000000"))]


def test_amounts_of_a_following_sedangkan_sentence_keep_their_role():
    a = statement("Kantor memperoleh dukungan anggaran sebesar Rp 1.000.000.000.", 40)
    b = statement("Sedangkan sumber dananya berasal dari Rupiah Murni sebesar Rp 600.000.000 dan PNBP sebesar "
                  "Rp 400.000.000.", 41)
    _, bud = records_from_statements(make_document(), [a, b])
    assert [(_v(r.pagu), r.kind) for r in bud] == [
        (Decimal("1000000000"), "narrative"), (Decimal("600000000"), "narrative"), (Decimal("400000000"), "pnbp")]


def test_capaian_against_the_target_of_the_sentence_before():
    target = statement("Target persentase berkas yang ditangani sebesar 90% merupakan standar satuan kerja.", 30)
    cap = statement("Maka capaian persentase berkas yang ditangani dibanding standar nasional sama dengan realisasi "
                    "dibanding target yaitu sebesar 150,5%.", 32)
    ind, _ = records_from_statements(make_document(), [target, cap])
    assert [(_v(r.target), r.realisasi, _v(r.capaian), r.line) for r in ind] == [
        (Decimal("90"), None, Decimal("150.5"), 30)]


def test_capaian_not_measured_against_a_target_stays_apart():
    target = statement("Target persentase berkas yang ditangani sebesar 90% pada tahun ini.", 30)
    cap = statement("Persentase aduan ditangani dengan capaian 98,5%.", 32)
    far = statement("Maka capaian persentase berkas dibanding target yaitu sebesar 150,5%.", 60)
    ind, _ = records_from_statements(make_document(), [target, cap, far])
    assert [(_v(r.target), _v(r.capaian), r.line) for r in ind] == [
        (Decimal("90"), None, 30), (None, Decimal("98.5"), 32), (None, Decimal("150.5"), 60)]

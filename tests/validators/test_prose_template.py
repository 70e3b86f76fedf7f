"""Prose claims, averages, units, placeholders and cross-references on hand-built records."""

from pipeline.model import Severity
from tests.validators.builders import budget, indicator, q, report, statement, table
from validators.engine import audit


def _one(findings):  # type: ignore[no-untyped-def]
    assert len(findings) == 1, findings
    return findings[0]


def test_prose_budget_claim_mismatch() -> None:
    st = statement("realisasi PNBP sebesar Rp 19.046.788.234 atau 72,28% dari total anggaran Rp 26.046.788.234.", 154)
    f = _one(audit(report(statements=(st,))))
    assert (f.rule, f.severity, f.line, f.stated, f.expected) == ("pct_mismatch", Severity.ERROR, 154, "72,28%",
                                                                  "73.13")


def test_prose_budget_claim_that_holds() -> None:
    st = statement("sebesar Rp 11.006.325.346 atau 99,18 % dari total anggaran Rp 11.097.189.000.", 172)
    assert audit(report(statements=(st,))) == ()


def test_prose_capaian_claim() -> None:
    ok = statement("memperoleh hasil sebesar 3,91 dari target 3,25 atau 120 %.", 150)
    bad = statement("memperoleh hasil sebesar 3,91 dari target 3,25 atau 110 %.", 150)
    assert audit(report(statements=(ok,))) == ()
    f = _one(audit(report(statements=(bad,))))
    assert (f.rule, f.expected) == ("capaian_mismatch", "120.31")


def test_growth_between_two_stated_values() -> None:
    sts = (statement("memperoleh hasil sebesar 3,91 dari target 3,25 atau 120 %.", 150),
           statement("Capaian ini mengalami peningkatan dari capaian tahun 2022 sebesar 3,90 atau mengalami "
                     "peningkatan sebesar 0,0001%.", 152))
    f = _one(audit(report(statements=sts)))
    assert (f.rule, f.severity, f.line, f.stated, f.expected) == ("growth_mismatch", Severity.WARNING, 152,
                                                                  "0,0001%", "0.26")


def test_prose_count_breakdown() -> None:
    st = statement("sumber daya manusia sejumlah 29 orang pegawai, dengan formasi 1 orang Eselon IV, 3 orang eselon V,"
                   " dan 29 orang menduduki Jabatan Fungsional.", 152)
    f = _one(audit(report(statements=(st,))))
    assert (f.rule, f.stated, f.expected) == ("sum_mismatch", "29 orang", "33")


def test_detail_table_after_prose_count() -> None:
    st = statement("tindak lanjut kasus pelanggaran sebanyak 72 dengan rincian sebagai berikut:", 736)
    t = table([["Deportasi", "16"], ["Penangkalan", "31"], ["Tinggal", "32"], ["Izin", "9"], ["Biaya", "0"]],
              header=[["Tindakan", "Jumlah"]], first_line=741)
    f = _one(audit(report(statements=(st,), tables=(t,))))
    assert (f.rule, f.line, f.stated, f.expected) == ("sum_mismatch", 736, "72", "88")


def test_average_row_in_table() -> None:
    rows = [["III. Reformasi", "RB", "100%", "91%", "90,52%"], ["", "IKU", "3,51", "3,78", "107,69%"],
            ["", "Rata-rata capaian Sasaran Kegiatan III", "", "", "86,75%"]]
    t = table(rows, header=[["Sasaran", "Indikator", "Target", "Realisasi", "Capaian"]], first_line=423)
    f = _one(audit(report(tables=(t,))))
    assert (f.rule, f.severity, f.line, f.stated, f.expected) == ("average_mismatch", Severity.ERROR, 425, "86,75%",
                                                                  "99.11")


def test_prose_average_per_item() -> None:
    sts = (statement("dengan nilai rata-rata capaian kinerja sebesar 112,02%, dengan rincian sebagai berikut:", 148),
           statement("1. Sasaran satu dengan capaian 111,1% serta dengan capaian 111,1%;", 150),
           statement("2. Sasaran dua dengan capaian 111,1%;", 151),
           statement("3. Sasaran tiga dengan capaian 100% serta dengan capaian 127,74%;", 152))
    assert audit(report(statements=sts)) == ()
    wrong = (statement("dengan nilai rata-rata capaian kinerja sebesar 97.17% , dengan rincian sebagai berikut:", 146),
             *sts[1:])
    f = _one(audit(report(statements=wrong)))
    assert (f.rule, f.line, f.stated, f.expected) == ("average_mismatch", 146, "97.17%", "112.21")


def test_unit_mismatch() -> None:
    rec = indicator("1 Layanan", "1 Orang", "100%", 475)
    f = _one(audit(report(indicators=(rec,))))
    assert (f.rule, f.severity, f.stated, f.expected) == ("unit_mismatch", Severity.WARNING, "1 Orang", "1 Layanan")


def test_placeholders_in_prose() -> None:
    st = statement("tujuan-tujuan strategis [nama satuan kerja] selama tahun 2023", 20)
    f = _one(audit(report(statements=(st,))))
    assert (f.rule, f.line, f.stated) == ("placeholder", 20, "[nama satuan kerja]")


def test_cross_reference_names_every_place_and_the_outlier() -> None:
    name = "Indeks Kualitas Layanan Keimigrasian di Wilayah"
    recs = (indicator("91", "96,35", "99.83%", 93, indikator=name, table_id="a"),
            indicator("91", "96,35", "105,88%", 542, indikator=name, table_id="b"),
            indicator("91,00", "96,35", "105,88%", 554, indikator=name, table_id="c"))
    findings = [f for f in audit(report(indicators=recs)) if f.rule == "cross_reference_mismatch"]
    f = _one(findings)
    assert (f.line, f.stated, f.expected, f.related_lines) == (93, "99.83%", "105,88%", (542, 554))


def test_budget_cross_reference() -> None:
    recs = (budget("11.097.189.000", "11.006.325.346", "99,18", 173, item="Realisasi belanja", is_total=True,
                   table_id="t0"),
            budget("11.097.189.000", "11.006.326.346", "99,18", 4546, item="JUMLAH", is_total=True, table_id="t1"),
            budget("11.097.189.000", "11.006.326.346", "99,18", 4611, item="Total", is_total=True, table_id="t2"))
    findings = [f for f in audit(report(budget=recs)) if f.rule == "cross_reference_mismatch"]
    f = _one(findings)
    assert (f.line, f.stated, f.related_lines) == (173, "11.006.325.346", (4546, 4611))


def test_quantity_helper_reads_units() -> None:
    assert q("91% (Indeks)").value is not None


def test_formula_count_against_the_table_above() -> None:
    from tests.validators.builders import formula

    t = table([["Deportasi", "16"], ["Penangkalan", "31"], ["Tinggal", "32"], ["Izin", "9"]],
              header=[["Tindakan", "Jumlah"]], first_line=741)
    fs = (formula(r"x = \frac{72}{72} \times 100\%", "", 752, label="x"), formula(r"x = 100\%", "", 754, label="x"))
    (f,) = audit(report(tables=(t,), formulas=fs))
    assert (f.rule, f.severity, f.line, f.expected, f.related_lines) == ("sum_mismatch", Severity.WARNING, 752, "88",
                                                                         (741, 742, 743, 744))

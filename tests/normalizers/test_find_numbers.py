"""find_numbers: every figure of a sentence of prose, with span, unit, value, precision."""

from __future__ import annotations

from decimal import Decimal

from normalizers.numbers import EN, ID, NumberMatch, find_numbers
from pipeline.model import Flag

D = Decimal


def _summary(text: str, **kw: str) -> list[tuple[str, Decimal | None, int, str]]:
    return [(n.raw, n.value, n.decimals, n.unit) for n in find_numbers(text, **kw)]


def test_budget_sentence() -> None:
    text = "sebesar Rp 11.006.325.346 atau 99,18 % dari total anggaran Rp 11.097.189.000"
    assert _summary(text) == [
        ("Rp 11.006.325.346", D(11006325346), 0, "rupiah"),
        ("99,18 %", D("99.18"), 2, "percent"),
        ("Rp 11.097.189.000", D(11097189000), 0, "rupiah"),
    ]


def test_spans_index_the_original_text() -> None:
    text = "realisasi <b>Rp 1.000.000</b> atau **50,5%**"
    found = find_numbers(text)
    assert [text[n.start:n.end] for n in found] == [n.raw for n in found]
    assert [n.token for n in found] == ["1.000.000", "50,5"]
    assert found[0].span == (found[0].start, found[0].end)


def test_index_sentence() -> None:
    text = "memperoleh hasil sebesar 3,93 dari target 3,13 atau 125,56 %"
    assert _summary(text) == [("3,93", D("3.93"), 2, ""), ("3,13", D("3.13"), 2, ""),
                              ("125,56 %", D("125.56"), 2, "percent")]


def test_tiny_percentage() -> None:
    assert _summary("peningkatan sebesar 0,0001% dari tahun lalu") == [("0,0001%", D("0.0001"), 4, "percent")]
    assert _summary("peningkatan sebesar 0,0026 %") == [("0,0026 %", D("0.0026"), 4, "percent")]


def test_years_are_kept_and_marked() -> None:
    found = find_numbers("capaian tahun 2023 sebesar 3,91 dibanding 2022")
    assert [(n.value, n.is_year) for n in found] == [(D(2023), True), (D("3.91"), False), (D(2022), True)]
    # a year range gives two years, not a negative number
    assert [(n.value, n.is_year) for n in find_numbers("Renstra 2015-2019")] == [(D(2015), True), (D(2019), True)]
    # a four-digit amount with a unit is no year
    assert not find_numbers("2023 orang")[0].is_year


def test_sentence_final_period() -> None:
    assert _summary("nilai IKM sebesar 3,91.") == [("3,91", D("3.91"), 2, "")]
    assert _summary("sebesar Rp 1.234.567.") == [("Rp 1.234.567", D(1234567), 0, "rupiah")]
    assert _summary("naik menjadi 95%. Selanjutnya") == [("95%", D(95), 0, "percent")]


def test_list_enumerators_and_reference_numbers_are_not_figures() -> None:
    assert _summary("1. Persentase capaian 100%") == [("100%", D(100), 0, "percent")]
    assert _summary("  2) target 90%") == [("90%", D(90), 0, "percent")]
    assert _summary("lihat Tabel 1.3 dan Pasal 71 ayat 2, nilai 4,5") == [("4,5", D("4.5"), 1, "")]
    assert [n.value for n in find_numbers("UU No. 6 Tahun 2011")] == [D(2011)]
    assert _summary("3.1 Capaian Kinerja") == []


def test_dates_are_not_figures() -> None:
    assert _summary("per 31/12/2023 sebesar 90%") == [("90%", D(90), 0, "percent")]


def test_units_after_figures() -> None:
    text = "diterbitkan 19.695 Dokumen Paspor RI dan 60.609 orang, 42 LHK, 96,35 (Indeks) dan 91% (Indeks)"
    found = find_numbers(text)
    assert [(n.raw, n.unit) for n in found] == [
        ("19.695 Dokumen", "dokumen"),
        ("60.609 orang", "orang"),
        ("42 LHK", "laporan"),
        ("96,35 (Indeks)", "indeks"),
        ("91% (Indeks)", "indeks"),
    ]


def test_currency_variants() -> None:
    assert _summary("Rp.3,471,304,072 dan IDR 5.000.000 dan Rp10.998.871.000,00") == [
        ("Rp.3,471,304,072", D(3471304072), 0, "rupiah"),
        ("IDR 5.000.000", D(5000000), 0, "rupiah"),
        ("Rp10.998.871.000,00", D("10998871000"), 2, "rupiah"),
    ]
    assert _summary("sebesar Rp. 2.834.681 .000,- untuk") == [("Rp. 2.834.681 .000,-", D(2834681000), 0, "rupiah")]


def test_identifiers_glued_to_letters_are_not_figures() -> None:
    assert _summary("nilai K1 dan D2 serta IKU3") == []
    assert _summary("pagu 3M-30M") == []


def test_ambiguous_in_prose() -> None:
    (n,) = find_numbers("jumlah 3,912 saja")
    assert (n.value, n.ambiguous) == (None, True)
    assert n.to_quantity().flags == frozenset({Flag.AMBIGUOUS})
    # resolved by the unit, by an explicit convention, or by the sentence's other figures
    assert find_numbers("jumlah 3,912 orang")[0].value == D(3912)
    assert find_numbers("jumlah 3,912 saja", convention=ID)[0].value == D("3.912")
    assert find_numbers("jumlah 3,912 saja", convention=EN)[0].value == D(3912)
    assert find_numbers("nilai 3,912 dari 26,19")[0].value == D("3.912")
    assert find_numbers("nilai 3,912 dari 99.83")[0].value == D(3912)
    assert find_numbers("nilai 3,912 %")[0].value == D("3.912")


def test_negative_in_prose() -> None:
    assert _summary("selisih -1.234,5 dari target") == [("-1.234,5", D("-1234.5"), 1, "")]


def test_match_to_quantity() -> None:
    (n,) = find_numbers("sebesar 26,19 %")
    q = n.to_quantity()
    assert isinstance(n, NumberMatch)
    assert (q.raw, q.value, q.decimals, q.unit, q.unit_raw, q.flags) == ("26,19 %", D("26.19"), 2, "percent", "%",
                                                                         frozenset())


def test_multi_word_unit_in_prose() -> None:
    assert _summary("menerbitkan 2 Paspor RI hari ini") == [("2 Paspor RI", D(2), 0, "dokumen")]
    assert _summary("menyusun 12 Laporan Hasil Kegiatan.") == [("12 Laporan Hasil Kegiatan", D(12), 0, "laporan")]


def test_scale_words_in_prose() -> None:
    assert _summary("pagu sebesar Rp 11,1 miliar atau naik") == [("Rp 11,1 miliar", D(11100000000), -8, "rupiah")]
    assert _summary("kategori pagu Sedang (10-50 Milyar)") == [("10", D(10), 0, ""),
                                                              ("50 Milyar", D(50 * 10**9), -9, "")]
    assert _summary("pagu 3M-30M") == []

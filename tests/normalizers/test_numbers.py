"""parse_number, parse_token, column conventions: Indonesian and English formats, units, flags."""

from __future__ import annotations

from decimal import Decimal

import pytest

from normalizers.numbers import (
    EN,
    ID,
    Hint,
    column_convention,
    column_hint,
    format_decimal,
    is_ambiguous,
    parse_number,
    parse_token,
    strip_markup,
    token_convention,
)
from pipeline.model import Flag, Provenance

D = Decimal


@pytest.mark.parametrize(
    ("text", "value", "decimals", "unit", "unit_raw"),
    [
        ("26,19", "26.19", 2, "", ""),
        ("1.234.567,89", "1234567.89", 2, "", ""),
        ("1.218.570.045.931,00", "1218570045931", 2, "", ""),
        ("8,844,706,000", "8844706000", 0, "", ""),
        ("99.83", "99.83", 2, "", ""),
        ("100,00", "100", 2, "", ""),
        ("0,0001", "0.0001", 4, "", ""),
        ("1.0000", "1", 4, "", ""),
        ("1234.567", "1234.567", 3, "", ""),
        ("0.500", "0.5", 3, "", ""),
        ("125", "125", 0, "", ""),
        ("Rp.3,471,304,072", "3471304072", 0, "rupiah", "Rp."),
        ("Rp10.998.871.000,00", "10998871000", 2, "rupiah", "Rp"),
        ("Rp. 453.966.000", "453966000", 0, "rupiah", "Rp."),
        ("Rp 11.006.325.346", "11006325346", 0, "rupiah", "Rp"),
        ("IDR 5.000.000", "5000000", 0, "rupiah", "IDR"),
        ("Rp.0", "0", 0, "rupiah", "Rp."),
        ("Rp. 7.901.571.000,-", "7901571000", 0, "rupiah", "Rp."),
        ("Rp. 7.901.571.000 ,-", "7901571000", 0, "rupiah", "Rp."),
        ("Rp. 2.834.681 .000,-", "2834681000", 0, "rupiah", "Rp."),
        ("Rp. 2.834 .681.000,-", "2834681000", 0, "rupiah", "Rp."),
        ("99,18 %", "99.18", 2, "percent", "%"),
        ("125 %", "125", 0, "percent", "%"),
        ("97.54%", "97.54", 2, "percent", "%"),
        ("105,88\\%", "105.88", 2, "percent", "%"),
        ("100 persen", "100", 0, "percent", "persen"),
        ("25.000,0 ORANG", "25000", 1, "orang", "ORANG"),
        ("42 LHK", "42", 0, "laporan", "LHK"),
        ("19.695 Dokumen", "19695", 0, "dokumen", "Dokumen"),
        ("60.609 orang", "60609", 0, "orang", "orang"),
        ("51.356 pemeriksaan", "51356", 0, "pemeriksaan", "pemeriksaan"),
        ("96,35 (Indeks)", "96.35", 2, "indeks", "(Indeks)"),
        ("91% (Indeks)", "91", 0, "indeks", "% (Indeks)"),
        ("3,51 (Indeks)", "3.51", 2, "indeks", "(Indeks)"),
        ("3,13 (lndeks )", "3.13", 2, "indeks", "(lndeks )"),
        ("3,1 Indeks", "3.1", 1, "indeks", "Indeks"),
        ("2 Paspor RI", "2", 0, "dokumen", "Paspor RI"),
        ("5 Laporan Hasil Kegiatan", "5", 0, "laporan", "Laporan Hasil Kegiatan"),
        ("1 (satu) berkas", "1", 0, "dokumen", "berkas"),
        ("3,91.", "3.91", 2, "", ""),
        ("1.", "1", 0, "", ""),
    ],
)
def test_parses_printed_formats(text: str, value: str, decimals: int, unit: str, unit_raw: str) -> None:
    q = parse_number(text)
    assert q.value == D(value)
    assert q.decimals == decimals
    assert q.unit == unit
    assert q.unit_raw == unit_raw
    assert q.flags == frozenset()
    assert q.raw == text


@pytest.mark.parametrize(
    ("text", "value", "decimals"),
    [
        ("<b>26,19 %</b>", "26.19", 2),
        ("**1.234.567,89**", "1234567.89", 2),
        ("<p><b>99.83</b></p>", "99.83", 2),
        ("$$111,1\\%$$", "111.1", 1),
        ("3{,}91", "3.91", 2),
        ("\u00a01.234.567\u00a0", "1234567", 0),
        ("<li>Rp 1.000.000</li>", "1000000", 0),
    ],
)
def test_markup_is_tolerated(text: str, value: str, decimals: int) -> None:
    q = parse_number(text)
    assert (q.value, q.decimals, q.flags) == (D(value), decimals, frozenset())


@pytest.mark.parametrize(
    ("text", "hint", "value"),
    [
        ("(1.234.567)", None, "-1234567"),
        ("(1.234)", Hint(unit="rupiah"), "-1234"),
        ("(26,19)", None, "-26.19"),
        ("Rp (1.500.000)", None, "-1500000"),
        ("-1.234.567", None, "-1234567"),
        ("-1.234", Hint(convention=ID), "-1234"),
        ("-1.234", Hint(convention=EN), "-1.234"),
        ("\u22121,5", None, "-1.5"),
        ("\u22121,5".replace("\u2212", "−"), None, "-1.5"),
    ],
)
def test_negative_numbers(text: str, hint: Hint | None, value: str) -> None:
    assert parse_number(text, hint).value == D(value)


def test_nihil_is_zero_flagged() -> None:
    for text in ("Nihil", "NIHIL", " nihil "):
        q = parse_number(text)
        assert (q.value, q.decimals, q.flags) == (D(0), 0, frozenset({Flag.NIHIL}))
    q = parse_number("Nihil orang")
    assert (q.value, q.unit, q.flags) == (D(0), "orang", frozenset({Flag.NIHIL}))


@pytest.mark.parametrize("text", ["", "   ", "-", "–", "—", "--", "Rp -", "Rp. -", "- %", "<b></b>"])
def test_empty_cells(text: str) -> None:
    q = parse_number(text)
    assert q.value is None
    assert q.flags == frozenset({Flag.EMPTY})


def test_empty_cell_keeps_unit() -> None:
    assert parse_number("Rp -").unit == "rupiah"
    assert parse_number("-", Hint(unit="percent")).unit == "percent"


@pytest.mark.parametrize("text", ["Tahun 2023", "Terbit", "Pasal 71 ayat 2", "3,91 dan 3,90", "Rp 1.000 Rp 2.000",
                                  "1.2.3", "12,34,5"])
def test_words_and_several_figures_are_text(text: str) -> None:
    q = parse_number(text)
    assert q.value is None
    assert q.flags == frozenset({Flag.TEXT})


@pytest.mark.parametrize(
    ("text", "unit"),
    [("[Rp]", "rupiah"), ("[...%]", "percent"), ("[…]", ""), ("....%", "percent"), ("[nama satuan kerja]", ""),
     ("[xx]", ""), ("xx", "")],
)
def test_unfilled_placeholders(text: str, unit: str) -> None:
    q = parse_number(text)
    assert q.value is None
    assert q.flags == frozenset({Flag.PLACEHOLDER})
    assert q.unit == unit


@pytest.mark.parametrize(
    ("text", "value", "decimals", "unit"),
    [("[87,91%]", "87.91", 2, "percent"), ("[74%]", "74", 0, "percent"), ("[3,30]", "3.3", 2, ""),
     ("[Rp3.424.110.913.]", "3424110913", 0, "rupiah"),
     ("[Rp3.558.827.000]", "3558827000", 0, "rupiah"), ("[3,18 (contoh)]", "3.18", 2, "")],
)
def test_bracketed_remnants_keep_their_value(text: str, value: str, decimals: int, unit: str) -> None:
    q = parse_number(text)
    assert (q.value, q.decimals, q.unit) == (D(value), decimals, unit)
    assert q.flags == frozenset({Flag.PLACEHOLDER})
    assert q.raw == text


# ---------------------------------------------------------------------------- ambiguity


@pytest.mark.parametrize("token", ["3,912", "1.500", "100.000", "999,999", "-1.234", "19.695"])
def test_ambiguous_without_context_is_flagged_not_valued(token: str) -> None:
    assert is_ambiguous(token)
    assert token_convention(token) is None
    q = parse_number(token)
    assert q.value is None
    assert q.flags == frozenset({Flag.AMBIGUOUS})
    assert parse_token(token) is None


@pytest.mark.parametrize("token", ["125", "26,19", "1.234.567", "0,500", "0.500", "1234,567", "1,5", "12.34"])
def test_not_ambiguous(token: str) -> None:
    assert not is_ambiguous(token)


@pytest.mark.parametrize(
    ("token", "hint", "value", "decimals"),
    [
        ("3,912", Hint(convention=ID), "3.912", 3),
        ("3,912", Hint(convention=EN), "3912", 0),
        ("1.500", Hint(convention=ID), "1500", 0),
        ("1.500", Hint(convention=EN), "1.5", 3),
        ("1.500", Hint(unit="rupiah"), "1500", 0),
        ("3,912", Hint(unit="rupiah"), "3912", 0),
        ("1.500", Hint(unit="orang"), "1500", 0),
        ("1.500", Hint(integer_expected=True), "1500", 0),
        ("3,912", Hint(integer_expected=True), "3912", 0),
        ("3,912", Hint(unit="percent"), "3.912", 3),
        ("1.500", Hint(unit="indeks"), "1.5", 3),
        ("3,912 %", None, "3.912", 3),
        ("1.500 orang", None, "1500", 0),
        ("Rp 1.500", None, "1500", 0),
        # a count column wins over the convention of its neighbours: 1.500 orang is never 1,5 orang
        ("1.500", Hint(convention=EN, unit="orang"), "1500", 0),
        # a measured quantity follows the column's convention when one is known
        ("1,500", Hint(convention=EN, unit="percent"), "1500", 0),
    ],
)
def test_ambiguous_resolved_from_context(token: str, hint: Hint | None, value: str, decimals: int) -> None:
    q = parse_number(token, hint)
    assert (q.value, q.decimals) == (D(value), decimals)
    assert Flag.AMBIGUOUS not in q.flags


def test_self_evident_token_overrides_column_convention() -> None:
    assert parse_number("1.234.567", Hint(convention=EN)).value == D(1234567)
    assert parse_number("99.83", Hint(convention=ID)).value == D("99.83")
    assert parse_number("26,19", Hint(convention=EN)).value == D("26.19")


def test_column_convention_majority() -> None:
    assert column_convention(["24,259,000", "449,959", "2,130,000", "0"]) == EN
    assert column_convention(["1.234.567", "26,19", "3,912"]) == ID
    assert column_convention(["3,912", "1.500", "125"]) is None
    assert column_convention(["99.83", "26,19"]) is None
    assert column_convention([]) is None


def test_column_hint_reads_convention_and_unit() -> None:
    hint = column_hint(["19.695 Dokumen", "60.609 Dokumen", "1 Layanan", "42 Dokumen"])
    assert (hint.convention, hint.unit) == (None, "dokumen")
    assert parse_number("1.500", hint).value == D(1500)
    assert column_hint(["1 Layanan", "2 Dokumen"]).unit == ""
    column = ["Rp 24,259,000", "Rp 2,130,000", "Rp 449,959"]
    hint = column_hint(column)
    assert (hint.convention, hint.unit) == (EN, "rupiah")
    assert parse_number("449,959", hint).value == D(449959)


def test_parse_token() -> None:
    assert parse_token("1.234.567,89") == (D("1234567.89"), 2)
    assert parse_token("3,91.") == (D("3.91"), 2)
    assert parse_token("3,912", ID) == (D("3.912"), 3)
    assert parse_token("3,912", EN) == (D(3912), 0)
    assert parse_token("1.2.3") is None
    assert parse_token("-5") == (D(-5), 0)


def test_format_decimal() -> None:
    assert format_decimal(D("100.00")) == "100"
    assert format_decimal(D("3.910")) == "3.91"
    assert format_decimal(D("1E+3")) == "1000"
    assert format_decimal(D("-0.0")) == "0"
    assert format_decimal(None) == ""


def test_strip_markup() -> None:
    assert strip_markup("<b>26,19 %</b>") == "26,19 %"
    assert strip_markup("**100\\%**") == "100%"
    assert strip_markup("a\u00a0b \u2212 c") == "a b - c"


def test_provenance_is_carried() -> None:
    prov = Provenance("x.txt", 12, None, "26,19")
    assert parse_number("26,19", prov=prov).prov is prov
    assert parse_number("", prov=prov).prov is prov


@pytest.mark.parametrize(
    ("text", "value", "decimals", "unit", "unit_raw"),
    [
        ("Rp 11,1 miliar", "11100000000", -8, "rupiah", "Rp miliar"),
        ("1,5 M", "1500000000", -8, "", "M"),
        ("Rp 2 juta", "2000000", -6, "rupiah", "Rp juta"),
        ("3,25 juta orang", "3250000", -4, "orang", "juta orang"),
        ("Rp 1,500 miliar", None, 0, "rupiah", "Rp miliar"),
    ],
)
def test_scale_words(text: str, value: str | None, decimals: int, unit: str, unit_raw: str) -> None:
    q = parse_number(text)
    assert q.value == (D(value) if value else None)
    assert (q.decimals, q.unit, q.unit_raw) == (decimals, unit, unit_raw)
    if value is None:  # a scaled figure is no whole count: the lone separator stays ambiguous
        assert q.flags == frozenset({Flag.AMBIGUOUS})

"""Plain-layout tables the reader cannot be sure of: runs of several rows' figures split by the kinds of
their figures, a share word joined to its measure in the header, and the doubts a table carries when
figure rows have no label. The texts are made up for the tests (names and figures invented)."""

from __future__ import annotations

import regex as re

from extractors.plain_doubts import body_in_header
from extractors.plain_header import build_header, join_shares, role_count
from extractors.plain_period import period
from pipeline.model import Table
from tests.extractors.test_plain import _extract, _lines, _texts

FIGURE = re.compile(r"^\d[\d.,]*%?$")

# amounts alternating with their percentages, one per line; the header names three figure columns
ALTERNATING = """Tabel 9
Anggaran Belanja per Sasaran
No
Sasaran
Anggaran
% Anggaran
Jumlah
1
Meningkatnya mutu layanan publik
4.000.000
40,00
Meningkatnya tertib arsip
2.000.000
20,00
3.000.000
30,00
5.000.000
50,00
Meningkatnya kapasitas aparatur
1.000.000
10,00
Jumlah
10.000.000
100,00
Sumber : data olahan
"""

# two indicators' labels in one block, then their six figures: two rows of (target, realisasi, capaian)
FOLDED = """Sasaran
Tingkat Capaian
Target 2016
Realisasi
Persentase
Capaian
Indikator
Terjaganya mutu lingkungan
Indeks mutu air
50,0%
55,0%
110,0%
Indeks mutu udara
Jumlah desa iklim
70
77,00
110,00%
40
30
75%
Indeks tutupan lahan
30%
33%
110%
Sumber : data olahan
"""

CLEAN = """No
Indikator
Target
Realisasi
Capaian
1
Indeks kepuasan layanan
75,00
80,00
106,67
2
Indeks tertib arsip
70,00
63,00
90,00
Sumber : data olahan
"""

ORPHAN = CLEAN.replace("Sumber", "55,00\n44,00\n80,00\nSumber")


def _table(text: str) -> Table:
    (table,) = _extract(_lines(text)).tables
    return table


def _figures(table: Table) -> list[list[str]]:
    return [[t for t in _texts(r) if FIGURE.match(t)] for r in table.rows]


def test_period_of_repeating_kinds() -> None:
    assert period(("amount", "number") * 4, {2, 3}) == 2
    assert period(("number", "number", "pct") * 2, {3}) == 3
    assert period(("number", "number", "pct") * 2, {2}) is None  # no other row holds 3 figures… of 2
    assert period(("pct",) * 6, {3}) is None  # one kind: nothing shows where a row ends
    assert period(("amount", "number", "amount"), {2}) is None  # something left over
    assert period(("amount", "number"), {2}) is None  # one row: no repeat


def test_amounts_alternating_with_percentages_are_rows_of_two() -> None:
    table = _table(ALTERNATING)
    assert _figures(table) == [
        ["4.000.000", "40,00"],
        ["2.000.000", "20,00"],
        ["3.000.000", "30,00"],
        ["5.000.000", "50,00"],
        ["1.000.000", "10,00"],
        ["10.000.000", "100,00"],
    ]
    assert [_texts(r)[-2] for r in table.rows] == ["4.000.000", "2.000.000", "3.000.000", "5.000.000", "1.000.000",
                                                    "10.000.000"]  # one column of amounts, no percentage in it
    assert table.doubts == ("2 figure rows without a label",)


def test_two_rows_folded_into_one_are_split_by_the_pattern_of_their_kinds() -> None:
    table = _table(FOLDED)
    assert _figures(table) == [["50,0%", "55,0%", "110,0%"], ["70", "77,00", "110,00%"], ["40", "30", "75%"],
                               ["30%", "33%", "110%"]]
    assert table.doubts == ("1 figure rows without a label",)


def test_a_table_whose_rows_all_have_labels_has_no_doubts() -> None:
    table = _table(CLEAN)
    assert _figures(table) == [["75,00", "80,00", "106,67"], ["70,00", "63,00", "90,00"]]
    assert table.doubts == ()


def test_a_figure_row_without_a_label_is_a_doubt() -> None:
    table = _table(ORPHAN)
    assert _figures(table)[-1] == ["55,00", "44,00", "80,00"]
    assert table.doubts == ("1 figure rows without a label",)


def test_share_word_joins_the_measure_after_it() -> None:
    assert join_shares(["Target", "Realisasi", "Persentase", "Capaian"]) == ["Target", "Realisasi",
                                                                              "Persentase Capaian"]
    assert join_shares(["Prosentase", "Realisasi Anggaran", "Sisa"]) == ["Prosentase Realisasi Anggaran", "Sisa"]
    assert join_shares(["Persentase", "Target"]) == ["Persentase", "Target"]
    lines = ["Target", "Realisasi", "Persentase", "Capaian", "Target", "Realisasi", "Prosentase", "Capaian"]
    assert role_count(lines) == 6
    assert build_header(lines, 6).rows[-1][-6:] == ("Target", "Realisasi", "Persentase Capaian", "Target",
                                                    "Realisasi", "Prosentase Capaian")


AVERAGE_BY_ORDER = CLEAN.replace("Sumber", "Rata-rata\n98,33\nSumber")


def test_an_average_row_with_fewer_figures_than_the_columns_is_a_doubt() -> None:
    table = _table(AVERAGE_BY_ORDER)
    assert _figures(table)[-1] == ["98,33"]
    assert table.doubts == ("an average row with fewer figures than the columns, placed by guess",)


def test_a_header_cell_holding_body_text_is_a_doubt() -> None:
    assert body_in_header([["Uraian", "Anggaran"], ["Program", "Target"]]) is False
    assert body_in_header([["Kegiatan Penyusunan Laporan Kinerja Instansi Pemerintah dan Evaluasi Sasaran Strategis "
                            "Daerah Provinsi Jawa Tengah", "Anggaran"]]) is True


NUMBERED = """Jenis Pendapatan
Target (Rp)
Realisasi (Rp)
%
(1)
(2)
(3)
(4)
1
Pendapatan jasa layanan umum
12.000.000
11.400.000
95,00
2
Pendapatan hasil kerja sama
3.000.000
3.300.000
110,00
JUMLAH
15.000.000
14.700.000
98,00
Sumber : data olahan
"""


def test_rows_that_only_number_columns_or_rows_are_no_doubt() -> None:
    table = _table(NUMBERED)
    assert _figures(table)[-1] == ["15.000.000", "14.700.000", "98,00"]
    assert table.doubts == ()

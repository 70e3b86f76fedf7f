"""The space-aligned table extractor (`pdftotext -layout` style): hand-written tables, names and
figures invented, asserting exact cells and the line each row and cell keeps."""

from __future__ import annotations

from collections.abc import Sequence

from extractors.aligned import AlignedTableExtractor, find_blocks, text_runs
from extractors.text import detect_layout, extract_lines, layout_extractors, split_lines
from pipeline.model import Cell, Table


def _tables(text: str, claimed: frozenset[int] = frozenset()) -> list[Table]:
    return list(AlignedTableExtractor().extract(split_lines(text), "synthetic.txt", claimed).tables)


def _texts(rows: Sequence[Sequence[Cell]]) -> list[list[str]]:
    return [[c.text for c in r] for r in rows]


def _lines(rows: Sequence[Sequence[Cell]]) -> list[set[int | None]]:
    return [{c.prov.line for c in r} for r in rows]


MEASUREMENT = """Tabel 2.1 Capaian Kinerja Tahun 2023

No   Indikator Kinerja                    Target   Realisasi   Capaian
1    Persentase layanan paspor selesai       95%       97,5%    102,63%
     tepat waktu
2    Jumlah pengawasan orang asing            12          10     83,33%
3    Indeks kepuasan masyarakat             3,50
     terhadap layanan keimigrasian

Kalimat sesudah tabel.
"""


def test_wrapped_labels_right_aligned_figures_and_empty_cells() -> None:
    [table] = _tables(MEASUREMENT)
    assert table.title == "Tabel 2.1 Capaian Kinerja Tahun 2023"
    assert table.engine == "aligned" and table.line == 3
    assert _texts(table.header) == [["No", "Indikator Kinerja", "Target", "Realisasi", "Capaian"]]
    assert _texts(table.rows) == [
        ["1", "Persentase layanan paspor selesai tepat waktu", "95%", "97,5%", "102,63%"],
        ["2", "Jumlah pengawasan orang asing", "12", "10", "83,33%"],
        ["3", "Indeks kepuasan masyarakat terhadap layanan keimigrasian", "3,50", "", ""],
    ]
    # a merged continuation line keeps the row on the line of its figures
    assert _lines(table.rows) == [{4}, {6}, {7}]
    assert table.rows[0][1].prov.raw == "Persentase layanan paspor selesai tepat waktu"
    assert table.rows[0][4].prov.raw == "102,63%"


def test_the_lines_of_the_table_are_claimed_and_prose_after_it_is_not() -> None:
    found = AlignedTableExtractor().extract(split_lines(MEASUREMENT), "synthetic.txt", frozenset())
    assert found.claimed == frozenset({3, 4, 5, 6, 7, 8})


MULTI_YEAR = """Uraian                           2022                              2023
                     Pagu     Realisasi       %       Pagu     Realisasi       %
Belanja Pegawai    1.000.000     950.000   95,00   1.200.000   1.176.000   98,00
Belanja Barang       500.000     400.000   80,00     600.000     540.000   90,00
Jumlah             1.500.000   1.350.000   90,00   1.800.000   1.716.000   95,33
"""


def test_years_centred_over_their_columns_head_the_first_column_they_span() -> None:
    [table] = _tables(MULTI_YEAR)
    assert _texts(table.header) == [
        ["Uraian", "2022", "", "", "2023", "", ""],
        ["", "Pagu", "Realisasi", "%", "Pagu", "Realisasi", "%"],
    ]
    assert _texts(table.rows)[2] == ["Jumlah", "1.500.000", "1.350.000", "90,00", "1.800.000", "1.716.000", "95,33"]
    assert _lines(table.rows) == [{3}, {4}, {5}]


LEFT_ALIGNED_SUPER_HEADER = """BELANJA    ANGGARAN                   REALISASI
           2022          2023         2022          2023
Pegawai    10.000.000    11.000.000   9.000.000     10.500.000
Barang     5.000.000     6.000.000    4.000.000     5.500.000
"""


def test_a_left_aligned_super_header_stays_over_its_first_column() -> None:
    [table] = _tables(LEFT_ALIGNED_SUPER_HEADER)
    assert _texts(table.header) == [["BELANJA", "ANGGARAN", "", "REALISASI", ""], ["", "2022", "2023", "2022", "2023"]]


BLANK_LINES_AND_DENSE_FIGURES = """\
Kode      Uraian                                 Anggaran          Realisasi         %

1.1       Pendapatan Asli Daerah           252.751.911.939,00 286.049.615.484,34 113,17

1.1.1     Pajak Daerah                     105.808.628.248,00   112.060.908.223,00 105,91
1.1.2     Retribusi Daerah                   8.730.233.142,00    10.085.859.119,00 115,53
"""


def test_rows_apart_by_blank_lines_and_figures_one_space_apart_are_cells() -> None:
    [table] = _tables(BLANK_LINES_AND_DENSE_FIGURES)
    assert _texts(table.header) == [["Kode", "Uraian", "Anggaran", "Realisasi", "%"]]
    assert _texts(table.rows) == [
        ["1.1", "Pendapatan Asli Daerah", "252.751.911.939,00", "286.049.615.484,34", "113,17"],
        ["1.1.1", "Pajak Daerah", "105.808.628.248,00", "112.060.908.223,00", "105,91"],
        ["1.1.2", "Retribusi Daerah", "8.730.233.142,00", "10.085.859.119,00", "115,53"],
    ]
    assert _lines(table.rows) == [{3}, {5}, {6}]


TWO_TABLES = """No.   Sasaran Kegiatan                          Indikator Kinerja                      Target
1.    Meningkatnya layanan publik yang prima    Jumlah layanan yang diselesaikan          120
2     Terwujudnya tata kelola yang akuntabel    Nilai evaluasi akuntabilitas kinerja       80

     Kegiatan                            Anggaran
1.   Layanan publik                      Rp 102.000.000
2.   Tata kelola                         Rp 85.000.000
"""


def test_a_table_after_a_blank_line_with_other_columns_is_another_table() -> None:
    first, second = _tables(TWO_TABLES)
    assert _texts(first.header) == [["No.", "Sasaran Kegiatan", "Indikator Kinerja", "Target"]]
    assert _texts(first.rows)[1] == [
        "2",
        "Terwujudnya tata kelola yang akuntabel",
        "Nilai evaluasi akuntabilitas kinerja",
        "80",
    ]
    assert _texts(second.header) == [["", "Kegiatan", "Anggaran"]]
    assert _texts(second.rows) == [["1.", "Layanan publik", "Rp 102.000.000"], ["2.", "Tata kelola", "Rp 85.000.000"]]
    assert _lines(second.rows) == [{6}, {7}]


JUSTIFIED_PROSE = """Pada tahun 2023 kantor ini  melaksanakan  berbagai kegiatan yang
mendukung  pencapaian sasaran strategis dan  seluruh kegiatan berjalan
dengan baik sesuai  rencana yang telah  ditetapkan sebelumnya oleh
pimpinan  dan seluruh  pegawai dengan capaian  95  persen.
"""


def test_justified_prose_with_double_spaces_is_not_a_table() -> None:
    assert _tables(JUSTIFIED_PROSE) == []
    assert find_blocks(split_lines(JUSTIFIED_PROSE), frozenset()) == []


def test_a_number_grouped_by_a_space_stays_one_run() -> None:
    assert [r.text for r in text_runs("Jumlah penduduk   1 234   orang")] == ["Jumlah penduduk", "1 234", "orang"]
    assert [r.text for r in text_runs("Pagu  0,00 0,00  -")] == ["Pagu", "0,00", "0,00", "-"]
    assert [(r.start, r.end) for r in text_runs("  ab  cd")] == [(2, 4), (6, 8)]


def test_claimed_lines_are_left_to_their_extractor() -> None:
    assert _tables(MEASUREMENT, claimed=frozenset(range(1, 12))) == []


def test_a_pdftotext_layout_export_is_its_own_layout_and_prose_stays_prose() -> None:
    text = "Kalimat pembuka laporan ini.\n\n" + MULTI_YEAR + "\n" + MEASUREMENT
    lines = split_lines(text)
    assert detect_layout(lines) == "aligned"
    assert [e.name for e in layout_extractors("aligned")] == ["formulas", "pipe", "tabs", "aligned"]
    found = extract_lines(lines, "synthetic.txt", "aligned")
    assert [t.line for t in found.tables] == [3, 11]
    assert 1 not in found.claimed


def test_the_plain_reader_goes_before_the_aligned_one_in_a_plain_export() -> None:
    assert [e.name for e in layout_extractors("plain")] == ["formulas", "pipe", "plain", "aligned"]


DEEP_HEADER = """\
                                        Realisasi                       Target
No   Indikator                                           Realisasi S/D      RPJMD
     Sasaran                          2015      2016     Tahun 2016         2016
1.   Persentase penyelesaian        93,54%    56,12%       56,12%          11,2%
     dokumen
2.   Jumlah lokasi binaan               23        61           61             61
"""


def test_a_deep_header_is_one_row_under_its_spanning_words() -> None:
    [table] = _tables(DEEP_HEADER)
    assert _texts(table.header) == [
        ["No", "Indikator Sasaran", "Realisasi", "", "Realisasi S/D Tahun 2016", "Target RPJMD 2016"],
        ["", "", "2015", "2016", "", ""],
    ]
    assert _texts(table.rows) == [
        ["1.", "Persentase penyelesaian dokumen", "93,54%", "56,12%", "56,12%", "11,2%"],
        ["2.", "Jumlah lokasi binaan", "23", "61", "61", "61"],
    ]
    assert _lines(table.header) == [{1}, {2}] and _lines(table.rows) == [{4}, {6}]


WANDERING_FIGURES = """\
Kode     Uraian                          Anggaran          Realisasi       %
1.1      Pendapatan asli daerah      252.751.911.939,00   286.049.615.484,34 113,17
1.1.1    Pajak daerah                105.808.628.248,00 112.060.908.223,00 105,91
1.1.2    Retribusi daerah              8.730.233.142,00    10.085.859.119,00 115,53
1.1.3    Pengelolaan kekayaan          8.819.200.000,00     8.819.200.000,00 100,00
"""


def test_figures_wandering_into_each_others_gap_are_still_cut_into_their_columns() -> None:
    [table] = _tables(WANDERING_FIGURES)
    assert _texts(table.rows) == [
        ["1.1", "Pendapatan asli daerah", "252.751.911.939,00", "286.049.615.484,34", "113,17"],
        ["1.1.1", "Pajak daerah", "105.808.628.248,00", "112.060.908.223,00", "105,91"],
        ["1.1.2", "Retribusi daerah", "8.730.233.142,00", "10.085.859.119,00", "115,53"],
        ["1.1.3", "Pengelolaan kekayaan", "8.819.200.000,00", "8.819.200.000,00", "100,00"],
    ]


SPLIT_OVER_PAGES = """\
No   Indikator Kinerja            Target   Realisasi   Capaian
1.   Jumlah dokumen                   10          12    120,00
2.   Jumlah rekomendasi yang           4           3     75,00

                                                            20

No     Indikator                        Target      Realisasi     Capaian
       Kinerja
       ditindaklanjuti
3.     Persentase OPD                       95          78,57       82,71
4.     Nilai SAKIP                          81          80,10       98,89
       Rata-rata                                                    94,15
"""


def test_a_table_split_over_pages_with_its_header_wrapped_otherwise_is_one_table() -> None:
    [table] = _tables(SPLIT_OVER_PAGES)
    assert _texts(table.header) == [["No", "Indikator Kinerja", "Target", "Realisasi", "Capaian"]]
    assert [r[0].text for r in table.rows] == ["1.", "2.", "3.", "4.", ""]
    assert _texts(table.rows)[2] == ["3.", "Persentase OPD", "95", "78,57", "82,71"]
    assert _texts(table.rows)[4][-1] == "94,15"
    assert _lines(table.rows)[2] == {10}  # the wrapped label read into the repeated header is lost


SPAN_OVER_THREE = """\
                            Tahun 2016            Target
No   Indikator      Target   Realisasi    %        Akhir
     Kinerja
1    Dokumen            10          12   120          15
2    Rekomendasi         4           3    75           5
"""


def test_a_year_centred_over_three_columns_spans_them_though_lined_up_with_the_middle_one() -> None:
    [table] = _tables(SPAN_OVER_THREE)
    assert _texts(table.header)[0] == ["No", "Indikator Kinerja", "Tahun 2016", "", "", "Target Akhir"]


TWO_YEARS = (  # the page's layout: lines too wide for the source, each cut in two
    "                                                                     2022       "
    "                           2023                            Target    Percepatan/"
    "\n"
    "                                                                                "
    "  Persentase                                  Prosentase   Renstra   Perlambatan"
    "\n"
    " No       Sasaran Strategis    Indikator Sasaran"
    "\n"
    "                                                      Target        Realisasi   "
    "   Capaian        Target          Realisasi    Capaian      Tahun"
    "\n"
    "                                                                                "
    "                                                             2026"
    "\n"
    " 1.   Meningkatnya   mutu      Indeks kepuasan         70%          75,00%      "
    "   107,1%         72,0 %          74,00 %     102,78 %     80.00%    Percepatan"
    "\n"
    "                               Jumlah inovasi            4              5       "
    "    125%            5               5         100%         8           -"
    "\n"
    "                               layanan"
    "\n"
)


TARGET_RENSTRA = "Target Renstra Tahun 2026"


def test_two_years_head_their_own_three_columns_and_labels_merged_down_stand_in_the_top_row() -> None:
    """`2023` stands off centre over its Target / Realisasi / Capaian; `Persentase`, centred by
    chance over Realisasi 2022 .. Target 2023, heads its own column; `Target` over `Renstra Tahun
    2026` spans nothing and is the top of that column's label."""
    [table] = _tables(TWO_YEARS)
    assert _texts(table.header) == [
        [
            "No",
            "Sasaran Strategis",
            "Indikator Sasaran",
            "2022",
            "",
            "",
            "2023",
            "",
            "",
            TARGET_RENSTRA,
            "Percepatan/ Perlambatan",
        ],
        ["", "", "", "Target", "Realisasi", "Persentase Capaian", "Target", "Realisasi", "Prosentase Capaian", "", ""],
    ]
    assert _texts(table.rows)[1] == ["", "", "Jumlah inovasi layanan", "4", "5", "125%", "5", "5", "100%", "8", "-"]


PAGED = """\
No   Indikator Kinerja              Target   Realisasi   Capaian
1    Jumlah dokumen perencanaan         4           4      100%
2    Jumlah laporan kinerja            12          11    91,67%

                                                              7
                          LAKIP Dinas Contoh Tahun 2023
No   Indikator Kinerja              Target   Realisasi   Capaian
3    Persentase aduan                  90          95   105,56%

                                                              8
                          LAKIP Dinas Contoh Tahun 2023
No   Indikator Kinerja              Target   Realisasi   Capaian
4    Jumlah kunjungan                  10          10      100%

                                                              9
                          LAKIP Dinas Contoh Tahun 2023
"""


def test_a_running_title_after_each_page_number_is_no_header_of_the_continued_table() -> None:
    [table] = _tables(PAGED)
    assert _texts(table.header) == [["No", "Indikator Kinerja", "Target", "Realisasi", "Capaian"]]
    assert [r[0] for r in _texts(table.rows)] == ["1", "2", "3", "4"]
    assert _lines(table.rows) == [{2}, {3}, {8}, {13}]


SAME_PAGE = """\
No   Indikator Kinerja              Target   Realisasi   Capaian
1    Jumlah dokumen perencanaan         4           4      100%
2    Jumlah laporan kinerja            12          11    91,67%

  2. Pada Misi 2, sasaran yang ingin dicapai adalah meningkatnya kualitas pelayanan publik daerah :

No   Indikator Kinerja              Target   Realisasi   Capaian
3    Persentase aduan                  90          95   105,56%
4    Jumlah kunjungan                  10          10      100%
"""


def test_a_table_repeating_the_header_after_a_sentence_on_the_same_page_is_a_table_of_its_own() -> None:
    first, second = _tables(SAME_PAGE)
    assert _lines(first.rows) == [{2}, {3}] and _lines(second.rows) == [{8}, {9}]


RESCALED = """\
Tabel 5 Program dan Anggaran Tahun 2023
No   Program                     Satuan  Target      Anggaran (Rp)
1    Program perencanaan         Dok          4        120.000.000
     daerah terpadu
2    Program pelayanan           Unit        12         80.500.000

                                        7

3     Program pengawasan                   Laporan          2               45.250.000
      internal daerah
      Kegiatan koordinasi                                                   30.000.000
      Jumlah                                                               275.750.000
"""


def test_a_continuation_on_a_page_set_on_a_wider_character_grid_is_read_in_the_table_columns() -> None:
    [table] = _tables(RESCALED)
    assert _texts(table.header) == [["No", "Program", "Satuan", "Target", "Anggaran (Rp)"]]
    assert _texts(table.rows) == [
        ["1", "Program perencanaan daerah terpadu", "Dok", "4", "120.000.000"],
        ["2", "Program pelayanan", "Unit", "12", "80.500.000"],
        ["3", "Program pengawasan internal daerah", "Laporan", "2", "45.250.000"],
        ["", "Kegiatan koordinasi", "", "", "30.000.000"],
        ["", "Jumlah", "", "", "275.750.000"],
    ]
    assert _lines(table.rows) == [{3}, {5}, {9}, {11}, {12}]


SECTIONS = """\
Misi 1: Meningkatkan tata kelola pemerintahan daerah yang bersih dan akuntabel
                                        Tahun 2023
No   Sasaran                       Satuan      Target     Anggaran (Rp)
1    Meningkatnya kualitas         Dok              4       150.000.000
     perencanaan
Misi 2: Meningkatkan mutu pelayanan publik yang cepat, mudah dan terjangkau bagi warga
No   Sasaran                       Satuan      Target      Tahun 2023 Anggaran (Rp)
2    Meningkatnya kepuasan         Indeks          82          90.000.000
     masyarakat
                                   JUMLAH                     240.000.000
"""


def test_a_section_label_between_a_table_and_its_repeated_header_is_no_sentence_ending_it() -> None:
    [table] = _tables(SECTIONS)
    assert [r[-1] for r in _texts(table.rows)] == ["150.000.000", "90.000.000", "240.000.000"]
    assert _texts(table.rows)[1][:4] == ["2", "Meningkatnya kepuasan masyarakat", "Indeks", "82"]
    assert _lines(table.rows) == [{4}, {8}, {10}]


# pdfplumber's layout text: a page set tighter than its character grid pushes a long label up to
# the figure after it (a single space apart) and wrapped labels across the figure columns
SQUEEZED = """\
Tabel 9 Efisiensi Penggunaan Anggaran
 No.  Sasaran        Indikator Kinerja     Capaian    Serapan  Efisiensi
  1.  Meningkatnya   Jumlah dokumen RKA 150      92,10      57,90
      mutu perencanaan daerah yang disahkan
                     Persentase aduan   110      95,00      15,00
                     yang ditangani tepat waktu
  2.  Meningkatnya   Jumlah pelatihan 120,50     88,40      32,10
      kapasitas aparatur sipil negara daerah
  3.  Tersedianya    Jumlah regulasi 125,00      90,00      35,00
      standar pelayanan publik yang
                Rata-Rata            126,38      91,38      35,00
"""


def test_a_figure_pushed_against_its_label_stands_in_its_column_of_figures() -> None:
    [table] = _tables(SQUEEZED)
    rows = _texts(table.rows)
    assert [r[1:] for r in rows if r[1]] == [
        ["150", "92,10", "57,90"],
        ["110", "95,00", "15,00"],
        ["120,50", "88,40", "32,10"],
        ["125,00", "90,00", "35,00"],
        ["126,38", "91,38", "35,00"],
    ]
    assert rows[0][0] == "1. Meningkatnya Jumlah dokumen RKA mutu perencanaan daerah yang disahkan"
    assert rows[1][0] == "Persentase aduan yang ditangani tepat waktu"
    assert [r[0] for r in rows if r[1]][-1] == "Rata-Rata"
    assert _lines(table.rows)[:2] == [{3}, {5}]


def test_a_figure_is_cut_from_its_label_only_over_a_column_of_figures_standing_alone() -> None:
    from extractors.aligned import split_label_figures

    rows = [
        text_runs("Jumlah laporan kinerja 12      4,5"),
        text_runs("Jumlah kajian          10      3,5"),
        text_runs("Jumlah rapat           14      2,5"),
        text_runs("Belanja barang jasa Rp 12      1,5"),
        text_runs("Rencana program tahun 2024     1,0"),
    ]
    cut = [[r.text for r in runs] for runs in split_label_figures(rows)]
    assert cut == [
        ["Jumlah laporan kinerja", "12", "4,5"],
        ["Jumlah kajian", "10", "3,5"],
        ["Jumlah rapat", "14", "2,5"],
        ["Belanja barang jasa Rp 12", "1,5"],  # a sum in rupiah is one figure
        ["Rencana program tahun 2024", "1,0"],  # a year ends a label
    ]


# a quarterly realisation form: the header apart from the rows by a blank line, its first line
# holding no figure but a year, quarters standing a little off the centre of their K / Rp, the
# columns of quarters III and IV filled by no row, and each row's Rp of quarter I a line below
QUARTERLY = """\
                                    Realisasi Kinerja Triwulan I - IV Tahun 2024
  Program/Kegiatan       Indikator Kinerja                                                                      Unit PJ
                                                I                            II               III      IV
                                                5                            6                 7       8
         1                        2                                                                               9
                                          K           Rp             K          Rp          K    Rp   K   Rp

Penyusunan Rencana       Jumlah dokumen   3                          2    45.000.000                            Bappeda
Kerja                    rencana kerja          20.500.000
Pembinaan Pegawai        Jumlah pegawai  12                         10    30.250.000                            Bappeda
                         yang dibina            15.000.000
Pengelolaan Arsip        Jumlah arsip    40                         35    12.000.000                            Bappeda
Daerah                   tertata                 8.750.000
"""


def test_a_quarterly_form_reads_its_rows_set_on_two_lines_under_every_quarter() -> None:
    [table] = _tables(QUARTERLY)
    header = _texts(table.header)
    assert ["I", "", "II", "", "III", "", "IV", ""] in [h[2:10] for h in header]
    assert ["K", "Rp", "K", "Rp", "K", "Rp", "K", "Rp"] in [h[2:10] for h in header] + [
        r[2:10] for r in _texts(table.rows)
    ]
    rows = [r for r in _texts(table.rows) if r[-1] == "Bappeda"]
    assert rows == [
        [
            "Penyusunan Rencana Kerja",
            "Jumlah dokumen rencana kerja",
            "3",
            "20.500.000",
            "2",
            "45.000.000",
            "",
            "",
            "",
            "",
            "Bappeda",
        ],
        [
            "Pembinaan Pegawai",
            "Jumlah pegawai yang dibina",
            "12",
            "15.000.000",
            "10",
            "30.250.000",
            "",
            "",
            "",
            "",
            "Bappeda",
        ],
        [
            "Pengelolaan Arsip Daerah",
            "Jumlah arsip tertata",
            "40",
            "8.750.000",
            "35",
            "12.000.000",
            "",
            "",
            "",
            "",
            "Bappeda",
        ],
    ]

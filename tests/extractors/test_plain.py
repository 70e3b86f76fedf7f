"""The plain-layout (pdftotext) table extractor: synthetic layouts, then the real sample against its keys.

The synthetic texts below are made up for the tests (names and figures invented); the real sample
and its hand-checked keys are read from ../shared and never copied here.
"""

from __future__ import annotations

import csv
import logging
import time
from collections.abc import Iterable, Sequence
from pathlib import Path

import pytest
import regex as re

from extractors.base import Extraction, Line
from extractors.plain import PlainLayoutExtractor
from extractors.plain_header import build_header, split_cells
from extractors.plain_tokens import shape_of
from extractors.text import extract_lines, split_lines
from pipeline.model import Cell, Table
from tests.conftest import sample

log = logging.getLogger(__name__)

JEMBER = "jember_2023_lkjip.txt"
LINE_SLACK = 3
COVERAGE_FLOOR = 0.9  # share of keyed table rows found; measured 95/98 (missed: one transposed table)


def _lines(text: str, spaced: bool = True) -> list[Line]:
    """Numbered lines; `spaced` interleaves blank lines as the pdftotext exports of the family do."""
    out: list[str] = []
    for row in text.strip("\n").splitlines():
        out.append(row)
        if spaced:
            out.append(" ")
    return list(split_lines("\n".join(out)))


def _extract(lines: Sequence[Line], claimed: Iterable[int] = ()) -> Extraction:
    return PlainLayoutExtractor().extract(lines, "synthetic.txt", frozenset(claimed))


def _texts(row: Sequence[Cell]) -> list[str]:
    return [c.text for c in row]


def _line_of(lines: Sequence[Line], needle: str) -> int:
    return next(ln.number for ln in lines if needle in ln.text)


# --------------------------------------------------------------------------- tokens and header


@pytest.mark.parametrize(
    ("text", "prefix", "figures"),
    [
        (
            "Belanja Jasa Rp. 1.234.500.000 Rp. 1.100.000.000 89,11",
            "Belanja Jasa",
            ["Rp. 1.234.500.000", "Rp. 1.100.000.000", "89,11"],
        ),
        ("2,50 2,75 110 %", "", ["2,50", "2,75", "110 %"]),
        ("Program Contoh Rp. 1.500 .000,-", "Program Contoh", ["Rp. 1.500.000,-"]),
        ("Indeks Contoh 3,10 (Indeks )", "Indeks Contoh", ["3,10 (Indeks)"]),
        ("Layanan Contoh 2 Layanan", "Layanan Contoh", ["2 Layanan"]),
        ("3 512345 Pendapatan Contoh 1.000.000 2.000.000", "3 512345 Pendapatan Contoh", ["1.000.000", "2.000.000"]),
        ("nilai tahun 2022 sebesar 3,50, lebih tinggi", "nilai tahun 2022 sebesar 3,50, lebih tinggi", []),
        ("anggaran tersebut sebesar Rp.", "anggaran tersebut sebesar Rp.", []),
        (
            "1.1.   Pendapatan Contoh     25.000.000,00   (1.500.000,00)    -",
            "1.1. Pendapatan Contoh",
            ["25.000.000,00", "(1.500.000,00)", "-"],
        ),
    ],
)
def test_shape_of_splits_label_and_trailing_figures(text: str, prefix: str, figures: list[str]) -> None:
    shape = shape_of(text)
    assert shape.prefix == prefix
    assert [f.text for f in shape.figures] == figures


def test_header_words_split_into_columns() -> None:
    assert split_cells("Kegiatan Anggaran Realisasi Persentase") == ["Kegiatan", "Anggaran", "Realisasi", "Persentase"]
    assert split_cells("No Sasaran Kegiatan Indikator Kinerja Kegiatan Target") == [
        "No",
        "Sasaran Kegiatan",
        "Indikator Kinerja Kegiatan",
        "Target",
    ]
    assert split_cells("Uraian Tahun 2021 Tahun 2022") == ["Uraian", "Tahun 2021", "Tahun 2022"]
    assert split_cells("Targe t Realisas i Capaian (%)") == ["Target", "Realisasi", "Capaian (%)"]


def test_header_years_span_the_columns_under_them() -> None:
    header = build_header(["Uraian", "2021 2022", "Pagu Realisasi % Pagu Realisasi %"], n_fig=6)
    assert header.rows == (
        ("", "2021", "2021", "2021", "2022", "2022", "2022"),
        ("Uraian", "Pagu", "Realisasi", "%", "Pagu", "Realisasi", "%"),
    )
    assert (header.has_no, header.n_text, header.n_fig) == (False, 1, 6)


# --------------------------------------------------------------------------- synthetic tables

BUDGET = """
Laporan ini menguraikan penggunaan anggaran satuan kerja contoh selama satu tahun penuh dengan rinci.
-Realisasi Anggaran Contoh-
Uraian Pagu Realisasi Persentase
Program Contoh
Pertama
Rp. 1.000.000 Rp. 900.000 90,00 %
Program Contoh Kedua Rp. 2.000.000 Rp. 1.500.000 75,00 %
JUMLAH Rp. 3.000.000 Rp. 2.400.000 80,00 %
Dari tabel di atas terlihat bahwa penyerapan anggaran satuan kerja contoh belum mencapai target.
"""


def test_budget_rows_with_wrapped_label_and_jumlah() -> None:
    lines = _lines(BUDGET)
    found = _extract(lines)
    assert len(found.tables) == 1
    table = found.tables[0]
    assert [_texts(r) for r in table.header] == [["Uraian", "Pagu", "Realisasi", "Persentase"]]
    assert [_texts(r) for r in table.rows] == [
        ["Program Contoh Pertama", "Rp. 1.000.000", "Rp. 900.000", "90,00 %"],
        ["Program Contoh Kedua", "Rp. 2.000.000", "Rp. 1.500.000", "75,00 %"],
        ["JUMLAH", "Rp. 3.000.000", "Rp. 2.400.000", "80,00 %"],
    ]
    first = table.rows[0]
    assert first[1].prov.line == _line_of(lines, "Rp. 1.000.000")
    assert first[0].prov.line == _line_of(lines, "Program Contoh")
    assert table.title == "Realisasi Anggaran Contoh"
    prose = {_line_of(lines, "Laporan ini"), _line_of(lines, "Dari tabel")}
    assert not prose & found.claimed


INDICATORS = """
Sasaran Kegiatan Indikator Kinerja
Kegiatan
Target Realisasi Capaian
1 2 3 4 5
Meningkatnya mutu
layanan contoh
1. Indeks Mutu
Layanan Contoh
2,50
2,75
110 %
2. Indeks Ketepatan Contoh 3,00 3,30 110 %
3. Indeks Ketelitian
Contoh
1,00 1,20 120 %
"""


def test_indicator_rows_figures_alone_on_their_lines() -> None:
    lines = _lines(INDICATORS)
    table = _extract(lines).tables[0]
    assert _texts(table.header[-1]) == [
        "Sasaran Kegiatan",
        "Indikator Kinerja Kegiatan",
        "Target",
        "Realisasi",
        "Capaian",
    ]
    rows = [_texts(r) for r in table.rows]
    assert rows[0] == ["Meningkatnya mutu layanan contoh", "1. Indeks Mutu Layanan Contoh", "2,50", "2,75", "110 %"]
    assert rows[1][-3:] == ["3,00", "3,30", "110 %"]
    assert rows[2] == ["", "3. Indeks Ketelitian Contoh", "1,00", "1,20", "120 %"]  # the sasaran above goes on
    lines_of_figures = [c.prov.line for c in table.rows[0][2:]]
    assert lines_of_figures == [_line_of(lines, "2,50"), _line_of(lines, "2,75"), _line_of(lines, "110 %")]


MULTI_YEAR = """
Indikator Kinerja
2021 2022
Target Realisasi
Capaian
(%)
Target Realisasi
Capaian
(%)
Indeks
Contoh
3,00
3,20
106,67
3,10
3,30
106,45
"""


def test_multi_year_header_keeps_the_year_over_each_column() -> None:
    table = _extract(_lines(MULTI_YEAR)).tables[0]
    assert _texts(table.header[0]) == ["", "2021", "2021", "2021", "2022", "2022", "2022"]
    assert _texts(table.header[1]) == [
        "Indikator Kinerja",
        "Target",
        "Realisasi",
        "Capaian (%)",
        "Target",
        "Realisasi",
        "Capaian (%)",
    ]
    assert [_texts(r) for r in table.rows] == [["Indeks Contoh", "3,00", "3,20", "106,67", "3,10", "3,30", "106,45"]]


REPEATED_HEADER = """
No Uraian Anggaran
1 Kegiatan Satu Rp. 100.000
2 Kegiatan Dua Rp. 200.000
- 7 -
No Uraian Anggaran
3 Kegiatan Tiga Rp. 300.000
"""


def test_header_repeated_on_a_new_page_continues_the_table() -> None:
    found = _extract(_lines(REPEATED_HEADER))
    assert len(found.tables) == 1
    table = found.tables[0]
    assert [_texts(r) for r in table.rows] == [
        ["1", "Kegiatan Satu", "Rp. 100.000"],
        ["2", "Kegiatan Dua", "Rp. 200.000"],
        ["3", "Kegiatan Tiga", "Rp. 300.000"],
    ]


def test_percent_goes_to_the_percent_column_when_a_figure_is_missing() -> None:
    text = "Uraian Pagu Realisasi %\nBelanja Contoh Rp. 500.000 95,00 %\nBelanja Lain Rp. 400.000 Rp. 300.000 75,00 %"
    table = _extract(_lines(text)).tables[0]
    assert _texts(table.rows[0]) == ["Belanja Contoh", "Rp. 500.000", "", "95,00 %"]


def test_prose_with_header_words_is_not_a_table() -> None:
    text = """
B. Realisasi Anggaran
Target dan realisasi anggaran pada tahun ini dijelaskan secara rinci pada bagian berikut ini.
Realisasi anggaran mencapai 95,5 persen dari pagu yang ditetapkan dalam dokumen pelaksanaan.
"""
    found = _extract(_lines(text))
    assert found.tables == ()
    assert found.claimed == frozenset()


def test_claimed_lines_are_left_alone() -> None:
    lines = _lines(BUDGET)
    formula_line = _line_of(lines, "Program Contoh Kedua")
    found = _extract(lines, claimed={formula_line})
    assert formula_line not in found.claimed
    assert all(c.prov.line != formula_line for t in found.tables for r in t.rows for c in r)


LAYOUT = """
NO      URAIAN                         ANGGARAN          REALISASI        %
1.      Belanja Contoh Satu         1.000.000,00        900.000,00    90,00
        dengan label panjang
2.      Belanja Contoh Dua          2.000.000,00      1.000.000,00    50,00
                         JUMLAH     3.000.000,00      1.900.000,00
"""


def test_pdftotext_layout_wide_gaps() -> None:
    table = _extract(_lines(LAYOUT, spaced=False)).tables[0]
    assert _texts(table.header[-1]) == ["NO", "URAIAN", "ANGGARAN", "REALISASI", "%"]
    rows = [_texts(r) for r in table.rows]
    assert rows[0] == ["1.", "Belanja Contoh Satu dengan label panjang", "1.000.000,00", "900.000,00", "90,00"]
    assert rows[2] == ["", "JUMLAH", "3.000.000,00", "1.900.000,00", ""]


NUMBERED_YEAR_ROWS = """
No Tahun
Nilai
Kinerja
Serapan Konsistensi IKU Efisiensi
1 2021 81,10 90,00 97,50 100 5,10
2 2022 88,20 95,10 98,00 100 7,70
"""


def test_rows_without_label_give_their_number_and_year_to_the_label_columns() -> None:
    table = _extract(_lines(NUMBERED_YEAR_ROWS)).tables[0]
    assert _texts(table.header[-1]) == ["No", "Tahun", "Nilai Kinerja", "Serapan", "Konsistensi", "IKU", "Efisiensi"]
    assert [_texts(r) for r in table.rows] == [
        ["1", "2021", "81,10", "90,00", "97,50", "100", "5,10"],
        ["2", "2022", "88,20", "95,10", "98,00", "100", "7,70"],
    ]


def test_running_footer_is_not_a_row() -> None:
    page = """
Uraian Anggaran Realisasi
Kegiatan {n}A Rp. {n}00.000 Rp. {n}0.000
Kegiatan {n}B Rp. {n}10.000 Rp. {n}1.000
Laporan Kinerja Dinas Contoh 2030
"""
    text = "".join(page.format(n=n) for n in range(1, 4))
    found = _extract(_lines(text))
    labels = [r[0].text for t in found.tables for r in t.rows]
    assert labels == ["Kegiatan 1A", "Kegiatan 1B", "Kegiatan 2A", "Kegiatan 2B", "Kegiatan 3A", "Kegiatan 3B"]


LAYOUT_HEADER = """
Nomor                                   Jumlah            Realisasi
              Uraian                                                       %
 Urut                                  Anggaran             2030
  1                2                       3                   4           5
1.1.      Pendapatan Contoh           10.000.000,00     9.000.000,00    90,00
1.2.      Pendapatan Contoh Lain       5.000.000,00     5.500.000,00   110,00
          yang Panjang
                        JUMLAH        15.000.000,00    14.500.000,00
                                                                          12
"""


def test_pdftotext_layout_header_over_three_lines_read_by_position() -> None:
    table = _extract(_lines(LAYOUT_HEADER, spaced=False)).tables[0]
    assert _texts(table.header[-1]) == ["Nomor Urut", "Uraian", "Jumlah Anggaran", "Realisasi 2030", "%"]
    rows = [_texts(r) for r in table.rows]
    assert rows == [
        ["1.1.", "Pendapatan Contoh", "10.000.000,00", "9.000.000,00", "90,00"],
        ["1.2.", "Pendapatan Contoh Lain yang Panjang", "5.000.000,00", "5.500.000,00", "110,00"],
        ["", "JUMLAH", "15.000.000,00", "14.500.000,00", ""],
    ]


# --------------------------------------------------------------------------- the real sample


def _norm(raw: str) -> str:
    return re.sub(r"\s+", "", raw).lower().replace("{", "(").replace("}", ")")


def _same_figure(cell: str, raw: str) -> bool:
    a, b = _norm(cell), _norm(raw)
    if not a or not b:
        return False
    if a == b:
        return True
    shorter, longer = sorted((a, b), key=len)
    return longer.startswith(shorter) and not re.search(r"\d", longer[len(shorter) :])


def _keyed_rows(keys_dir: Path) -> list[tuple[str, int, list[str]]]:
    """(what, line, raw figures) of every keyed table row of the sample.

    Prose statements are left out: kind `narrative`, and comparisons the key draws from prose
    (their label starts with `narrative`).
    """
    out: list[tuple[str, int, list[str]]] = []
    with (keys_dir / "jember_2023_lkjip_indicators.csv").open(encoding="utf-8-sig") as f:
        for r in csv.DictReader(f):
            if r["table_kind"] != "narrative" and not r["table_label"].startswith("narrative"):
                raws = [r[k] for k in ("target_raw", "realisasi_raw", "capaian_raw") if r[k].strip()]
                out.append((f"indicator {r['indikator'][:40]}", int(r["line"]), raws))
    with (keys_dir / "jember_2023_lkjip_budget.csv").open(encoding="utf-8-sig") as f:
        for r in csv.DictReader(f):
            if r["table_label"] != "narrative":
                raws = [r[k] for k in ("pagu_raw", "realisasi_raw", "pct_raw") if r[k].strip()]
                out.append((f"budget {r['item'][:40]} {r['year']}", int(r["line"]), raws))
    return out


def _row_holds(row: Sequence[Cell], line: int, raws: Sequence[str]) -> bool:
    """The row holds every keyed figure, in order, the first within LINE_SLACK lines of the key's line."""
    start = 0
    first_line: int | None = None
    for raw in raws:
        k = next((i for i in range(start, len(row)) if _same_figure(row[i].text, raw)), None)
        if k is None:
            return False
        first_line = row[k].prov.line if first_line is None else first_line
        start = k + 1
    return first_line is not None and abs(first_line - line) <= LINE_SLACK


@pytest.fixture(scope="module")
def jember() -> tuple[list[Line], Extraction]:
    lines = list(split_lines(sample(JEMBER).read_text(encoding="utf-8")))
    return lines, _extract(lines)


@pytest.mark.samples
def test_keyed_table_rows_are_found(keys_dir: Path, jember: tuple[list[Line], Extraction]) -> None:
    _, found = jember
    keyed = _keyed_rows(keys_dir)
    rows = [row for table in found.tables for row in table.rows]
    missed = [(what, line) for what, line, raws in keyed if not any(_row_holds(r, line, raws) for r in rows)]
    share = 1 - len(missed) / len(keyed)
    log.info("plain layout: %d/%d keyed table rows found (%.1f%%)", len(keyed) - len(missed), len(keyed), 100 * share)
    print(f"\nplain-layout coverage of keyed table rows: {len(keyed) - len(missed)}/{len(keyed)} = {share:.1%}")
    assert share >= COVERAGE_FLOOR, f"coverage {share:.1%} below {COVERAGE_FLOOR:.0%}; missed: {missed}"


def _table_with(found: Extraction, label: str) -> Table:
    return next(t for t in found.tables if any(c.text == label for r in t.rows for c in r))


def _key(keys_dir: Path, name: str, **match: str) -> dict[str, str]:
    with (keys_dir / name).open(encoding="utf-8-sig") as f:
        return next(r for r in csv.DictReader(f) if all(r[k] == v for k, v in match.items()))


@pytest.mark.samples
def test_budget_row_by_jenis_belanja_for_one_year(keys_dir: Path, jember: tuple[list[Line], Extraction]) -> None:
    _, found = jember
    key = _key(keys_dir, "jember_2023_lkjip_budget.csv", item="Belanja Barang", year="2022")
    table = _table_with(found, "Belanja Barang")
    row = next(r for t in [table] for r in t.rows if r[0].text == "Belanja Barang")
    years = _texts(table.header[0])
    roles = [c.text.lower() for c in table.header[-1]]
    cols = [i for i, y in enumerate(years) if y == key["year"]]
    assert [roles[i] for i in cols] == ["pagu", "realisasi", "%"]
    assert [row[i].text for i in cols] == [key["pagu_raw"], key["realisasi_raw"], key["pct_raw"]]
    assert {row[i].prov.line for i in cols} == {int(key["line"])}


@pytest.mark.samples
def test_jumlah_row(keys_dir: Path, jember: tuple[list[Line], Extraction]) -> None:
    _, found = jember
    keys = [_key(keys_dir, "jember_2023_lkjip_budget.csv", item="JUMLAH", year=y) for y in ("2021", "2022")]
    line = int(keys[0]["line"])
    row = next(r for t in found.tables for r in t.rows if r[0].text == "JUMLAH" and r[1].prov.line == line)
    expected = [k[f] for k in keys for f in ("pagu_raw", "realisasi_raw", "pct_raw")]
    assert _texts(row) == ["JUMLAH", *expected]


@pytest.mark.samples
def test_indicator_measurement_row(keys_dir: Path, jember: tuple[list[Line], Extraction]) -> None:
    _, found = jember
    key = _key(keys_dir, "jember_2023_lkjip_indicators.csv", table_kind="measurement")
    raws = [key["target_raw"], key["realisasi_raw"], key["capaian_raw"]]
    table, row = next((t, r) for t in found.tables for r in t.rows if _texts(r)[-3:] == raws)
    assert [c.text for c in table.header[-1]][-3:] == ["Target", "Realisasi", "Capaian"]
    assert row[-3].prov.line == int(key["line"])
    assert key["indikator"].split()[-1] in row[-4].text


@pytest.mark.samples
def test_multi_year_indicator_table_keeps_years(keys_dir: Path, jember: tuple[list[Line], Extraction]) -> None:
    _, found = jember
    key = _key(keys_dir, "jember_2023_lkjip_indicators.csv", table_kind="multi_year")
    table, row = next(
        (t, r)
        for t in found.tables
        for r in t.rows
        if any(c.prov.line == int(key["line"]) and c.text == key["target_raw"] for c in r)
    )
    k = next(i for i, c in enumerate(row) if c.prov.line == int(key["line"]))
    assert table.header[0][k].text == key["year"]
    assert table.header[-1][k].text == "Target"
    assert [row[k + 1].text, row[k + 2].text] == [key["realisasi_raw"], key["capaian_raw"]]


@pytest.mark.samples
def test_narrative_lines_are_not_claimed(keys_dir: Path, jember: tuple[list[Line], Extraction]) -> None:
    _, found = jember
    with (keys_dir / "jember_2023_lkjip_indicators.csv").open(encoding="utf-8-sig") as f:
        narrative = {int(r["line"]) for r in csv.DictReader(f) if r["table_kind"] == "narrative"}
    assert narrative and not narrative & found.claimed


@pytest.mark.samples
def test_titles_and_context(jember: tuple[list[Line], Extraction]) -> None:
    _, found = jember
    assert all(t.context for t in found.tables)
    assert sum(bool(t.title) for t in found.tables) >= 3
    assert all(t.engine == "plain" and t.header for t in found.tables)


@pytest.mark.samples
def test_whole_text_chain_keeps_its_statements(jember: tuple[list[Line], Extraction]) -> None:
    lines, found = jember
    chained = extract_lines(lines, JEMBER, "plain")
    assert len(chained.tables) >= len(found.tables) - 2
    assert chained.statements


@pytest.mark.samples
def test_fast_enough(jember: tuple[list[Line], Extraction]) -> None:
    """The longest sample (5,454 lines), best of five runs: ~0.08 s on an idle machine; the bound
    leaves room for a busy CI runner while still catching a quadratic scan."""
    lines, _ = jember
    runs = []
    for _ in range(5):
        start = time.perf_counter()
        _extract(lines)
        runs.append(time.perf_counter() - start)
    assert min(runs) < 0.6, f"{min(runs):.3f}s for {len(lines)} lines"


# --------------------------------------------------------------------------- sub-tables under sub-headings

STAFF = """
1. Menurut Jenis Kelamin
Jenis Kelamin Jumlah
Pria 30
Wanita 10
2. Menurut Bidang
Bidang laki laki wanita
Sekretariat 5 3
Bidang Teknis 25 7
Jumlah 30 10
Jumlah pegawai menurut gender
wanita
25%
Laki-laki
75%
Laki-laki
perempuan
3. Menurut Pendidikan
Pendidikan Jumlah
S1 28
S2 12
Total 40
"""


def test_subheading_over_a_header_starts_a_new_table() -> None:
    tables = _extract(_lines(STAFF)).tables
    assert [t.title for t in tables] == ["1. Menurut Jenis Kelamin", "2. Menurut Bidang", "3. Menurut Pendidikan"]
    assert [_texts(r) for r in tables[1].header] == [["Bidang", "laki laki", "wanita"]]
    assert [_texts(r) for r in tables[1].rows] == [
        ["Sekretariat", "5", "3"], ["Bidang Teknis", "25", "7"], ["Jumlah", "30", "10"]]  # no chart labels
    assert [_texts(r) for r in tables[2].rows] == [["S1", "28"], ["S2", "12"], ["Total", "40"]]


def test_chart_legend_is_no_header() -> None:
    from extractors.plain import is_count_header

    assert not is_count_header("Laki-laki perempuan")
    assert is_count_header("Golongan laki laki wanita") and is_count_header("Jabatan Jumlah")
    legend_only = "Grafik Pegawai\nLaki-laki perempuan\nLaki-laki 30\nperempuan 10\n"
    assert _extract(_lines(legend_only)).tables == ()


def test_jember_staff_sub_tables(jember: tuple[list[Line], Extraction]) -> None:
    _, found = jember
    by_title = {t.title: t for t in found.tables}
    section = by_title["2. Berdasarkan Seksi/Bagian"]
    assert [_texts(r) for r in section.header] == [["Seksi/Bagian", "laki laki", "wanita"]]
    assert (_texts(section.rows[-1]), section.rows[-1][1].prov.line) == (["Jumlah", "49", "12"], 723)
    grade = by_title["3. Berdasarkan Golongan"]
    assert _texts(grade.rows[-1]) == ["Jumlah", "49", "12"]
    position = by_title["4. Berdasarkan Jabatan"]
    assert _texts(position.rows[0]) == ["Jabatan Struktural", "15"]


# --------------------------------------------------------------------------- rows printed whole on one line
# pdftotext without -layout often prints a table row on one line, its cells apart by single spaces.


def _table_rows(text: str) -> tuple[list[Line], Extraction]:
    lines = _lines(text, spaced=False)
    return lines, _extract(lines)


SPACED_INDICATORS = "\n".join(
    [
        "Tabel 2.1 Capaian Kinerja Tahun 2030",
        "Sasaran Kegiatan Indikator Kinerja Kegiatan Target Realisasi Capaian",
        "(1) (2) (3) (4) (5)",
        "I. Meningkatnya Mutu Layanan Perizinan di Daerah Indeks Kepuasan Pemohon Izin di Daerah"
        " 82 (Indeks) 85,28 (Indeks) 104,00%",
        "II. Tertibnya Pengawasan Usaha Perdagangan Persentase Pelanggaran Usaha yang Ditindak 90% 76,5% 85,00%",
        "1. Terlaksananya Pemeriksaan Gudang Distributor di Wilayah Kota 40 LHP 30 LHP 75,00 %",
        "Rata-rata capaian Sasaran Kegiatan II 80,00%",
        "Anggaran Rp1,250,000,000 Rp1,125,000,000 90,00%",
        "",
        "Capaian kinerja pada tahun 2030 menunjukkan bahwa target yang ditetapkan telah tercapai dengan baik,"
        " dengan realisasi sebesar 85,28 dan 76,5",
    ]
)


def test_spaced_rows_with_long_labels_and_units_after_figures() -> None:
    lines, found = _table_rows(SPACED_INDICATORS)
    (table,) = found.tables
    assert _texts(table.header[-1]) == [
        "Sasaran Kegiatan", "Indikator Kinerja Kegiatan", "Target", "Realisasi", "Capaian",
    ]
    assert table.title == "Tabel 2.1 Capaian Kinerja Tahun 2030"
    assert [_texts(r)[2:] for r in table.rows] == [
        ["82 (Indeks)", "85,28 (Indeks)", "104,00%"],
        ["90%", "76,5%", "85,00%"],
        ["40 LHP", "30 LHP", "75,00 %"],
        ["", "", "80,00%"],  # an average row: its one figure in the %-column
        ["Rp1,250,000,000", "Rp1,125,000,000", "90,00%"],
    ]
    assert table.rows[0][2].prov.line == 4 and table.rows[-1][2].prov.line == 8
    assert _texts(table.rows[2])[1] == "1. Terlaksananya Pemeriksaan Gudang Distributor di Wilayah Kota"
    # the paragraph under the table ends in figures but is a sentence: no row, not claimed
    assert _line_of(lines, "Capaian kinerja pada") not in found.claimed


SPACED_BUDGET = """Tabel 3.4 Realisasi Anggaran 2029-2030
BELANJA 2029 2030
PAGU REALISASI % PAGU REALISASI %
Belanja Pegawai - - - Rp.200,000,000 Rp.190,000,000 95,00 %
Belanja Barang Rp 500.000.000 Rp 450.000.000 90,00% Rp 600.000.000 Rp 540.000.000 90,00%
JUMLAH Rp 500.000.000 Rp 450.000.000 90,00% Rp 800.000.000 Rp 730.000.000 91,25%
"""


def test_spaced_budget_rows_under_years_printed_beside_the_first_head() -> None:
    _, found = _table_rows(SPACED_BUDGET)
    (table,) = found.tables
    assert [_texts(h) for h in table.header] == [
        ["", "2029", "2029", "2029", "2030", "2030", "2030"],
        ["BELANJA", "PAGU", "REALISASI", "%", "PAGU", "REALISASI", "%"],
    ]
    assert [_texts(r) for r in table.rows] == [
        ["Belanja Pegawai", "-", "-", "-", "Rp.200,000,000", "Rp.190,000,000", "95,00 %"],
        ["Belanja Barang", "Rp 500.000.000", "Rp 450.000.000", "90,00%", "Rp 600.000.000", "Rp 540.000.000", "90,00%"],
        ["JUMLAH", "Rp 500.000.000", "Rp 450.000.000", "90,00%", "Rp 800.000.000", "Rp 730.000.000", "91,25%"],
    ]


def test_spaced_target_table_of_one_figure_column() -> None:
    _, found = _table_rows(
        """**PERJANJIAN KINERJA TAHUN 2030**
No Sasaran Kegiatan Indikator Kinerja Kegiatan Target
(1) (2) (3) (4)
1 Meningkatnya Mutu Layanan Perizinan di Daerah Indeks Kepuasan Pemohon Izin di Daerah 82.5
2 Tertibnya Pengawasan Usaha Perdagangan di Daerah Jumlah Gudang Distributor yang Diperiksa 40
"""
    )
    (table,) = found.tables
    assert _texts(table.header[-1]) == ["No", "Sasaran Kegiatan", "Indikator Kinerja Kegiatan", "Target"]
    assert [(_texts(r)[0], _texts(r)[-1]) for r in table.rows] == [("1", "82.5"), ("2", "40")]


def test_spaced_header_of_unknown_names_over_year_rows() -> None:
    _, found = _table_rows(
        """Tahun Perkara Pidana yang diterima Perkara Pidana yang diselesaikan Capaian
2028 12 9 75%
2029 20 20 100 %
"""
    )
    (table,) = found.tables
    assert _texts(table.header[-1]) == [
        "Tahun", "Perkara Pidana yang diterima", "Perkara Pidana yang diselesaikan", "Capaian",
    ]
    assert [_texts(r) for r in table.rows] == [["2028", "12", "9", "75%"], ["2029", "20", "20", "100 %"]]


@pytest.mark.parametrize(
    ("text", "prefix", "figures"),
    [
        ("Penerbitan Surat Izin 120 Izin 96 Izin 80,00%", "Penerbitan Surat Izin", ["120 Izin", "96 Izin", "80,00%"]),
        ("Terlaksananya Layanan Arsip 1 Layanan 1 Dokumen 100%", "Terlaksananya Layanan Arsip",
         ["1 Layanan", "1 Dokumen", "100%"]),
        # a number and a unit word inside the label stay there when the figures after them carry none
        ("Kartu Pelajar 2 Tahun 9 0 9", "Kartu Pelajar 2 Tahun", ["9", "0", "9"]),
    ],
)
def test_units_between_figures_stay_with_their_figure(text: str, prefix: str, figures: list[str]) -> None:
    shape = shape_of(text)
    assert shape.prefix == prefix
    assert [f.text for f in shape.figures] == figures


@pytest.mark.parametrize(
    "sentence",
    [
        "Pada tahun ini realisasi anggaran belanja daerah untuk seluruh program prioritas mencapai 91,5 88,2",
        "Anggaran yang tersedia dialokasikan untuk kegiatan pelayanan kepada masyarakat. Realisasinya 45 50",
        "Berikut capaian setiap indikator kinerja utama yang telah ditetapkan dalam dokumen perencanaan: 80 85",
        "sebagaimana diatur dalam ketentuan sistem akuntabilitas kinerja pada Peraturan Presiden Nomor 29 Tahun 2014",
    ],
)
def test_a_long_sentence_ending_in_figures_is_no_row(sentence: str) -> None:
    lines, found = _table_rows(f"Uraian Target Realisasi\nBelanja Operasi 100 90\n{sentence}\n")
    (table,) = found.tables
    assert [_texts(r) for r in table.rows] == [["Belanja Operasi", "100", "90"]]
    assert _line_of(lines, sentence[:20]) not in found.claimed


def test_tabless_file_with_pipe_tables_reads_its_spaced_tables_too() -> None:
    text = "\n".join(
        [
            "| Jenis | Jumlah |",
            "| Laki-laki | 12 |",
            "| Perempuan | 9 |",
            "",
            SPACED_BUDGET,
        ]
    )
    lines = split_lines(text)
    found = extract_lines(lines, "synthetic.txt", "pipe")
    assert {t.engine for t in found.tables} == {"pipe", "plain"}
    plain = next(t for t in found.tables if t.engine == "plain")
    assert _texts(plain.rows[-1])[0] == "JUMLAH" and _texts(plain.rows[-1])[-1] == "91,25%"


def test_spaced_heading_line_above_a_whole_row_is_a_row_of_its_own() -> None:
    _, found = _table_rows(
        """Kegiatan Anggaran
Program Pelayanan Perizinan Terpadu
Penyelenggaraan Layanan Izin Usaha Mikro dan Kecil di Seluruh Kecamatan Kota Rp 1.250.000.000
Program Penunjang Urusan Pemerintahan
Administrasi Umum Perangkat Daerah Rp 750.000.000
Total Rp 2.000.000.000
"""
    )
    (table,) = found.tables
    assert [(_texts(r), r[-1].prov.line) for r in table.rows] == [
        (["Program Pelayanan Perizinan Terpadu", ""], 2),
        (["Penyelenggaraan Layanan Izin Usaha Mikro dan Kecil di Seluruh Kecamatan Kota", "Rp 1.250.000.000"], 3),
        (["Program Penunjang Urusan Pemerintahan", ""], 4),
        (["Administrasi Umum Perangkat Daerah", "Rp 750.000.000"], 5),
        (["Total", "Rp 2.000.000.000"], 6),
    ]

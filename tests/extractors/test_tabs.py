"""The tab-separated table extractor: synthetic rows first, then the real samples against their keys.

Synthetic texts are made up for the tests (names and figures invented); the real samples and the
hand-checked keys are read from ../shared and never copied here.
"""

from __future__ import annotations

import csv
import time
from collections.abc import Sequence
from pathlib import Path

import pytest

from extractors.base import Line
from extractors.tabs import (
    TabTableExtractor,
    build_tables,
    header_count,
    is_header_words,
    is_numbering_row,
    is_year_row,
)
from extractors.text import detect_layout, extract_lines, split_lines
from pipeline.model import Cell, Provenance, Table
from tests.conftest import sample

TAB_SAMPLES = ("balikpapan_2020_lakip", "bontang_2025_lkjip", "tanjungpinang_2024_lkjip")
COVERAGE_FLOOR = 0.97  # measured 229/231 keyed table rows (the two misses are tab-less lines)


def _lines(text: str) -> list[Line]:
    return list(split_lines(text.replace("→", "\t")))


def _tables(text: str) -> list[Table]:
    tables, _ = build_tables(_lines(text), "synthetic.txt", frozenset())
    return tables


def _row(*texts: str) -> tuple[Cell, ...]:
    return tuple(Cell(t, Provenance("x", 1)) for t in texts)


def _texts(row: Sequence[Cell]) -> list[str]:
    return [c.text for c in row]


def _body_lines(table: Table) -> list[int | None]:
    return [next((c.prov.line for c in r if c.text), None) for r in table.rows]


# --------------------------------------------------------------------------- synthetic


def test_single_header_and_markup_in_cells() -> None:
    text = (
        "Intro kalimat.\n\n"
        "Belanja→Pagu→Realisasi→%\n"
        "Belanja Pegawai→1.000.000→900.000→90,00\n"
        "<b>Jumlah</b>→<b>1.000.000</b>→**900.000**→<p>90,00</p>\n"
    )
    [t] = _tables(text)
    assert [_texts(h) for h in t.header] == [["Belanja", "Pagu", "Realisasi", "%"]]
    assert _texts(t.rows[1]) == ["Jumlah", "1.000.000", "900.000", "90,00"]
    assert _body_lines(t) == [4, 5]
    assert t.rows[1][0].prov.raw == "<b>Jumlah</b>"


def test_year_super_header_and_numbering_row() -> None:
    text = (
        "BELANJA→2023→→→2024\n"
        "→PAGU→REALISASI→%→PAGU→REALISASI→%\n"
        "(1)→(2)→(3)→(4)→(5)→(6)→(7)\n"
        "Modal→10→9→90%→20→19→95%\n"
    )
    [t] = _tables(text)
    assert len(t.header) == 2
    assert _texts(t.header[0])[1] == "2023"
    assert len(t.rows) == 1
    assert _body_lines(t) == [4]


def test_header_rows_stop_at_first_figure_row_but_keep_sub_headers() -> None:
    rows = [
        _row("NO", "JENIS", "JUMLAH", ""),
        _row("", "", "L", "P"),
        _row("1", "Baru", "3", "4"),
        _row("2", "Lama", "5", "6"),
    ]
    assert header_count(rows) == 2
    # a figure-less body row (a group label) is not taken for a sub-header
    rows = [_row("Kegiatan", "Anggaran"), _row("Program Dukungan Manajemen", ""), _row("Layanan", "Rp 5.000")]
    assert header_count(rows) == 1


def test_year_row_versus_year_body_row() -> None:
    assert is_year_row(_row("BELANJA", "2023", "", "", "2024"))
    assert not is_year_row(_row("2024", "-", "-", "-"))
    assert not is_year_row(_row("2020", "0", "0", "0%"))


def test_numbering_rows() -> None:
    assert is_numbering_row(_row("(1)", "(2)", "(3)"))
    assert is_numbering_row(_row("1", "2", "3", "4"))
    assert not is_numbering_row(_row("1", "Paspor", "3"))
    assert not is_numbering_row(_row("2", "5"))


def test_wrapped_cell_merged_into_its_row_keeping_the_line_of_the_figures() -> None:
    text = (
        "No→Sasaran→Indikator→Capaian\n"
        "1→Sasaran pertama→Indikator yang sangat→100%\n"
        "\n"
        "→→panjang sekali→\n"
        "2→Sasaran kedua→Indikator kedua→90%\n"
    )
    [t] = _tables(text)
    assert len(t.rows) == 2
    assert t.rows[0][2].text == "Indikator yang sangat panjang sekali"
    assert _body_lines(t) == [2, 5]


def test_tabless_wrapped_line_between_rows() -> None:
    text = "Sasaran→Target\nMeningkatnya layanan→90%\nkeimigrasian di wilayah\nOptimalnya penegakan→80%\n"
    [t] = _tables(text)
    assert [r[0].text for r in t.rows] == ["Meningkatnya layanan keimigrasian di wilayah", "Optimalnya penegakan"]
    assert _body_lines(t) == [2, 4]


def test_table_split_over_pages_with_repeated_header_is_merged() -> None:
    text = (
        "Kegiatan→Anggaran→Realisasi\n"
        "Layanan A→Rp 100→Rp 90\n"
        "\n"
        "12\n"
        "\n"
        "Kegiatan→Anggaran→Realisasi\n"
        "Layanan B→Rp 200→Rp 150\n"
    )
    [t] = _tables(text)
    assert len(t.header) == 1
    assert [r[0].text for r in t.rows] == ["Layanan A", "Layanan B"]
    assert _body_lines(t) == [2, 7]


def test_table_continued_without_header_after_blank_lines() -> None:
    text = "No→Uraian→Jumlah\n1→Satu→10\n2→Dua→20\n\n\n3→Tiga→30\n"
    [t] = _tables(text)
    assert _body_lines(t) == [2, 3, 6]


def test_different_header_after_gap_is_a_new_table() -> None:
    text = "BELANJA→2021→2022\nModal→1→2\n\nBELANJA→2023→2024\nModal→3→4\n"
    assert len(_tables(text)) == 2


def test_header_words_after_a_blank_line_start_a_new_table() -> None:
    text = (
        "No.→Sasaran→Indikator→Target\n"
        "1.→Sasaran pertama→Jumlah layanan→6\n"
        "2→Sasaran kedua→Jumlah data→1\n"
        "\n"
        "→Kegiatan→Anggaran\n"
        "1.→Kegiatan pertama→Rp 100.000\n"
        "2.→Kegiatan kedua→Rp 200.000\n"
    )
    first, second = _tables(text)
    assert _texts(first.rows[-1]) == ["2", "Sasaran kedua", "Jumlah data", "1"]
    assert _texts(second.header[0]) == ["", "Kegiatan", "Anggaran"]
    assert _body_lines(second) == [6, 7]


def test_a_wrapped_phrase_after_a_blank_line_still_continues_its_row() -> None:
    assert not is_header_words(_row("", "Indikator Kinerja", "Pelaksanaan Anggaran yang"), [_row("1", "A", "5")])
    assert not is_header_words(_row("", "Kegiatan", "Anggaran"), [_row("", "lanjutan", "teks")])
    assert is_header_words(_row("", "Kegiatan", "Anggaran"), [_row("1.", "Operasi", "Rp 5")])


def test_bontang_budget_table_after_the_indicator_table() -> None:
    lines, found = _extract("bontang_2025_lkjip")
    header = _line_of(lines, lambda t: t == "\tKegiatan\tAnggaran")
    table, row = _find_row(found.tables, header + 1)
    assert table.line == header and _texts(table.header[0]) == ["", "Kegiatan", "Anggaran"]
    assert _texts(row) == ["1.", "Operasi Intelijen di Wilayah", "Rp 102.000.000"]
    assert _body_lines(table) == list(range(header + 1, header + 7))


def test_table_of_contents_is_not_a_table() -> None:
    text = (
        "DAFTAR ISI\n\n"
        "KATA PENGANTAR→i\n"
        "BAB I PENDAHULUAN→1\n"
        "A. Latar Belakang.....→1\n"
        "Tabel 1.3 Anggaran Kegiatan→15\n"
    )
    lines = _lines(text)
    found = TabTableExtractor().extract(lines, "toc.txt", frozenset())
    assert found.tables == ()
    assert {3, 4, 5, 6} <= found.claimed


def test_two_column_data_is_not_mistaken_for_contents() -> None:
    text = "Tindakan→Jumlah\nDeportasi→16\nPenangkalan→31\nDenda→9\n"
    assert len(_tables(text)) == 1


def test_caption_before_or_after_by_document_habit() -> None:
    after = (
        "A→B\nx→1\n\nTabel 1. 1 Pertama\n\n"  # caption after table 1 (and before table 2)
        "C→D\ny→2\n\nTabel 1. 2 Kedua\n\nTeks penutup.\n"  # unambiguous: after
        "E→F\nz→3\n\nTabel 1. 3 Ketiga\n"
    )
    titles = [t.title for t in _tables(after)]
    assert titles == ["Tabel 1. 1 Pertama", "Tabel 1. 2 Kedua", "Tabel 1. 3 Ketiga"]
    before = "**Tabel II.1 Satu**\n\nA→B\nx→1\n\n**Tabel II.2 Dua**\n\nC→D\ny→2\n"
    assert [t.title for t in _tables(before)] == ["Tabel II.1 Satu", "Tabel II.2 Dua"]


def test_context_is_nearest_heading() -> None:
    text = "## BAB III\n\n**B. Realisasi Anggaran**\n\nKegiatan→Anggaran\nLayanan→Rp 5\n"
    [t] = _tables(text)
    assert t.context == "B. Realisasi Anggaran"


def test_claimed_lines_are_left_alone() -> None:
    lines = _lines("A→B\nx→1\ny→2\n")
    found = TabTableExtractor().extract(lines, "c.txt", frozenset({2}))
    assert all(c.prov.line != 2 for t in found.tables for r in t.rows for c in r)


# --------------------------------------------------------------------------- real samples


def _extract(name: str):
    path = sample(f"{name}.txt")
    lines = split_lines(path.read_text(encoding="utf-8"))
    return lines, extract_lines(lines, path.name, detect_layout(lines))


def _find_row(tables: Sequence[Table], line: int) -> tuple[Table, tuple[Cell, ...]]:
    for t in tables:
        for r in t.rows:
            if any(c.prov.line == line and c.text for c in r):
                return t, r
    raise AssertionError(f"no table row at line {line}")


def _line_of(lines: Sequence[Line], predicate) -> int:
    return next(ln.number for ln in lines if predicate(ln.text))


def test_balikpapan_budget_table_header_and_row() -> None:
    lines, found = _extract("balikpapan_2020_lakip")
    header_line = _line_of(lines, lambda t: t.startswith("Belanja\tAnggaran Semula"))
    barang_line = next(ln.number for ln in lines if ln.number > header_line and ln.text.startswith("Belanja Barang\t"))
    table, row = _find_row(found.tables, barang_line)
    assert table.line == header_line
    assert [c.text for c in table.header[0]][:3] == ["Belanja", "Anggaran Semula", "Anggaran Setelah Revisi*"]
    assert row[0].text == "Belanja Barang"
    assert all(c.prov.line == barang_line for c in row)
    assert row[1].text == "6.360.724.000" and row[4].text == "72,80"


def test_balikpapan_toc_lines_are_not_tables() -> None:
    lines, found = _extract("balikpapan_2020_lakip")
    toc_line = _line_of(lines, lambda t: t.startswith("<b>KATA PENGANTAR") and "\t" in t)
    assert toc_line in found.claimed
    assert all(c.prov.line != toc_line for t in found.tables for r in [*t.header, *t.rows] for c in r)


def test_tanjungpinang_two_year_budget_table() -> None:
    lines, found = _extract("tanjungpinang_2024_lkjip")
    start = _line_of(lines, lambda t: t.startswith("BELANJA\t2023"))
    total = next(ln.number for ln in lines if ln.number > start and "JUMLAH" in ln.text)
    table, row = _find_row(found.tables, total)
    assert table.line == start
    assert len(table.header) == 2
    assert [c.text for c in table.header[1]][1:4] == ["PAGU", "REALISASI", "%"]
    assert row[0].text == "JUMLAH"
    assert row[1].text.startswith("Rp ") and row[3].text.endswith("%")


def test_tanjungpinang_split_tables_are_merged() -> None:
    lines, found = _extract("tanjungpinang_2024_lkjip")
    first = _line_of(lines, lambda t: t.startswith("BELANJA\t2021"))
    repeated = next(ln.number for ln in lines if ln.number > first and ln.text.startswith("BELANJA\t2021"))
    table, _ = _find_row(found.tables, repeated + 2)
    assert table.line == first
    assert len(table.header) == 2  # the repeated header is dropped
    assert [r[0].text for r in table.rows] == ["Belanja Pegawai", "Belanja Barang", "Belanja Modal", "JUMLAH"]
    assert "Tabel III.17" in table.title


def test_bontang_caption_after_table_and_numbering_row_skipped() -> None:
    lines, found = _extract("bontang_2025_lkjip")
    caption = _line_of(lines, lambda t: t.startswith("Tabel 1. 2 ") and "\t" not in t)
    table = next(t for t in found.tables if t.title.startswith("Tabel 1. 2 "))
    assert table.line < caption
    assert all(not c.text.startswith("(") for r in table.rows for c in r[:1])
    assert [c.text for c in table.header[0]] == ["Sasaran Kegiatan", "Indikator Kinerja Kegiatan", "Target"]


def _keyed_table_lines(keys_dir: Path, name: str) -> list[int]:
    lines: set[int] = set()
    for kind in ("indicators", "budget"):
        with (keys_dir / f"{name}_{kind}.csv").open(encoding="utf-8") as fh:
            for row in csv.DictReader(fh):
                label = f"{row.get('table_kind', '')} {row['table_label']}"
                if "narrative" not in label:
                    lines.add(int(row["line"]))
    return sorted(lines)


@pytest.mark.samples
def test_every_keyed_table_row_is_found_at_its_line(keys_dir: Path) -> None:
    found_rows = 0
    total = 0
    missing: dict[str, list[int]] = {}
    for name in TAB_SAMPLES:
        _, found = _extract(name)
        body = {c.prov.line for t in found.tables for r in t.rows for c in r if c.text}
        keyed = _keyed_table_lines(keys_dir, name)
        miss = [line for line in keyed if line not in body]
        total += len(keyed)
        found_rows += len(keyed) - len(miss)
        if miss:
            missing[name] = miss
    coverage = found_rows / total
    print(f"keyed table rows found at their line: {found_rows}/{total} = {coverage:.3f}; missing {missing}")
    assert coverage >= COVERAGE_FLOOR, missing


def test_next_years_of_a_multi_year_table_inherit_its_title() -> None:
    text = (
        "**Tabel 3.1 Penyerapan Anggaran**\n\n"
        "BELANJA→2021→2022\nModal→1→2\n\n"
        "BELANJA→2023→2024\nModal→3→4\n\n"
        "Uraian→Nilai\nLain→5\n"
    )
    assert [t.title for t in _tables(text)] == ["Tabel 3.1 Penyerapan Anggaran"] * 2 + [""]


def test_year_with_unit_is_a_column_label() -> None:
    text = "Indikator→2023 (Orang)→2024 (Orang)\nPengunjung→100→120\n"
    [t] = _tables(text)
    assert len(t.header) == 1 and _body_lines(t) == [2]


@pytest.mark.samples
def test_text_path_throughput() -> None:
    """The whole text path (formulas, pipe, tabs, prose) on the tab samples: measured about 20
    reports/s of CPU on a loaded 2-core box; the bound is loose so CI noise cannot fail it."""
    texts = [sample(f"{name}.txt").read_text(encoding="utf-8") for name in TAB_SAMPLES]
    start = time.process_time()
    for text in texts * 2:
        lines = split_lines(text)
        extract_lines(lines, "speed.txt", detect_layout(lines))
    rate = 2 * len(texts) / (time.process_time() - start)
    print(f"text path: {rate:.1f} reports/s")
    assert rate >= 5

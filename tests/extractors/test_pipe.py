"""Markdown pipe tables: header above the separator, cells numbered by line, list-item tables."""

from __future__ import annotations

from extractors.base import Line
from extractors.pipe import PipeTableExtractor, is_pipe_row, split_pipe_row
from extractors.text import detect_layout, extract_lines, split_lines
from tests.conftest import sample


def _lines(text: str) -> list[Line]:
    return list(split_lines(text))


def test_row_shapes() -> None:
    assert is_pipe_row("| a | b |")
    assert is_pipe_row("- | a | b |")
    assert not is_pipe_row("a | b")
    assert split_pipe_row("| Rp 1.000 | 50\\|50 |") == [" Rp 1.000 ", " 50|50 "]


def test_header_above_separator_and_body_lines() -> None:
    text = (
        "**Tabel 2.1 Anggaran Contoh**\n\n"
        "| Kegiatan | Pagu | Realisasi |\n"
        "|---|---:|---:|\n"
        "| Layanan A | 1.000 | 900 |\n"
        "| **Jumlah** | **1.000** | **900** |\n"
    )
    found = PipeTableExtractor().extract(_lines(text), "p.txt", frozenset())
    [t] = found.tables
    assert [c.text for c in t.header[0]] == ["Kegiatan", "Pagu", "Realisasi"]
    assert [[c.text for c in r] for r in t.rows] == [["Layanan A", "1.000", "900"], ["Jumlah", "1.000", "900"]]
    assert [r[0].prov.line for r in t.rows] == [5, 6]
    assert t.title == "Tabel 2.1 Anggaran Contoh"
    assert t.engine == "pipe"
    assert found.claimed == frozenset({3, 4, 5, 6})


def test_table_without_separator_uses_figure_free_leading_rows() -> None:
    text = "| Tahun | Nilai |\n| 2023 | 3,5 |\n| 2024 | 3,9 |\n"
    [t] = PipeTableExtractor().extract(_lines(text), "p.txt", frozenset()).tables
    assert len(t.header) == 1 and len(t.rows) == 2


def test_balikpapan_list_item_pipe_table() -> None:
    path = sample("balikpapan_2020_lakip.txt")
    lines = split_lines(path.read_text(encoding="utf-8"))
    found = extract_lines(lines, path.name, detect_layout(lines))
    pipe_tables = [t for t in found.tables if t.engine == "pipe"]
    assert pipe_tables
    first_row_line = next(ln.number for ln in lines if ln.text.startswith("| - Gaji pokok (12 bulan)"))
    table = next(t for t in pipe_tables if any(r[0].prov.line == first_row_line for r in t.rows))
    assert table.rows[0][0].text == "- Gaji pokok (12 bulan)"


EQUATION_ROWS = (
    "**1. Terlaksananya pengawasan orang asing**\n\n"
    "| Target pengawasan | = 40 laporan |\n"
    "| Realisasi pengawasan | = 30 laporan |\n"
    "| Hasil Capaian | = 30/40x100% = 75% |\n"
)


def test_equation_rows_of_a_pipe_table_are_read_as_the_formulas_of_their_tab_lines() -> None:
    """`| Target pengawasan | = 40 laporan |` stands for `Target pengawasan<TAB>= 40 laporan`: the
    formula reader takes the three lines as it does in a tab export (the pipe layout lost them)."""
    from extractors.formulas import find_formulas

    tabbed = EQUATION_ROWS.replace("| ", "").replace(" |\n", "\n").replace(" = ", "\t= ", 1)
    tabbed = "\n".join(ln.replace(" = ", "\t= ", 1) if "=" in ln else ln for ln in tabbed.split("\n"))
    piped = find_formulas(_lines(EQUATION_ROWS), "p.txt")
    assert [(f.prov.line, f.label, f.expression, f.stated) for f in piped] == [
        (f.prov.line, f.label, f.expression, f.stated) for f in find_formulas(_lines(tabbed), "t.txt")
    ]
    assert [f.prov.line for f in piped] == [3, 4, 5]
    assert piped[-1].stated == "75%"

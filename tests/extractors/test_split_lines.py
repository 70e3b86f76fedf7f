"""Line numbers as `wc -l` and editors count them, whatever the export's line endings and page breaks."""

from __future__ import annotations

from pathlib import Path

from extractors.text import split_lines
from pipeline.ingest import open_source
from pipeline.run import process


def test_a_form_feed_between_pages_is_no_line_of_its_own() -> None:
    lines = split_lines("Tabel 1\n1\t2\n\x0cBAB II\nRealisasi\n")
    assert [(ln.number, ln.text) for ln in lines] == [(1, "Tabel 1"), (2, "1\t2"), (3, "BAB II"), (4, "Realisasi")]


def test_crlf_lone_cr_and_unicode_separators() -> None:
    assert [ln.text for ln in split_lines("a\r\nb\r\n")] == ["a", "b"]
    assert [ln.text for ln in split_lines("a\rb")] == ["a", "b"]
    assert [ln.text for ln in split_lines("a\u2028b\x85c\n\n")] == ["a b c", ""]
    assert split_lines("") == ()


def test_a_pdftotext_export_keeps_its_figures_on_their_lines(tmp_path: Path) -> None:
    body = ("LAPORAN KINERJA\n\x0c"
            "No\tIndikator\tTarget\tRealisasi\tCapaian\n"
            "1\tPersentase dokumen perencanaan tepat waktu\t100%\t90%\t95%\n"
            "2\tJumlah kajian\t4\t4\t100%\n\x0c")
    path = tmp_path / "laporan.txt"
    path.write_text(body, encoding="utf-8")
    assert open_source(path).name == "laporan.txt"
    found = [f for f in process(path).findings if f.rule == "capaian_mismatch"]
    assert [(f.line, f.stated, f.expected) for f in found] == [(3, "95%", "90.00")]

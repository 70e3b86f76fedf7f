"""The PDF path against the exact truth of a generated report (tests/pdf/generator.py)."""

from __future__ import annotations

from pathlib import Path

import pytest
from reportlab.lib.pagesizes import A4
from reportlab.lib.pdfencrypt import StandardEncryption
from reportlab.pdfgen.canvas import Canvas

from extractors.base import Line
from extractors.pdf import OCR_NEEDED, PdfSettings, extract_pdf
from extractors.pdf.document import read_page
from pipeline.ingest import open_source
from pipeline.model import Document, Table
from tests.pdf import generator as gen


@pytest.fixture(scope="module")
def rendered(tmp_path_factory: pytest.TempPathFactory) -> gen.Rendered:
    return gen.render_pdf(tmp_path_factory.mktemp("gen") / "contoh_2024_lkjip.pdf")


@pytest.fixture(scope="module")
def doc(rendered: gen.Rendered) -> Document:
    return extract_pdf(open_source(rendered.path))


def _table(doc: Document, title: str) -> Table:
    found = [t for t in doc.tables if t.title == title]
    assert len(found) == 1, [t.title for t in doc.tables]
    return found[0]


def _texts(rows: tuple) -> list[tuple[str, ...]]:
    return [tuple(c.text for c in r) for r in rows]


# --------------------------------------------------------------------------- tables


def test_document_fields(doc: Document, rendered: gen.Rendered) -> None:
    assert doc.error == ""
    assert (doc.kind, doc.layout, doc.n_pages) == ("pdf", "pdf", rendered.n_pages)
    assert doc.source_file == "contoh_2024_lkjip.pdf"
    assert doc.report_id == "contoh_2024_lkjip"
    assert len(doc.tables) == len(rendered.tables)


@pytest.mark.parametrize("table_id", ["iku", "anggaran", "tren", "multiyear", "rotated"])
def test_every_table_matches_truth(doc: Document, rendered: gen.Rendered, table_id: str) -> None:
    truth = next(t for t in rendered.tables if t.table_id == table_id)
    got = _table(doc, truth.title)
    assert _texts(got.header) == [tuple(h) for h in truth.header]
    assert _texts(got.rows) == [r.cells for r in truth.rows]
    # every cell: page and line-within-page as drawn, raw text kept
    for row, want in zip(got.rows, truth.rows, strict=True):
        for cell in row:
            if cell.text:
                assert (cell.prov.page, cell.prov.line) == (want.page, want.line), (cell, want)
                assert cell.prov.raw == cell.text
                assert cell.prov.source_file == "contoh_2024_lkjip.pdf"


def test_engines(doc: Document) -> None:
    assert {t.engine for t in doc.tables} == {"pdfplumber"}  # clean pages: no camelot fallback needed


def test_split_table_merged_with_cells_on_their_pages(doc: Document) -> None:
    t = _table(doc, gen.BUDGET_TABLE.title)
    assert (t.page, t.continues, len(t.rows)) == (2, None, 19)
    pages = [r[1].prov.page for r in t.rows]
    assert pages == [2] * 7 + [3] * 7 + [4] * 5
    total = t.rows[-1]
    assert [c.text for c in total] == ["", "JUMLAH", "5.000.000.000", "4.743.330.500", "94,87"]
    assert (total[3].prov.page, total[3].prov.line) == (4, 6)
    assert not any(r[1].text == "Program / Kegiatan" for r in t.rows)  # the repeated header was dropped


def test_row_spanning_sasaran(doc: Document) -> None:
    t = _table(doc, gen.IKU_TABLE.title)
    assert [r[0].text for r in t.rows] == [gen.SASARAN_A, "", "", gen.SASARAN_B, ""]
    sakip = t.rows[3]
    assert [c.text for c in sakip[1:]] == ["Nilai SAKIP perangkat daerah", "80", "76", "97,5%"]
    assert (sakip[4].prov.page, sakip[4].prov.line) == (1, 11)


def test_multi_row_header_years_over_pagu_realisasi(doc: Document) -> None:
    t = _table(doc, gen.MULTI_YEAR_TABLE.title)
    assert _texts(t.header) == [
        ("Uraian", "2022", "", "", "2023", "", "", "2024", "", ""),
        ("", "PAGU", "REALISASI", "%", "PAGU", "REALISASI", "%", "PAGU", "REALISASI", "%"),
    ]
    assert t.page == 6  # the landscape page
    assert [c.text for c in t.rows[2]][7:] == ["100.000.000", "97.500.000", "97,50"]


def test_unruled_table_with_right_aligned_numbers(doc: Document) -> None:
    t = _table(doc, gen.TREND_TABLE.title)
    assert t.engine == "pdfplumber"
    assert _texts(t.rows)[-1] == ("2024", "80", "84,50", "110,63%")
    assert (t.rows[-1][3].prov.page, t.rows[-1][3].prov.line) == (5, 9)


def test_rotated_page(doc: Document, rendered: gen.Rendered) -> None:
    assert rendered.rotated_pages == (7,)
    t = _table(doc, gen.ROTATED_TABLE.title)
    assert t.page == 7
    assert _texts(t.rows)[0] == ("Jumlah izin terbit", "1.210", "1.305", "1.198", "1.402", "5.115")


def test_header_rows_are_the_leading_rows_without_numbers(doc: Document) -> None:
    assert [len(t.header) for t in doc.tables] == [1, 1, 1, 2, 1]


def test_planted_errors_are_in_the_cells(doc: Document) -> None:
    by_id = {"iku": gen.IKU_TABLE, "anggaran": gen.BUDGET_TABLE, "tren": gen.TREND_TABLE}
    for planted in gen.PLANTED:
        if planted.where not in by_id:
            continue
        spec = by_id[planted.where]
        t = _table(doc, spec.title)
        col = spec.header[0].index(planted.column)
        row = next(r for r in t.rows if planted.label in (c.text for c in r))
        assert row[col].text == planted.stated


# --------------------------------------------------------------------------- text outside tables, pages


def test_scanned_page_warns_and_the_rest_is_read(doc: Document, rendered: gen.Rendered) -> None:
    assert rendered.scanned_pages == (8,)
    assert doc.warnings == (f"page 8: {OCR_NEEDED}",)
    assert any(t.page == 9 for t in doc.tables) is False
    assert doc.n_lines > 0


def test_prose_lines_with_line_within_page(rendered: gen.Rendered) -> None:
    import pdfplumber

    got: list[Line] = []
    with pdfplumber.open(rendered.path) as pdf:
        for page in pdf.pages:
            got.extend(read_page(page, rendered.path, PdfSettings(), "").prose)
            page.close()
    want = [Line(ln.line, ln.text, ln.page) for ln in rendered.lines]
    assert got == want  # every prose, heading, caption and formula line, and nothing from inside tables


def test_formula_line_kept_whole(rendered: gen.Rendered) -> None:
    line = next(ln for ln in rendered.lines if ln.kind == "formula")
    assert (line.page, line.line, line.text) == (1, 15, gen.FORMULA_SAKIP)


def test_metadata_from_the_text(doc: Document) -> None:
    assert doc.year == 2024
    assert doc.report_type == "LKjIP"


# --------------------------------------------------------------------------- the same truth as a text export


def test_text_export_gives_the_same_tables_and_statements(doc: Document, tmp_path: Path) -> None:
    text_mod = pytest.importorskip("extractors.text")
    lines = text_mod.split_lines(gen.render_text())
    ex = text_mod.extract_lines(lines, "contoh.txt", text_mod.detect_layout(lines))

    def shape(tables: tuple[Table, ...]) -> list[tuple]:
        return [(t.title, _texts(t.header), _texts(t.rows)) for t in tables]

    assert shape(ex.tables) == shape(doc.tables)
    assert [s.text for s in ex.statements] == [s.text for s in doc.statements]
    assert [(f.label, f.expression, f.stated) for f in ex.formulas] == [
        (f.label, f.expression, f.stated) for f in doc.formulas
    ]


# --------------------------------------------------------------------------- camelot as an engine


def test_camelot_lattice_reads_the_ruled_page(rendered: gen.Rendered) -> None:
    import pdfplumber

    with pdfplumber.open(rendered.path) as pdf:
        result = read_page(pdf.pages[0], rendered.path, PdfSettings(engine="camelot"), "")
    (t,) = result.tables
    assert t.grid.engine == "camelot-lattice"
    rows = t.grid.texts()
    assert rows[0] == ["Sasaran Strategis", "Indikator Kinerja", "Target", "Realisasi", "Capaian"]
    assert rows[4] == [gen.SASARAN_B, "Nilai SAKIP perangkat daerah", "80", "76", "97,5%"]
    assert t.grid.rows[4][4].line == 11


def test_camelot_stream_reads_the_unruled_table(rendered: gen.Rendered) -> None:
    import pdfplumber

    from extractors.pdf import camelot_stream

    with pdfplumber.open(rendered.path) as pdf:
        page = pdf.pages[4]
        result = read_page(page, rendered.path, PdfSettings(camelot_fallback=False), "")
        (t,) = result.tables
        from extractors.pdf.grid import group_lines
        from extractors.pdf.plumber import page_words

        lines = group_lines(page_words(page, PdfSettings()), 2.5)
        grids = camelot_stream.extract(rendered.path, 5, float(page.height), lines, t.grid.bbox)
    assert grids and grids[0].engine == "camelot-stream"
    assert ["2024", "80", "84,50", "110,63%"] in grids[0].texts()


# --------------------------------------------------------------------------- bad files


def _doc(path: Path) -> Document:
    return extract_pdf(open_source(path))


def test_empty_file(tmp_path: Path) -> None:
    p = tmp_path / "empty.pdf"
    p.write_bytes(b"")
    d = _doc(p)
    assert d.error == "empty file" and d.tables == ()


def test_not_a_pdf(tmp_path: Path) -> None:
    p = tmp_path / "fake.pdf"
    p.write_text("Laporan Kinerja 2024\tbukan PDF\n")
    assert _doc(p).error == "not a PDF (no %PDF- header)"


def test_truncated_pdf(tmp_path: Path, rendered: gen.Rendered) -> None:
    p = tmp_path / "truncated.pdf"
    data = rendered.path.read_bytes()
    for cut in (3000, len(data) // 2, len(data) - 200):
        p.write_bytes(data[:cut])
        d = _doc(p)
        assert d.error.startswith("corrupt or truncated PDF"), (cut, d.error)
        assert d.tables == ()


def test_corrupt_pdf(tmp_path: Path) -> None:
    p = tmp_path / "corrupt.pdf"
    p.write_bytes(b"%PDF-1.4\n" + bytes(range(256)) * 20)
    d = _doc(p)
    assert d.error.startswith("corrupt or truncated PDF")
    assert d.tables == ()


def test_encrypted_pdf(tmp_path: Path) -> None:
    p = tmp_path / "locked.pdf"
    c = Canvas(str(p), pagesize=A4, encrypt=StandardEncryption("rahasia", ownerPassword="pemilik"))
    c.drawString(72, 720, "Realisasi 95%")
    c.save()
    d = _doc(p)
    assert d.error == "encrypted PDF: a password is needed to open it"
    assert d.tables == ()


def test_a_bad_file_does_not_stop_the_batch(tmp_path: Path, rendered: gen.Rendered) -> None:
    bad = tmp_path / "bad.pdf"
    bad.write_bytes(b"%PDF-1.7 garbage")
    docs = [_doc(bad), _doc(rendered.path)]
    assert docs[0].error and not docs[1].error and docs[1].tables


def test_formulas_and_statements_carry_page_and_line(doc: Document) -> None:
    pytest.importorskip("extractors.formulas")
    sakip = next(f for f in doc.formulas if f.stated == "97,5%")  # the planted wrong result
    assert (sakip.label, sakip.expression) == ("Capaian", "(76 / 80) x 100%")
    assert (sakip.prov.page, sakip.prov.line) == (1, 15)
    budget = next(s for s in doc.statements if s.text.startswith("Realisasi anggaran Dinas Contoh"))
    assert (budget.prov.page, budget.prov.line) == (2, 2)
    assert not any(s.text == gen.FORMULA_SAKIP for s in doc.statements)  # a formula is not also a statement

"""Render LKjIP-like reports to PDF (reportlab) and to a text export from one structured truth.

The truth is a list of blocks (headings, paragraphs, formula lines, tables, page breaks,
scanned pages). `render_pdf` draws them on a canvas with a small layout engine of its own
(so it knows exactly where every string lands) and returns a `Rendered` record: for every
table the rows as drawn with the page and line-within-page of each row, and for every prose
or formula line its page and line-within-page. `render_text` writes the same truth as a
tab-separated text export, like the real samples (`text_export` also says on which line each
row and paragraph landed). Planted arithmetic errors are listed in `PLANTED` with the rule
that must find them, and `expected_records` lists every indicator and budget record the
truth holds (tables by their `Roles`, and figures stated in prose), so tests can check the
whole pipeline against it.

Line-within-page is the rank of the string's top edge among the distinct top edges on the
page (top to bottom), the same numbering the PDF extractor uses.
"""

from __future__ import annotations

import io
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.utils import ImageReader, simpleSplit
from reportlab.pdfgen.canvas import Canvas

FONT, BOLD = "Helvetica", "Helvetica-Bold"
BODY_SIZE, TABLE_SIZE, HEAD_SIZE = 10.0, 9.0, 12.0
LEADING, TABLE_LEADING = 14.0, 11.0
MARGIN, PAD = 50.0, 3.0

# --------------------------------------------------------------------------- truth blocks


@dataclass(frozen=True)
class Heading:
    text: str


@dataclass(frozen=True)
class Para:
    text: str


@dataclass(frozen=True)
class FormulaLine:
    text: str


@dataclass(frozen=True)
class PageBreak:
    orientation: str = "portrait"  # portrait | landscape | rotated (portrait mediabox, /Rotate 90)


@dataclass(frozen=True)
class ScannedPage:
    """A page holding only an image (no text layer), as a scanner produces."""


@dataclass(frozen=True)
class Roles:
    """What a table means as records: which columns hold the name, sasaran, year and figures.

    `values` holds one column triple per year group: (target, realisasi, capaian) for an
    indicator table, (pagu, realisasi, %) for a budget table; `years` the year of each group
    (a table with a year column gives `year_col` instead). A budget row whose name starts
    with `parent_prefix` heads the rows below it; a row named `total` is the total.
    """

    record: str  # indicator | budget
    kind: str  # measurement | multi_year | by_program | by_belanja ...
    values: tuple[tuple[int, int, int], ...]
    years: tuple[int, ...] = (2024,)
    name: int | None = None
    sasaran: int | None = None
    year_col: int | None = None
    parent_prefix: str = ""
    total: str = "jumlah"


@dataclass(frozen=True)
class TableSpec:
    """A table as the report means it.

    A cell spanning rows is given in its first row and "" below (as text exports write it);
    `row_spans` lists (row, col, n_rows) for the drawing. A header cell spanning columns is
    followed by "" cells; `header_spans` lists (header_row, col, n_cols). `right` holds the
    columns drawn right-aligned (numbers). `rows_per_page` forces a split over pages with the
    header repeated.
    """

    table_id: str
    title: str
    header: tuple[tuple[str, ...], ...]
    rows: tuple[tuple[str, ...], ...]
    widths: tuple[float, ...]
    ruled: bool = True
    right: frozenset[int] = frozenset()
    row_spans: tuple[tuple[int, int, int], ...] = ()
    header_spans: tuple[tuple[int, int, int], ...] = ()
    rows_per_page: int | None = None
    roles: Roles | None = None  # None: a table no record is read from (counts per quarter)


Block = Heading | Para | FormulaLine | PageBreak | ScannedPage | TableSpec

# --------------------------------------------------------------------------- rendered truth


@dataclass(frozen=True)
class RenderedRow:
    cells: tuple[str, ...]
    page: int
    line: int


@dataclass(frozen=True)
class RenderedTable:
    table_id: str
    title: str
    header: tuple[tuple[str, ...], ...]
    rows: tuple[RenderedRow, ...]
    ruled: bool


@dataclass(frozen=True)
class RenderedLine:
    text: str
    page: int
    line: int
    kind: str  # heading | prose | formula | title


@dataclass(frozen=True)
class Rendered:
    path: Path
    n_pages: int
    tables: tuple[RenderedTable, ...]
    lines: tuple[RenderedLine, ...]
    scanned_pages: tuple[int, ...]
    rotated_pages: tuple[int, ...] = ()
    landscape_pages: tuple[int, ...] = ()


# --------------------------------------------------------------------------- the sample report

SASARAN_A = "Meningkatnya kualitas pelayanan publik"
SASARAN_B = "Meningkatnya akuntabilitas kinerja"

IKU_TABLE = TableSpec(
    table_id="iku",
    title="Tabel 3.1 Capaian Indikator Kinerja Utama Tahun 2024",
    header=(("Sasaran Strategis", "Indikator Kinerja", "Target", "Realisasi", "Capaian"),),
    rows=(
        (SASARAN_A, "Indeks kepuasan masyarakat terhadap layanan perizinan", "80", "84,5", "105,63%"),
        ("", "Persentase layanan selesai tepat waktu", "90%", "95%", "105,56%"),
        ("", "Persentase pengaduan yang ditindaklanjuti", "100%", "92%", "92%"),
        (SASARAN_B, "Nilai SAKIP perangkat daerah", "80", "76", "97,5%"),  # planted: 76/80 = 95%
        ("", "Persentase temuan BPK yang ditindaklanjuti", "85%", "88%", "103,53%"),
    ),
    widths=(120, 190, 55, 60, 60),
    right=frozenset({2, 3, 4}),
    row_spans=((0, 0, 3), (3, 0, 2)),
    roles=Roles("indicator", "measurement", ((2, 3, 4),), name=1, sasaran=0),
)

PROGRAMS = (
    ("Program Penunjang Urusan Pemerintahan Daerah", "2.450.000.000", "2.312.450.500", "94,39"),
    ("Perencanaan, Penganggaran, dan Evaluasi Kinerja", "310.500.000", "298.112.000", "96,01"),
    ("Administrasi Keuangan Perangkat Daerah", "1.120.000.000", "1.045.865.750", "93,38"),
    ("Administrasi Kepegawaian Perangkat Daerah", "95.000.000", "90.250.000", "95,00"),
    ("Administrasi Umum Perangkat Daerah", "412.300.000", "377.010.250", "91,44"),
    ("Pengadaan Barang Milik Daerah", "250.000.000", "249.500.000", "99,80"),
    ("Penyediaan Jasa Penunjang Urusan Pemerintahan", "180.750.000", "171.712.500", "95,00"),
    ("Pemeliharaan Barang Milik Daerah", "81.450.000", "80.000.000", "98,22"),
    ("Program Pelayanan Perizinan Terpadu", "1.800.000.000", "1.702.330.000", "94,57"),
    ("Pelayanan Perizinan Berusaha", "960.000.000", "921.600.000", "96,00"),
    ("Pelayanan Perizinan Non Berusaha", "540.000.000", "512.730.000", "94,95"),  # 94,95 correct
    ("Pengelolaan Data dan Sistem Informasi Perizinan", "300.000.000", "268.000.000", "89,33"),
    ("Program Pengaduan dan Informasi Layanan", "420.000.000", "401.100.000", "95,50"),
    ("Penanganan Pengaduan Masyarakat", "220.000.000", "210.000.000", "95,45"),
    ("Penyediaan Informasi Layanan Publik", "200.000.000", "191.100.000", "95,55"),
    ("Program Peningkatan Kualitas Layanan", "330.000.000", "318.450.000", "96,50"),
    ("Survei Kepuasan Masyarakat", "130.000.000", "128.450.000", "98,81"),
    ("Inovasi Pelayanan Publik", "200.000.000", "190.000.000", "95,00"),
)
# Every program's pagu and realisasi are the sums of its kegiatan below it, every % is
# realisasi/pagu; the JUMLAH row is the sum of the four programs' pagu (5.000.000.000) but
# its realisasi is planted wrong (true sum 4.734.330.500).
BUDGET_TABLE = TableSpec(
    table_id="anggaran",
    title="Tabel 3.4 Realisasi Anggaran per Program dan Kegiatan Tahun 2024",
    header=(("No", "Program / Kegiatan", "Pagu (Rp)", "Realisasi (Rp)", "%"),),
    rows=(
        *((str(i), name, pagu, real, pct) for i, (name, pagu, real, pct) in enumerate(PROGRAMS, start=1)),
        ("", "JUMLAH", "5.000.000.000", "4.743.330.500", "94,87"),  # planted: true sum 4.734.330.500
    ),
    widths=(30, 250, 90, 90, 45),
    right=frozenset({0, 2, 3, 4}),
    rows_per_page=7,
    roles=Roles("budget", "by_program", ((2, 3, 4),), name=1, parent_prefix="Program "),
)

TREND_TABLE = TableSpec(
    table_id="tren",
    title="Tabel 3.2 Perbandingan Capaian Indeks Kepuasan Masyarakat 2020-2024",
    header=(("Tahun", "Target", "Realisasi", "Capaian"),),
    rows=(
        ("2020", "75", "76,20", "101,60%"),
        ("2021", "76", "77,05", "101,38%"),
        ("2022", "77", "79,10", "102,73%"),
        ("2023", "78", "80,80", "103,59%"),
        ("2024", "80", "84,50", "110,63%"),  # planted: 84,50/80 = 105,63%
    ),
    widths=(70, 60, 60, 60),
    ruled=False,
    right=frozenset({1, 2, 3}),
    roles=Roles("indicator", "multi_year", ((1, 2, 3),), years=(), year_col=0),
)

MULTI_YEAR_TABLE = TableSpec(
    table_id="multiyear",
    title="Tabel 3.5 Realisasi Anggaran Tahun 2022-2024",
    header=(
        ("Uraian", "2022", "", "", "2023", "", "", "2024", "", ""),
        ("", "PAGU", "REALISASI", "%", "PAGU", "REALISASI", "%", "PAGU", "REALISASI", "%"),
    ),
    rows=(
        (
            "Belanja Pegawai",
            "3.100.000.000",
            "3.012.500.000",
            "97,18",
            "3.250.000.000",
            "3.201.250.000",
            "98,50",
            "3.400.000.000",
            "3.366.000.000",
            "99,00",
        ),
        (
            "Belanja Barang dan Jasa",
            "1.200.000.000",
            "1.104.000.000",
            "92,00",
            "1.350.000.000",
            "1.282.500.000",
            "95,00",
            "1.500.000.000",
            "1.270.830.500",
            "84,72",
        ),
        (
            "Belanja Modal",
            "400.000.000",
            "356.000.000",
            "89,00",
            "450.000.000",
            "441.000.000",
            "98,00",
            "100.000.000",
            "97.500.000",
            "97,50",
        ),
        (
            "Jumlah",
            "4.700.000.000",
            "4.472.500.000",
            "95,16",
            "5.050.000.000",
            "4.924.750.000",
            "97,52",
            "5.000.000.000",
            "4.734.330.500",
            "94,69",
        ),
    ),
    widths=(110, 70, 70, 36, 70, 70, 36, 70, 70, 36),
    right=frozenset(range(1, 10)),
    header_spans=((0, 1, 3), (0, 4, 3), (0, 7, 3), (0, 0, 1)),
    row_spans=(),
    roles=Roles("budget", "multi_year", ((1, 2, 3), (4, 5, 6), (7, 8, 9)), years=(2022, 2023, 2024), name=0),
)

ROTATED_TABLE = TableSpec(
    table_id="rotated",
    title="Tabel 3.6 Capaian Kinerja Triwulan Tahun 2024",
    header=(("Indikator", "TW I", "TW II", "TW III", "TW IV", "Tahunan"),),
    rows=(
        ("Jumlah izin terbit", "1.210", "1.305", "1.198", "1.402", "5.115"),
        ("Jumlah pengaduan selesai", "88", "95", "102", "91", "376"),
        ("Jumlah inovasi layanan", "1", "2", "0", "1", "4"),
    ),
    widths=(200, 70, 70, 70, 70, 80),
    right=frozenset(range(1, 6)),
)

PROSE_BUDGET = (
    "Realisasi anggaran Dinas Contoh Tahun 2024 sebesar Rp 4.734.330.500 dari pagu Rp 5.000.000.000 "
    "atau 94,69% dari total anggaran."
)
PROSE_IKM = "Indeks kepuasan masyarakat tahun 2024 mencapai 84,5 dari target 80 atau 105,63%."
FORMULA_SAKIP = "Capaian = (76 / 80) x 100% = 97,5%"  # planted: 95%
FORMULA_IKM = "Capaian = (84,5 / 80) x 100% = 105,63%"

REPORT: tuple[Block, ...] = (
    Heading("LAPORAN KINERJA INSTANSI PEMERINTAH (LKjIP) TAHUN 2024"),
    Heading("DINAS PENANAMAN MODAL DAN PELAYANAN TERPADU SATU PINTU KOTA CONTOH"),
    Para("Laporan ini disusun sebagai wujud akuntabilitas pelaksanaan tugas dan fungsi selama tahun 2024."),
    Para(PROSE_IKM),
    IKU_TABLE,
    Para("Capaian indikator Nilai SAKIP dihitung dengan rumus berikut."),
    FormulaLine(FORMULA_SAKIP),
    FormulaLine(FORMULA_IKM),
    PageBreak(),
    Heading("B. Realisasi Anggaran"),
    Para(PROSE_BUDGET),
    BUDGET_TABLE,
    PageBreak(),
    Heading("C. Perbandingan Capaian Antar Tahun"),
    Para("Capaian indeks kepuasan masyarakat terus meningkat dari tahun ke tahun seperti tabel berikut."),
    TREND_TABLE,
    Para("Capaian tahun 2024 merupakan yang tertinggi selama lima tahun terakhir."),
    PageBreak("landscape"),
    Heading("D. Realisasi Anggaran Tiga Tahun Terakhir"),
    MULTI_YEAR_TABLE,
    Para("Rata-rata penyerapan anggaran tiga tahun terakhir sebesar 95,79%."),
    PageBreak("rotated"),
    Heading("E. Capaian Kinerja Triwulan"),
    ROTATED_TABLE,
    ScannedPage(),
    PageBreak(),
    Heading("BAB IV PENUTUP"),
    Para("Secara umum seluruh sasaran strategis tercapai dengan rata-rata capaian 100,84%."),
)

# --------------------------------------------------------------------------- what the audit must find


@dataclass(frozen=True)
class Planted:
    """One arithmetic error planted in the truth: where, the figure as stated, what it should be, the rule."""

    where: str  # a table_id, or 'formula'
    label: str  # a cell of the wrong row, or the whole formula line
    column: str  # header of the wrong cell ('stated' for a formula)
    stated: str
    expected: Decimal
    rule: str


PLANTED: tuple[Planted, ...] = (
    Planted("iku", "Nilai SAKIP perangkat daerah", "Capaian", "97,5%", Decimal("95"), "capaian_mismatch"),
    Planted("anggaran", "JUMLAH", "Realisasi (Rp)", "4.743.330.500", Decimal("4734330500"), "sum_mismatch"),
    Planted("tren", "2024", "Capaian", "110,63%", Decimal("105.63"), "capaian_mismatch"),
    Planted("formula", FORMULA_SAKIP, "stated", "97,5%", Decimal("95"), "formula_mismatch"),
)


@dataclass(frozen=True)
class ExpectedRecord:
    """One IndicatorRecord / BudgetRecord the truth holds, its figures as printed.

    `values` is (target, realisasi, capaian) or (pagu, realisasi, %); `name` is the indikator
    or item, None where the truth names none (a trend row keyed by its year, a sentence).
    `at` locates it: ('table', table_id, row index) or ('prose', paragraph text, 0).
    """

    record: str  # indicator | budget
    kind: str
    year: int | None
    name: str | None
    sasaran: str
    parent: str
    is_total: bool
    values: tuple[str, str, str]
    at: tuple[str, str, int]


PROSE_RECORDS: tuple[ExpectedRecord, ...] = (
    ExpectedRecord("indicator", "narrative", 2024, None, "", "", False, ("80", "84,5", "105,63%"),
                   ("prose", PROSE_IKM, 0)),
    ExpectedRecord("budget", "narrative", 2024, None, "", "", True, ("5.000.000.000", "4.734.330.500", "94,69%"),
                   ("prose", PROSE_BUDGET, 0)),
)


def table_records(spec: TableSpec) -> list[ExpectedRecord]:
    """The records a table's rows hold, by its roles (none for a table without roles)."""
    roles = spec.roles
    if roles is None:
        return []
    out: list[ExpectedRecord] = []
    sasaran = parent = ""
    for r, row in enumerate(spec.rows):
        name = row[roles.name] if roles.name is not None else None
        if roles.sasaran is not None and row[roles.sasaran]:
            sasaran = row[roles.sasaran]
        total = name is not None and name.lower() == roles.total
        is_parent = bool(roles.parent_prefix) and name is not None and name.startswith(roles.parent_prefix)
        years = (int(row[roles.year_col]),) if roles.year_col is not None else roles.years
        for year, cols in zip(years, roles.values, strict=True):
            values = (row[cols[0]], row[cols[1]], row[cols[2]])
            out.append(ExpectedRecord(roles.record, roles.kind, year, name, sasaran,
                                      "" if total or is_parent else parent, total, values, ("table", spec.table_id, r)))
        if is_parent:
            parent = name or ""
    return out


def expected_records(blocks: Sequence[Block] = REPORT) -> list[ExpectedRecord]:
    """Every record of the truth: table rows by their roles, then the figures stated in prose."""
    out = [rec for b in blocks if isinstance(b, TableSpec) for rec in table_records(b)]
    paras = {b.text for b in blocks if isinstance(b, Para)}
    return out + [rec for rec in PROSE_RECORDS if rec.at[1] in paras]


def as_decimal(printed: str) -> Decimal:
    """An Indonesian figure as printed ('4.734.330.500', '105,63%', 'Rp 80') → its Decimal."""
    digits = printed.replace("Rp", "").replace("%", "").strip().replace(".", "").replace(",", ".")
    return Decimal(digits)


def decimals_of(printed: str) -> int:
    """Digits shown after the decimal comma."""
    core = printed.replace("%", "").strip()
    return len(core.split(",")[1]) if "," in core else 0


# --------------------------------------------------------------------------- PDF rendering


@dataclass
class _Page:
    number: int
    width: float
    height: float
    tops: list[float] = field(default_factory=list)  # top edges (y-up) of drawn strings


@dataclass
class _Pending:
    """A drawn string whose line-within-page is known once the page is finished."""

    page: int
    top: float
    sink: str  # 'line' | 'row'
    payload: object


class _Writer:
    """A canvas with a cursor; knows the page number and the top edge of every string drawn."""

    def __init__(self, path: Path) -> None:
        self.canvas = Canvas(str(path), pagesize=A4, invariant=1)
        self.page = _Page(1, *A4)
        self.y = self.page.height - MARGIN
        self.pages: list[_Page] = [self.page]
        self.pending: list[_Pending] = []
        self.orientation = "portrait"
        self.scanned: list[int] = []
        self.rotated: list[int] = []
        self.landscaped: list[int] = []

    # page handling ---------------------------------------------------------
    def new_page(self, orientation: str | None = None) -> None:
        self.canvas.showPage()
        self.orientation = orientation or self.orientation
        if self.orientation == "rotated":
            # portrait mediabox shown turned 90° clockwise: draw in display coordinates
            self.canvas.setPageSize(A4)
            self.canvas.setPageRotation(90)
            self.canvas.translate(A4[0], 0)
            self.canvas.rotate(90)
            w, h = A4[1], A4[0]
        elif self.orientation == "landscape":
            self.canvas.setPageRotation(0)
            self.canvas.setPageSize(landscape(A4))
            w, h = landscape(A4)
        else:
            self.canvas.setPageRotation(0)
            self.canvas.setPageSize(A4)
            w, h = A4
        self.page = _Page(self.page.number + 1, w, h)
        self.pages.append(self.page)
        if self.orientation == "rotated":
            self.rotated.append(self.page.number)
        if self.orientation == "landscape":
            self.landscaped.append(self.page.number)
        self.y = h - MARGIN

    def need(self, height: float) -> None:
        if self.y - height < MARGIN:
            self.new_page()

    # drawing ---------------------------------------------------------------
    def text(self, x: float, baseline: float, s: str, font: str, size: float, align: str = "left") -> float:
        self.canvas.setFont(font, size)
        if align == "right":
            self.canvas.drawRightString(x, baseline, s)
        elif align == "center":
            self.canvas.drawCentredString(x, baseline, s)
        else:
            self.canvas.drawString(x, baseline, s)
        top = round(baseline + 0.718 * size, 1)  # Helvetica ascent
        self.page.tops.append(top)
        return top

    def prose_line(self, s: str, kind: str, font: str = FONT, size: float = BODY_SIZE) -> None:
        self.need(LEADING)
        top = self.text(MARGIN, self.y - size, s, font, size)
        self.pending.append(_Pending(self.page.number, top, "line", (s, kind)))
        self.y -= LEADING if size <= BODY_SIZE else LEADING + 4

    def paragraph(self, s: str, kind: str = "prose") -> None:
        for part in simpleSplit(s, FONT, BODY_SIZE, self.page.width - 2 * MARGIN):
            self.prose_line(part, kind)
        self.y -= 6

    def scanned_page(self) -> None:
        self.new_page("portrait")
        self.scanned.append(self.page.number)
        w, h = self.page.width - 2 * MARGIN, self.page.height - 2 * MARGIN
        self.canvas.drawImage(_scan_image(), MARGIN, MARGIN, w, h)

    def finish(self) -> None:
        self.canvas.showPage()
        self.canvas.save()


def _scan_image() -> ImageReader:
    """A grey page with dark bars where text would be: pixels only, no text layer."""
    import cv2
    import numpy as np

    img = np.full((700, 500), 235, dtype=np.uint8)
    for i in range(30):
        y = 40 + i * 21
        cv2.rectangle(img, (40, y), (40 + (i * 37) % 380 + 60, y + 9), 40, -1)
    ok, png = cv2.imencode(".png", img)
    assert ok
    return ImageReader(io.BytesIO(png.tobytes()))


def _wrap(s: str, width: float, font: str) -> list[str]:
    return simpleSplit(s, font, TABLE_SIZE, width - 2 * PAD) or [""] if s else [""]


def _row_height(cells: Sequence[str], widths: Sequence[float], font: str, skip: set[int]) -> float:
    n = max(len(_wrap(c, w, font)) for i, (c, w) in enumerate(zip(cells, widths, strict=True)) if i not in skip)
    return n * TABLE_LEADING + 2 * PAD


def _draw_row(
    w: _Writer, spec: TableSpec, cells: Sequence[str], x0: float, font: str, spans: dict[int, int] | None = None
) -> tuple[float, float]:
    """Draw one row's text at the cursor; returns (top of its first line, row height)."""
    spans = spans or {}
    widths = list(spec.widths)
    covered = {c + k for c, n in spans.items() for k in range(1, n)}
    eff = {c: sum(widths[c : c + spans.get(c, 1)]) for c in range(len(widths))}
    height = _row_height([cells[c] for c in range(len(cells))], [eff[c] for c in range(len(cells))], font, covered)
    baseline = w.y - PAD - TABLE_SIZE
    top = round(baseline + 0.718 * TABLE_SIZE, 1)
    x = x0
    for c, text in enumerate(cells):
        if c not in covered and text:
            for k, part in enumerate(_wrap(text, eff[c], font)):
                b = baseline - k * TABLE_LEADING
                if spans.get(c, 1) > 1:
                    w.text(x + eff[c] / 2, b, part, font, TABLE_SIZE, "center")
                elif c in spec.right:
                    w.text(x + eff[c] - PAD, b, part, font, TABLE_SIZE, "right")
                else:
                    w.text(x + PAD, b, part, font, TABLE_SIZE)
        x += widths[c]
    return top, height


def _rules(w: _Writer, xs: Sequence[float], top: float, bottom: float, skip_cols: Iterable[int] = ()) -> None:
    """Horizontal rule at `top` across all columns except `skip_cols` (a span continues there)."""
    skip = set(skip_cols)
    for c in range(len(xs) - 1):
        if c not in skip:
            w.canvas.line(xs[c], top, xs[c + 1], top)
    del bottom


def _table(w: _Writer, spec: TableSpec) -> RenderedTable:
    w.need(LEADING * 3)
    w.prose_line(spec.title, "title", BOLD)
    x0 = MARGIN
    xs = [x0]
    for width in spec.widths:
        xs.append(xs[-1] + width)
    span_rows = {(r + k, c) for r, c, n in spec.row_spans for k in range(1, n)}
    rendered: list[RenderedRow] = []

    def draw_header() -> None:
        for h, cells in enumerate(spec.header):
            spans = {c: n for hr, c, n in spec.header_spans if hr == h and n > 1}
            top_y = w.y
            _, height = _draw_row(w, spec, cells, x0, BOLD, spans)
            if spec.ruled:
                # header spanning rows (a cell empty below a non-empty one) keep their column open
                open_cols = {c for c in range(len(cells)) if h > 0 and not cells[c] and spec.header[h - 1][c]}
                _rules(w, xs, top_y, top_y - height, open_cols)
                covered = {c + k for c, n in spans.items() for k in range(1, n)}
                for c, x in enumerate(xs):
                    if c not in covered:
                        w.canvas.line(x, top_y, x, top_y - height)
            w.y -= height

    draw_header()
    on_page = 0
    for r, cells in enumerate(spec.rows):
        height = _row_height(cells, spec.widths, FONT, set())
        split = spec.rows_per_page is not None and on_page == spec.rows_per_page
        if split or w.y - height < MARGIN:
            if spec.ruled:
                w.canvas.line(xs[0], w.y, xs[-1], w.y)
            w.new_page()
            draw_header()
            on_page = 0
        top_y = w.y
        top, height = _draw_row(w, spec, cells, x0, FONT)
        if spec.ruled:
            _rules(w, xs, top_y, top_y - height, {c for (rr, c) in span_rows if rr == r} if on_page else ())
            for x in xs:
                w.canvas.line(x, top_y, x, top_y - height)
        w.pending.append(_Pending(w.page.number, top, "row", (spec.table_id, r, tuple(cells))))
        w.y -= height
        on_page += 1
    if spec.ruled:
        w.canvas.line(xs[0], w.y, xs[-1], w.y)
    w.y -= 12
    return RenderedTable(spec.table_id, spec.title, spec.header, tuple(rendered), spec.ruled)


def _line_numbers(pages: Sequence[_Page]) -> dict[tuple[int, float], int]:
    """(page, top) → line-within-page: rank of the top edge among the page's distinct tops."""
    out: dict[tuple[int, float], int] = {}
    for page in pages:
        distinct: list[float] = []
        for top in sorted(set(page.tops), reverse=True):
            if not distinct or distinct[-1] - top > 1.5:
                distinct.append(top)
            out[(page.number, top)] = len(distinct)
    return out


def render_pdf(path: Path, blocks: Sequence[Block] = REPORT) -> Rendered:
    """Draw the blocks to `path`; return where every table row and prose line landed."""
    w = _Writer(path)
    specs: dict[str, TableSpec] = {}
    for block in blocks:
        if isinstance(block, Heading):
            w.prose_line(block.text, "heading", BOLD, HEAD_SIZE)
        elif isinstance(block, Para):
            w.paragraph(block.text)
        elif isinstance(block, FormulaLine):
            w.prose_line(block.text, "formula")
        elif isinstance(block, PageBreak):
            w.new_page(block.orientation)
        elif isinstance(block, ScannedPage):
            w.scanned_page()
        elif isinstance(block, TableSpec):
            specs[block.table_id] = block
            _table(w, block)
    w.finish()
    numbers = _line_numbers(w.pages)
    lines: list[RenderedLine] = []
    rows: dict[str, list[RenderedRow]] = {tid: [] for tid in specs}
    for p in w.pending:
        n = numbers[(p.page, p.top)]
        if p.sink == "line":
            text, kind = p.payload  # type: ignore[misc]
            lines.append(RenderedLine(text, p.page, n, kind))
        else:
            tid, _, cells = p.payload  # type: ignore[misc]
            rows[tid].append(RenderedRow(cells, p.page, n))
    tables = tuple(RenderedTable(tid, s.title, s.header, tuple(rows[tid]), s.ruled) for tid, s in specs.items())
    return Rendered(path, len(w.pages), tables, tuple(lines), tuple(w.scanned), tuple(w.rotated), tuple(w.landscaped))


# --------------------------------------------------------------------------- text export


@dataclass(frozen=True)
class TextExport:
    """The text rendering and where each table row and prose line landed (1-based lines)."""

    text: str
    rows: dict[tuple[str, int], int]  # (table_id, row index) → line
    lines: dict[str, int]  # heading / paragraph / formula / caption text → line


def text_export(blocks: Sequence[Block] = REPORT) -> TextExport:
    """The same truth as a text export: markdown-ish, tab-separated table rows, like the samples."""
    out: list[str] = []
    rows: dict[tuple[str, int], int] = {}
    lines: dict[str, int] = {}

    def put(text: str, key: str | None = None) -> None:
        out.append(text)
        if key is not None:
            lines.setdefault(key, len(out))

    for block in blocks:
        if isinstance(block, Heading):
            put(f"## {block.text}", block.text)
            put("")
        elif isinstance(block, (Para, FormulaLine)):
            put(block.text, block.text)
            put("")
        elif isinstance(block, TableSpec):
            put(f"**{block.title}**", block.title)
            put("")
            per = block.rows_per_page or len(block.rows)
            for start in range(0, len(block.rows), per):
                if start:
                    put("")
                for h in block.header:
                    put("\t".join(h))
                for r in range(start, min(start + per, len(block.rows))):
                    put("\t".join(block.rows[r]))
                    rows[(block.table_id, r)] = len(out)
            put("")
    return TextExport("\n".join(out) + "\n", rows, lines)


def render_text(blocks: Sequence[Block] = REPORT) -> str:
    return text_export(blocks).text


# --------------------------------------------------------------------------- where the truth landed


def spec_of(table_id: str, blocks: Sequence[Block] = REPORT) -> TableSpec:
    return next(b for b in blocks if isinstance(b, TableSpec) and b.table_id == table_id)


def planted_at(planted: Planted, blocks: Sequence[Block] = REPORT) -> tuple[str, str, int]:
    """The location key of a planted error: its table row, or its formula line."""
    if planted.where == "formula":
        return ("prose", planted.label, 0)
    spec = spec_of(planted.where, blocks)
    return ("table", spec.table_id, next(r for r, row in enumerate(spec.rows) if planted.label in row))


def pdf_position(rendered: Rendered, at: tuple[str, str, int]) -> tuple[int, int]:
    """(page, line-within-page) of a table row, or of the first line of a paragraph or formula."""
    kind, key, row = at
    if kind == "table":
        drawn = next(t for t in rendered.tables if t.table_id == key).rows[row]
        return drawn.page, drawn.line
    first = next(ln for ln in rendered.lines if key.startswith(ln.text))
    return first.page, first.line


def text_position(export: TextExport, at: tuple[str, str, int]) -> int:
    """1-based line of a table row or paragraph in the text export."""
    kind, key, row = at
    return export.rows[(key, row)] if kind == "table" else export.lines[key]


# --------------------------------------------------------------------------- bench document


def render_long(path: Path, n_pages: int = 300) -> int:
    """A long report for the memory bench: the sample report's pages repeated; returns pages drawn."""
    unit = [b for b in REPORT if not isinstance(b, ScannedPage)]
    per_copy = render_pdf(path, unit).n_pages  # pages one copy of the report takes
    copies = -(-n_pages // per_copy)
    blocks: list[Block] = []
    for _ in range(copies):
        blocks += [*unit, PageBreak("portrait")]
    rendered = render_pdf(path, blocks)
    return rendered.n_pages


def main() -> None:  # pragma: no cover - manual use
    import sys

    target = Path(sys.argv[1] if len(sys.argv) > 1 else "generated.pdf")
    r = render_pdf(target)
    target.with_suffix(".txt").write_text(render_text(), encoding="utf-8")
    print(f"{target}: {r.n_pages} pages")


if __name__ == "__main__":  # pragma: no cover
    main()

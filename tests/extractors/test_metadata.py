"""Office, year and report type: the four real samples, the five real PDFs (read through the PDF path)
and title pages of other kinds of government unit."""

from __future__ import annotations

from pathlib import Path

import pytest

from extractors.metadata import detect_metadata
from extractors.pdf.document import extract_pdf
from pipeline.ingest import Source, sha256_of
from tests.conftest import sample


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("balikpapan_2020_lakip.txt", ("Kantor Imigrasi Kelas I TPI Balikpapan", 2020, "LAKIP")),
        ("bontang_2025_lkjip.txt", ("Kantor Imigrasi Kelas III Non TPI Bontang", 2025, "LKjIP")),
        ("tanjungpinang_2024_lkjip.txt", ("Kantor Imigrasi Kelas I TPI Tanjungpinang", 2024, "LKjIP")),
        ("jember_2023_lkjip.txt", ("Kantor Imigrasi Kelas I TPI Jember", 2023, "LKjIP")),
    ],
)
def test_samples(name: str, expected: tuple[str, int, str]) -> None:
    assert detect_metadata(sample(name).read_text(encoding="utf-8")) == expected


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        # the LRA of the whole city (its title page), signed by the head of the finance Badan
        ("cimahi_2016_lra.pdf", ("Pemerintah Kota Cimahi", 2016, "LRA")),
        # the unit's row of the table names it in full (wrapped over three lines); no region is printed
        ("tangsel-bpbd_2023_realisasi-kinerja-triwulan.pdf",
         ("Badan Penanggulangan Bencana Daerah", 2023, "Realisasi Kinerja Triwulan")),
        ("jabar-esdm_2016_perjanjian-kinerja_scan.pdf", ("", None, "unknown")),  # no text layer
    ],
)
def test_short_real_pdfs_through_the_pdf_path(pdfs_dir: Path, name: str, expected: tuple[str, int | None, str]) -> None:
    path = pdfs_dir / name
    doc = extract_pdf(Source(path=path, name=name, sha256=sha256_of(path), kind="pdf", report_id=path.stem))
    assert (doc.office, doc.year, doc.report_type) == expected


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        # the Biro named in the LKIP's own sentences, the province completing it
        ("jabar-biroorganisasi_2016_lkip.pdf",
         ("Biro Organisasi Sekretariat Daerah Provinsi Jawa Barat", 2016, "LKIP")),
        # "LKIP BPLHD Provinsi Jawa Barat" on every page; the text expands BPLHD
        ("jabar-bplhd_2016_lkip.pdf", ("Badan Pengelolaan Lingkungan Hidup Daerah Provinsi Jawa Barat", 2016, "LKIP")),
    ],
)
def test_long_real_pdfs_by_their_first_pages(pdfs_dir: Path, name: str, expected: tuple[str, int, str]) -> None:
    import pdfplumber

    with pdfplumber.open(pdfs_dir / name) as pdf:  # metadata reads the first 60,000 characters: ~12 pages
        text = "\n".join(p.extract_text() or "" for p in pdf.pages[:12])
    assert detect_metadata(text) == expected


def test_kabupaten_dinas_under_its_government_letterhead() -> None:
    text = (
        "PEMERINTAH KABUPATEN BANYUMAS\nDINAS PENANAMAN MODAL DAN PELAYANAN TERPADU SATU PINTU\n"
        "Jl. Jend. Soedirman No. 1 Purwokerto\n\nLAPORAN KINERJA INSTANSI PEMERINTAH\n(LKjIP)\nTAHUN 2022\n\n"
        "KATA PENGANTAR\nLaporan Kinerja DPMPTSP Kabupaten Banyumas Tahun 2022 disusun sebagai wujud "
        "pertanggungjawaban. Data diperoleh dari Badan Pusat Statistik dan Dinas Kesehatan.\n"
    )
    assert detect_metadata(text) == (
        "Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu Kabupaten Banyumas", 2022, "LKjIP")
    titled = (
        "LAPORAN KINERJA INSTANSI PEMERINTAH\nDINAS LINGKUNGAN HIDUP KABUPATEN BANYUMAS\nTAHUN 2022\n\n"
        "Laporan Kinerja Dinas Lingkungan Hidup Kabupaten Banyumas Tahun 2022 disusun ...\n"
    )
    assert detect_metadata(titled) == ("Dinas Lingkungan Hidup Kabupaten Banyumas", 2022, "LKjIP")


def test_kecamatan_over_its_kelurahan_and_the_signing_badan() -> None:
    text = (
        "LAPORAN KINERJA INSTANSI PEMERINTAH\nKECAMATAN CIBEUNYING KALER\nKOTA BANDUNG\nTAHUN 2023\n\n"
        "KATA PENGANTAR\nKecamatan Cibeunying Kaler membawahi Kelurahan Cihaurgeulis, Kelurahan Sukaluyu, "
        "Kelurahan Neglasari dan Kelurahan Cigadung. Kelurahan Sukaluyu menjadi juara lomba.\n\n"
        "Mengetahui,\nKepala Badan Perencanaan Pembangunan Daerah\nKota Bandung\nDrs. H. Ahmad\n"
        "NIP 196501011990031001\n"
    )
    assert detect_metadata(text) == ("Kecamatan Cibeunying Kaler Kota Bandung", 2023, "LKjIP")
    kelurahan = (
        "PEMERINTAH KOTA SEMARANG\nKECAMATAN TEMBALANG\nKELURAHAN BULUSAN\n\n"
        "LAPORAN KINERJA INSTANSI PEMERINTAH TAHUN 2019\n\nKATA PENGANTAR\nKecamatan Tembalang ... Kecamatan Tembalang."
    )
    assert detect_metadata(kelurahan) == ("Kelurahan Bulusan Kota Semarang", 2019, "LKjIP")


def test_rsud_puskesmas_and_school_keep_their_own_names() -> None:
    rsud = (
        "LAPORAN KINERJA INSTANSI PEMERINTAH (LKjIP)\nRUMAH SAKIT UMUM DAERAH dr. SOEKARDJO\nKOTA TASIKMALAYA\n"
        "TAHUN 2021\n\nBAB I PENDAHULUAN\nRSUD dr. Soekardjo merupakan rumah sakit milik Pemerintah Kota "
        "Tasikmalaya. Pelayanan rujukan dari Puskesmas Cihideung dan Puskesmas Kawalu.\n"
    )
    assert detect_metadata(rsud) == ("Rumah Sakit Umum Daerah dr. Soekardjo Kota Tasikmalaya", 2021, "LKjIP")
    # named by its abbreviation in the titles, spelled out on the cover: the spelled-out name
    spelled = (
        "LAPORAN KINERJA INSTANSI PEMERINTAH\nTAHUN 2024\n\nRUMAH SAKIT UMUM DAERAH SEHAT SENTOSA\n"
        "KABUPATEN MAJU\n\nKATA PENGANTAR\nLaporan Kinerja RSUD Sehat Sentosa Kabupaten Maju Tahun 2024 ... "
        "LKjIP RSUD Sehat Sentosa disusun ... RSUD Sehat Sentosa melayani rujukan.\n"
    )
    assert detect_metadata(spelled)[0] == "Rumah Sakit Umum Daerah Sehat Sentosa Kabupaten Maju"
    puskesmas = (
        "PEMERINTAH KABUPATEN BOGOR\nDINAS KESEHATAN\nUPTD PUSKESMAS CIBINONG\nJl. Raya Cibinong No. 5\n\n"
        "LAPORAN KINERJA TAHUN 2023\n\nBAB I\nUPTD Puskesmas Cibinong melayani warga. Dinas Kesehatan membina.\n"
    )
    assert detect_metadata(puskesmas)[0] == "UPTD Puskesmas Cibinong Kabupaten Bogor"
    school = "PEMERINTAH PROVINSI JAWA TIMUR\nDINAS PENDIDIKAN\nSMA NEGERI 1 MALANG\n\nLAPORAN KINERJA TAHUN 2022\n"
    assert detect_metadata(school)[0] == "SMA Negeri 1 Malang"


def test_ministry_upt_below_its_ministry_and_directorate() -> None:
    text = (
        "KEMENTERIAN LINGKUNGAN HIDUP DAN KEHUTANAN\nDIREKTORAT JENDERAL PLANOLOGI KEHUTANAN DAN TATA LINGKUNGAN\n"
        "BALAI PEMANTAPAN KAWASAN HUTAN DAN TATA LINGKUNGAN WILAYAH XI\nYOGYAKARTA\n\nLAPORAN KINERJA\nTAHUN 2022\n\n"
        "KATA PENGANTAR\nLaporan Kinerja Balai Pemantapan Kawasan Hutan dan Tata Lingkungan Wilayah XI Yogyakarta "
        "Tahun 2022 disusun berdasarkan Perjanjian Kinerja dengan Direktorat Jenderal Planologi Kehutanan dan Tata "
        "Lingkungan. Renstra Direktorat Jenderal Planologi Kehutanan dan Tata Lingkungan menjadi acuan.\n"
    )
    assert detect_metadata(text) == (
        "Balai Pemantapan Kawasan Hutan dan Tata Lingkungan Wilayah XI Yogyakarta", 2022, "LKjIP")
    lapas = (
        "KEMENTERIAN HUKUM DAN HAK ASASI MANUSIA RI\nKANTOR WILAYAH JAWA BARAT\n"
        "LEMBAGA PEMASYARAKATAN KELAS IIA CIBINONG\n\nLAPORAN KINERJA INSTANSI PEMERINTAH TAHUN 2021\n"
    )
    assert detect_metadata(lapas)[0] == "Lembaga Pemasyarakatan Kelas IIA Cibinong"
    bbpom = "LAPORAN KINERJA\nBALAI BESAR PENGAWAS OBAT DAN MAKANAN DI BANDUNG\nTAHUN 2022\n"
    assert detect_metadata(bbpom)[0] == "Balai Besar Pengawas Obat dan Makanan di Bandung"


def test_the_title_outweighs_the_signing_block() -> None:
    text = (
        "LAPORAN KINERJA INSTANSI PEMERINTAH\nDINAS KEPENDUDUKAN DAN PENCATATAN SIPIL\nKABUPATEN SUMEDANG\n"
        "TAHUN 2020\n\nMengetahui,\nKepala Badan Kepegawaian dan Pengembangan Sumber Daya Manusia\n"
        "Kabupaten Sumedang\n\nKepala Badan Kepegawaian dan Pengembangan Sumber Daya Manusia\nKabupaten Sumedang\n"
    )
    assert detect_metadata(text) == ("Dinas Kependudukan dan Pencatatan Sipil Kabupaten Sumedang", 2020, "LKjIP")
    # with nothing else named, the signatory's unit is all there is
    signed = "Kepala Badan Pengelola Keuangan dan Aset Daerah\nDrs. Ahmad Fauzi\nNIP 19650101"
    assert detect_metadata(signed)[0] == "Badan Pengelola Keuangan dan Aset Daerah"


def test_abbreviations_expanded_only_as_the_document_does() -> None:
    expanded = (
        "LAPORAN KINERJA INSTANSI PEMERINTAH\nBAPPEDA KABUPATEN GARUT\nTAHUN 2021\nKATA PENGANTAR\n"
        "Badan Perencanaan Pembangunan Daerah (Bappeda) Kabupaten Garut menyusun laporan. Bappeda berkoordinasi "
        "dengan Dinas Kesehatan.\n"
    )
    assert detect_metadata(expanded)[0] == "Badan Perencanaan Pembangunan Daerah Kabupaten Garut"
    assert detect_metadata("LAPORAN KINERJA BPBD KOTA TANGERANG SELATAN TAHUN 2023\n")[0] == (
        "BPBD Kota Tangerang Selatan")
    setda = "LKIP 2016\nBiro Organisasi Setda Provinsi Jawa Barat\nLaporan Kinerja Instansi Pemerintah (LKIP)"
    assert detect_metadata(setda) == ("Biro Organisasi Setda Provinsi Jawa Barat", 2016, "LKIP")


def test_common_nouns_and_lower_case_prose_are_no_unit() -> None:
    text = (
        "Laporan Kinerja Instansi Pemerintah Dinas Kesehatan Provinsi Jawa Tengah Tahun 2021\n\nBAB I\n"
        "Kendaraan Dinas Operasional tersedia. Perjalanan Dinas Luar Daerah. Badan Usaha Milik Daerah. "
        "Kendaraan Dinas Operasional. Kendaraan Dinas Operasional.\n"
    )
    assert detect_metadata(text)[0] == "Dinas Kesehatan Provinsi Jawa Tengah"
    assert detect_metadata("Kendaraan Dinas Operasional atau lapangan")[0] == ""
    assert detect_metadata("Dinas Perhubungan atau lapangan")[0] == "Dinas Perhubungan"
    assert detect_metadata("Catatan rapat tanpa judul.") == ("", None, "unknown")


def test_a_whole_government_on_its_lra_title_page() -> None:
    text = (
        "PEMERINTAH KOTA SUKAMAJU\nLAPORAN REALISASI ANGGARAN PENDAPATAN DAN BELANJA\n"
        "UNTUK TAHUN YANG BERAKHIR SAMPAI DENGAN DESEMBER 2016\n1. PENDAPATAN DAERAH 1.000,00\n"
        "1.2.3. Transfer Pemerintah Provinsi 108.366.132.538,00\n"
        "Mengetahui,\nKEPALA BADAN PENGELOLA KEUANGAN\nDAN ASET DAERAH\nDrs. ACHMAD\nNIP. 19680206 199601 1 001\n"
    )
    assert detect_metadata(text) == ("Pemerintah Kota Sukamaju", 2016, "LRA")


def test_report_type_is_the_acronym_the_report_uses_most() -> None:
    text = "LKIP BPLHD 2016\nLaporan Akuntabilitas Kinerja (LAKIP) disebut juga LKIP.\nLKIP ini ..."
    assert detect_metadata(text)[2] == "LKIP"
    quarterly = "Realisasi Kinerja Pada Triwulan I - IV Tahun 2023 Perangkat Daerah"
    assert detect_metadata(quarterly)[1:] == (2023, "Realisasi Kinerja Triwulan")


@pytest.mark.parametrize(
    ("text", "office"),
    [
        # a one-word unit with its region
        ("LAPORAN KINERJA INSTANSI PEMERINTAH\nINSPEKTORAT KABUPATEN SLEMAN\nTAHUN 2022\n",
         "Inspektorat Kabupaten Sleman"),
        ("LAPORAN KINERJA INSTANSI PEMERINTAH\nSEKRETARIAT DPRD KOTA BEKASI\nTAHUN 2022\n",
         "Sekretariat DPRD Kota Bekasi"),
        # a vertical agency's office in a kabupaten; "Badan Pusat" is no common noun
        ("LAPORAN KINERJA\nBADAN PUSAT STATISTIK KABUPATEN BOGOR\n2022\nKATA PENGANTAR\nBadan Pusat Statistik ...",
         "Badan Pusat Statistik Kabupaten Bogor"),
        ("LAPORAN KINERJA\nKANTOR KEMENTERIAN AGAMA KABUPATEN BOGOR\nTAHUN 2021\n",
         "Kantor Kementerian Agama Kabupaten Bogor"),
        ("LAPORAN KINERJA\nRUMAH TAHANAN NEGARA KELAS IIB SLEMAN\nTAHUN 2023\n",
         "Rumah Tahanan Negara Kelas IIB Sleman"),
        # courts and prosecutors' offices report too; the Mahkamah Agung above them is context
        ("LAPORAN KINERJA INSTANSI PEMERINTAH\nPENGADILAN NEGERI BANDUNG KELAS IA KHUSUS\nTAHUN 2022\nKATA PENGANTAR\n"
         "Mahkamah Agung ... Pengadilan Tinggi Bandung ...", "Pengadilan Negeri Bandung Kelas IA Khusus"),
        ("LAPORAN KINERJA\nKEJAKSAAN NEGERI KOTA BEKASI\nTAHUN 2021", "Kejaksaan Negeri Kota Bekasi"),
        # the whole government's own LKjIP, its dinas named in passing
        ("LAPORAN KINERJA INSTANSI PEMERINTAH KABUPATEN SLEMAN TAHUN 2022\nKATA PENGANTAR\nLKjIP Pemerintah "
         "Kabupaten Sleman Tahun 2022 ... Dinas Kesehatan ... Dinas Kesehatan ... Dinas Pendidikan ...\n",
         "Pemerintah Kabupaten Sleman"),
        # a ministry's own report, one of its directorates general named many times
        ("LAPORAN KINERJA\nKEMENTERIAN PERTANIAN\nTAHUN 2022\nKATA PENGANTAR\nLaporan Kinerja Kementerian Pertanian "
         "Tahun 2022 ...\n" + "Direktorat Jenderal Tanaman Pangan melaksanakan program. " * 25,
         "Kementerian Pertanian"),
    ],
)
def test_units_of_every_level(text: str, office: str) -> None:
    assert detect_metadata(text)[0] == office


@pytest.mark.parametrize(
    ("text", "office"),
    [
        # the last region word with a name after it ends the unit's name
        ("LAPORAN KINERJA\nDINAS TATA KOTA DAN PERTAMANAN KABUPATEN BOGOR\nTAHUN 2022",
         "Dinas Tata Kota dan Pertamanan Kabupaten Bogor"),
        ("LAPORAN KINERJA\nKECAMATAN KOTA BARU KABUPATEN KETAPANG\nTAHUN 2022",
         "Kecamatan Kota Baru Kabupaten Ketapang"),
        ("LAPORAN KINERJA\nDINAS KESEHATAN KABUPATEN PANGKAJENE DAN KEPULAUAN\nTAHUN 2021",
         "Dinas Kesehatan Kabupaten Pangkajene dan Kepulauan"),
        ("Laporan Kinerja Dinas Kesehatan Kab. Bogor Tahun 2020", "Dinas Kesehatan Kabupaten Bogor"),
        # the government's letterhead under the unit's name gives the region
        ("LAPORAN KINERJA INSTANSI PEMERINTAH\nDINAS PEKERJAAN UMUM DAN PENATAAN RUANG\nPEMERINTAH KABUPATEN "
         "KARANGANYAR\nTAHUN 2023\n", "Dinas Pekerjaan Umum dan Penataan Ruang Kabupaten Karanganyar"),
    ],
)
def test_regions(text: str, office: str) -> None:
    assert detect_metadata(text)[0] == office


def test_the_year_is_the_reports_not_a_regulations_nor_a_periods() -> None:
    cited = (
        "LAPORAN KINERJA INSTANSI PEMERINTAH\nDINAS PERHUBUNGAN KABUPATEN MAJU\n2022\n\nKATA PENGANTAR\n"
        "Laporan ini disusun berdasarkan Peraturan Presiden Nomor 29 Tahun 2014 tentang SAKIP dan Peraturan Menteri "
        "PANRB Nomor 53 Tahun 2014 tentang Petunjuk Teknis Perjanjian Kinerja, Pelaporan Kinerja dan Tata Cara Reviu "
        "atas Laporan Kinerja Instansi Pemerintah. Peraturan Pemerintah Nomor 8 Tahun 2006.\n"
    )
    assert detect_metadata(cited)[1] == 2022
    # the title's year over several lines of the cover, not the month it was signed
    cover = (
        "LAPORAN KINERJA\nINSTANSI PEMERINTAH\nDINAS SOSIAL KABUPATEN MAJU\nTAHUN 2022\n\nJanuari 2023\n"
        "KATA PENGANTAR\nTahun 2023 ... Tahun 2023 ... Tahun 2023\n"
    )
    assert detect_metadata(cover)[1] == 2022
    periods = "BAB I\nRenstra Tahun 2018-2023 ... Tahun 2018 - 2023 ... capaian Tahun 2021 ... Nomor 6 Tahun 2019"
    assert detect_metadata(periods)[1] == 2021

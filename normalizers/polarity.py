"""Polarity: whether an indicator's value falls when things improve (lower is better).

One vocabulary for every stage. An indicator is lower-is-better when its name measures something bad
(`Angka Kematian Ibu`, `Prevalensi Balita Stunting`, `Persentase keluhan`, `Angka kejadian infeksi nosokomial`,
`Net Death Rate`, `Waktu tunggu pelayanan`, `Tingkat pengangguran terbuka`, `Indeks Gini`, `Jumlah temuan`) or
words its goal as a fall (`Menurunnya jumlah pelanggaran`) — unless the name measures the remedy rather than
the bad thing: a handling, coverage or decrease before it (`Persentase penanganan pengaduan`, `Cakupan
penemuan kasus TB`, `Persentase penurunan keluhan`, `Persentase dokumen tanpa kesalahan`) or a relative clause
saying it was dealt with after it (`Persentase pengaduan yang ditindaklanjuti`; but `yang belum
ditindaklanjuti` stays lower). Words that can go either way (`BOR`, `lama rawat`, bare `penurunan`) are not in
the vocabulary: without a lower word an indicator is higher-is-better.

A report may also declare its negative-polarity indicators itself (`indikator dengan polaritas negatif
(semakin kecil semakin baik), yaitu A dan B`, `Indikator A, B dan C berpolaritas negatif`, `Polaritas:
Minimize`): `declared_lower` reads the names such a sentence lists and `is_declared` matches an indicator to them.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache

import regex as re

# what the indicator measures is bad: lower is better (only words where that is unambiguous)
_LOWER_TERMS = (
    # health: mortality, morbidity, malnutrition, infection, patient-safety incidents
    r"kematian", r"mortalit(?:as|y)", r"(?:net|gross)\s+death\s+rate", r"death\s+rate", r"\b[ng]dr\b",
    r"\b(?:aki|akb|akaba|akn)\b", r"prevalensi(?!\s+(?:kb|ber\s*kb|kontrasepsi|pemakaian|penggunaan|peserta|asi)\b)",
    r"stunting", r"wasting", r"underweight", r"gizi\s+(?:buruk|kurang)", r"balita\s+(?:pendek|kurus)",
    r"angka\s+kesakitan", r"morbiditas", r"insidens?i?\b", r"(?:angka|jumlah|frekuensi)\s+kejadian",
    r"kejadian\s+(?:luar\s+biasa|sentinel|tidak\s+diharapkan|nyaris\s+cedera)", r"infeksi", r"nosokomial",
    r"\bhais\b", r"phlebitis|plebitis|dekubitus", r"pasien\s+jatuh", r"pulang\s+(?:paksa|atas\s+permintaan\s+sendiri)",
    r"pembatalan\s+operasi",
    # service: complaints, waiting and processing time
    r"keluhan", r"komplain", r"complaints?", r"pengaduan", r"waktu\s+tunggu", r"waiting\s+time", r"lama\s+waktu",
    r"waktu\s+penyelesaian",
    # social and economic conditions
    r"putus\s+sekolah", r"drop\s*-?\s*out", r"buta\s+(?:aksara|huruf)", r"pengangguran", r"unemployment",
    r"kemiskinan", r"(?:penduduk|keluarga|rumah\s+tangga)\s+miskin", r"poverty", r"\bgini\b", r"inflasi",
    r"inflation", r"kumuh", r"tidak\s+layak\s+huni", r"\brtlh\b",
    # safety, order, disasters, environment
    r"kecelakaan", r"fatalitas", r"kebakaran", r"kriminalitas", r"kejahatan", r"tindak\s+pidana",
    r"gangguan\s+(?:keamanan|ketertiban|kamtibmas|trantibum)", r"korban\s+(?:jiwa|meninggal)", r"pelanggaran",
    r"kasus", r"indeks\s+risiko\s+bencana", r"lahan\s+kritis", r"pencemaran", r"genangan", r"kerusakan", r"\brusak\b",
    # governance and finance: audit findings, arrears, deviations, errors, losses
    r"temuan", r"tunggakan", r"deviasi", r"kesalahan", r"error\s+rate", r"kerugian",
    r"ketidak(?:sesuaian|patuhan|hadiran|lengkapan|tepatan|puasan)",
    # a goal worded as a fall, and the report's own words
    r"menurunnya", r"berkurangnya", r"turunnya", r"(?:lower|smaller)\s+is\s+better",
)
LOWER_TERM = re.compile(r"\b(?:" + "|".join(_LOWER_TERMS) + r")", re.I)

# before the bad thing: the name measures its handling, coverage, absence or decrease (higher is better).
# `penurunan` / `pengurangan` count only after a measure word (`Persentase penurunan keluhan`): a name that
# opens with them (`Penurunan jumlah pengaduan`) states the goal, and its value is the bad thing itself.
_MEASURE = r"(?:persentase|prosentase|tingkat|laju|angka|jumlah|besaran|rasio|capaian|nilai|target|realisasi|%)"
_REMEDY_BEFORE = re.compile(
    r"\b(?:" + _MEASURE + r"\s+(?:penurunan|pengurangan|reduksi)|"
    r"penanganan|penyelesaian|tindak\s*-?\s*lanjut|ditindaklanjuti|penindakan|pengungkapan|pemberantasan|"
    r"pencegahan|penanggulangan|pengendalian|pengelolaan|pelayanan|layanan|cakupan|penemuan|deteksi|skrining|"
    r"pemeriksaan|pengobatan|perawatan|rehabilitasi|perbaikan|pemulihan|pengembalian|penagihan|pelunasan|"
    r"respons?|tanggap|keberhasilan|kesembuhan|tanpa|bebas|zero|intervensi|penyelamatan|pemadaman|evakuasi|"
    r"pendampingan|perlindungan|penyelidikan|penyidikan|penuntutan|penegakan|investigasi|mediasi|pengawasan|"
    r"pemantauan|penertiban|razia|patroli|sosialisasi|edukasi|penyuluhan|pelatihan|pembinaan)\b",
    re.I,
)
# after it: `yang (telah) ditindaklanjuti / diselesaikan / ditangani / mendapat pelayanan` (dealt with)
_DEALT_WITH_AFTER = re.compile(
    r"\byang\s+(?:telah\s+|sudah\s+|berhasil\s+|dapat\s+)?"
    r"(?:(?:di|ter)(?:tindak\s*lanjuti|tindaklanjuti|selesaikan|selesai|tangani|layani|respons?|tanggapi|obati|"
    r"rawat|rujuk|temukan|ungkap|tangkap|tindak|audit|verifikasi|investigasi|selidiki|periksa|kendalikan|"
    r"tanggulangi|rehabilitasi|perbaiki|pulihkan|kembalikan|lunasi|tagih|mediasi|fasilitasi|intervensi)|"
    r"mendapat(?:kan)?|menerima|memperoleh)\b",
    re.I,
)


# a table's caption standing for its rows' name (`Tabel III.3 Data Kasus Pelanggaran …`) says what the table
# lists, not which way its figures should go
_CAPTION = re.compile(r"^\W*(?:tabel|table|data|daftar|rekapitulasi|rekap|grafik|gambar)\b", re.I)


@lru_cache(maxsize=8192)
def lower_is_better(name: str) -> bool:
    """True when an indicator name measures something whose fall is the improvement (see the module)."""
    if _CAPTION.match(name or ""):
        return False
    for m in LOWER_TERM.finditer(name or ""):
        if _REMEDY_BEFORE.search(name, 0, m.start()) or _DEALT_WITH_AFTER.search(name, m.end()):
            continue
        return True
    return False


def polarity_of(name: str) -> str:
    """'lower' or 'higher' for an indicator name by the vocabulary alone."""
    return "lower" if lower_is_better(name) else "higher"


# --------------------------------------------------------------------------- a report's own declaration

# a sentence saying some indicators are negative-polarity (lower is better)
NEGATIVE_DECLARATION = re.compile(
    r"polaritas\s+negatif|berpolaritas\s+negatif|polaritas\s*:?\s*\(?\s*(?:-|−|minimi[sz]e|minimum|rendah)\b|"
    r"semakin\s+(?:rendah|kecil|sedikit)\s+(?:\p{L}+\s+){0,2}?semakin\s+baik|"
    r"makin\s+(?:rendah|kecil|sedikit)\s+(?:\p{L}+\s+){0,2}?makin\s+baik|negative\s+polarity|lower\s+is\s+better",
    re.I,
)
# the clause of a declaration: a sentence may set out the positive indicators first (`…, sedangkan …`)
_CLAUSE_BREAK = re.compile(r"\bsedangkan\b|\bnamun\b|\badapun\b|;", re.I)
# the pieces a listed name is cut from: commas, brackets, `dan`, `serta`, `yaitu`, `adalah`, `:`, `=`
_ITEM_BREAK = re.compile(r"[,()\[\]:=]|\b(?:dan|serta|yaitu|yakni|adalah|antara\s+lain|meliputi|sehingga)\b", re.I)
# words of the declaration itself, never of a listed name
_DECLARATION_TEXT = """indikator indikatornya kinerja untuk yang dengan berpolaritas polaritas negatif positif semakin
makin rendah kecil sedikit baik realisasi realisasinya capaian capaiannya dihitung digunakan menggunakan rumus sedangkan
adapun namun bahwa pada ini itu tersebut adalah merupakan maka minimize minimise minimum target x"""
_DECLARATION_WORDS = frozenset(_DECLARATION_TEXT.split())
_WORD = re.compile(r"[\p{L}\p{N}]+")
MIN_NAME_WORDS = 2
MAX_NAME_WORDS = 12  # a longer piece is a sentence, not a listed name


def _words(text: str) -> list[str]:
    return [w.lower() for w in _WORD.findall(text)]


def declared_items(sentence: str) -> tuple[tuple[str, ...], ...]:
    """The indicator names a negative-polarity declaration lists, as word tuples (declaration words dropped):
    `… polaritas negatif (semakin kecil semakin baik), yaitu persentase deviasi realisasi fisik dan persentase
    keluhan masyarakat, …` gives (persentase, deviasi, realisasi, fisik) and (persentase, keluhan, masyarakat)."""
    out: list[tuple[str, ...]] = []
    for clause in _CLAUSE_BREAK.split(sentence):
        if not NEGATIVE_DECLARATION.search(clause):
            continue
        for piece in _ITEM_BREAK.split(clause):
            if NEGATIVE_DECLARATION.search(piece) and not _words(NEGATIVE_DECLARATION.sub(" ", piece)):
                continue
            words = tuple(w for w in _words(NEGATIVE_DECLARATION.sub(" ", piece))
                          if w not in _DECLARATION_WORDS and not w.isdigit())
            if MIN_NAME_WORDS <= len(words) <= MAX_NAME_WORDS:
                out.append(words)
    return tuple(out)


def declared_lower(sentences: Iterable[str]) -> tuple[tuple[str, ...], ...]:
    """Every indicator name the report's own negative-polarity declarations list (see `declared_items`)."""
    out: list[tuple[str, ...]] = []
    for text in sentences:
        if NEGATIVE_DECLARATION.search(text):
            out += [item for item in declared_items(text) if item not in out]
    return tuple(out)


def is_declared(name: str, declared: Iterable[tuple[str, ...]]) -> bool:
    """An indicator name holds every word of a name the report declares negative-polarity (`Persentase
    pengaduan masyarakat yang belum ditindaklanjuti` holds `persentase pengaduan belum ditindaklanjuti`)."""
    have = set(_words(name))
    return any(set(item) <= have for item in declared)

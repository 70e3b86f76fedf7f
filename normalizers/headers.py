"""Table header cell text → the role of its column (`target`, `realisasi`, `pagu`, `%`, …).

Indonesian noun phrases put their head first (`Realisasi Anggaran` is a realisasi, `Anggaran
Setelah Revisi` a pagu), so a header's role is read from its first recognised keyword, with
a few compound rules before it (`% Realisasi Anggaran` is a percentage, `Nilai Akhir` a final
score, `Pagu Awal` the original pagu). Each word is matched to the keyword vocabulary with
rapidfuzz, so misspellings (`Realiasi`, `Realisai`, `Capain`) and truncations (`Realisas`)
still count; abbreviations (`REAL`, `Ket.`, `TA`) are listed. A year in the header
(`Target 2023`, `Tahun 2023`, `2019`) is returned beside the role.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import regex as re
from rapidfuzz import fuzz, process

ROLES = (
    "sasaran", "indikator", "target", "realisasi", "capaian", "pagu", "pagu_original", "pagu_revised", "pct",
    "item", "no", "year", "satuan", "keterangan", "bobot", "nilai", "nilai_akhir", "jumlah", "l", "p", "sisa",
)

# keyword (canonical spelling) → the word class it belongs to
_KEYWORDS: dict[str, str] = {
    "sasaran": "sasaran",
    "indikator": "indikator", "iku": "indikator", "ikk": "indikator",
    "target": "target", "rencana": "target", "sasaran target": "target",
    "realisasi": "realisasi", "real": "realisasi", "rea": "realisasi",
    "capaian": "capaian", "pencapaian": "capaian",
    "pagu": "pagu", "anggaran": "pagu", "alokasi": "pagu", "dipa": "pagu", "biaya": "pagu", "dana": "pagu",
    "semula": "original", "awal": "original", "sebelum": "original", "induk": "original",
    "revisi": "revised", "setelah": "revised", "sesudah": "revised", "perubahan": "revised",
    "penambahan": "revised", "akhir": "final",
    "%": "pct", "persentase": "pct", "prosentase": "pct", "persen": "pct", "penyerapan": "pct",
    "uraian": "item", "belanja": "item", "jenis": "item", "program": "item", "kegiatan": "item", "akun": "item",
    "kode": "modifier", "pendapatan": "item", "output": "item", "komponen": "item", "nomenklatur": "item",
    "rincian": "item", "mak": "item", "sub": "modifier",
    "no": "no", "nomor": "no", "nomer": "no",
    "tahun": "year", "ta": "year", "thn": "year", "periode": "year",
    "satuan": "satuan", "sat": "satuan", "unit": "satuan",
    "keterangan": "keterangan", "ket": "keterangan", "catatan": "keterangan",
    "bobot": "bobot", "konversi": "modifier",
    "nilai": "nilai", "skor": "nilai", "poin": "nilai",
    "jumlah": "jumlah", "total": "jumlah", "jml": "jumlah", "subtotal": "jumlah",
    "sisa": "sisa", "selisih": "sisa",
    "l": "l", "lk": "l", "laki": "l", "pria": "l",
    "p": "p", "pr": "p", "perempuan": "p", "wanita": "p",
    "rata": "modifier", "hasil": "modifier", "kinerja": "modifier",
}
# words at least this long are matched fuzzily; shorter ones must be spelled exactly
_FUZZY_MIN_LEN = 5
_FUZZY_CUTOFF = 80.0
_FUZZY_VOCAB = tuple(k for k in _KEYWORDS if len(k) >= _FUZZY_MIN_LEN)
# a header whose first keyword comes after this many unknown words names something else
_MAX_UNKNOWN_BEFORE = 2
# noun phrases whose first word would otherwise mislead: a satuan kerja is an office, a rencana aksi an action
_PHRASES = (
    (re.compile(r"\bsatuan\s+kerja\b"), "satker"),
    (re.compile(r"\brencana\s+aksi\b"), "renaksi"),
)
_SINGLE_LETTER_ROLES = {"l", "p"}  # gender sub-columns: only as the whole header

_MARKUP = re.compile(r"</?[A-Za-z][^<>]{0,80}>|\*\*|__|\\(?=%)|\$")
_YEAR = re.compile(r"(?<!\d)((?:19|20)\d{2})(?!\d)")
_WORD = re.compile(r"%|[\p{L}]+")
_SPACES = re.compile(r"\s+")


@dataclass(frozen=True)
class HeaderRole:
    """The role of a header cell ('' when none), the year it names, and how sure the match is (0–100)."""

    role: str
    year: int | None = None
    score: float = 0.0


@dataclass(frozen=True)
class _Word:
    text: str
    cls: str
    score: float


@lru_cache(maxsize=4096)
def _classify(word: str) -> _Word | None:
    """A header word → its keyword class and match score, or None when it is no keyword."""
    if word in _KEYWORDS:
        return _Word(word, _KEYWORDS[word], 100.0)
    if len(word) < _FUZZY_MIN_LEN:
        return None
    best = process.extractOne(word, _FUZZY_VOCAB, scorer=fuzz.ratio, score_cutoff=_FUZZY_CUTOFF)
    if best is not None:
        keyword, score, _ = best
        return _Word(keyword, _KEYWORDS[keyword], float(score))
    # a truncated spelling (`Realisas`, `Capaia`): the word is the start of a keyword
    keyword = _truncated_keyword(word)
    return _Word(keyword, _KEYWORDS[keyword], _PREFIX_SCORE) if keyword is not None else None


_PREFIX_SCORE = 90.0


def _truncated_keyword(word: str) -> str | None:
    """The first keyword (vocabulary order) that `word` starts, missing at most its last two letters."""
    if len(word) < 5:
        return None
    return next((k for k in _FUZZY_VOCAB if k.startswith(word) and len(k) - len(word) <= 2), None)


def _normalise(text: str) -> str:
    text = _MARKUP.sub(" ", text)
    return _SPACES.sub(" ", text).strip().lower()


def _pick(cls: str, words: list[_Word], year: int | None) -> HeaderRole:
    score = min((w.score for w in words), default=100.0)
    return HeaderRole(cls, year, score)


def _role_of(words: list[_Word], year: int | None, unknown_before: int = 0) -> HeaderRole:
    """The role a sequence of classified header words names (compound rules first, then the head)."""
    classes = [w.cls for w in words]
    present = set(classes)
    heads = [w for w in words if w.cls != "modifier"]
    if not heads:
        return HeaderRole("", year, 0.0)
    if unknown_before >= _MAX_UNKNOWN_BEFORE:
        return HeaderRole("", year, 0.0)
    head = heads[0]
    by_cls = {w.cls: w for w in reversed(words)}

    def pick(role: str, *used: str) -> HeaderRole:
        return _pick(role, [head] + [by_cls[c] for c in used if c in by_cls], year)

    if head.cls == "pct":
        if len(heads) > 1 and heads[1].cls == "capaian":
            return pick("capaian", "capaian")  # `% Capaian`, `Persentase Capaian`
        return pick("pct")
    if head.cls == "nilai" and "final" in present:
        return pick("nilai_akhir", "final")
    if head.cls == "sisa":
        return pick("sisa")
    if head.cls == "pagu" or (head.cls in ("original", "revised") and "pagu" in present):
        if "original" in present:
            return pick("pagu_original", "original")
        if "revised" in present or "final" in present:
            return pick("pagu_revised", "revised")
        return pick("pagu")
    if head.cls == "jumlah" and len(heads) > 1 and heads[1].cls in ("capaian", "realisasi", "target", "pagu",
                                                                     "nilai", "pct"):
        return _role_of(heads[1:], year)  # `Total Capaian`, `Jumlah Realisasi`
    if head.cls in ("original", "revised", "final", "modifier"):
        return HeaderRole("", year, 0.0)
    if head.cls == "year":
        return pick("year") if words[0] is head and unknown_before == 0 else HeaderRole("", year, 0.0)
    return pick(head.cls)


@lru_cache(maxsize=8192)
def header_role(text: str) -> HeaderRole:
    """The column role a header cell names: `'Realisasi 2022'` → HeaderRole('realisasi', 2022, 100.0).

    Returns role '' (score 0) when no role matches above the fuzzy threshold. A bare year
    (`2019`, `Tahun 2023`, `TA 2023`) is the role `year` with that year.
    """
    norm = _normalise(text)
    for phrase, word in _PHRASES:
        norm = phrase.sub(word, norm)
    years = _YEAR.findall(norm)
    year = int(years[0]) if len(years) == 1 else None
    rest = _YEAR.sub(" ", norm)
    tokens = _WORD.findall(rest)
    if not tokens:
        return HeaderRole("year", year, 100.0) if year is not None else HeaderRole("", None, 0.0)
    if len(tokens) > 1:
        tokens = [t for t in tokens if t not in _SINGLE_LETTER_ROLES]
    classified = [_classify(t) for t in tokens]
    words = [w for w in classified if w is not None]
    if not words:
        return HeaderRole("", year, 0.0)
    unknown_before = 0
    for w in classified:
        if w is not None and w.cls != "modifier":
            break
        unknown_before += w is None
    return _role_of(words, year, unknown_before)

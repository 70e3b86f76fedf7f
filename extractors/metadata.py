"""Office, year and report type of a report, read from its own words.

Not tied to one ministry: the office is the most frequent name of a government unit
(Kantor …, Dinas …, Badan …, Biro …, Inspektorat …, Sekretariat …, Pemerintah Kota …),
the year the most frequent `Tahun [Anggaran] 20xx` beside the report's title words.
"""

from __future__ import annotations

from collections import Counter

import regex as re

_UNIT_HEADS = (
    r"Kantor\s+Imigrasi\s+Kelas\s+(?:I{1,3}|[1-3])(?:\s+(?:Non\s+)?TPI)?(?:\s+Khusus)?",
    r"Kantor\s+Wilayah\s+[\p{Lu}][\p{L}]+(?:\s+[\p{Lu}][\p{L}]+){0,3}",
    r"(?:Dinas|Badan|Biro|Inspektorat|Sekretariat|Satuan|Rumah\s+Sakit|Lembaga\s+Pemasyarakatan|Rumah\s+Tahanan"
    r"|Balai|Pemerintah\s+(?:Kota|Kabupaten|Provinsi))",
)
# a unit name: a head (any case) followed by capitalised words — case-sensitive, so that
# lower-case prose ("atau lapangan") ends the name; "dan"/"Non"/"TPI" may stand inside it
_NAME_WORD = r"(?:[\p{Lu}][\p{L}.&-]*|dan|dan\s+[\p{Lu}][\p{L}]*)"
_UNIT = re.compile(rf"\b(?i:{'|'.join(_UNIT_HEADS)})(?:\s+{_NAME_WORD}){{0,8}}", re.V1)
# words that begin the next phrase of a title page, never part of a unit's name
_NAME_STOPS = frozenset({
    "laporan", "untuk", "tahun", "yang", "nomor", "jalan", "jl", "jl.", "telp", "alamat", "kepala", "periode",
    "triwulan", "realisasi", "perjanjian", "tentang", "pada", "lkjip", "lakip", "lkip", "kinerja", "di",
    "drs.", "dr.", "ir.", "h.", "hj.", "prof.", "nip", "nip.",  # a signatory's name follows the unit
})
_YEAR_TITLE = re.compile(
    r"(?:LAKIP|LKjIP|LKIP|Laporan\s+(?:Akuntabilitas\s+)?Kinerja(?:\s+Instansi\s+Pemerintah(?:an)?)?"
    r"|Laporan\s+Realisasi\s+Anggaran)[^\n]{0,120}?\b(?:Tahun\s+(?:Anggaran\s+)?)?((?:19|20)\d\d)\b",
    re.I,
)
_YEAR_TA = re.compile(r"\bTahun\s+(?:Anggaran\s+)?((?:19|20)\d\d)\b", re.I)
_ANY_YEAR = re.compile(r"(?<![\d.,])((?:19|20)\d\d)(?![\d.,]\d)")
_SPLIT_YEAR = re.compile(r"^\s*(2)\s*\n\s*(0)\s*\n\s*(\d)\s*\n\s*(\d)\s*$", re.M)
_SPACES = re.compile(r"\s+")
# the acronyms a report calls itself by (LKIP only in capitals: "lkip" is no word)
_ACRONYMS = {
    "LAKIP": re.compile(r"\bLAKIP\b", re.I),
    "LKjIP": re.compile(r"\bLKjIP\b", re.I),
    "LKIP": re.compile(r"\bLKIP\b"),
}
# the full titles, for reports that name no acronym, in order of precedence
_TITLES = (
    ("LAKIP", re.compile(r"Laporan\s+Akuntabilitas\s+Kinerja", re.I)),
    ("LKjIP", re.compile(r"Laporan\s+Kinerja\s+Instansi\s+Pemerintah", re.I)),
    ("LRA", re.compile(r"Laporan\s+Realisasi\s+Anggaran", re.I)),
    ("Realisasi Kinerja Triwulan", re.compile(r"Realisasi\s+Kinerja\s+(?:Pada\s+)?Triwulan", re.I)),
    ("LKjIP", re.compile(r"\bLaporan\s+Kinerja\b", re.I)),
    ("Perjanjian Kinerja", re.compile(r"Perjanjian\s+Kinerja", re.I)),
)


def _normalise_name(name: str) -> str:
    words = _SPACES.sub(" ", name.replace("*", "")).strip(" ,.-").split(" ")
    for i, w in enumerate(words[1:], start=1):
        if w.lower() in _NAME_STOPS:
            words = words[:i]
            break
    while words and words[-1].lower() in {"dan", "non", "tahun", "di"}:
        words.pop()
    out = []
    for w in words:
        up = w.upper()
        if up in {"TPI", "RI", "HAM", "II", "III", "IV", "I", "UPT", "BPBD", "ESDM", "BPLHD", "DPRD"}:
            out.append(up)
        elif w.lower() in {"dan", "non"}:
            out.append(w.lower() if w.lower() == "dan" else "Non")
        else:
            out.append(w[:1].upper() + w[1:].lower())
    return " ".join(out)


def detect_office(text: str) -> str:
    head = text[:60_000]
    names = Counter(_normalise_name(m.group(0)) for m in _UNIT.finditer(head))
    names = Counter({n: c for n, c in names.items() if len(n.split()) >= 2})
    if not names:
        return ""
    # prefer the most specific frequent name: a longer name seen at least half as often wins
    best = max(names.items(), key=lambda kv: (kv[1], len(kv[0])))
    for name, count in names.most_common():
        if name.startswith(best[0]) and len(name) > len(best[0]) and count * 2 >= best[1]:
            best = (name, count)
    return best[0]


def detect_year(text: str) -> int | None:
    head = text[:20_000]
    titles = Counter(int(m.group(1)) for m in _YEAR_TITLE.finditer(head))
    split = _SPLIT_YEAR.search(text[:5_000])
    if split:
        titles[int("".join(split.groups()))] += 2
    if titles:
        return titles.most_common(1)[0][0]
    years = Counter(int(m.group(1)) for m in _YEAR_TA.finditer(head))
    if years:
        return years.most_common(1)[0][0]
    # a title page without "Tahun": the year it names most often ("s.d. Desember 2016", "Realisasi 2016")
    first_page = Counter(int(m.group(1)) for m in _ANY_YEAR.finditer(text[:3_000]))
    return first_page.most_common(1)[0][0] if first_page else None


def detect_report_type(text: str) -> str:
    """The acronym the report uses most for itself, else the first full title it carries."""
    head = text[:30_000]
    counts = Counter({kind: len(p.findall(head)) for kind, p in _ACRONYMS.items()})
    if sum(counts.values()):
        return counts.most_common(1)[0][0]
    for kind, pattern in _TITLES:
        if pattern.search(head):
            return kind
    return "unknown"


def detect_metadata(text: str) -> tuple[str, int | None, str]:
    """(office, year, report_type) of one report's full text."""
    return detect_office(text), detect_year(text), detect_report_type(text)

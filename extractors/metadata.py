"""Office, year and report type of a report, read from its own words.

Not tied to one ministry or one level of government. The office is the government unit the report
is about: a ministry's UPT (Kantor Imigrasi …, Balai …, Lembaga Pemasyarakatan …), a provincial or
kabupaten/kota unit (Dinas, Badan, Biro, Sekretariat, Inspektorat, Satuan Polisi Pamong Praja),
a Kecamatan, Kelurahan, RSUD, Puskesmas or school, a court, prosecutor's office or university, or a
whole Pemerintah Kota/Kabupaten/Provinsi or ministry.

Evidence, strongest first: a unit named right after the report's title words ("Laporan Kinerja …
Dinas X Kabupaten Y", "LKIP BPLHD Provinsi Z"); the most specific unit of the cover's letterhead
(Pemerintah Kabupaten Y / Dinas X); how often the unit is named; last, signature blocks and
addressees ("Mengetahui, Kepala Badan …", "Yth. Kepala Kantor Wilayah …"). The region (Provinsi /
Kabupaten / Kota …) completes a regional unit's name where the document gives it. An abbreviation
(BPBD, BAPPEDA, Setda) counts for the unit it stands for only where the document itself expands it
("Badan … Daerah (BPLHD)", or a unit name whose initials it is).

The year is the most frequent `Tahun [Anggaran] 20xx` beside the report's title words; the report
type the acronym the report uses most for itself, else its full title.
"""

from __future__ import annotations

import itertools
import math
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import regex as re

# ── unit names ────────────────────────────────────────────────────────────────────────────────
# heads of a unit's name (matched in any case) with their level: 0 a whole government or ministry,
# 1 an intermediate level, 2 a unit that reports on its own, 3 a sub-unit of one
_HEAD_LEVELS: tuple[tuple[str, int], ...] = (
    (r"Pemerintah\s+(?:Daerah\s+)?(?:Kota|Kabupaten|Kab\.|Provinsi)", 0),
    (r"Pemerintah\s+Desa", 3),
    (r"Kementerian|Kementrian|Mahkamah\s+Agung", 0),
    (r"Kantor\s+Wilayah|Direktorat\s+Jenderal|Sekretariat\s+Jenderal|Inspektorat\s+Jenderal", 1),
    (r"Kantor|Dinas|Badan|Inspektorat|Sekretariat|Satuan\s+Polisi|Kecamatan|Balai|Loka|Stasiun|Pangkalan", 2),
    (r"Rumah\s+Sakit|Rumah\s+Tahanan|Lembaga\s+Pemasyarakatan|RSUD|Direktorat|Pengadilan|Kejaksaan", 2),
    (r"Universitas|Politeknik|Institut|Sekolah\s+Tinggi|Akademi", 2),
    (r"Biro|Bagian|UPTD|UPT|Puskesmas|Kelurahan|Sekolah|SMA|SMK|SMP|SDN|SD", 3),
)
_HEAD = "|".join(f"(?:{h})" for h, _ in _HEAD_LEVELS)
_HEAD_RE = [(re.compile(rf"^(?i:{h})\b", re.V1), level) for h, level in _HEAD_LEVELS]
# a name word: capitalised (case-sensitive, so lower-case prose ends the name), a school's number,
# "dan"/"&"/"di" joining two capitalised words, or an honorific (kept only in a hospital's name)
_NAME_WORD = (
    r"(?:[\p{Lu}][\p{L}.&'-]*|(?<=(?i:negeri)[ \t]+)\d{1,3}(?![\d.,])|(?:dan|&|di)\s+[\p{Lu}][\p{L}.'-]*"
    r"|(?i:dr\.|drs\.|dra\.|h\.|hj\.|ir\.|prof\.))"
)
_SPAN = re.compile(rf"(?<![\p{{L}}])(?i:{_HEAD})(?![\p{{L}}])(?:[ \t]*\n?[ \t]*\**[ \t]*{_NAME_WORD}){{0,30}}", re.V1)
# words that begin the next phrase of a title page or a signature, never part of a unit's name
_NAME_STOPS = frozenset({
    "laporan", "untuk", "tahun", "yang", "nomor", "no", "no.", "jalan", "jl", "jl.", "telp", "telp.", "telepon",
    "fax", "email", "e-mail", "laman", "website", "alamat", "kepala", "sekretaris", "camat", "lurah", "direktur",
    "plt", "plt.", "plh", "plh.", "periode", "triwulan", "semester", "realisasi", "perjanjian", "tentang", "pada",
    "lkjip", "lakip", "lkip", "kinerja", "dalam", "dengan", "sebagai", "selaku", "mengetahui",
    "nip", "nip.", "pangkat", "januari", "februari", "maret",
    "april", "mei", "juni", "juli", "agustus", "september", "oktober", "november", "nopember", "desember",
})
# nouns that take "dinas"/"badan"/"kantor" as a modifier: "Kendaraan Dinas", "Berat Badan"
_MODIFIED_NOUNS = frozenset({
    "kendaraan", "perjalanan", "rumah", "pakaian", "naskah", "mobil", "motor", "tugas", "surat", "berat",
    "tinggi", "pajak", "gedung", "alat", "keperluan", "kebutuhan", "sewa", "pemeliharaan", "penyediaan",
    "jasa", "tulis", "perlengkapan", "peralatan", "barang", "bahan", "tangga", "halaman", "pagar",
})
# second words that make the head a common noun: "Dinas Luar", "Badan Usaha", "Balai Desa", "Kantor Pos"
_COMMON_SECOND = {
    "dinas": frozenset({"luar", "dalam", "operasional", "daerah", "kabupaten", "kota", "provinsi"}),
    "badan": frozenset({"usaha", "hukum", "jalan", "air", "sungai", "publik", "daerah", "kabupaten", "kota"}),
    "balai": frozenset({"desa", "kota", "pertemuan", "warga", "kelurahan", "rakyat"}),
    "kantor": frozenset({"pos", "pusat", "desa", "kelurahan", "kecamatan", "camat", "kabupaten", "kota", "bupati",
                         "walikota", "gubernur", "cabang"}),
}
_JOINERS = frozenset({"dan", "&"})
_TRAILING = frozenset({"dan", "&", "di", "non"})  # a name never ends with these
_REPORT_ACRONYMS = frozenset({"LAKIP", "LKJIP", "LKIP", "LAKIN", "LRA", "LPPD", "SAKIP", "RKT", "IKU", "PK", "LK"})
_HONORIFICS = frozenset({"dr.", "drs.", "ir.", "h.", "hj.", "prof.", "dra."})
_REGIONAL_HEADS = re.compile(
    r"^(?:Dinas|Badan|Biro|Bagian|Sekretariat\s+(?:Daerah|DPRD|Dewan)|Inspektorat(?!\s+Jenderal)|Satuan\s+Polisi"
    r"|Kecamatan|Kelurahan|RSUD|Rumah\s+Sakit\s+Umum\s+Daerah|Puskesmas|UPTD)\b",
    re.I,
)
# region words that complete a regional unit's name
_REGION = re.compile(
    r"(?<![\p{L}])(?i:(Provinsi|Prov\.|Kabupaten|Kab\.|Kota))[ \t]*\n?[ \t]*"
    r"((?:[\p{Lu}][\p{L}'-]*)(?:[ \t]+[\p{Lu}][\p{L}'-]*){0,2})",
    re.V1,
)
_REGION_WORDS = {"provinsi": "Provinsi", "prov.": "Provinsi", "kabupaten": "Kabupaten", "kab.": "Kabupaten",
                 "kota": "Kota"}
_UPPER_WORDS = frozenset({
    "TPI", "RI", "HAM", "UPT", "UPTD", "RSUD", "DPRD", "SMA", "SMK", "SMP", "SD", "SDN", "DI", "DKI", "POM",
    "SAR", "KB", "PPKB", "BLUD", "TNI", "POLRI",
})
_DI = re.compile(r"\bDI\b(?! Yogyakarta)")  # "Balai Besar … di Bandung"; DI Yogyakarta is a province
_ROMAN = re.compile(r"^(?=[IVXL])L?X{0,3}(?:IX|IV|V?I{0,3})[AB]?$")
# ── evidence around a mention ─────────────────────────────────────────────────────────────────
_TITLE_WORDS = (  # the report's own kinds only: a parent's Renstra cited in the text is no title
    r"LAKIP|LKjIP|LKIP|LAKIN|"
    r"Laporan\s+(?:Akuntabilitas\s+)?Kinerja(?:\s+Instansi\s+Pemerintah(?:an)?)?|"
    r"Laporan\s+Realisasi\s+Anggaran(?:\s+Pendapatan\s+dan\s+Belanja)?|Laporan\s+Keuangan|"
    r"Perjanjian\s+Kinerja|Realisasi\s+Kinerja"
)
_TITLE_FILLER = r"(?:\s|[*#:()\[\],.\-–]|\b(?:LAKIP|LKjIP|LKIP|Instansi|Tahun|Anggaran|pada|\d{4})\b)*"
_TITLE_BEFORE = re.compile(rf"(?i:{_TITLE_WORDS}){_TITLE_FILLER}$", re.V1)
_SIGN_BEFORE = re.compile(
    r"(?i:\b(?:Kepala|Sekretaris|Plt\.?|Plh\.?|Pj\.?|Direktur|Camat|Lurah|Yth\.?|Kepada|Mengetahui,?))"
    r"[\s*,]*$",
    re.V1,
)
_COVER_END = re.compile(
    r"^[\s#*]*(?:KATA\s+PENGANTAR|DAFTAR\s+ISI|BAB\s+[I1]\b|RINGKASAN\s+EKSEKUTIF|IKHTISAR\s+EKSEKUTIF"
    r"|EXECUTIVE\s+SUMMARY|PENDAHULUAN)",
    re.I | re.M,
)
_COVER_MAX = 3_000
_COVER_NO_HEADING = 1_500
_HEAD_TEXT = 60_000
_TITLE_HITS_MAX, _COVER_HITS_MAX = 4, 2
_W_TITLE, _W_COVER, _W_BODY, _W_SIGN, _W_PARENT = 8.0, 6.0, 1.0, 0.25, 1.0
_ACRONYM_TOKEN = re.compile(r"(?<![\p{L}\d])([\p{Lu}][\p{Lu}\p{Ll}]{1,12})(?![\p{L}\d])", re.V1)
_PAREN_ACRONYM = re.compile(r"[ \t]*\n?[ \t]*\(\s*([\p{Lu}][\p{L}]{1,12})\s*\)", re.V1)


@dataclass(frozen=True)
class UnitName:
    """One government unit as named once: its name without region, the region printed with it, its level."""

    name: str
    region: str
    level: int


@dataclass(frozen=True)
class Mention:
    """A unit named at one place of the text, with the kind of evidence the place gives."""

    unit: UnitName
    evidence: str  # title | cover | parent | body | signature
    abbreviation: str = ""  # printed in brackets right after the name: "Badan … Daerah (BPLHD)"


def _case(word: str) -> str:
    """A name word as a name prints it: acronyms and roman numerals in capitals, joiners in lower case."""
    up = word.upper()
    if up in _UPPER_WORDS or (_ROMAN.match(up) and word.isupper()):
        return up
    if word.lower() in {"dan", "di"}:
        return word.lower()
    if word.lower() in _HONORIFICS:
        return word if not word.isupper() else word.capitalize()
    if word.isupper() and 1 < len(word) <= 9 and not any(c in "AIUEO" for c in up[1:]):
        return up  # a consonant cluster is an abbreviation, not a word: "KB", "PMPTSP"
    return "-".join(p[:1].upper() + p[1:].lower() for p in word.split("-"))


def _head_level(words: Sequence[str]) -> int | None:
    """The level of the unit whose name begins with these words; None when they begin no unit's name."""
    text = " ".join(words[:3])
    for pattern, level in _HEAD_RE:
        if pattern.match(text):
            return level
    return None


def _starts_unit(words: Sequence[str], i: int) -> bool:
    """Whether words[i] begins a new unit inside a letterhead span ("… Kabupaten X Dinas Y")."""
    if i == 0 or _head_level(words[i:]) is None:
        return False
    prev, word = words[i - 1].lower(), words[i].lower()
    if prev in _JOINERS:  # "Kelurahan A dan Kelurahan B" lists two; "Dinas … Masyarakat dan Desa" is one
        return word in {w.lower() for w in words[:i - 1]}
    if prev in {"upt", "uptd", "kantor"}:
        return False  # "UPTD Puskesmas", "Kantor Kementerian Agama"
    # "Biro X Sekretariat Daerah", "Kantor Wilayah Kementerian …": the parent completes the name
    return not (word in {"sekretariat", "kementerian", "kementrian"} and _head_level(words[:1]) in {1, 2, 3})


def _region_name(words: Sequence[str]) -> list[str]:
    """Up to three capitalised words naming a region ("Tangerang Selatan", "Pangkajene dan Kepulauan"),
    ending before a stop or the next unit; a joiner only between two of them."""
    out: list[str] = []
    for i, w in enumerate(words[:5]):
        low = w.lower()
        if low in _JOINERS:
            if not out or i + 1 >= len(words) or not words[i + 1][:1].isupper():
                break
            out.append(low)
            continue
        if not w[:1].isupper() or low in _NAME_STOPS or _head_level(words[i:]) is not None:
            break
        if len([x for x in out if x not in _JOINERS]) == 3:
            break
        out.append(w.rstrip(".,"))
    while out and out[-1] in _JOINERS:
        out.pop()
    return out


def _region_split(words: Sequence[str]) -> tuple[list[str], str]:
    """A name's words and the region it ends with ("Provinsi Jawa Barat"), if any: the last region word
    followed by a name ("Dinas Tata Kota dan Pertamanan Kabupaten X", "Kecamatan Kota Baru Kabupaten Y")."""
    for i in range(len(words) - 2, 0, -1):
        kind = _REGION_WORDS.get(words[i].lower())
        name = _region_name(words[i + 1:]) if kind else []
        if name:
            head = list(words[:i])
            while len(head) > 1 and head[-1].lower() in _TRAILING:
                head.pop()
            return head, " ".join([kind, *(_case(x) for x in name)])
    return list(words), ""


def _span_words(span: str) -> list[str]:
    """The words of a name span up to the first stop word; an honorific stays in a hospital's name
    on the same line ("RSUD dr. Soekardjo") and ends any other name (a signatory follows)."""
    lines = [ln.replace("*", " ").split() for ln in span.split("\n")]
    words: list[str] = []
    hospital = span.lstrip("* ").lower().startswith(("rumah sakit", "rsud", "rsu"))
    for line in lines:
        for k, w in enumerate(line):
            low = w.lower()
            if words and (low in _NAME_STOPS or (low in _HONORIFICS and not (hospital and k > 0))):
                return words
            words.append(w.strip(",;:"))
            if w.endswith(".") and len(w) > 5:  # a sentence ends with the name ("… Biro Organisasi. Gambar 9")
                words[-1] = w.rstrip(".")
                return words
    return words


def _units_of_span(span: str) -> list[UnitName]:
    """The units a letterhead-like span names, parent first ("Pemerintah Kabupaten X", "Dinas Y")."""
    words = [w for w in _span_words(span) if w]
    cuts = [0, *(i for i in range(1, len(words)) if _starts_unit(words, i)), len(words)]
    units = []
    for a, b in itertools.pairwise(cuts):
        part = words[a:b]
        while len(part) > 1 and part[-1].lower() in _TRAILING:
            part.pop()
        level = _head_level(part)
        if level is None or len(part) < 2 or _is_common_noun(part):
            continue
        if level == 0 and part[0].lower() == "pemerintah":
            name, region = _government_name(part), ""
        else:
            name, region = _region_split(part)
        if len(name) >= 2 or region:  # "Inspektorat Kabupaten X": a one-word name with its region
            units.append(UnitName(_DI.sub("di", " ".join(_case(w) for w in name)), region, level))
    return units


def _government_name(words: Sequence[str]) -> list[str]:
    """'Pemerintah [Daerah] Kota X' with at most three words of the region's name; [] when no name follows."""
    at = next((i for i, w in enumerate(words) if w.lower() in _REGION_WORDS), len(words))
    name = _region_name(words[at + 1:])
    return [*words[:at], _REGION_WORDS[words[at].lower()], *name] if name else []


def _is_common_noun(part: Sequence[str]) -> bool:
    """"Dinas Luar", "Badan Usaha", "Balai Desa": the head word used as a common noun."""
    return part[1].lower() in _COMMON_SECOND.get(part[0].lower(), ())


def _region_at(text: str, pos: int) -> str:
    """The region printed at pos, after blanks, markup or a closing bracket ("… (BPLHD) Provinsi Jawa Barat")."""
    m = _REGION.match(text, pos + len(text[pos:pos + 8]) - len(text[pos:pos + 8].lstrip(" \t\n*)")))
    return _region_text(m) if m else ""


def _region_text(m: re.Match[str]) -> str:
    words = _region_name(m.group(2).split())
    return " ".join([_REGION_WORDS[m.group(1).lower()], *(_case(w) for w in words)]) if words else ""


def _evidence(text: str, start: int, cover_end: int) -> str:
    """What the place of a mention says of it: title, cover, signature, body, or modifier (no unit at all)."""
    before = text[max(0, start - 160):start]
    same_line = before.rsplit("\n", 1)[-1].replace("*", " ").split()
    if same_line and same_line[-1].lower() in _MODIFIED_NOUNS:
        return "modifier"
    if _SIGN_BEFORE.search(before[-40:]):
        return "signature"
    if _TITLE_BEFORE.search(before):
        return "title"
    return "cover" if start < cover_end else "body"


def _cover_end(text: str) -> int:
    """Where the cover ends: the first front-matter heading (Kata Pengantar, Daftar Isi, Bab I …)."""
    m = _COVER_END.search(text, 0, _COVER_MAX)
    return m.start() if m else _COVER_NO_HEADING


def _mentions_in(text: str, cover_end: int) -> list[Mention]:
    """Every unit named in the text, with the evidence its place gives."""
    out: list[Mention] = []
    for m in _SPAN.finditer(text):
        units = _units_of_span(m.group(0))
        evidence = _evidence(text, m.start(), cover_end) if units else "modifier"
        if evidence == "modifier":
            continue
        last = units[-1]
        paren = _PAREN_ACRONYM.match(text, m.end())
        if paren and not last.region and last.level > 0:
            units[-1] = UnitName(last.name, _region_at(text, paren.end()), last.level)
        # the evidence of the place goes to the most specific unit named; its parents are context
        focus = max(range(len(units)), key=lambda k: (units[k].level, k))
        for k, unit in enumerate(units):
            kind = evidence if k == focus or evidence in {"signature", "body"} else "parent"
            abbr = paren.group(1).upper() if paren and k == len(units) - 1 and unit.level > 0 else ""
            out.append(Mention(unit, kind, abbr))
    return out


# ── abbreviations ─────────────────────────────────────────────────────────────────────────────
def _initials(name: str) -> str:
    return "".join(w[0].upper() for w in name.split(" ") if w.lower() not in _JOINERS and w[:1].isalpha())


def expansions(text: str, mentions: Sequence[Mention]) -> dict[str, str]:
    """Abbreviation → unit name, only as the document expands it: "Name (ABBR)" or the name's initials."""
    out: dict[str, str] = {}
    for mention in mentions:
        if mention.abbreviation:
            out.setdefault(mention.abbreviation, mention.unit.name)
    tokens = {t for t in _ACRONYM_TOKEN.findall(text) if t.isupper() and len(t) >= 3}
    for name in sorted({m.unit.name for m in mentions}):
        abbr = _initials(name)
        if len(abbr) >= 3 and abbr in tokens:
            out.setdefault(abbr, name)
    return out


def _initialism(token: str) -> bool:
    """"BPBD", "DPMPTSP": capitals read letter by letter (few vowels), not a word nor a report's own acronym."""
    vowels = sum(c in "AIUEO" for c in token)
    return token.isupper() and 3 <= len(token) <= 9 and vowels * 10 < len(token) * 3 and token not in _REPORT_ACRONYMS


def _acronym_mentions(text: str, table: dict[str, str], cover_end: int) -> list[Mention]:
    """Mentions of units by abbreviation, with the region printed after one ("BPLHD Provinsi Jawa Barat").
    An abbreviation the document never expands counts only as the title's unit, kept as printed
    ("Laporan Kinerja BPBD Kota X")."""
    out = []
    for m in _ACRONYM_TOKEN.finditer(text):
        token = m.group(1)
        name = table.get(token.upper())
        if name is None and not _initialism(token):
            continue
        region = _region_at(text, m.end())
        if name is None and not region:
            continue
        evidence = _evidence(text, m.start(), cover_end)
        if name:
            level = _head_level(name.split(" "))
            if evidence != "modifier":
                out.append(Mention(UnitName(name, region, 2 if level is None else level), evidence))
        elif evidence == "title" and region:
            out.append(Mention(UnitName(token, region, 2), evidence))
    return out


def _spelled_out(names: Iterable[str]) -> dict[str, str]:
    """"RSUD X" → "Rumah Sakit Umum Daerah X" where the document also names the unit in full."""
    unique = set(names)
    by_rest: dict[str, list[str]] = defaultdict(list)
    for name in unique:
        words = name.split(" ")
        for k in range(2, min(6, len(words))):
            by_rest[" ".join(words[k:])].append(" ".join(words[:k]))
    out = {}
    for name in unique:
        abbr, _, rest = name.partition(" ")
        if abbr.isupper() and len(abbr) >= 3 and rest:
            full = [lead for lead in by_rest.get(rest, []) if _initials(lead) == abbr]
            if full:
                out[name] = f"{full[0]} {rest}"
    return out


def _aliases(mentions: Sequence[Mention], table: dict[str, str]) -> list[Mention]:
    """Mentions under the name the document spells out: "RSUD X" as "Rumah Sakit Umum Daerah X" where both
    are printed, "Badan BPBD" (a head before its own abbreviation, as wrapped cells print) as the expansion."""
    spelled = _spelled_out(m.unit.name for m in mentions)
    out = []
    for mention in mentions:
        words = mention.unit.name.split(" ")
        full = table.get(words[1]) if len(words) > 1 and words[1].isupper() else None
        if not (full and full.split(" ")[0].lower() == words[0].lower()):
            full = spelled.get(mention.unit.name)
        if full:
            mention = Mention(UnitName(full, mention.unit.region, mention.unit.level), mention.evidence,
                              mention.abbreviation)
        out.append(mention)
    return out


# ── choosing the office ───────────────────────────────────────────────────────────────────────
@dataclass(frozen=True)
class Candidate:
    """The evidence gathered for one unit name across the document, scored."""

    name: str
    level: int
    score: float
    regions: tuple[tuple[str, int], ...]  # regions printed with the name, most frequent first


def _score(mentions: Sequence[Mention]) -> list[Candidate]:
    """Candidates best first: title hits, then the cover's focus, then how often the unit is named."""
    by_name: dict[str, Counter[str]] = defaultdict(Counter)
    regions: dict[str, Counter[str]] = defaultdict(Counter)
    levels: dict[str, int] = {}
    for mention in mentions:
        by_name[mention.unit.name][mention.evidence] += 1
        levels[mention.unit.name] = mention.unit.level
        if mention.unit.region:
            regions[mention.unit.name][mention.unit.region] += 1
    out = []
    for name, ev in by_name.items():
        spread = _W_BODY * ev["body"] + _W_SIGN * ev["signature"] + _W_PARENT * ev["parent"]
        rest = _W_COVER * min(ev["cover"], _COVER_HITS_MAX) + 2 * math.log2(1 + spread)
        if levels[name] == 0:
            rest /= 2  # a whole government or ministry untitled: the unit only where nothing narrower is named
        score = _W_TITLE * min(ev["title"], _TITLE_HITS_MAX) + rest
        out.append(Candidate(name, levels[name], score, tuple(regions[name].most_common())))
    return sorted(out, key=lambda c: (-c.score, -c.level, -len(c.name), c.name))


def _government_region(mentions: Sequence[Mention]) -> str:
    """The region of the government the document belongs to ("Pemerintah Kota X", "Sekretariat Daerah …")."""
    counts: Counter[str] = Counter()
    for mention in mentions:
        unit = mention.unit
        if unit.level == 0 and unit.name.startswith("Pemerintah"):
            words = unit.name.split(" ")
            start = next(i for i, w in enumerate(words) if w in _REGION_WORDS.values())
            counts[" ".join(words[start:])] += 1
        elif unit.region and unit.name.lower().startswith("sekretariat daerah"):
            counts[unit.region] += 1
    return counts.most_common(1)[0][0] if counts else ""


def _fullest(candidates: Sequence[Candidate]) -> Candidate:
    """The best candidate, or a longer form of its name ("Biro X" → "Biro X Sekretariat Daerah") nearly as
    well evidenced: the short form is the same unit named in passing."""
    best = candidates[0]
    for other in candidates[1:]:
        if other.name.startswith(best.name + " ") and other.score * 2 >= best.score:
            best = Candidate(other.name, other.level, other.score, other.regions or best.regions)
    return best


def _complete(best: Candidate, mentions: Sequence[Mention]) -> str:
    """The name with its region: as printed with it, else (a regional unit) the government's region."""
    if best.regions:
        return f"{best.name} {best.regions[0][0]}"
    region = _government_region(mentions) if _REGIONAL_HEADS.match(best.name) else ""
    return f"{best.name} {region}" if region else best.name


def _gather(text: str, cells: Sequence[str]) -> list[Mention]:
    """Every mention of a unit in the report's first pages and the given table cells, by name or abbreviation."""
    head = text[:_HEAD_TEXT]
    cover_end = _cover_end(head)
    mentions = _mentions_in(head, cover_end)
    for cell in cells:
        mentions += _mentions_in(cell, 0)
    table = expansions(head + "\n" + "\n".join(cells), mentions)
    mentions = _aliases(mentions, table)
    mentions += _acronym_mentions(head, table, cover_end)
    for cell in cells:
        mentions += _acronym_mentions(cell, table, 0)
    return mentions


def office_candidates(text: str, cells: Sequence[str] = ()) -> list[Candidate]:
    """Every unit the document names, best-evidenced first (for inspection and tests)."""
    return _score(_gather(text, cells))


def detect_office(text: str, cells: Sequence[str] = ()) -> str:
    """The unit the report is about, its region completing a regional unit's name; "" when none is named."""
    mentions = _gather(text, cells)
    candidates = _score(mentions)
    return _complete(_fullest(candidates), mentions) if candidates else ""


# ── year and report type ──────────────────────────────────────────────────────────────────────
_YEAR_TITLE = re.compile(
    r"(?:LAKIP|LKjIP|LKIP|Laporan\s+(?:Akuntabilitas\s+)?Kinerja(?:\s+Instansi\s+Pemerintah(?:an)?)?"
    r"|Laporan\s+Realisasi\s+Anggaran)"
    r"(?:(?!Nomor|No\.|Peraturan|Keputusan|tentang)\D){0,160}?\b(?:Tahun\s+(?:Anggaran\s+)?)?((?:19|20)\d\d)\b",
    re.I,
)
_YEAR_TA = re.compile(r"\bTahun\s+(?:Anggaran\s+)?((?:19|20)\d\d)\b", re.I)
_ANY_YEAR = re.compile(r"(?<![\d.,])((?:19|20)\d\d)(?![\d.,]\d)")
# a year that is no report's year: a regulation's ("Nomor 29 Tahun 2014") or a period's start ("2013-2018")
_CITED_BEFORE = re.compile(r"(?:Nomor|No\.?)\s*[\w./-]+\s+(?:Tahun\s+)?$", re.I)
_PERIOD_AFTER = re.compile(r"\s*(?:[-–/]|s\.?\s?d\.?|sampai)\s*(?:19|20)\d\d")
_SPLIT_YEAR = re.compile(r"^\s*(2)\s*\n\s*(0)\s*\n\s*(\d)\s*\n\s*(\d)\s*$", re.M)
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


def _years(pattern: re.Pattern[str], text: str) -> Counter[int]:
    """The years the pattern finds, regulations' years and periods' starts left out."""
    out: Counter[int] = Counter()
    for m in pattern.finditer(text):
        y = m.start(1)
        if not _CITED_BEFORE.search(text[max(0, y - 40):y]) and not _PERIOD_AFTER.match(text, m.end(1)):
            out[int(m.group(1))] += 1
    return out


def detect_year(text: str) -> int | None:
    """The year reported on: the year beside the report's title words, else the cover's year, else the most
    frequent 'Tahun 20xx', else the first page's; the years of cited regulations and of periods never."""
    head = text[:20_000]
    titles = _years(_YEAR_TITLE, head)
    split = _SPLIT_YEAR.search(text[:5_000])
    if split:
        titles[int("".join(split.groups()))] += 2
    end = _COVER_END.search(head, 0, _COVER_MAX)
    cover = head[:end.start()] if end else ""
    for found in (titles, _years(_YEAR_TA, cover), _years(_ANY_YEAR, cover), _years(_YEAR_TA, head),
                  _years(_ANY_YEAR, text[:3_000])):
        if found:
            return found.most_common(1)[0][0]
    return None


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


def detect_metadata(text: str, cells: Sequence[str] = ()) -> tuple[str, int | None, str]:
    """(office, year, report_type) of one report's full text; `cells` are its table cells where the text
    layer scatters them (PDF pages), read as further mentions of units."""
    return detect_office(text, cells), detect_year(text), detect_report_type(text)

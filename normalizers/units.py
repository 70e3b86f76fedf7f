"""Units as printed (`Rp`, `%`, `(Indeks)`, `Dokumen`, `ORANG`, `LHK`…) → one canonical set.

`split_unit` separates the figure of a cell from its unit; the raw unit text is kept
beside the canonical name so that nothing printed is lost. `leading_unit` reads the
unit that follows a figure in prose (`19.695 dokumen paspor`, `96,35 (Indeks)`).

A unit in parentheses after a percent sign (`91% (Indeks)`) declares what the figure
measures, so it wins over the sign: the canonical unit is then `indeks`.
"""

from __future__ import annotations

from functools import lru_cache

import regex as re

# canonical unit → spellings seen in reports (lower case, single spaces, no brackets)
CANONICAL: dict[str, tuple[str, ...]] = {
    "rupiah": ("rp", "rp.", "rupiah", "idr"),
    "percent": ("%", "persen", "prosen", "percent"),
    "indeks": ("indeks", "index", "lndeks", "indek", "nilai", "poin", "skor", "skala"),
    "dokumen": ("dokumen", "dok", "paspor", "paspor ri", "dokumen perjalanan", "berkas", "sertifikat", "izin",
                "izin tinggal", "visa"),
    "orang": ("orang", "org", "pegawai", "wni", "wna", "orang asing", "jiwa", "pemohon", "deteni", "responden",
              "peserta", "personel"),
    "layanan": ("layanan", "lay"),
    "laporan": ("laporan", "lhk", "lap", "lkj", "laporan hasil kegiatan", "lhp", "laporan kegiatan"),
    "kegiatan": ("kegiatan", "keg"),
    "operasi": ("operasi", "ops"),
    "kasus": ("kasus", "perkara"),
    "pemeriksaan": ("pemeriksaan",),
    "unit": ("unit", "buah", "paket", "set", "aplikasi", "sistem"),
    "bulan": ("bulan", "bln"),
    "hari": ("hari", "hari kerja"),
    "tahun": ("tahun", "thn"),
    "satker": ("satker", "satuan kerja"),
    "permohonan": ("permohonan",),
    "rekomendasi": ("rekomendasi",),
    "predikat": ("predikat",),
    "kali": ("kali",),
}
_LOOKUP: dict[str, str] = {spelling: unit for unit, spellings in CANONICAL.items() for spelling in spellings}
_MAX_WORDS = max(len(s.split(" ")) for s in _LOOKUP)
_FIRST_WORDS = frozenset(s.split(" ")[0] for s in _LOOKUP)  # a unit's spelling starts with one of these

COUNT_UNITS = frozenset(
    {"dokumen", "orang", "layanan", "laporan", "kegiatan", "operasi", "kasus", "unit", "satker", "permohonan",
     "rekomendasi", "pemeriksaan", "kali"}
)
# units whose figures are measured, not counted: a lone separator before 3 digits is a decimal point
MEASURE_UNITS = frozenset({"percent", "indeks"})

# scale words after a figure (`Rp 11,1 miliar`, `1,5 M`): the power of ten they multiply by
SCALES: dict[str, int] = {"ribu": 3, "rb": 3, "juta": 6, "jt": 6, "miliar": 9, "milyar": 9, "m": 9, "triliun": 12}
_SCALE = re.compile(r"^[ \t]*((?i:ribu|rb|juta|jt|miliar|milyar|triliun)|M)(?![\p{L}\d])\.?")

_CURRENCY = re.compile(r"^\[?\s*(?:rp\.?|idr|rupiah)(?![\p{L}])\s*", re.I)
# a figure: digits with '.' and ',' separators; a group split off by a stray space (`2.834 .681`) is rejoined
NUMBER = re.compile(r"[-−–]?\d+(?:(?:[.,]|\s[.,](?=\d{3}(?!\d)))\d+)*")
_BRACKETS = re.compile(r"[()\[\]{}]")
_NUMBER_WORDS = re.compile(
    r"\(\s*(?:nol|satu|dua|tiga|empat|lima|enam|tujuh|delapan|sembilan|sepuluh|sebelas|seratus|"
    r"[\p{L}]+\s*(?:belas|puluh|ratus|ribu)(?:\s+[\p{L}]+)*)\s*\)",
    re.I,
)
_MONEY_DASH = re.compile(r"^\s*[.,]\s*-+")  # `Rp. 7.901.571.000,-`: no cents
_OPEN = re.compile(r"[ \t]*([(\[{])?[ \t]*")
_WORD = re.compile(r"[ \t]*([\p{L}][\p{L}-]*)")
_CLOSE = re.compile(r"[ \t]*[)\]}]")
_PERCENT = re.compile(r"^\s*(?:\\?%|persen\b|prosen\b|percent\b)", re.I)
_PAREN_UNIT = re.compile(r"^\s*[(\[{]\s*([\p{L} ]+?)\s*[)\]}]")
_SPACES = re.compile(r"\s+")
_SPACE = re.compile(r"\s")


def _key(text: str) -> str:
    key = _BRACKETS.sub(" ", text.replace("\\%", "%")).lower()
    key = _SPACES.sub(" ", key).strip().strip(".:;,").strip()
    return key


@lru_cache(maxsize=4096)
def canonical_unit(text: str) -> str:
    """Canonical name of a unit as printed, or '' when unknown (the raw text is kept elsewhere).

    Multi-word units are matched longest first (`Laporan Hasil Kegiatan`, `Paspor RI`); a
    percent sign followed by a unit in parentheses takes the parenthesised unit.
    """
    key = _key(text)
    if not key:
        return ""
    if key in _LOOKUP:
        return _LOOKUP[key]
    if key.startswith("%"):
        rest = canonical_unit(key[1:])
        return rest if rest and rest != "percent" else "percent"
    words = key.split(" ")
    for n in range(min(len(words), _MAX_WORDS), 0, -1):
        unit = _LOOKUP.get(" ".join(words[:n]))
        if unit:
            return unit
    return ""


def leading_unit(text: str) -> tuple[str, str]:
    """The unit that opens `text` (the words right after a figure): (canonical, raw as printed).

    `' % dari target'` → ('percent', '%'); `' (Indeks) atau'` → ('indeks', '(Indeks)');
    `' Paspor RI yang'` → ('dokumen', 'Paspor RI'); `' dari target'` → ('', '').
    """
    m = _PERCENT.match(text)
    if m:
        raw = m.group(0).strip()
        after = text[m.end():]
        paren = _PAREN_UNIT.match(after)
        if paren and canonical_unit(paren.group(1)) not in ("", "percent"):
            return canonical_unit(paren.group(1)), (raw + " " + paren.group(0).strip())
        return "percent", raw
    m = _OPEN.match(text)
    opened, pos = m.group(1) is not None, m.end()
    words: list[tuple[str, int, int]] = []
    while len(words) < _MAX_WORDS:
        w = _WORD.match(text, pos)
        if not w or (words and "\n" in text[pos:w.start(1)]):
            break
        if not words and w.group(1).lower() not in _FIRST_WORDS:
            return "", ""  # no spelling starts with the first word: none of its runs is a unit
        words.append((w.group(1), w.start(1), w.end(1)))
        pos = w.end()
    for n in range(len(words), 0, -1):
        unit = _LOOKUP.get(" ".join(w for w, _, _ in words[:n]).lower())
        if not unit:
            continue
        start, end = words[0][1], words[n - 1][2]
        if opened:
            close = _CLOSE.match(text, end)
            if not close:
                continue
            start, end = m.start(1), close.end()
        return unit, text[start:end]
    return "", ""


def leading_scale(text: str) -> tuple[int, str]:
    """A scale word opening `text` (the words right after a figure): (power of ten, raw), or (0, '').

    `' miliar dari'` → (9, 'miliar'); `' M'` → (9, 'M') — only a capital M, never `m` (metre).
    """
    m = _SCALE.match(text)
    if not m:
        return 0, ""
    return SCALES[m.group(1).lower()], m.group(0).strip()


def _strip_money_dash(after: str) -> str:
    return _MONEY_DASH.sub("", after, count=1).strip()


@lru_cache(maxsize=16384)
def split_unit(text: str) -> tuple[str | None, str, str]:
    """`'Rp. 4.422.522.000'` → ('4.422.522.000', 'rupiah', 'Rp.'); `'96,35 (Indeks)'` → ('96,35', 'indeks', '(Indeks)').

    The figure comes back as printed but with stray spaces inside it removed and a trailing
    separator dropped. Returns (None, unit, raw) when the text holds no figure, more than one
    figure, or a figure inside words (`Tahun 2023`, `Pasal 71`).
    """
    s = _SPACES.sub(" ", text.replace("\\%", "%")).strip()
    unit_raw = ""
    unit = ""
    m = _CURRENCY.match(s)
    if m:
        unit_raw, unit = m.group(0).strip().lstrip("[").strip(), "rupiah"
        s = s[m.end():]
    s = _NUMBER_WORDS.sub(" ", s).strip()
    numbers = list(NUMBER.finditer(s))
    if len(numbers) != 1:
        return None, unit or canonical_unit(s), unit_raw or s
    found = numbers[0]
    token = _SPACE.sub("", found.group(0))
    before, after = s[:found.start()].strip(), s[found.end():]
    if before and before not in ("+", "±", "(", "[", "{", "[("):
        if _CURRENCY.fullmatch(before + " ") is None:
            return None, unit, s
        unit_raw, unit = before.lstrip("[").strip(), "rupiah"
    after = _strip_money_dash(after)
    after = after.rstrip(".:;").strip()
    if after.startswith(")") and before.endswith("("):
        after = after[1:].strip()
    if after.startswith("]") or after.endswith("]"):
        after = after.strip("[] ")
    if after:
        cu = canonical_unit(after)
        if not cu and len(after.split()) > 3:
            return None, unit, s  # a figure inside words: not a cell value
        unit_raw = f"{unit_raw} {after}".strip() if not unit else (unit_raw if cu in ("", unit) else after)
        if unit != "rupiah" or cu not in ("", "rupiah"):
            unit = cu or unit
    return token, unit, unit_raw

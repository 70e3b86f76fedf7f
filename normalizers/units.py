"""Units as printed (`Rp`, `%`, `(Indeks)`, `Dokumen`, `ORANG`, `LHK`…) → one canonical set.

`split_unit` separates the figure of a cell from its unit; the raw unit text is kept
beside the canonical name so that nothing printed is lost.
"""

from __future__ import annotations

import regex as re

# canonical unit → spellings seen in reports (lower case, without punctuation)
CANONICAL: dict[str, tuple[str, ...]] = {
    "rupiah": ("rp", "rupiah", "idr"),
    "percent": ("%", "persen", "prosen"),
    "indeks": ("indeks", "index", "nilai", "poin", "skor"),
    "dokumen": ("dokumen", "dok", "paspor", "paspor ri"),
    "orang": ("orang", "org", "pegawai", "wni", "wna", "jiwa", "pemohon", "deteni"),
    "layanan": ("layanan",),
    "laporan": ("laporan", "lhk", "lap", "lp", "lkj"),
    "kegiatan": ("kegiatan", "keg"),
    "operasi": ("operasi",),
    "kasus": ("kasus", "perkara"),
    "unit": ("unit", "buah", "paket", "set"),
    "bulan": ("bulan", "bln"),
    "hari": ("hari",),
    "tahun": ("tahun", "thn"),
    "satker": ("satker", "satuan kerja"),
    "permohonan": ("permohonan",),
    "rekomendasi": ("rekomendasi",),
    "predikat": ("predikat",),
}
_LOOKUP = {spelling: unit for unit, spellings in CANONICAL.items() for spelling in spellings}
COUNT_UNITS = frozenset(
    {"dokumen", "orang", "layanan", "laporan", "kegiatan", "operasi", "kasus", "unit", "satker", "permohonan",
     "rekomendasi"}
)

_CURRENCY = re.compile(r"^(?:rp\.?|idr)\s*", re.I)
_NUMBER = re.compile(r"[-−–]?\d[\d.,]*\d|[-−–]?\d")
_BRACKETS = re.compile(r"[()\[\]]")


def canonical_unit(text: str) -> str:
    """Canonical name of a unit as printed, or '' when unknown (the raw text is kept elsewhere)."""
    key = _BRACKETS.sub(" ", text).strip().strip(".:").strip().lower()
    key = re.sub(r"\s+", " ", key)
    if not key:
        return ""
    if key in _LOOKUP:
        return _LOOKUP[key]
    first = key.split(" ")[0]
    return _LOOKUP.get(first, "")


def split_unit(text: str) -> tuple[str | None, str, str]:
    """`'Rp. 4.422.522.000'` → ('4.422.522.000', 'rupiah', 'Rp.'); `'96,35 (Indeks)'` → ('96,35', 'indeks', '(Indeks)').

    Returns (None, unit, raw) when the text holds no figure, or more than one figure.
    """
    s = text.strip()
    unit_raw = ""
    unit = ""
    m = _CURRENCY.match(s)
    if m:
        unit_raw, unit = m.group(0).strip(), "rupiah"
        s = s[m.end():]
    numbers = _NUMBER.findall(s)
    if len(numbers) != 1:
        return None, unit or canonical_unit(s), unit_raw or s
    token = numbers[0]
    start = s.find(token)
    before, after = s[:start].strip(), s[start + len(token):].strip()
    if before and not _CURRENCY.fullmatch(before + " ") and before not in ("+", "±", "(", "±("):
        if canonical_unit(before) != "rupiah":
            return None, unit, s
        unit_raw, unit = before, "rupiah"
    if after:
        pieces = [p for p in re.split(r"\s+", after) if p]
        if after.startswith("%"):
            unit_raw = (unit_raw + " " + "%").strip() if not unit_raw else unit_raw
            unit = "percent"
            rest = after[1:].strip()
            if rest and not canonical_unit(rest):
                return None, unit, s
        else:
            cu = canonical_unit(after)
            if not cu and len(pieces) > 3:
                return None, unit, s  # a figure inside words: not a cell value
            unit_raw = (unit_raw + " " + after).strip()
            unit = unit or cu
    return token.rstrip(".,") if token[-1] in ".," else token, unit, unit_raw

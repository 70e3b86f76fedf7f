"""Header roles and prose numbers: `normalizers.headers` when it exists, a small local fallback otherwise.

The normalizers package owns fuzzy header matching (`header_role(text) -> HeaderRole`)
and prose number finding (`find_numbers(text)`). Until that module lands, this file
gives the same API with a compact keyword table so that interpret can be written
against it; once it exists it is used and the fallback is idle.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

import regex as re

log = logging.getLogger(__name__)

YEAR = re.compile(r"(?<![\d.,])((?:19|20)\d\d)(?![\d.,]*\d)")
FUZZY_MIN = 0.88  # below this normalizer score a header word is too far from any keyword
_BARE_YEAR = re.compile(r"^\s*(?:tahun\s+|th\.?\s*|ta\s+)?((?:19|20)\d\d)\s*\*?\s*$", re.I)
_MARKS = re.compile(r"[*_`#]+")
_SPACES = re.compile(r"\s+")


@dataclass(frozen=True)
class LocalHeaderRole:
    role: str  # '' when nothing matched
    year: int | None = None
    score: float = 0.0


# (role, patterns) in priority order: the first pattern that matches decides.
_RULES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("pagu_original", (r"\b(?:anggaran|pagu)\s+(?:semula|awal|induk)\b", r"\bsebelum\s+revisi\b")),
    ("pagu_revised", (r"\bsetelah\s+revisi\b", r"\b(?:anggaran|pagu)\s+(?:revisi|akhir|perubahan)\b",
                      r"\brevisi\s+(?:penambahan\s+)?anggaran\b")),
    ("pct", (r"^%", r"%\s*realisasi", r"^\(?%\)?$", r"\bpersentase\s+(?:realisasi|penyerapan)\b",
             r"^persentase$", r"^prosentase$", r"^persen$", r"^\s*%\s*$")),
    ("indikator", (r"\bindikator\b", r"\bik[uk]\b")),
    ("sasaran", (r"\bsasaran\b", r"\btujuan\b")),
    ("nilai_akhir", (r"\bnilai\s+akhir\b",)),
    ("target", (r"\btarget\b", r"\brencana\b")),
    ("realisasi", (r"\breali[sz]?asi\b", r"\brealiasi\b")),
    ("capaian", (r"\bcapaian\b", r"\bcapain\b", r"\bpencapaian\b")),
    ("pagu", (r"\bpagu\b", r"\banggaran\b", r"\balokasi\b", r"\bdipa\b")),
    ("no", (r"^no\.?$", r"^nomor$", r"^no\s*urut$")),
    ("year", (r"^tahun$", r"^th\.?$", r"^tahun\s+anggaran$")),
    ("satuan", (r"^satuan\b",)),
    ("keterangan", (r"^ket(?:erangan)?\.?$",)),
    ("bobot", (r"\bbobot\b",)),
    ("nilai", (r"^nilai\b", r"\bskor\b")),
    ("sisa", (r"\bsisa\b",)),
    ("jumlah", (r"^jumlah$", r"^total$", r"^jml\.?$")),
    ("l", (r"^(?:l|lk|laki[- ]?laki)$",)),
    ("p", (r"^(?:p|pr|perempuan)$",)),
    ("item", (r"\bkegiatan\b", r"\bprogram\b", r"\bbelanja\b", r"\buraian\b", r"\bkomponen\b",
              r"\bjenis\b", r"\bakun\b", r"\bnomenklatur\b", r"\bkeluaran\b", r"\boutput\b")),
    ("pct", (r"\bpersentase\b", r"%")),
)
_COMPILED = tuple((role, tuple(re.compile(p, re.I) for p in pats)) for role, pats in _RULES)


def _clean_header(text: str) -> str:
    t = _MARKS.sub(" ", text)
    t = _SPACES.sub(" ", t).strip().strip(":").strip()
    return t


def local_header_role(text: str) -> LocalHeaderRole:
    """Keyword fallback of `normalizers.headers.header_role`."""
    t = _clean_header(text)
    if not t:
        return LocalHeaderRole("")
    m = _BARE_YEAR.match(t)
    if m:
        return LocalHeaderRole("year", int(m.group(1)), 1.0)
    year_m = YEAR.search(t)
    year = int(year_m.group(1)) if year_m else None
    words = len(t.split())
    for role, pats in _COMPILED:
        if any(p.search(t) for p in pats):
            score = 1.0 if words <= 3 else max(0.3, 1.0 - 0.1 * (words - 3))
            return LocalHeaderRole(role, year, score)
    return LocalHeaderRole("", year, 0.0)


try:  # pragma: no cover - depends on whether the normalizers module has landed
    from normalizers.headers import header_role as _header_role  # type: ignore[import-not-found]

    HAVE_NORMALIZER = True
except ImportError:  # pragma: no cover
    _header_role = None
    HAVE_NORMALIZER = False


def _length_factor(text: str) -> float:
    """Long header texts are less surely headers: a row of prose is not a header row."""
    words = len(text.split())
    return 1.0 if words <= 5 else max(0.4, 1.0 - 0.05 * (words - 5))


def header_role(text: str) -> LocalHeaderRole:
    """Role, year and score (0–1) of one header cell, from normalizers.headers when available."""
    if _header_role is not None:
        try:
            hr = _header_role(text)
            score = float(getattr(hr, "score", 0.0) or 0.0)
            score = score / 100.0 if score > 1.0 else score
            role = getattr(hr, "role", "") or ""
            if score < FUZZY_MIN:
                role, score = "", 0.0  # `Pelanggaran` is not `Anggaran`: a loose fuzzy match names nothing
            return LocalHeaderRole(role, getattr(hr, "year", None),
                                   score * _length_factor(text))
        except Exception:
            log.exception("normalizers.headers.header_role failed on %r; using the local fallback", text)
    return local_header_role(text)

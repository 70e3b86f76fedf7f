"""Comparison sentences: an indicator's value set against a benchmark.

The benchmark is the plan's target (Renstra, RPJMN, jangka menengah), a national standard or
average, or the value of another unit or level (Kantor Wilayah, Direktorat Jenderal):

- `Jika dibandingkan dengan target jangka menengah … sebesar B sementara realisasi … sebesar R …
  nilai capaian sebesar C %`
- `Jika dilakukan perbandingan realisasi X Kantor A dengan Kantor Wilayah B sebesar B maka nilai X
  pada Kantor A lebih besar D poin atau capaiannya C % dibanding dengan Kantor Wilayah B`

The benchmark B is the record's target, C its capaian, and the realisasi is R where the sentence
states it, else B ± D where it gives only the difference (`lebih besar D poin`). A sentence that
compares with earlier years (`perbandingan dengan nilai tahun 2022 sebesar …`) names no benchmark,
and one without a capaian percentage states no comparison result: neither is read here.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

import regex as re

from normalizers.numbers import NumberMatch, find_numbers

# `dibandingkan dengan`, `perbandingan realisasi X Kantor A dengan`: what follows is the benchmark
_TRIGGER = re.compile(
    r"\b(?:dibanding(?:kan)?|perbandingan|membandingkan)(?:\s+[^\s\d.,;:]+){0,25}?\s+dengan\b", re.I)
# a benchmark other than the year's own target: the plan's, a standard, an average, another unit or level
_BENCHMARK = re.compile(
    r"\b(?:target\s+akhir|standar|renstra|rencana\s+strategis|rpjmn?|rpjmd|jangka\s+menengah|nasional|"
    r"rata-?\s?rata|kantor|wilayah|kanwil|direktorat|ditjen|pusat|provinsi|unit|satker|satuan\s+kerja|instansi|"
    r"upt|kementerian)\b", re.I)
# of these, the last before the benchmark figure must name the benchmark, not the unit's own result
_OWN_OR_BENCHMARK = re.compile(r"\b(?:(?P<own>realisasi|capaian\w*|pencapaian)|target|standar|rata-?\s?rata)\b", re.I)
_EARLIER = re.compile(r"\b(?:tahun|periode|triwulan|semester)\s+(?:sebelumnya|lalu)\b", re.I)
_BOUND = re.compile(r"(?:[<>≤≥]|lebih\s+dari|kurang\s+dari|minimal|maksimal)\s*=?\s*$", re.I)
# the last of these words before a figure after the benchmark names its part in the comparison
_ROLE = re.compile(
    r"(?P<capaian>\b(?:capaian\w*|pencapaian)\b)"
    r"|(?P<up>\blebih\s+(?:besar|tinggi|banyak)\b)"
    r"|(?P<down>\blebih\s+(?:kecil|rendah|sedikit)\b)"
    r"|(?P<diff>\bselisih\b)"
    r"|(?P<realisasi>\b(?:realisasi|nilai|hasil|skor|memperoleh|diperoleh|mencapai)\b)",
    re.I,
)
_NAME = re.compile(
    r"\b(?:realisasi|nilai|capaian)\s+(?:nilai\s+)?(?P<name>(?:indeks|persentase|jumlah|rasio|tingkat)\b"
    r"(?:\s+(?!(?:pada|di|kantor|kanwil|tahun|dengan|sebesar|adalah|yang|sudah|telah|terhadap\s+target)\b)"
    r"[^\s\d.,;:]+){1,15})",
    re.I,
)
_ROLE_NAMES = tuple(sorted(_ROLE.groupindex, key=_ROLE.groupindex.__getitem__))
_SIGN = {"up": 1, "down": -1, "diff": 0}


@dataclass(frozen=True)
class Comparison:
    """What a comparison sentence states; `start` is where it begins in the clause."""

    start: int
    target: NumberMatch
    capaian: NumberMatch
    realisasi: NumberMatch | None = None
    difference: NumberMatch | None = None
    sign: int = 0  # +1: the realisasi lies `difference` above the benchmark, -1 below, 0 unknown
    year_gap: str = ""  # the text before the stated realisasi, where its year stands
    name: str = ""  # the indicator compared, where the sentence names it

    def derived_realisasi(self) -> NumberMatch | None:
        """The benchmark plus or minus the stated difference (`3,67` + `0,26 poin` → 3,93), as a figure
        whose raw text shows how it was obtained."""
        d, t = self.difference, self.target
        if d is None or self.sign == 0 or d.value is None or t.value is None:
            return None
        value: Decimal = t.value + self.sign * d.value
        op = "+" if self.sign > 0 else "-"
        return NumberMatch(d.start, d.end, f"{t.raw} {op} {d.raw}", f"{t.token} {op} {d.token}", value,
                           max(t.decimals, d.decimals), t.unit or d.unit, t.unit_raw or d.unit_raw)


def _figures(clause: str, start: int) -> list[NumberMatch]:
    return [m for m in find_numbers(clause) if m.start >= start and not m.is_year]


def _role(gap: str) -> str:
    """The part the last role word of `gap` names ('' when none)."""
    found = _ROLE.findall(gap)
    if not found:
        return ""
    return next(name for name, text in zip(_ROLE_NAMES, found[-1], strict=True) if text)


def _benchmark(clause: str, trigger: re.Match[str], figures: list[NumberMatch]) -> NumberMatch | None:
    """The first figure after the trigger when the words before it name a benchmark (a comparison with the
    year's own target, or with earlier years, is an ordinary statement: None)."""
    if not figures:
        return None
    first = figures[0]
    span = clause[trigger.end():first.start]
    if (not _BENCHMARK.search(span) or _EARLIER.search(span) or _BOUND.search(span) or _names_own(span)
            or first.value is None or first.unit == "rupiah"):
        return None
    return first


def _names_own(span: str) -> bool:
    """`dibandingkan dengan target Renstra, realisasi sebesar R`: the figure is the unit's own result."""
    words = _OWN_OR_BENCHMARK.findall(span)
    return bool(words) and bool(words[-1])


def _read_after(clause: str, trigger: re.Match[str], figures: list[NumberMatch]) -> Comparison | None:
    bench = _benchmark(clause, trigger, figures)
    if bench is None:
        return None
    found: dict[str, NumberMatch] = {}
    sign, year_gap = 0, ""
    prev_end = bench.end
    for m in figures[1:]:
        gap, prev_end = clause[prev_end:m.start], m.end
        if m.value is None or m.unit == "rupiah" or _BOUND.search(gap):
            return None
        role = _role(gap)
        if role == "capaian" and m.unit != "percent":
            role = "realisasi"  # `dengan capaian 3,96`: the value reached, not a percentage of the target
        elif role in _SIGN:
            role, sign = "difference", _SIGN[role]
        if not role or role in found:
            break
        found[role] = m
        if role == "realisasi":
            year_gap = gap
        if role == "capaian":
            break
    capaian = found.get("capaian")
    if capaian is None or capaian.unit != "percent":
        return None
    return Comparison(
        start=trigger.start(), target=bench, capaian=capaian, realisasi=found.get("realisasi"),
        difference=found.get("difference"), sign=sign, year_gap=year_gap, name=_name(clause[:bench.start]),
    )


def _name(text: str) -> str:
    m = _NAME.search(text)
    return m.group("name").strip() if m else ""


def read_comparison(clause: str) -> Comparison | None:
    """The comparison a clause states, or None when it is not a comparison with a benchmark."""
    for trigger in _TRIGGER.finditer(clause):
        found = _read_after(clause, trigger, _figures(clause, trigger.end()))
        if found is not None:
            return found
    return None

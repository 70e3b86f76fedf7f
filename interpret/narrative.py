"""Prose statements → narrative IndicatorRecord / BudgetRecord.

Each figure of a statement takes the role of the last role word before it, in the text
since the previous figure: `memperoleh hasil sebesar 3,91` (realisasi) `dari target 3,25`
(target) `atau 120 %` (a percentage after both: the capaian). A figure after a growth
word (`peningkatan sebesar 0,0001%`) is not a record figure. When a role comes round
again a new record starts (`… 2023 sebesar Rp X atau P % dari total anggaran Rp Y.
Realisasi ini … tahun 2022 sebesar Rp X' …`). Records holding rupiah are budget
records (PNBP when the clause names it), the others indicator records. A change told
from one year to another (`<indikator> menurun dari 112 pada tahun 2021 menjadi 88 pada
tahun 2023`) gives the realisasi of each year.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache
from itertools import pairwise

import regex as re

from interpret.comparisons import Comparison, read_comparison
from interpret.context import polarity
from normalizers.numbers import NumberMatch, find_numbers
from pipeline.model import BudgetRecord, Document, IndicatorRecord, Provenance, Quantity, Statement, nonblank

log = logging.getLogger(__name__)

# role words, matched in the text between two figures; the last one before a figure decides
_ROLE_WORDS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("growth", re.compile(r"\b(?:bobot|dibobot|peningkatan|penurunan|kenaikan|meningkat|menurun|naik|turun|selisih|"
                          r"pertumbuhan|bertambah|berkurang|lebih\s+tinggi|lebih\s+rendah|perbedaan)\b", re.I)),
    ("pagu", re.compile(r"\b(?:anggaran|pagu|dipa|alokasi)\b", re.I)),
    ("target", re.compile(r"\b(?:target|ditargetkan|rencana(?!\s+aksi))\b", re.I)),
    ("realisasi", re.compile(r"\b(?:realisasi|hasil|memperoleh|diperoleh|mencapai|nilai)\b", re.I)),
    ("capaian", re.compile(r"\b(?:capaian|pencapaian|tingkat\s+capaian)\b", re.I)),
    # `realisasi dibanding target yaitu 105%`, `target capaian … sebesar 90%`: the longer phrase decides
    ("capaian", re.compile(r"\b(?:realisasi|capaian|nilai)\s+(?:\w+\s+){0,2}dibanding(?:kan)?\s+(?:dengan\s+)?"
                           r"(?:target|standar|rata)\w*(?=\s*(?:yaitu|yakni|adalah)?\s*(?:sebesar)?\s*$)", re.I)),
    ("capaian", re.compile(r"\bcapaian\s+target\b", re.I)),
    ("target", re.compile(r"\btarget\s+(?:capaian|realisasi|kinerja|nilai)\b", re.I)),
    ("spend", re.compile(r"\b(?:realisasi|penyerapan)\s+(?:anggaran|belanja|pnb[pk]\w*|penerimaan)\b", re.I)),
    # `realisasi target capaian yaitu 56,12 %`: the realisation of the target; `dari target 1 terealisasi 2`
    ("realisasi", re.compile(r"\brealisasi\s+(?:dari\s+)?target(?:\s+capaian)?\b|\bterealisasi\b", re.I)),
    ("spend", re.compile(r"\b(?:anggaran|belanja|dana)\s+(?:yang\s+)?terealisasi\b", re.I)),
    # `pencapaian kinerja diperoleh sebesar 200%`: what is obtained is the capaian the noun names
    # (a quoted name in between is blanked by `_role_before`: `pencapaian sasaran (SS1) yaitu „…‟ diperoleh`)
    ("capaian", re.compile(r"\b(?:pencapaian|capaian)(?:\s+[\w()]+){0,6}\s+(?:diperoleh|dicapai)\b", re.I)),
)
# a name in quotation marks (`indikator „persentase OPD yang memperoleh …‟`): its words are no role words
_QUOTED = re.compile(r"[„“\"‘'][^„“”‟\"‘’']{3,200}[”‟\"’']")
_PNBP = re.compile(r"\bpnb[pk]\w*\b|penerimaan\s+negara\s+bukan\s+pajak", re.I)
_CLAUSE_SPLIT = re.compile(r";\s+|\s+serta\s+(?=[\p{Lu}])")
_INDIKATOR = re.compile(
    r"\bindikator(?:\s+kinerja)?(?:\s+(?:kegiatan|utama))?\s+(?:berupa\s+)?(.{8,160}?)"
    r"(?=\s+(?:dengan|sebesar|adalah|yaitu|memperoleh|mencapai|pada\s+tahun|tahun|sebagai)\b|[,.:;]|$)",
    re.I,
)
_ITEM_AMOUNT = re.compile(r"^(?P<label>(?:[^\W\d_][\w,.()/&-]*\s+){2,30})(?:rp\.?\s*)[\d.,]+\s*(?:,-|\.-)?\.?$", re.I)
_PROGRAM = re.compile(r"^\W*(?:\d+\.?\s*)?program\b", re.I)
_CONNECTOR = re.compile(r"^\W*(?:sedangkan|adapun|selain\s+itu|kemudian|dan|serta|lalu)\b", re.I)
_MULTIPLIER = re.compile(r"(?:[x×*]|\\times)\s*$")
_DARI = re.compile(r"\b(?:dari|melampaui|melebihi|terhadap)\s+(?:total\s+|\w+\s+)?(?:target|anggaran|pagu)\b", re.I)
_NEXT_YEAR = re.compile(
    r"^\s*(?:,|dan|serta)\s*(?:,|dan\s+)?(?:tahun\s+)?(?:19|20)\d\d\s*(?:sebesar|yaitu|adalah)?\s*$", re.I)
_LIST_ITEM = re.compile(r"^\s*(?:[-•*▪]\s*)?(?:[a-z0-9ivx]{1,4}[.)]\s+)?", re.I)
_YEARLIKE = re.compile(r"^(?:19|20)\d\d$")
_VERB = re.compile(r"\s+(?:dengan|sebesar|adalah|yaitu|yakni|memperoleh|mencapai|telah|pada\s+tahun)\b", re.I)
_LEAD = re.compile(r"^\W*(?:\d+[.)]\s*)?(?:berupa\s+)?")
_CAPAIAN_WORD = re.compile(r"\bcapaian\b", re.I)
_REALISASI_WORD = re.compile(r"\brealisasi\b", re.I)
_DENGAN_CAPAIAN = re.compile(r"\bdengan\s+capaian\s*$", re.I)
_SPACES = re.compile(r"\s+")
_TRAILING_VERB = re.compile(r"\s+(?:adalah|sebesar|yaitu|yakni)$")
_STATING = re.compile(r"\b(?:sebesar|senilai|adalah|yaitu)\s*$", re.I)
_AGAINST = re.compile(r"\bdibanding(?:kan)?\s+(?:dengan\s+)?(?:target|standar)|\bterhadap\s+(?:target|standar)", re.I)
# `nilai akhir IKPA Tahun Anggaran 2023 … adalah sebesar 100`: a score stated as such, even a whole number
_FINAL_SCORE = re.compile(
    r"\bnilai\s+akhir\s+(?P<name>[^.;]{3,200}?)\s+(?:(?:adalah|yaitu|yakni)\s+)?"
    r"(?:sebesar|senilai|adalah|yaitu|yakni)\s*[:=]?\s*$", re.I)
_FINAL_WORDS = re.compile(r"\bnilai\s+akhir\b", re.I)
_NAME_END = re.compile(r"\s+(?:pada|di|per|untuk|tahun|ta)\b.*$", re.I | re.S)
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
_RANGE_DASH = re.compile(r"\s*[-–—]\s*")
# `… dari 112 pada tahun 2021 menjadi 88 … pada tahun 2023`: the words before each figure of a change
_FROM = re.compile(r"\bdari\s+(?:angka\s+|nilai\s+|sebesar\s+)?$", re.I)
_TO = re.compile(r"\bmenjadi\s+(?:sebesar\s+)?$", re.I)
# what the subject of a change ends with: the verb of the change (`terus menurun`, `mengalami kenaikan`)
_CHANGE_VERB = re.compile(r"\s+(?:(?:terus|telah|juga|cenderung|secara\s+\w+)\s+)*"
                          r"(?:meningkat|menurun|naik|turun|bertambah|berkurang|berubah|mengalami|bergerak)\b.*$",
                          re.I | re.S)
_NOT_A_NAME = re.compile(r"\b(?:ini|itu|tersebut|hal|nya)\b|\d", re.I)  # `Hal ini`, `Angka tersebut`: no name
MAX_TARGET_GAP = 4  # lines between a sentence stating a target and the next one stating the capaian against it
MAX_YEAR_GAP = 60  # characters between a figure of a change and the year it is stated for


@dataclass
class _Draft:
    roles: dict[str, NumberMatch] = field(default_factory=dict)
    offset: int = 0
    year: int | None = None
    explicit: bool = False
    lead: str = ""  # the text before the first figure: what the record is about
    end: int = 0
    name: str = ""  # the indicator, where the reading that found the record names it

    def has_money(self) -> bool:
        return "pct" in self.roles or any(m.unit == "rupiah" for m in self.roles.values())

    def is_indicator(self) -> bool:
        return bool(self.roles) and not self.has_money()


@lru_cache(maxsize=16384)
def _role_before(gap: str) -> str:
    """The role the last role word of `gap` names ('' when none); of two ending together, the longer.

    A pure function of the text, cached: short gaps (`sebesar`, `dengan capaian`) recur in every report.
    """
    best, best_key = "", (-1, 0)
    gap = _QUOTED.sub(lambda m: " " * len(m.group(0)), gap)
    for role, pattern in _ROLE_WORDS:
        for m in pattern.finditer(gap):
            key = (m.end(), m.end() - m.start())
            if key > best_key:
                best, best_key = role, key
    head = gap[:best_key[0]]
    lone_capaian = len(_CAPAIAN_WORD.findall(head)) == 1
    if best == "capaian" and lone_capaian and _REALISASI_WORD.search(head) and _DENGAN_CAPAIAN.search(head):
        return "realisasi"  # `diperoleh realisasi indikator … dengan capaian 100%` names the realisasi
    return best


def _meaningful(draft: _Draft) -> bool:
    """A lone figure counts only as a percentage or a decimal index, not as a bare small count."""
    if len(draft.roles) > 1 or draft.has_money():
        return True
    m = next(iter(draft.roles.values()))
    return m.unit == "percent" or m.decimals > 0


def _assign(word: str, m: NumberMatch, draft: _Draft, last_money: str) -> str:
    """The record role of a figure given its role word and unit ('' to drop it)."""
    percent = m.unit == "percent"
    if word == "growth":
        return ""
    if word == "spend":
        return "pct" if percent else ("realisasi" if m.unit == "rupiah" else "")
    if m.unit == "rupiah":
        if word in ("pagu", "target"):
            return "pagu"
        if word in ("realisasi", "capaian"):
            return "realisasi"
        return last_money  # `belanja pegawai Rp …, belanja barang Rp …`: the role of the amount before
    if word == "pagu":
        return "pct" if percent else ""
    if word == "capaian":
        return "capaian" if percent else "realisasi"
    if word in ("target", "realisasi"):
        return word
    if percent and draft.roles:
        return "pct" if draft.has_money() else "capaian"
    return ""


def clauses(text: str) -> list[tuple[int, str]]:
    """(offset, clause) pieces: a list of indicators `A dengan capaian x serta B …` is split."""
    out, start = [], 0
    for m in _CLAUSE_SPLIT.finditer(text):
        out.append((start, text[start:m.start()]))
        start = m.end()
    out.append((start, text[start:]))
    return [(o, c) for o, c in out if c.strip()]


def _settle_pending(pending: list[NumberMatch], draft: _Draft) -> None:
    """`A dari target B`, `Rp X atau P % dari total anggaran Rp Y`: the figures before `dari` are the
    realised value and its percentage even when no role word stands before them."""
    for m in pending:
        percent_role = "pct" if draft.has_money() else "capaian"
        draft.roles.setdefault(percent_role if m.unit == "percent" else "realisasi", m)
        draft.offset = min(draft.offset, m.start)
    pending.clear()


def drafts_of(clause: str, default_word: str = "", money_role: str = "") -> list[_Draft]:
    """The records a clause states, as figure → role maps (`money_role`: the role amounts carried
    over from the paragraph before, for `Sedangkan … sebesar Rp …`)."""
    drafts: list[_Draft] = []
    draft = _Draft()
    prev_end = 0
    last_year: int | None = None
    last_money = money_role
    last_role = ""
    pending: list[NumberMatch] = []
    found = list(find_numbers(clause))
    ranged = _ranges(clause, found)
    for k, m in enumerate(found):
        gap = clause[prev_end:m.start]
        if m.is_year or _YEARLIKE.match(m.token):
            last_year = int(m.value) if m.value is not None else last_year
            continue
        prev_end = m.end
        if k in ranged:
            continue  # `target 5-6%`: a range states no one figure (its role word is spent on it)
        if m.value is None and not m.ambiguous:
            continue
        if _MULTIPLIER.search(gap):
            continue  # `… x 100%`: the factor of a formula written in prose, not a figure
        word = _role_before(gap) or (default_word if not drafts and not draft.roles else "")
        if not word and last_role and _NEXT_YEAR.match(gap):
            word = last_role  # `nilai tahun 2022 sebesar 3,90 dan 2021 sebesar 3,99`: the same role, another year
        role = _assign(word, m, draft, last_money)
        if not role:
            if word != "growth" and len(pending) < 2:
                pending.append(m)
            continue
        if m.unit == "rupiah":
            last_money = role
        last_role = word if word in ("target", "realisasi", "capaian") else ""
        budget_role = role == "pct" or m.unit == "rupiah"
        if role in draft.roles or (budget_role and draft.is_indicator()):
            drafts.append(draft)
            draft = _Draft()
        if not draft.roles:
            draft.offset, draft.year, draft.lead = m.start, last_year, gap
        draft.roles[role] = m
        draft.end = max(draft.end, m.end)
        draft.explicit = draft.explicit or bool(word) or m.unit == "rupiah"
        if pending and _DARI.search(gap):
            if m.unit == "rupiah" and draft.lead == gap:
                draft.lead = clause[:pending[0].start]
            _settle_pending(pending, draft)
        pending.clear()
    drafts.append(draft)
    return [d for d in drafts if d.roles and d.explicit and _meaningful(d)]


def _ranges(clause: str, found: Sequence[NumberMatch]) -> set[int]:
    """Indexes of the figures that bound a range (`5-6%`, `11,2-11.7%`, `80- 100 %`), years aside."""
    out: set[int] = set()
    for k in range(len(found) - 1):
        a, b = found[k], found[k + 1]
        if not (a.is_year or b.is_year) and _RANGE_DASH.fullmatch(clause[a.end:b.start]):
            out |= {k, k + 1}
    return out


def _last_year(text: str) -> int | None:
    years = _YEAR.findall(text)
    return int(years[-1]) if years else None


def final_scores(clause: str, taken: set[int]) -> list[_Draft]:
    """`nilai akhir X … adalah sebesar N`: N is X's realisasi even as a whole number, which a lone figure
    read by the role words is not. Figures at the offsets `taken` (read already) are left alone."""
    out: list[_Draft] = []
    if not _FINAL_WORDS.search(clause):
        return out
    prev_end = 0
    for m in find_numbers(clause):
        if m.is_year:
            continue
        gap, prev_end = clause[prev_end:m.start], m.end
        if m.start in taken or m.value is None or m.unit == "rupiah":
            continue
        found = _FINAL_SCORE.search(gap)
        if found is None:
            continue
        name = _NAME_END.sub("", _SPACES.sub(" ", found.group("name"))).strip(" ,:")
        out.append(_Draft({"realisasi": m}, m.start, _last_year(gap), True, gap, m.end, name))
    return out


def _year_after(clause: str, m: NumberMatch, figures: Sequence[NumberMatch]) -> int | None:
    """The year a figure of a change is stated for: the first year close after it, before the change's next
    figure or another role (`112 pada tahun 2021`, `112 (2021)`; `88 per 100.000 kelahiran hidup pada tahun
    2023`; not the year of `88, sedangkan target tahun 2024 …`)."""
    for n in figures:
        if n.start < m.end:
            continue
        gap = clause[m.end:n.start]
        if len(gap) > MAX_YEAR_GAP or _role_before(gap) or _TO.search(gap) or _FROM.search(gap):
            return None  # too far, or another figure of the change or another role comes first
        if n.is_year:
            return int(n.value) if n.value is not None else None
    return None


def change_name(head: str) -> str:
    """The indicator a change is told of: its `indikator …` name or the words before the change's verb
    (`Angka Kematian Ibu terus menurun dari` → `Angka Kematian Ibu`); '' when the sentence names none."""
    m = _INDIKATOR.search(head)
    text = m.group(1) if m else _LEAD.sub("", head)
    name = _CHANGE_VERB.sub("", _FROM.sub("", text.strip())).strip(" ,.:;")
    if _CONNECTOR.match(name):
        name = _CONNECTOR.sub("", name).strip(" ,")
    words = name.split()
    if not 2 <= len(words) <= 20 or _NOT_A_NAME.search(name) or _ROLE_WORDS[1][1].search(name):
        return ""
    return name


def change_drafts(clause: str) -> list[_Draft]:
    """`<indikator> menurun dari X pada tahun Y1 menjadi Z pada tahun Y2`: realisasi X of Y1 and Z of Y2,
    one draft each, when the sentence names its indicator and both years (rupiah changes are no indicator)."""
    figures = find_numbers(clause)
    values = [m for m in figures if not m.is_year and not _YEARLIKE.match(m.token)]
    for a, b in pairwise(values):
        if not (_FROM.search(clause[:a.start]) and _TO.search(clause[a.end:b.start])):
            continue
        if a.value is None or b.value is None or "rupiah" in (a.unit, b.unit) or a.unit != b.unit:
            continue
        years = (_year_after(clause, a, figures), _year_after(clause, b, figures))
        head = clause[:a.start]
        name = change_name(head)
        if None in years or years[0] == years[1] or not name:
            continue
        return [_Draft({"realisasi": m}, m.start, y, True, head, m.end, name) for m, y in zip((a, b), years,
                                                                                             strict=True)]
    return []


def comparison_draft(cmp: Comparison, before: list[_Draft]) -> _Draft:
    """The record of a comparison; a lone realisasi stated just before it (`Realisasi X sebesar R, jika
    dibandingkan dengan …`) is its realisasi when the comparison gives none (taken out of `before`)."""
    roles = {"target": cmp.target, "capaian": cmp.capaian}
    realisasi = cmp.realisasi or cmp.derived_realisasi()
    year = _last_year(cmp.year_gap)
    if realisasi is None and before and set(before[-1].roles) == {"realisasi"}:
        lone = before.pop()
        realisasi, year = lone.roles["realisasi"], lone.year
    if realisasi is not None:
        roles["realisasi"] = realisasi
    first = min(m.start for m in roles.values())
    return _Draft(roles, first, year, True, "", max(m.end for m in roles.values()), cmp.name)


def _quantity(m: NumberMatch, prov: Provenance) -> Quantity:
    return Quantity(raw=m.raw, value=m.value, decimals=m.decimals, unit=m.unit, unit_raw=m.unit_raw, prov=prov)


def _digits_at(m: NumberMatch) -> int:
    """Where the figure's digits begin (`Rp.` may end the line before them)."""
    return m.start + max(0, m.raw.find(m.token))


def _line_of(statement: Statement, offset: int) -> int | None:
    return statement.line_at(offset)


def _item(lead: str, clause: str) -> str:
    """What a budget statement is about: the words before its first amount, else the clause."""
    text = _SPACES.sub(" ", lead).strip(" ,.:;")
    text = _TRAILING_VERB.sub("", text)
    return (text or clause.strip())[-160:]


def indikator_name(clause: str, context: str) -> str:
    m = _INDIKATOR.search(clause)
    if m:
        return m.group(1).strip()
    head = _LEAD.sub("", _VERB.split(clause, maxsplit=1)[0]).strip(" ,.:;")
    if 1 < len(head.split()) <= 20 and not _ROLE_WORDS[1][1].search(head):
        return head
    return _LEAD.sub("", context).strip()


def statement_records(document: Document) -> tuple[list[IndicatorRecord], list[BudgetRecord]]:
    return records_from_statements(document, document.statements)


def joined_lines(group: Sequence[Statement]) -> tuple[tuple[int, int], ...]:
    """`Statement.lines` of the sentences of `group` joined by spaces."""
    if len(group) == 1:
        return group[0].lines
    out: list[tuple[int, int]] = []
    shift = 0
    for st in group:
        spans = st.lines or (((0, st.prov.line),) if st.prov.line is not None else ())
        out += [(count + shift, line) for count, line in spans]
        shift += nonblank(st.text)
    return tuple(out)


def paragraphs(statements: Sequence[Statement]) -> list[tuple[Statement, str]]:
    """Consecutive sentences of one paragraph (same start line of the same page) joined, with the role word
    a list header such as `… dengan capaian:` hands to the list items under it."""
    groups: list[list[Statement]] = []
    for st in statements:
        last = groups[-1][-1].prov if groups else None
        if last is not None and (last.page, last.line) == (st.prov.page, st.prov.line) and st.prov.line is not None:
            groups[-1].append(st)
        else:
            groups.append([st])
    out: list[tuple[Statement, str]] = []
    handed = ""
    for group in groups:
        first = group[0]
        text = " ".join(s.text.strip() for s in group)
        merged = Statement(text, first.prov, first.context, joined_lines(group))
        is_item = bool(_LIST_ITEM.match(text).group(0).strip()) if _LIST_ITEM.match(text) else False
        out.append((merged, handed if is_item else ""))
        if text.rstrip().endswith(":"):
            word = _role_before(text)
            handed = word if word in ("target", "realisasi", "capaian", "growth") else ""
        elif not is_item:
            handed = ""
    return out


def item_amount(document: Document, st: Statement) -> BudgetRecord | None:
    """A line that only names an item and its amount (`Layanan X Rp 1.500.000.000,-`): its pagu."""
    m = _ITEM_AMOUNT.match(st.text.strip())
    if not m or _role_before(m.group("label")) or _STATING.search(m.group("label")):
        return None  # a sentence stating an amount, read by the role words instead
    found = [n for n in find_numbers(st.text) if not n.is_year]
    if len(found) != 1 or found[0].unit != "rupiah" or found[0].value is None:
        return None
    label = m.group("label").strip(" :-")
    parent = _LEAD.sub("", st.context).strip() if _PROGRAM.match(_LEAD.sub("", st.context)) else ""
    kind = "by_program" if parent or _PROGRAM.search(label) else "other"
    q = _quantity(found[0], st.prov)
    return BudgetRecord(
        report_id=document.report_id, source_file=document.source_file, line=_line_of(st, found[0].start),
        page=st.prov.page, table_id="", kind=kind, year=document.year, item=label, parent_item=parent,
        is_total=False, pagu=q, realisasi=None, pct=None, raw=st.text.strip(),
    )


def _last_money_role(text: str) -> str:
    """The role of the last amount `text` states ('' when it states none)."""
    role = ""
    for d in drafts_of(text):
        for r, m in d.roles.items():
            if m.unit == "rupiah":
                role = r
    return role


def _only(rec: IndicatorRecord, role: str) -> bool:
    present = {r for r in ("target", "realisasi", "capaian") if getattr(rec, r) is not None}
    return present == {role}


def _measured_against(target: IndicatorRecord, cap: IndicatorRecord) -> bool:
    """`Target … sebesar 90% merupakan standar …. Maka capaian … dibanding standar … sebesar 279,98%`."""
    return (_only(target, "target") and _only(cap, "capaian") and bool(_AGAINST.search(cap.raw))
            and target.line is not None and cap.line is not None
            and 0 < cap.line - target.line <= MAX_TARGET_GAP and target.year == cap.year)


def join_stated_targets(records: Sequence[IndicatorRecord]) -> list[IndicatorRecord]:
    """A capaian stated against the target the sentence just before gave: one record holding both,
    at the target's line (its first figure)."""
    out: list[IndicatorRecord] = []
    for rec in records:
        if out and _measured_against(out[-1], rec):
            before = out.pop()
            rec = replace(rec, line=before.line, target=before.target, indikator=before.indikator,
                          raw=f"{before.raw} {rec.raw}")
        out.append(rec)
    return out


def clause_drafts(clause: str, handed: str = "", carried: str = "") -> list[tuple[str, _Draft]]:
    """(kind, draft) of every record a clause states: a comparison with a benchmark is read as one record
    (kind `comparison`), the text before it and any other clause by the role words, and a `nilai akhir`
    score the role words leave unread (kind `narrative`)."""
    cmp = read_comparison(clause)
    head = clause if cmp is None else clause[:cmp.start]
    drafts = drafts_of(head, handed, carried)
    comparison = [] if cmp is None else [("comparison", comparison_draft(cmp, drafts))]
    change = change_drafts(head)
    moved = {m.start for d in change for m in d.roles.values()}  # a change's figures are its own
    drafts = [d for d in drafts if not moved & {m.start for m in d.roles.values()}]
    out = [("narrative", d) for d in drafts + change] + comparison
    taken = {m.start for _, d in out for m in d.roles.values()}
    out += [("narrative", d) for d in final_scores(head, taken)]
    return sorted(out, key=lambda kd: kd[1].offset)


def _record(document: Document, st: Statement, offset: int, clause: str, kind: str, d: _Draft
            ) -> IndicatorRecord | BudgetRecord | None:
    at = {role: _line_of(st, offset + _digits_at(m)) for role, m in d.roles.items()}
    line = at[min(d.roles, key=lambda role: d.roles[role].start)]
    prov = Provenance(st.prov.source_file, line, st.prov.page, clause)
    q = {role: _quantity(m, replace(prov, line=at[role])) for role, m in d.roles.items()}
    year = d.year or document.year
    if d.has_money():
        kind = "pnbp" if _PNBP.search(d.lead) or _PNBP.search(clause[d.offset:d.end]) else "narrative"
        return BudgetRecord(
            report_id=document.report_id, source_file=document.source_file, line=line,
            page=st.prov.page, table_id="", kind=kind, year=year, item=_item(d.lead, clause),
            parent_item="", is_total=True, pagu=q.get("pagu"), realisasi=q.get("realisasi"),
            pct=q.get("pct"), raw=clause.strip(),
        )
    if not {"target", "realisasi", "capaian"} & q.keys():
        return None
    name = d.name or indikator_name(clause, st.context)
    return IndicatorRecord(
        report_id=document.report_id, source_file=document.source_file, line=line, page=st.prov.page,
        table_id="", kind=kind, year=year, sasaran="", indikator=name,
        target=q.get("target"), realisasi=q.get("realisasi"), capaian=q.get("capaian"),
        raw=clause.strip(), polarity=polarity(name),
    )


def records_from_statements(
    document: Document, statements: Sequence[Statement]
) -> tuple[list[IndicatorRecord], list[BudgetRecord]]:
    indicators: list[IndicatorRecord] = []
    budget: list[BudgetRecord] = []
    before = ""  # the paragraph before: its last amount's role carries over to a connector (`Sedangkan …`)
    for st, handed in paragraphs(statements):
        carried = _last_money_role(before) if before and _CONNECTOR.match(st.text) else ""
        before = st.text
        if handed == "growth":
            continue  # an item of a list of weights or changes, not of results
        item = item_amount(document, st)
        if item is not None:
            budget.append(item)
            continue
        for offset, clause in clauses(st.text):
            for kind, d in clause_drafts(clause, handed, carried):
                rec = _record(document, st, offset, clause, kind, d)
                if isinstance(rec, BudgetRecord):
                    budget.append(rec)
                elif rec is not None:
                    indicators.append(rec)
    return join_stated_targets(indicators), budget

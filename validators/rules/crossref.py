"""Rule family 8 — cross-references: one quantity stated with different values in different places.

Indicator records are grouped by indicator (fuzzy name match) and year, budget records
by item (or "total"), year and whether they are PNBP. Within a group, each figure
(target, realisasi, capaian; pagu, realisasi, %) is compared by its printed precision.
Where the values disagree, one finding names every place (related_lines) and points
at the outlier: the value the others do not share, preferring the one whose own
arithmetic fails.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from functools import cached_property, lru_cache

import regex as re
from rapidfuzz import fuzz

from normalizers.numbers import NumberMatch, find_numbers
from pipeline.model import BudgetRecord, Formula, IndicatorRecord, Provenance, Quantity
from validators.arithmetic import stated_number
from validators.rounding import Interval, fmt, stated_interval
from validators.rules.base import Check, Context, Issue, figure
from validators.rules.budget import pct_computed
from validators.rules.capaian import capaian_computed, capaian_interval, stated, stated_capaian
from validators.rules.formulas import chains

SPACES = re.compile(r"\s+")
OTHER_TARGET = re.compile(r"rpjmn|renstra|nasional|rata", re.I)
REALISASI_WORD = re.compile(r"\brealisasi\b(?!\s+dibanding)", re.I)
NOT_WORD_CHAR = re.compile(r"[^\p{L}\p{N} ]")
REALISASI = re.compile(r"realisasi", re.I)
DARI = re.compile(r"\bdari\b")

NOISE = re.compile(r"<[^>]+>|\*+|^\W*(?:\d{1,2}|[ivx]{1,4}|[a-z])[.)]\s+|\bikk\b|\biku\b|"
                   r"^\W*indikator\s+kinerja(?:\s+(?:kegiatan|utama))?\s*:?|^\W*indikator\s*\d*\s*:", re.I)
TOTAL_ITEM = re.compile(r"^\W*(?:grand\s*total|total|jumlah|realisasi\s+belanja|belanja)\b", re.I)
MIN_SIMILARITY = 92
SYMBOLIC_RATIO = re.compile(r"\\frac\s*\{\s*\\text\s*\{\s*Realisasi[^}]*\}\s*\}\s*\{\s*\\text\s*\{\s*Target", re.I)
NUMERIC_RATIO = re.compile(r"\\frac\s*\{\s*([\d.,]+\s*(?:\\?%)?)\s*\}\s*\{\s*([\d.,]+\s*(?:\\?%)?)\s*\}")


@dataclass(frozen=True)
class Place:
    value: Quantity
    line: int
    arithmetic_ok: bool
    page: int | None = None

    @cached_property
    def interval(self) -> Interval:
        """The values the printed figure stands for (worked out once: every place is held against every other)."""
        assert self.value.value is not None
        return figure(self.value).interval if self.value.decimals == 0 else \
            stated_interval(self.value.value, self.value.decimals)


@lru_cache(maxsize=8192)
def normalize_name(name: str) -> str:
    """A name in lower case, without markup, list marks, `IKK`/`IKU` and punctuation (cached: names repeat)."""
    text = NOISE.sub(" ", name or "").lower()
    return SPACES.sub(" ", NOT_WORD_CHAR.sub(" ", text)).strip()


# words that make a name another quantity though the rest is spelt alike: a negation (`non berusaha`), a
# number or ordinal (`triwulan ii`, `tahap 2`), one side of an opposite pair
NEGATIONS = frozenset({"non", "tidak", "bukan", "belum", "tanpa", "selain", "kecuali", "anti"})
QUALIFIERS = frozenset({"masuk", "keluar", "datang", "berangkat", "kedatangan", "keberangkatan", "laki", "perempuan",
                        "pria", "wanita", "pusat", "daerah", "luar", "langsung", "negeri", "asing", "baru", "lama",
                        "pendapatan", "belanja", "pembiayaan", "penerimaan", "pengeluaran"})
ORDINAL = re.compile(r"^(?:\d+|[ivx]{1,4})$")


def _distinguishing(word: str) -> bool:
    return word in NEGATIONS or word in QUALIFIERS or ORDINAL.match(word) is not None


def _extra_words(a: Sequence[str], b: Sequence[str]) -> list[str]:
    """Distinguishing words of `a` that `b` lacks."""
    have = set(b)
    return [w for w in a if _distinguishing(w) and w not in have]


def distinct_names(a: str, b: str) -> bool:
    """Two normalised names of different things though spelt alike: a negation, a number or a qualifier in one
    of them only (`pelayanan perizinan berusaha` / `pelayanan perizinan non berusaha`, `triwulan i` / `ii`)."""
    wa, wb = a.split(), b.split()
    return bool(_extra_words(wa, wb) or _extra_words(wb, wa))


def _window(name: str, text: str) -> tuple[list[str], str]:
    """The whole words of `text` inside the stretch where `name` aligns best, and the word before them."""
    al = fuzz.partial_ratio_alignment(name, text)
    start, end = al.dest_start, al.dest_end
    if start > 0 and text[start - 1] != " ":  # a word cut at the start belongs before the stretch
        nxt = text.find(" ", start)
        start = end if nxt < 0 or nxt >= end else nxt + 1
    if end < len(text) and text[end] != " ":  # a word cut at the end is not inside it
        end = max(start, text.rfind(" ", start, end))
    before = text[:start].split()
    return text[start:end].split(), before[-1] if before else ""


def names_in(name: str, text: str) -> bool:
    """`name` (normalised) stands in `text` (normalised) as itself: no negation right before the stretch it
    aligns with, and no distinguishing word inside that stretch that the name lacks."""
    words, before = _window(name, text)
    if before in NEGATIONS and before not in name.split():
        return False
    return not _extra_words(words, name.split())


def _alike(name: str, rep: str) -> bool:
    """Two normalised names of one indicator: spelt at least MIN_SIMILARITY alike, no distinguishing word."""
    return bool(name) and fuzz.token_sort_ratio(name, rep, score_cutoff=MIN_SIMILARITY) >= MIN_SIMILARITY \
        and not distinct_names(name, rep)


def without_acronyms(name: str) -> str:
    """A normalised name without the acronyms that follow the words they abbreviate (`indeks kepuasan
    masyarakat ikm` → `indeks kepuasan masyarakat`): a sentence may leave out the bracketed acronym."""
    words = name.split()
    out: list[str] = []
    for w in words:
        n = len(w)
        if 2 <= n <= 5 and w.isalpha() and len(out) >= n and "".join(x[0] for x in out[-n:]) == w:
            continue
        out.append(w)
    return " ".join(out)


MIN_NAME_CHARS = 15
MIN_NAME_WORDS = 4  # a name a sentence may contain on its own
MIN_WEAK_NAME_WORDS = 3  # a shorter name (`indeks kepuasan masyarakat`): only with a figure in common

Agrees = Callable[[int, list[int]], bool]  # (a sentence's index, its would-be group's member indices) → joins


def _cluster(names: Sequence[str], sentences: Sequence[bool] | None = None, agrees: Agrees | None = None) -> list[int]:
    """A group index per name: names at least MIN_SIMILARITY alike share a group; a sentence (a
    narrative record named by its whole sentence) joins the group whose name it contains, its acronyms
    optional; a name of three words is enough where `agrees` says the sentence shares a figure with the group."""
    sentences = sentences or [False] * len(names)
    reps: list[str] = []
    out: list[int | None] = []
    known: dict[str, int] = {}  # a name met again joins the group it joined: reps before it only grow after it
    for name, is_sentence in zip(names, sentences, strict=True):
        if is_sentence:
            out.append(None)
            continue
        if name in known:
            out.append(known[name])
            continue
        idx = next((i for i, r in enumerate(reps) if _alike(name, r)), None)
        if idx is not None:
            known[name] = idx
        else:
            reps.append(name)
            idx = len(reps) - 1
            if _alike(name, name):  # met again, it joins its own group (an empty name never joins one)
                known[name] = idx
        out.append(idx)
    # the indicator names a sentence can contain: long enough, fixed before the sentences are placed (what they
    # add below starts with \x00 and names nothing)
    named: list[tuple[int, str]] = []
    weak: list[tuple[int, str]] = []
    for i, r in enumerate(reps):
        for variant in dict.fromkeys((r, without_acronyms(r))):
            n_words = len(variant.split())
            if len(variant) >= MIN_NAME_CHARS and n_words >= MIN_NAME_WORDS:
                named.append((i, variant))
            elif len(variant) >= MIN_NAME_CHARS and n_words == MIN_WEAK_NAME_WORDS and agrees is not None:
                weak.append((i, variant))
    for k, (name, is_sentence) in enumerate(zip(names, sentences, strict=True)):
        if not is_sentence:
            continue
        inside = [(len(r), i) for i, r in named if _contains(name, r)]
        if not inside and weak and agrees is not None:
            inside = [(len(r), i) for i, r in weak if _contains(name, r)
                      and agrees(k, [j for j, g in enumerate(out) if g == i])]
        if inside:
            out[k] = max(inside)[1]
        else:  # a sentence naming no known indicator is compared with nothing
            reps.append("\x00" + name + str(k))
            out[k] = len(reps) - 1
    return [i if i is not None else -1 for i in out]


def expand_acronyms(short: str, long: str) -> str:
    """`persentase rencana aksi rb` against `… reformasi birokrasi …`: the long name's words whose
    initials spell an acronym of the short one are replaced by that acronym."""
    words = long.split()
    initials = "".join(w[0] for w in words)  # one letter per word: a run of words spells `initials[i:i + n]`
    for token in set(short.split()):
        if not 2 <= len(token) <= 4 or not token.isalpha():
            continue
        i = initials.find(token)
        if i >= 0:
            words[i:i + len(token)] = [token]
            initials = initials[:i] + token[0] + initials[i + len(token):]
    return " ".join(words)


def _contains(text: str, name: str) -> bool:
    """The indicator `name` stands inside `text` (acronyms of the text allowed), or a short text
    of at least four words is the name with its acronyms written out."""
    if name.startswith("\x00"):
        return False  # a sentence that named no indicator is no indicator name
    if len(name) <= len(text):
        return fuzz.partial_ratio(name, text, score_cutoff=95) >= 95 and names_in(name, text)
    return len(text.split()) >= 4 and fuzz.partial_ratio(text, expand_acronyms(text, name), score_cutoff=95) >= 95


def _is_sentence(rec: IndicatorRecord) -> bool:
    return rec.kind == "narrative"


def _agree(a: Place, b: Place) -> bool:
    return a.interval.meets(b.interval)


def _outlier(places: list[Place]) -> tuple[Place, list[Place]] | None:
    """The place that disagrees with the others (or the first place whose arithmetic fails)."""
    if len(places) < 2:
        return None
    if all(_agree(places[0], p) for p in places[1:]) and all(
            _agree(p, q) for p in places for q in places):
        return None
    support = [sum(1 for q in places if _agree(p, q)) for p in places]
    low = min(support)
    candidates = [p for p, s in zip(places, support, strict=True) if s == low]
    bad = [p for p in candidates if not p.arithmetic_ok]
    out = (bad or candidates)[0]
    return out, [p for p in places if p is not out]


def _issue(check: Check, subject: str, field: str, outlier: Place, others: list[Place]) -> Issue:
    agreed = [p for p in others if _agree(p, others[0])]
    expected = others[0].value.raw.strip() if len(agreed) == len(others) else \
        " / ".join(dict.fromkeys(p.value.raw.strip() for p in others))
    where = ", ".join(f"{p.value.raw.strip()} (line {p.line})" for p in others)
    return Issue(check.name, check.severity, outlier.line, subject[:120], outlier.value.raw.strip(), expected,
                 f"{field} of {subject[:80]} is {outlier.value.raw.strip()} here but {where} elsewhere",
                 related_lines=tuple(sorted({p.line for p in others})), page=outlier.page)


def _compare(check: Check, subject: str, field: str, places: list[Place]) -> Iterator[Issue]:
    found = _outlier(places)
    if found is not None:
        yield _issue(check, subject, field, *found)


def _places(recs: Sequence[object], get: Callable[[object], Quantity | None],
            ok: Callable[[object], bool]) -> list[Place]:
    out = []
    seen: set[tuple[int, str]] = set()
    for r in recs:
        q = get(r)
        if q is None or q.value is None:
            continue
        line = q.prov.line if q.prov and q.prov.line else getattr(r, "line", None)
        if line is None or (line, q.raw) in seen:
            continue
        seen.add((line, q.raw))
        page = q.prov.page if q.prov and q.prov.page is not None else getattr(r, "page", None)
        out.append(Place(q, line, ok(r), page))
    return out


def formula_indicator_records(ctx: Context) -> list[IndicatorRecord]:
    """`Capaian = Realisasi / Target × 100% = a / b × 100% = c` under an indicator's heading, as a record
    (target b, realisasi a, capaian c); `Realisasi / Target RPJMN = a / b` gives the realisasi a only."""
    doc = ctx.report.document
    out = []
    for chain in chains(doc.formulas):
        sym = next((p for p in chain.parts if SYMBOLIC_RATIO.search(p)), None)
        if sym is None:
            continue
        k = chain.parts.index(sym)
        numeric = next((i for i in range(k + 1, len(chain.parts)) if NUMERIC_RATIO.search(chain.parts[i])), None)
        if numeric is None:
            continue
        m = NUMERIC_RATIO.search(chain.parts[numeric])
        assert m is not None
        line = chain.line_of(numeric)
        prov = Provenance(doc.source_file, line, chain.page, chain.parts[numeric])
        real = _formula_quantity(m.group(1), prov)
        other_target = bool(OTHER_TARGET.search(sym))
        target = None if other_target else _formula_quantity(m.group(2), prov)
        stated = stated_number(chain.parts[-1]) if numeric < len(chain.parts) - 1 else None
        capaian = None
        if stated is not None and not other_target:
            capaian = Quantity(chain.parts[-1], stated[0], stated[1], "percent", "%", prov=Provenance(
                doc.source_file, chain.line_of(len(chain.parts) - 1), chain.page, chain.parts[-1]))
        name = (chain_context(doc.formulas, line) or "").split("›")[0]
        if real is None or not name.strip():
            continue
        out.append(IndicatorRecord(doc.report_id, doc.source_file, line, chain.page, "", "narrative", doc.year, "",
                                   name.strip(), target, real, capaian, chain.parts[numeric]))
    return out


def _formula_quantity(text: str, prov: Provenance) -> Quantity | None:
    got = stated_number(text)
    if got is None:
        return None
    return Quantity(text, got[0], got[1], "percent" if got[2] else "", "", prov=prov)


def chain_context(formulas: Sequence[Formula], line: int | None) -> str:
    return next((f.context for f in formulas if f.prov.line == line and f.context), "")


AGGREGATE_NAME = re.compile(r"^(?:rata rata|jumlah|total|nilai rata)\b")


def _without_series(members: list[IndicatorRecord]) -> list[IndicatorRecord]:
    """Drop the rows of a table that lists the same indicator several times (a series over years)."""
    per_table: dict[str, int] = {}
    for m in members:
        if m.table_id:
            per_table[m.table_id] = per_table.get(m.table_id, 0) + 1
    return [m for m in members if not m.table_id or per_table[m.table_id] == 1]


def _unit_class(p: Place) -> str:
    if "%" in p.value.raw or p.value.unit == "percent":
        return "percent"
    return "other"


def _interval(rec: IndicatorRecord, field: str) -> Interval | None:
    q = stated(rec, getattr(rec, field))
    if q is None or q.value is None:
        return None
    return figure(q).interval if q.decimals == 0 else stated_interval(q.value, q.decimals)


_FIELDS = ("target", "realisasi", "capaian")
Intervals = dict[str, Interval | None]  # a record's figures by field, as intervals


def _intervals(rec: IndicatorRecord) -> Intervals:
    return {field: _interval(rec, field) for field in _FIELDS}


def _swapped(own_ivs: Intervals, others: Sequence[Intervals]) -> bool:
    """A figure of a record (`own_ivs`) that the other records state as a capaian while none states it in the
    role read here (or the other way round): the column was read under the wrong role (a `Capaian (%)` column
    as realisasi)."""
    for field in _FIELDS:
        own = own_ivs[field]
        if own is None:
            continue
        roles = ("target", "realisasi") if field == "capaian" else ("capaian",)
        same = [iv for o in others if (iv := o[field]) is not None]
        other = [iv for o in others for g in roles if (iv := o[g]) is not None]
        if any(own.meets(iv) for iv in other) and not any(own.meets(iv) for iv in same):
            return True
    return False


def _from_table(rec: IndicatorRecord) -> bool:
    return bool(rec.table_id) and rec.kind != "narrative"


def _without_role_swaps(members: list[IndicatorRecord]) -> list[IndicatorRecord]:
    """Drop a table row whose column roles other tables contradict. (A sentence that calls a capaian its
    realisasi is the report's own slip, and stays.)"""
    tables = [m for m in members if _from_table(m)]
    ivs = {id(m): _intervals(m) for m in tables}  # each record's intervals once, not once per other record
    return [m for m in members if not _from_table(m)
            or not _swapped(ivs[id(m)], [ivs[id(o)] for o in tables if o is not m])]


def check_indicator_xref(ctx: Context, check: Check) -> Iterator[Issue]:
    recs = [r for r in (*ctx.report.indicators, *formula_indicator_records(ctx)) if r.kind != "comparison"]
    year = ctx.report.document.year
    groups: dict[tuple[int, int | None], list[IndicatorRecord]] = {}
    ivs: dict[int, Intervals] = {}  # worked out only for the few sentences a three-word name is found in

    def of(j: int) -> Intervals:
        if j not in ivs:
            ivs[j] = _intervals(recs[j])
        return ivs[j]

    def agrees(k: int, members: list[int]) -> bool:
        """The sentence `k` states a figure that a member of the group states in the same role and year."""
        yr = recs[k].year or year
        return any(a is not None and (b := of(j)[f]) is not None and a.meets(b)
                   for j in members if (recs[j].year or year) == yr for f, a in of(k).items())

    clusters = _cluster([normalize_name(r.indikator) for r in recs], [_is_sentence(r) for r in recs], agrees)
    for rec, g in zip(recs, clusters, strict=True):
        groups.setdefault((g, rec.year or year), []).append(rec)
    for members in groups.values():
        members = _without_series([m for m in members if not AGGREGATE_NAME.match(normalize_name(m.indikator))])
        members = _without_role_swaps(members)
        if len(members) < 2:
            continue
        subject = members[0].indikator
        for field in ("target", "realisasi", "capaian"):
            places = _places(members, lambda r, f=field: stated(r, getattr(r, f)),  # type: ignore[misc]
                             lambda r: capaian_computed(r)[1] != "mismatch")  # type: ignore[arg-type]
            if field != "capaian":
                # a percentage and an index (or a count) are not the same quantity: compare within the larger kind
                kinds = [_unit_class(p) for p in places]
                main = max(("percent", "other"), key=kinds.count)
                places = [p for p, k in zip(places, kinds, strict=True) if k == main]
            yield from _compare(check, subject, field, places)


PART_OF_BUDGET = re.compile(r"\b(?:sub\s*-?\s*)?kegiatan\b|\bprogram\b|\bsasaran\b|\bSS\d|\bIK\d|efisiensi|"
                            r"tidak\s+terpakai|sisa\s+anggaran|belanja\s+(?:pegawai|barang|modal)", re.I)


# a sentence stating the unit's whole budget: `total anggaran`, `realisasi belanja`, the DIPA, or `realisasi
# anggaran [the unit's name] … dari (total) pagu …` (what it names is a part only when PART_OF_BUDGET says so)
WHOLE_BUDGET = re.compile(r"total\s+anggaran|total\s+pagu|realisasi\s+(?:anggaran\s+)?belanja|anggaran\s+belanja|"
                          r"\bdipa\b|rka\s*-?\s*k\s*/?\s*l|(?:ke)?seluruh(?:an)?\s+anggaran|anggaran\s+(?:secara\s+)?"
                          r"keseluruhan|\bpnb[pk]|realisasi\s+anggaran\b(?=.*\bdari\s+(?:total\s+)?pagu\b)", re.I)


def _part_of_budget(rec: BudgetRecord) -> bool:
    """A sentence that does not say it states the whole budget (`total anggaran`, `realisasi belanja`, DIPA),
    or that names a kegiatan, program or sasaran: a part of the budget, however its figures were labelled."""
    if rec.kind != "narrative" or rec.table_id:
        return False
    text = f"{rec.item} {rec.raw}"
    return PART_OF_BUDGET.search(text) is not None or WHOLE_BUDGET.search(text) is None


def _budget_key(rec: BudgetRecord) -> str:
    if _part_of_budget(rec):
        return "\x00" + normalize_name(rec.raw or rec.item)  # named by its sentence: compared with nothing
    if rec.is_total or (TOTAL_ITEM.match(rec.item or "") and not normalize_name(rec.item).startswith("belanja ")):
        return "__total__"
    return normalize_name(rec.item)


WHOLE_BUDGET_KINDS = frozenset({"by_belanja", "multi_year", "narrative", "pnbp"})
BELANJA_KINDS = frozenset({"by_belanja", "by_program", "multi_year", "narrative"})


def _budget_class(rec: BudgetRecord) -> str:
    """Spending (belanja) totals are one quantity; PNBP and other revenue tables are others, per table."""
    if rec.kind == "pnbp" or PNBP.search(f"{rec.item} {rec.raw}"):
        return "pnbp"
    return "belanja" if rec.kind in BELANJA_KINDS else f"other:{rec.table_id}"


def _figures_of(rec: BudgetRecord) -> tuple[object, ...]:
    return tuple(q.value if q is not None else None for q in (rec.pagu, rec.realisasi))


def _without_sections(members: list[BudgetRecord]) -> list[BudgetRecord]:
    """Drop the rows of a table that states the same name (`JUMLAH`) with different figures: they are the
    totals of its different sections (pendapatan, belanja, pembiayaan), not one quantity stated twice."""
    per_table: dict[str, set[tuple[object, ...]]] = {}
    for m in members:
        if m.table_id:
            per_table.setdefault(m.table_id, set()).add(_figures_of(m))
    return [m for m in members if not m.table_id or len(per_table[m.table_id]) == 1]


def check_budget_xref(ctx: Context, check: Check) -> Iterator[Issue]:
    year = ctx.report.document.year
    groups: dict[tuple[str, int | None, str], list[BudgetRecord]] = {}
    recs = [r for r in (*ctx.report.budget, *prose_budget_records(ctx))
            if (r.table_id and r.kind != "narrative") or REALISASI.search(f"{r.item} {r.raw}")]
    names = [_budget_key(r) for r in recs]
    clusters = _cluster(names)
    for rec, name, g in zip(recs, names, clusters, strict=True):
        if name == "__total__" and rec.kind not in WHOLE_BUDGET_KINDS:
            continue  # the total of a program or sasaran table is only a part of the office budget
        key = ("__total__" if name == "__total__" else str(g), rec.year or year, _budget_class(rec))
        groups.setdefault(key, []).append(rec)
    for (name, yr, _pnbp), members in groups.items():
        members = _without_sections(members)
        if len(members) < 2:
            continue
        subject = ("total" if name == "__total__" else members[0].item) + (f" {yr}" if yr else "")
        for field in ("pagu", "realisasi"):
            places = _places(members, lambda r, f=field: getattr(r, f),  # type: ignore[misc]
                             lambda r: pct_computed(r)[1] != "mismatch")  # type: ignore[arg-type]
            yield from _compare(check, subject, field, places)



# --------------------------------------------------------------------------- prose against records

CAPAIAN_CLAIM = re.compile(
    r"(?:realisasi\s+(?:dibanding(?:kan)?|terhadap)\s+(?:dengan\s+)?target[^.\d%]{0,40}?"
    r"|dengan\s+capaian(?:\s+kinerja)?\s*(?:sebesar)?\s*)(?:yaitu|adalah|sebesar|:)?\s*(?:sebesar\s*)?\[?$", re.I)
CLAIM_WORD = re.compile(r"realisasi|capaian", re.I)  # a word every CAPAIAN_CLAIM holds (same engine and flags)
OTHER_BASIS = re.compile(r"rpjmn|renstra|rata\s*-?\s*rata|tahun\s+sebelumnya|tahun\s+lalu", re.I)
SAME_AS_TARGET = re.compile(r"sama\s+dengan\s+realisasi\s+dibanding", re.I)
YEAR_BEFORE = re.compile(r"tahun\s+((?:19|20)\d\d)", re.I)
PNBP = re.compile(r"\bpnb[pk]\b", re.I)


def _named(recs: Sequence[IndicatorRecord]) -> list[tuple[str, IndicatorRecord]]:
    """(normalised name, record) of the records a sentence can name (a name of 15 characters or more)."""
    return [(name, r) for r in recs if len(name := normalize_name(r.indikator)) >= 15]


def _best_record(text: str, recs: Sequence[tuple[str, IndicatorRecord]]) -> list[IndicatorRecord]:
    """The records of the indicator the sentence names (fuzzy), best match only; `recs` as `_named` gives them."""
    norm = normalize_name(text)
    scores: dict[str, float | None] = {}  # one fuzzy match per distinct name: many records share one
    scored = []
    for name, r in recs:
        if name not in scores:
            score = fuzz.partial_ratio(name, norm, score_cutoff=90)  # below 90: 0, never kept
            scores[name] = score if score >= 90 and names_in(name, norm) else None
        if (got := scores[name]) is not None:
            scored.append((got, name, r))
    if not scored:
        return []
    top = max(s for s, _, _ in scored)
    best = [(name, r) for s, name, r in scored if s == top]
    longest = max((name for name, _ in best), key=len)
    if any(name not in longest for name, _ in best):
        return []  # two different indicators named equally well: do not guess
    return [r for name, r in best if name == longest]


def check_prose_capaian(ctx: Context, check: Check) -> Iterator[Issue]:
    """`… sama dengan realisasi dibanding target yaitu sebesar X %`, `… dengan capaian X %`:
    X against the capaian of the indicator the sentence names, as stated and as recomputed."""
    year = ctx.report.document.year
    recs = _named([r for r in ctx.report.indicators if r.kind != "comparison" and (r.year in (None, year))])
    for st in ctx.report.document.statements:
        if CLAIM_WORD.search(st.text) is None:
            continue  # no figure of it can follow a CAPAIAN_CLAIM
        if OTHER_BASIS.search(st.text) and not SAME_AS_TARGET.search(st.text):
            continue
        for m in find_numbers(st.text):
            if m.unit != "percent" or m.value is None or not CAPAIAN_CLAIM.search(st.text[:m.start]):
                continue
            head = st.text[:m.start]
            best = _best_record(head[-400:], [(n, r) for n, r in recs if r.line != st.prov.line])
            lines = sorted({r.line for r in best if r.line is not None and r.line != st.prov.line})
            if not best or not lines:
                continue
            own = stated_interval(m.value, m.decimals)
            values: list[Interval] = []
            for r in best:
                c = stated_capaian(r)
                if c is not None and c.value is not None:
                    values.append(stated_interval(c.value, c.decimals))
                got = capaian_interval(r)
                if got is not None:
                    values.append(got)
            if REALISASI_WORD.search(head):
                values += [figure(r.realisasi).interval for r in best
                           if r.realisasi is not None and r.realisasi.value is not None]
            if not values or any(own.meets(v) for v in values):
                continue
            computed = next((capaian_interval(r) for r in best if capaian_interval(r) is not None), None)
            expected = computed.mid if computed is not None else values[0].mid
            yield Issue(check.name, check.severity, st.prov.line,
                        best[0].indikator[:120], m.raw, fmt(expected, 2),
                        f"the sentence gives capaian {m.raw} for {best[0].indikator[:80]}, but its records give "
                        f"{fmt(expected, 2)} (lines {', '.join(map(str, lines))})",
                        related_lines=tuple(lines), page=st.prov.page)


def _quantity(m: NumberMatch, prov: Provenance) -> Quantity:
    return Quantity(m.raw, m.value, m.decimals, m.unit, m.unit_raw, prov=prov)


def prose_budget_records(ctx: Context) -> list[BudgetRecord]:
    """`realisasi belanja tahun Y sebesar Rp A atau P % dari total anggaran Rp B` as total budget records."""
    out = []
    year = ctx.report.document.year
    doc = ctx.report.document
    for st in doc.statements:
        figs = [m for m in find_numbers(st.text) if m.value is not None and not m.is_year]
        for k, p in enumerate(figs):
            if p.unit != "percent" or k == 0 or k + 1 >= len(figs):
                continue
            a, b = figs[k - 1], figs[k + 1]
            if a.unit != "rupiah" or b.unit != "rupiah" or not DARI.search(st.text[p.end:b.start]):
                continue
            years = YEAR_BEFORE.findall(st.text[:a.start])
            yr = int(years[-1]) if years else year
            prov = st.prov
            kind = "pnbp" if PNBP.search(st.text[:a.start]) else "narrative"
            out.append(BudgetRecord(doc.report_id, doc.source_file, prov.line, prov.page, "", kind, yr,
                                    "total", "", True, _quantity(b, prov), _quantity(a, prov),
                                    _quantity(p, prov), st.text[:200]))
    return out


STAFF_COUNT = re.compile(
    r"(?:sejumlah|sebanyak|berjumlah|total|didukung\s+(?:oleh|dengan)[^.\d]{0,60}?)\s*(?<![\d.,])(\d{1,4})\s*"
    r"(?:\([\p{L}\s]{3,40}\)\s*)?orang\s+(?:pegawai|asn\b|aparatur\s+sipil\s+negara|personil|personel|sdm\b)", re.I)


def check_staff_counts(ctx: Context, check: Check) -> Iterator[Issue]:
    """The office's head count (`sejumlah 71 orang pegawai`, `74 orang ASN`) stated differently in the text."""
    places: list[tuple[int, int, str]] = []
    pages: dict[int, int | None] = {}
    for st in ctx.report.document.statements:
        for m in STAFF_COUNT.finditer(st.text):
            if st.prov.line is not None:
                places.append((int(m.group(1)), st.prov.line, m.group(0)))
                pages[st.prov.line] = st.prov.page
    values = {v for v, _, _ in places}
    if len(values) < 2:
        return
    counts = {v: sum(1 for x, _, _ in places if x == v) for v in values}
    common = max(values, key=lambda v: (counts[v], -min(ln for x, ln, _ in places if x == v)))
    outliers = [p for p in places if p[0] != common]
    first = outliers[0]
    yield Issue(check.name, check.severity, first[1], "jumlah pegawai", first[2], str(common),
                "the head count is stated as " + ", ".join(f"{v} (line {ln})" for v, ln, _ in places),
                related_lines=tuple(sorted({ln for _, ln, _ in places if ln != first[1]})), page=pages.get(first[1]))

"""What a table is, from its column roles and figures: indicators, budget, or neither.

Role names are then settled for the table's family: in an indicator table a lone `%`
column is the capaian, and where `Capaian` stands beside `Persentase` with no
`Realisasi`, `Capaian` is the realised value and `Persentase` the capaian; a
`Rata-rata` column is the benchmark a comparison measures against. In a budget table
`Capaian` is the percentage, and where both original and revised pagu are given the
revised one is the pagu.

A table of indicators whose only value columns are bare years (`Indikator | Satuan | 2021 |
2022 | 2023`) holds what its title says (`Perbandingan Realisasi Kinerja Tahun 2021-2023`:
each year's realisasi); a title naming no role leaves it unread.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

import regex as re

from interpret.cells import clean, is_money
from interpret.columns import BUDGET_ROLES, ColumnCounts, HeaderSpec, Layout, align
from interpret.rows import read_rows

INDICATOR = "indicator"
BUDGET = "budget"
NONE = ""

_PNBP = re.compile(r"\bpnbp\b|penerimaan\s+negara\s+bukan\s+pajak|\bpendapatan\b", re.I)
_SCORE_ROWS = re.compile(r"^(?:bobot|nilai\s+akhir|nilai\s+aspek|nilai\s+tertimbang)$", re.I)
_INDICATOR_EVIDENCE = frozenset({"target", "realisasi", "capaian", "benchmark", "indikator"})
BUDGET_PCT = re.compile(r"\b(?:anggaran|penyerapan|belanja|keuangan|pagu|dana)\b", re.I)
_SCORE_ROLES = frozenset({"bobot", "nilai_akhir"})
# what a caption says the year columns of an indicator table hold: its first role word decides
_YEAR_ROLE = re.compile(r"\b(?:(?P<realisasi>reali[sz]asi)|(?P<capaian>(?:pen)?capaian)|(?P<target>target))\b", re.I)
# `Target dan Realisasi …`: two roles named together, which the bare year columns cannot both hold
_ROLE_PAIR = re.compile(r"\s*(?:dan|&|/|serta)\s*(?:reali[sz]asi|(?:pen)?capaian|target)\b", re.I)


@dataclass(frozen=True)
class Classified:
    family: str
    layout: Layout


def _comparison_columns(spec: HeaderSpec) -> HeaderSpec:
    """Beside a benchmark column, a `%` capaian column is the comparison's result and any other
    capaian column the office's own value (`Capaian Unit di Atasnya | Capaian Kantor | Capaian (%)`)."""
    caps = [hc for hc in spec.columns if hc.role == "capaian"]
    has_pct = any(hc.role == "pct" for hc in spec.columns)
    cols = []
    for hc in spec.columns:
        role = hc.role
        if role == "benchmark":
            role = "target"
        elif role == "capaian" and "realisasi" not in spec.roles:
            role = "capaian" if len(caps) > 1 and "%" in hc.text and not has_pct else "realisasi"
        elif role == "pct":
            role = "capaian"
        cols.append(replace(hc, role=role))
    return HeaderSpec(tuple(cols), spec.n_rows, spec.width)


def indicator_roles(spec: HeaderSpec) -> HeaderSpec:
    roles = spec.roles
    if "benchmark" in roles:
        spec = _comparison_columns(spec)
        return spec.with_roles({r: "" for r in BUDGET_ROLES})
    spec = _last_years_value(_budget_pct_aside(spec))
    roles = spec.roles
    mapping: dict[str, str] = {}
    if "capaian" in roles and "pct" in roles and "realisasi" not in roles:
        mapping.update({"capaian": "realisasi", "pct": "capaian"})
    for r in BUDGET_ROLES:
        mapping.setdefault(r, "")
    return _pct_as_capaian(spec.with_roles(mapping))


def _last_years_value(spec: HeaderSpec) -> HeaderSpec:
    """`Capaian Tahun 2015 | Tahun 2016: Target | Realisasi | % Realisasi`: a year's `Capaian` standing alone
    (no target or realisasi of that year, no `%` in its header) beside a later year measured in full is what
    that year achieved, its realisasi, not a percentage."""
    cols = spec.columns
    full = {hc.year for hc in cols if hc.role == "realisasi" and hc.year is not None} & \
        {hc.year for hc in cols if hc.role == "target" and hc.year is not None}
    out = []
    for hc in cols:
        alone = hc.role == "capaian" and hc.year is not None and not hc.basis and "%" not in hc.text \
            and not any(o.year == hc.year and o.role in ("target", "realisasi") for o in cols) \
            and any(y > hc.year for y in full)
        out.append(replace(hc, role="realisasi") if alone else hc)
    return HeaderSpec(tuple(out), spec.n_rows, spec.width)


def _budget_pct_aside(spec: HeaderSpec) -> HeaderSpec:
    """`% Penyerapan Anggaran` beside an indicator's `% Capaian Kinerja` is the budget's share spent,
    neither the indicator's capaian nor its realisasi: it takes no indicator role."""
    if "capaian" not in spec.roles:
        return spec
    cols = tuple(replace(hc, role="") if hc.role == "pct" and BUDGET_PCT.search(hc.text) else hc
                 for hc in spec.columns)
    return HeaderSpec(cols, spec.n_rows, spec.width)


def _pct_as_capaian(spec: HeaderSpec) -> HeaderSpec:
    """In an indicator table a `%` column (`% Realisasi`) is the capaian of its year when that year
    has no capaian column of its own."""
    caps = {(hc.year, hc.basis) for hc in spec.columns if hc.role == "capaian"}
    cols = tuple(replace(hc, role="capaian") if hc.role == "pct" and (hc.year, hc.basis) not in caps else hc
                 for hc in spec.columns)
    return HeaderSpec(cols, spec.n_rows, spec.width)


def budget_roles(spec: HeaderSpec) -> HeaderSpec:
    roles = spec.roles
    mapping: dict[str, str] = {"target": "pagu"} if "pagu" not in roles and "target" in roles else {}
    if "pct" not in roles:
        mapping["capaian"] = "pct"
    if "pagu_revised" in roles:
        mapping["pagu_revised"] = "pagu"
        if "pagu_original" not in roles:
            mapping["pagu"] = "pagu_original"
    elif "pagu_original" in roles and "pagu" not in roles:
        mapping["pagu_original"] = "pagu"
    return spec.with_roles(mapping)


def _is_score_table(spec: HeaderSpec, layout: Layout) -> bool:
    if spec.roles & _SCORE_ROLES:
        return True
    return any(_SCORE_ROWS.match(clean(c.text)) for row in layout.body for c in row)


def _is_action_plan(spec: HeaderSpec) -> bool:
    """`Sasaran | Kegiatan | Indikator | Capaian` with nothing but a capaian per action: a plan's checklist."""
    values = {hc.role for hc in spec.value_columns}
    return values == {"capaian"} and "item" in spec.roles and "year" not in spec.roles \
        and not any(hc.year for hc in spec.value_columns)


def _money_share(layout: Layout, roles: frozenset[str], row_units: bool = False) -> float:
    """The share of the figures under `roles` that are rupiah; with `row_units`, a row whose `Satuan` names
    another unit holds none (only where the `Satuan` is the unit of those very columns)."""
    n = money = 0
    for reading in read_rows(layout):
        for hc, q in reading.values:
            if hc.role in roles and (q.value is not None or q.flags):
                n += 1
                money += is_money(q, reading.unit if row_units else "")
    return money / n if n else 0.0


def _amounts_by_year(spec: HeaderSpec, body: tuple, plain: Layout, label: str, counts: ColumnCounts) -> Classified:
    """Receipts by account with bare year columns (`Kode Akun / Jenis Pendapatan | 2022 | 2023`):
    each year column holds that year's realisasi when the table is about PNBP and holds rupiah."""
    year_cols = [hc for hc in spec.columns if hc.year is not None and hc.role in ("", "year")]
    items = " ".join(clean(r[plain.label_col].text) for r in body
                     if plain.label_col is not None and plain.label_col < len(r))
    if len(year_cols) < 2 or not (_PNBP.search(label) or _PNBP.search(items)):
        return Classified(NONE, plain)
    mapped = HeaderSpec(tuple(replace(hc, role="realisasi")
                              if hc in year_cols else hc for hc in spec.columns), spec.n_rows, spec.width)
    layout = align(mapped, body, counts)
    if _money_share(layout, frozenset({"realisasi"})) >= 0.5:
        return Classified(BUDGET, layout)
    return Classified(NONE, plain)


def year_columns_role(spec: HeaderSpec, label: str) -> str:
    """What the bare year columns of an indicator table hold, as its caption or heading says: `realisasi`,
    `capaian` or `target` ('' when it names none, or two together: `Target dan Realisasi …`). Capaian
    beside a `Satuan` column is the realised value in that unit (`Perbandingan Capaian Kinerja`), not a %."""
    m = _YEAR_ROLE.search(label)
    if m is None or _ROLE_PAIR.match(label, m.end()):
        return ""
    role = m.lastgroup or ""
    return "realisasi" if role == "capaian" and "satuan" in spec.roles else role


def _measures_by_year(spec: HeaderSpec, body: tuple, plain: Layout, label: str, counts: ColumnCounts) -> Classified:
    """Indicators by bare year columns (`Indikator | Satuan | 2021 | 2022 | 2023`): each year column holds
    that year's realisasi, capaian or target, as the caption says; rupiah years are no indicators."""
    year_cols = [hc for hc in spec.columns if hc.year is not None and hc.role in ("", "year")]
    role = year_columns_role(spec, label)
    if len(year_cols) < 2 or not role or "indikator" not in spec.roles:
        return Classified(NONE, plain)
    mapped = HeaderSpec(tuple(replace(hc, role=role) if hc in year_cols else hc for hc in spec.columns),
                        spec.n_rows, spec.width)
    layout = align(mapped, body, counts)
    if _money_share(layout, frozenset({role}), row_units=True) >= 0.5:
        return Classified(NONE, plain)
    return Classified(INDICATOR, layout)


def classify(spec: HeaderSpec, body: tuple, label: str = "") -> Classified:
    """Indicator or budget family, with the table's roles settled; NONE for every other table."""
    roles = spec.roles
    counts = ColumnCounts(body)  # one count of the body's figures and letters for every align below
    plain = align(spec, body, counts)
    score_table = _is_score_table(spec, plain)  # scanned once: it reads every body cell
    if not spec.value_columns and not score_table:
        found = _amounts_by_year(spec, body, plain, label, counts)
        return found if found.family else _measures_by_year(spec, body, plain, label, counts)
    if score_table:
        return Classified(NONE, plain)
    if roles & BUDGET_ROLES:
        bspec = budget_roles(spec)
        layout = align(bspec, body, counts)
        if _money_share(layout, frozenset({"pagu", "pagu_original", "realisasi"})) >= 0.5:
            return Classified(BUDGET, layout)
        return Classified(NONE, plain)  # budget headers over scores: an IKPA-style table
    if "realisasi" in roles and "target" not in roles:
        layout = align(budget_roles(spec), body, counts)
        if _money_share(layout, frozenset({"realisasi"}), row_units=True) >= 0.5:
            return Classified(BUDGET, layout)
    if not roles & _INDICATOR_EVIDENCE:
        return Classified(NONE, plain)  # a lone `%`/`Penyerapan` column with nothing to name it
    ispec = indicator_roles(spec)
    if not ispec.value_columns or _is_action_plan(ispec):
        return Classified(NONE, plain)
    return Classified(INDICATOR, align(ispec, body, counts))

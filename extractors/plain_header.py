"""Header lines of a plain-layout table: recognising them, and rebuilding the header cells.

pdftotext prints a header's words with single spaces and wraps them over lines (`Target Realisasi`,
`Capaian`, `(%)`), years over their columns (`2021 2022 2023`) and column numbers under them
(`(1) (2) (3) (4)`). The vocabulary below is the one LKjIP/LAKIP tables use for their columns; a
header line is a short line made mostly of it. `build_header` turns the header lines and the number
of figure columns found in the body into header rows aligned with the body cells:
`[No] + text columns + figure columns`, years repeated over every column they span.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

import regex as re

from extractors.plain_tokens import is_colnum_line, is_year, is_year_line

# words that head a figure column (what interpret maps to target / realisasi / capaian / pagu / %)
ROLE_WORDS = frozenset(
    {
        "target",
        "realisasi",
        "capaian",
        "pagu",
        "anggaran",
        "persentase",
        "prosentase",
        "presentase",
        "%",
        "(%)",
        "jumlah",
        "nilai",
        "alokasi",
        "selisih",
        "sisa",
        "kondisi",
        "tw",
        "triwulan",
        "rp",
        "rp.",
        "efisiensi",
        "penyerapan",
        "serapan",
        "konsistensi",
        "bobot",
        "skor",
        "prognosis",
        "deviasi",
        "total",
    }
)
# words that head a text column or qualify another header word
STRUCT_WORDS = frozenset(
    {
        "no",
        "nomor",
        "uraian",
        "sasaran",
        "indikator",
        "kinerja",
        "kegiatan",
        "program",
        "sub",
        "satuan",
        "keterangan",
        "ket",
        "belanja",
        "kode",
        "akun",
        "jenis",
        "pendapatan",
        "tahun",
        "th",
        "ta",
        "strategis",
        "utama",
        "tujuan",
        "urut",
        "iku",
        "output",
        "outcome",
        "sumber",
        "dana",
        "unit",
        "rincian",
        "akun/",
        "ik",
        "ikk",
        "ikp",
        "ikss",
        "kinerja/",
        "keuangan",
        "tahunan",
        "awal",
        "akhir",
        "semester",
        "bulan",
    }
)
VOCAB = ROLE_WORDS | STRUCT_WORDS
# a header word that starts a new column
_STARTERS = ROLE_WORDS - {"rp", "rp.", "total"} | {
    "no",
    "nomor",
    "uraian",
    "sasaran",
    "indikator",
    "kegiatan",
    "program",
    "satuan",
    "keterangan",
    "ket",
    "belanja",
    "kode",
    "tahun",
    "rata-rata",
}
# `Sasaran Kegiatan`, `Indikator Kinerja Program`: a head word and the words that qualify it
_QUALIFIED = frozenset({"sasaran", "indikator", "jumlah", "kode", "sub", "uraian", "jenis"})
_QUALIFIERS = frozenset({"kegiatan", "program", "kinerja", "strategis", "utama", "anggaran", "belanja"})
_FUNDED = frozenset({"pagu", "realisasi", "target", "alokasi", "jumlah", "sisa"})  # `Pagu Anggaran`
_TOKEN = re.compile(r"\S+")
# `Laki-laki`, `laki laki`, `Perempuan`, `Wanita`: each heads a count column of its own
_GENDER = frozenset({"laki", "laki-laki", "lk", "pria", "perempuan", "wanita", "pr"})
_DIGIT = re.compile(r"\d")
_ACRONYM = re.compile(r"^[A-Z]{2,6}$")
_WIDE = 3  # spaces that separate two cells in `pdftotext -layout` output
_WORD = re.compile(r"^[\W_]*(.*?)[\W_]*$")
_HEADING = re.compile(
    r"^\s*(?:BAB\s+[IVX]+\b|[A-H]\.\s|\d{1,2}(?:\.\d{1,2})+\.?\s|Tabel\b|Table\b|Gambar\b|Grafik\b)", re.I
)
_OPENERS = frozenset(
    {
        "no",
        "nomor",
        "uraian",
        "sasaran",
        "indikator",
        "kegiatan",
        "program",
        "jenis",
        "kode",
        "belanja",
        "tujuan",
        "iku",
        "ik",
        "ikk",
        "ikp",
    }
)
_NO = frozenset({"no", "no.", "nomor", "nomor urut", "no urut"})


@lru_cache(maxsize=8192)
def norm_word(word: str) -> str:
    """Lower case without edge punctuation; `lndikator` (OCR l for I) read as `indikator`."""
    w = word.lower()
    if w in ("%", "(%)"):
        return w
    w = _WORD.match(w).group(1) if _WORD.match(w) else w
    if w.startswith("l") and w[1:2].isalpha() and ("i" + w[1:]) in VOCAB:
        return "i" + w[1:]
    return w


_CLIPPED: dict[frozenset[str], frozenset[str]] = {}


def _clipped(vocab: frozenset[str]) -> frozenset[str]:
    """The vocabulary's words less their last letter, as pdftotext leaves them when it breaks a word."""
    found = _CLIPPED.get(vocab)
    if found is None:
        found = _CLIPPED[vocab] = frozenset(v[:-1] for v in vocab if len(v) >= 6)
    return found


def _in(word: str, vocab: frozenset[str]) -> bool:
    """Vocabulary membership, tolerating a word broken at a line end (`Realisas`/`i`, `Capaia`/`n`)."""
    w = norm_word(word)
    return w in vocab or w in _clipped(vocab)


def is_role(word: str) -> bool:
    return _in(word, ROLE_WORDS) or is_year(word)


@lru_cache(maxsize=16384)
def is_headerish(text: str) -> bool:
    """A short line made mostly of header vocabulary (or years, or column numbers), no sentence."""
    words = text.split()
    if not words or len(words) > 14 or _HEADING.match(text) or text.rstrip().endswith(":"):
        return False
    if is_year_line(text) or is_colnum_line(text):
        return True
    counted = [w for w in words if len(norm_word(w)) > 1 or w in ("%", "(%)")]
    if not counted or (_DIGIT.search(text) and any(_DIGIT.search(w) and not is_year(w) for w in words)):
        return False  # a figure other than a year: a row or a sentence, not a header
    hits = sum(_in(w, VOCAB) or is_year(w) for w in counted)
    return hits * 2 >= len(counted)


def has_role(text: str) -> bool:
    return any(is_role(w) for w in text.split()) or is_year_line(text)


@lru_cache(maxsize=16384)
def starts_header(text: str) -> bool:
    """A header-ish line with at least one word that heads a column."""
    return is_headerish(text) and any(_in(w, _STARTERS) for w in text.split())


def opens_header(text: str) -> bool:
    """A line whose first word heads a text column (`No`, `Uraian`, `Sasaran …`, `Indikator …`)."""
    words = text.split()
    return bool(words) and norm_word(words[0]) in _OPENERS and is_headerish(text)


def role_words(text: str, years: bool = True) -> int:
    """How many words of the text head a figure column (years counted unless `years` is False)."""
    return sum(is_role(w) if years else _in(w, ROLE_WORDS) for w in text.split())


def vocab_hits(text: str) -> int:
    return sum(_in(w, VOCAB) or is_year(w) for w in text.split())


def _joins_current(word: str, current: list[str]) -> bool:
    w = norm_word(word)
    if not current:
        return True
    head, last = norm_word(current[0]), current[-1]
    if head in ("no", "nomor"):
        return w == "urut" or not w
    if w in _GENDER:
        return w == "laki" and norm_word(last) == "laki"  # `laki laki` is one word printed apart
    if word.startswith("(") or (len(w) <= 1 and w != "%") or last.endswith("/"):
        return True
    if is_year(word):
        return head in ("tahun", "th", "ta") and len(current) == 1
    if head in _QUALIFIED and w in _QUALIFIERS:
        return True
    if norm_word(last) == "rata-rata":
        return True  # `Rata-rata Capaian …`: the average of the column word after it
    if len(current) == 1 and head in _FUNDED and w == "anggaran":
        return True
    return not _in(word, _STARTERS)


def _mends(last: str, word: str) -> bool:
    return len(word) <= 2 and word.isalpha() and norm_word(last) not in VOCAB and norm_word(last + word) in VOCAB


def split_cells(text: str) -> list[str]:
    """`Kegiatan Anggaran Realisasi Persentase` → 4 cells; `Sasaran Kegiatan Indikator Kinerja` → 2."""
    cells: list[list[str]] = []
    end = 0
    tokens = list(_TOKEN.finditer(text))
    for k, m in enumerate(tokens):
        word, wide = m.group(0), m.start() - end >= _WIDE
        end = m.end()
        if cells and _mends(cells[-1][-1], word):
            cells[-1][-1] += word  # `Targe` `t`: a word broken at the line end
            continue
        after = norm_word(tokens[k + 1].group(0)) if k + 1 < len(tokens) else ""
        unit_of_work = norm_word(word) == "satuan" and after == "kerja"
        if cells and not wide and unit_of_work:
            cells[-1].append(word)  # `Satuan Kerja`, a work unit, heads no `Satuan` column
        elif cells and not (wide and not word.startswith("(")) and _joins_current(word, cells[-1]):
            cells[-1].append(word)
        else:
            cells.append([word])
    return [part for c in cells for part in split_repeat(" ".join(c))]


def split_repeat(cell: str) -> list[str]:
    """`Tahun Pro Yustisia ditangani Pro Yustisia ditindaklanjuti` → `Tahun`, `Pro Yustisia ditangani`,
    `Pro Yustisia ditindaklanjuti`: two words of a capital (no acronym) that open the cell, or follow its
    head word, printed again open the next cell."""
    words = cell.split()
    for i in range(min(2, len(words) - 3)):  # the repeated words open the cell or follow its head word
        pair = words[i : i + 2]
        if not pair[0][:1].isupper() or pair[0].isupper():
            continue
        for j in range(i + 2, len(words) - 1):
            if words[j : j + 2] == pair:
                head = [" ".join(words[:i])] if i else []
                return [*head, " ".join(words[i:j]), *split_repeat(" ".join(words[j:]))]
    return [cell]


@dataclass(frozen=True)
class Header:
    """Header rows aligned with body rows: `has_no` + `n_text` text columns, then `n_fig` figure columns."""

    rows: tuple[tuple[str, ...], ...]
    has_no: bool
    n_text: int
    n_fig: int
    text: str  # the header's words, normalised, to recognise it when a page repeats it


def header_text(lines: Sequence[str]) -> str:
    return " ".join(norm_word(w) for line in lines for w in line.split() if not is_colnum_line(line))


def _is_role_cell(cell: str) -> bool:
    words = cell.split()
    if norm_word(words[0]) == "rata-rata":  # `Rata-rata Capaian …`: the average of a figure column
        return any(is_role(w) for w in words[1:])
    return is_role(words[0]) or norm_word(words[0]) in _GENDER or any(is_year(w) for w in words)


# `Persentase` / `Capaian`: a share word wrapped above the measure it is the share of heads one column
_SHARE = frozenset({"persentase", "prosentase", "presentase"})
_SHARED = frozenset({"capaian", "realisasi", "penyerapan", "serapan"})


def join_shares(cells: list[str]) -> list[str]:
    """`Persentase`, `Capaian` → `Persentase Capaian`: split_cells starts a column at every role word,
    but a lone share word names no column of its own when the measure follows it."""
    out: list[str] = []
    for cell in cells:
        first = norm_word(cell.split()[0]) if cell.split() else ""
        if out and first in _SHARED and norm_word(out[-1]) in _SHARE:
            out[-1] = f"{out[-1]} {cell}"
        else:
            out.append(cell)
    return out


def _trailing_years(text: str) -> int:
    """How many years end a line that opens with words (`BELANJA 2021 2022`: 2)."""
    words = text.split()
    n = 0
    while n < len(words) and is_year(words[len(words) - 1 - n]) and not words[len(words) - 1 - n].startswith("("):
        n += 1
    return n if 2 <= n < len(words) else 0


def split_years(lines: Sequence[str]) -> tuple[list[str], list[str]]:
    """(year cells, the other header lines less column numbers). A line of years gives its cells
    (`Tahun 2021`, `2022`); a line of words ending in two years or more (`BELANJA 2021 2022`, the first
    column's head printed beside the years over the groups below) gives those years, and its words
    stay with the header text."""
    years: list[str] = []
    text: list[str] = []
    for ln in lines:
        if is_year_line(ln):
            years += [" ".join(c.split()) for c in split_cells(ln)]
        elif is_colnum_line(ln):
            continue
        elif n := _trailing_years(ln):
            words = ln.split()
            years += words[len(words) - n :]
            text.append(" ".join(words[: len(words) - n]))
        else:
            text.append(ln)
    return years, text


def _is_lone_pct(cell: str) -> bool:
    return cell.strip() in ("%", "(%)")


def merge_lone_pct(cells: Sequence[str], wanted: int) -> list[str]:
    """`% Realisasi Anggaran` is one column (the % of the budget realised), `Pagu Realisasi % Sisa` four:
    a lone `%` cell is joined with the role cell after it only while the header names more figure
    columns than `wanted`."""
    out = list(cells)
    k = 0
    while sum(_is_role_cell(c) for c in out) > wanted and k < len(out) - 1:
        if _is_lone_pct(out[k]) and _is_role_cell(out[k + 1]):
            out[k : k + 2] = [f"{out[k]} {out[k + 1]}"]
        k += 1
    return out


def role_count(lines: Sequence[str], fit: int = 0) -> int:
    """How many figure columns the header names (before the body is seen); `fit`, when given, the
    figures the body's rows hold, to which a lone `%` is joined with the word after it."""
    year_cells, text_lines = split_years(lines)
    years = [w for c in year_cells for w in c.split() if is_year(w)]
    main = join_shares(split_cells(" ".join(text_lines)))
    if fit:
        main = merge_lone_pct(main, fit)
    roles = [c for c in main if _is_role_cell(c)]
    return max(len(roles), len(years))


def _year_cycle(years: Sequence[str]) -> int:
    """The length of the run of years that repeats over the columns (`2019 2020 2019 2020`: 2)."""
    for c in range(1, len(years)):
        if len(years) % c == 0 and list(years) == list(years[:c]) * (len(years) // c):
            return c
    return len(years)


def _split_acronyms(cells: list[str], wanted: int) -> list[str]:
    """`Konsistensi CRO` → `Konsistensi`, `CRO` while the header has fewer cells than the body has figures."""
    out = list(cells)
    k = 0
    while len(out) < wanted and k < len(out):
        words = out[k].split()
        cut = next((i for i, w in enumerate(words) if i > 0 and _ACRONYM.match(w)), None)
        if cut is None:
            k += 1
            continue
        out[k : k + 1] = [" ".join(words[:cut]), " ".join(words[cut:])]
        k += 1
    return out


def _fig_heads(main: list[str], years: list[str], n_fig: int) -> tuple[list[str], list[str], list[str]]:
    """(text cells, figure cells, year cells spread over the figure columns)."""
    first_role = next((i for i, c in enumerate(main) if _is_role_cell(c)), len(main))
    text, roles = main[:first_role], main[first_role:]
    if len(roles) > n_fig:
        roles = join_shares(roles)
    while not years and len(roles) < n_fig and len(text) > 1 and not _in(text[-1].split()[0], VOCAB):
        roles.insert(0, text.pop())  # `Tahun | Perkara yang diterima | … | Capaian`: names no word knows
    cycle = _year_cycle(years) if years else 0
    groups = n_fig // cycle if cycle and cycle < len(years) and n_fig % cycle == 0 else n_fig
    roles = merge_lone_pct(roles, groups)
    roles = _split_acronyms(roles, n_fig)
    if len(roles) > n_fig:
        text, roles = text + roles[: len(roles) - n_fig], roles[len(roles) - n_fig :]
    spread: list[str] = []
    if years:
        if not roles and len(years) == n_fig:
            return text, years, []
        if n_fig % len(years) == 0:
            span = n_fig // len(years)
            spread = [y for y in years for _ in range(span)]
            if len(roles) == span and len(years) > 1:
                roles = roles * len(years)
            elif groups < n_fig and len(roles) == groups:
                roles = [r for r in roles for _ in range(cycle)]  # each column's head over its run of years
        else:
            spread = [""] * (n_fig - len(years)) + years if len(years) < n_fig else years[-n_fig:]
    roles = [""] * (n_fig - len(roles)) + roles
    return text, roles, spread


def build_header(lines: Sequence[str], n_fig: int) -> Header:
    years, text_lines = split_years(lines)
    main = split_cells(" ".join(ln.strip() for ln in text_lines))
    text, roles, spread = _fig_heads(main, years, n_fig)
    has_no = bool(text) and (norm_word(text[0]) in _NO or text[0].lower() in _NO)
    text_cols = text[1:] if has_no else text
    if not text_cols:
        text_cols = [""]
    rows: list[tuple[str, ...]] = []
    if spread:
        rows.append(tuple([""] * (int(has_no) + len(text_cols)) + spread))
    rows.append(tuple([*(text[:1] if has_no else []), *text_cols, *roles]))
    return Header(tuple(rows), has_no, len(text_cols), n_fig, header_text(lines))

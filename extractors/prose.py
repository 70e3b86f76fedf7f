"""Prose sentences that carry figures (narrative statements).

Lines nobody else claimed are joined into paragraphs (a list item stands alone; a paragraph
broken by a page — blank lines, then a lower-case continuation — is rejoined), paragraphs are
cut into sentences (Indonesian `26,19` / `1.234.567` and abbreviations like `Rp.`, `No.` never
cut one), and every sentence holding a *meaningful* figure (or an unfilled template slot such as
`[nama satuan kerja]`, which stands where a figure should, or a claim in words only: a trend, a list of
negative-polarity indicators) becomes a Statement: years,
regulation numbers (`Nomor 29 Tahun 2014`), dates, NIP, phone numbers, addresses, codes and
list enumerators do not count. `prov.line` is the line of the sentence's first meaningful figure.
"""

from __future__ import annotations

import bisect
import logging
import re as stdre
from collections.abc import Sequence
from dataclasses import dataclass

import regex as re

from extractors.base import Line
from extractors.markup import heading_text, is_caption, is_figure_caption, nearest_headings, strip_markup
from normalizers.placeholders import find_placeholders
from normalizers.polarity import NEGATIVE_DECLARATION
from pipeline.model import Provenance, Statement, nonblank

log = logging.getLogger(__name__)

MAX_BLANKS_IN_PARAGRAPH = 3

_LIST_ITEM = re.compile(r"^\s*(?:[-*+•▪❖◆●]\s|\(?\d{1,2}[.)]\s|\(?[a-z][.)]\s|\(\d{1,2}\)\s)")
_TERMINAL_END = re.compile(r"[.!?:;]\s*(?:\*\*)?\s*$")
_LOWER_START = re.compile(r"^\s*(?:\*\*|\*)?\p{Ll}")
_SKIP_LINE = re.compile(r"^\s*(?:\$\$|!\[|\||<img|https?://|\[!\[)", re.I)
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"”')\]*]*\s+(?=[\"“'(*]*[\p{Lu}])")
_WORD_BEFORE = re.compile(r"(\S+)$")
# an ellipsis inside an open bracket (`Nomor [...] Tahun 2024`, `sebesar (...) persen`): a slot, never a full stop
_BRACKETED_ELLIPSIS = re.compile(r"[\[(][^\[\]()]{0,40}\.{2,}$")
_ENUMERATOR_ONLY = re.compile(r"^[#*\s-]*(?:\(?[\dIVXivx]{1,4}(?:\.\d{1,2})*|[a-zA-Z])[.)]$")
_ABBREVIATION_TEXT = """rp no nomor nmr dll dsb dst jl jln jend kab kec kel prov hal tgl dr drs ir h hj s.h s.e m.si
m.h s.kom s.sos a.n u.p yth sdr bpk tbk pt cv st s.d sd vs ttd nip telp fax ket lamp perpres
permen kep inpres no. ps psl kel. ds dkk a.md m.m m.ap s.ip s.t prof"""
_ABBREVIATIONS = frozenset(_ABBREVIATION_TEXT.split())

_MONTHS = (
    r"(?:Jan(?:uari|uary)?|Feb(?:ruari|ruary)?|Mar(?:et|ch)?|Apr(?:il)?|Mei|May|Jun[ie]?|Jul[iy]?"
    r"|Agu(?:stus)?|Aug(?:ust)?|Sep(?:tember)?|Okt(?:ober)?|Oct(?:ober)?|Nov(?:ember)?|Des(?:ember)?|Dec(?:ember)?)"
)
# a number token; whether it is a *meaningful* figure is decided from its word and a small window
_NUMBER = stdre.compile(r"\d[\d.,]*%?")
_YEAR = re.compile(r"^(?:19|20)\d{2}$")
_CURRENCY_PREFIX = stdre.compile(r"^(?:rp\.?|idr)", stdre.I)
_WORD_PUNCT = "()[]{},;:\"'“”‘’*_<>"
_REFERENCE_TEXT = """nomor nomer no nmr pasal ayat huruf angka butir bab lampiran halaman hal versi ver rev uu pp
perpres permen permenpan permenkumham inpres keppres kepmen pmk per rt rw pos pukul jam nip telp telepon
fax hp wa tahun ta t.a periode th kode akun"""
_REFERENCE_WORDS = frozenset(_REFERENCE_TEXT.split())
_CAPTION_WORDS = frozenset({"tabel", "table", "gambar", "grafik"})
_PHONE_PREFIX = stdre.compile(r"^\(0\d{2,4}\)$")
_DATE_AFTER = stdre.compile(r"^\s+" + _MONTHS + r"\b", stdre.I)
_DATE_WORD = stdre.compile(r"^\d{1,2}[/-]\d{1,2}[/-]\d{2,4}$")
_CODE_DIGITS = stdre.compile(r"^0\d{2,}$|^\d{13,}$")
_SENTENCE_HEAD = stdre.compile(r"^[\s#*•▪❖\-]*(?:\(?[a-z]\)\s*)?$", stdre.I)
_LETTER_IN_WORD = stdre.compile(r"[^\W\d_]")
BEFORE_WINDOW = 40
_HAS_DIGIT = stdre.compile(r"\d")
_THREE_LETTERS = stdre.compile(r"[^\W\d_](?:.*?[^\W\d_]){2}", stdre.S)
# a claim about a multi-year series made without a figure ("meningkat dari tahun ke tahun"): kept as a
# Statement so the validators can hold it against the year table it describes
_SERIES_CLAIM = stdre.compile(r"(?:dari\s+tahun\s+ke\s+tahun|(?:se)?tiap\s+tahun(?:nya)?|terus\s+me(?:ning|nur)|"
                              r"selalu\s+me(?:ning|nur))", stdre.I)
_DIGIT_START = stdre.compile(r"^\s*(?:Rp\.?\s*)?\d")
# a figure run straight into a sentence opener: the export lost the full stop ('1.113.362.000 Sedangkan')
_MISSING_STOP = re.compile(
    r"(?<=\d%?)\s+(?=(?:Sedangkan|Adapun|Namun|Selain|Hal|Dengan|Berdasarkan|Berikut|Oleh|Sehingga|Realisasi|Capaian)\b)"
)


# --------------------------------------------------------------------------- figures


def _word_around(text: str, start: int, end: int) -> str:
    """The space-delimited word holding text[start:end], outer punctuation and Rp removed."""
    left = text.rfind(" ", 0, start) + 1
    right = text.find(" ", end)
    word = text[left : right if right >= 0 else len(text)].strip(_WORD_PUNCT).rstrip(".")
    return _CURRENCY_PREFIX.sub("", word)


def _is_reference(before: str) -> bool:
    """'Nomor 29', 'Pasal 1 ayat 1', 'Tabel 1. 3', 'NIP. 1982… 2000…', '(0542) 443186'."""
    words = before.split()[-4:]
    if not words:
        return False
    last = words[-1].strip(".:,").lower()
    if last in _REFERENCE_WORDS or _PHONE_PREFIX.match(words[-1]):
        return True
    if len(words) >= 2 and words[-2].strip(".:").lower() in _CAPTION_WORDS:
        return True
    keys = [w.strip(".:").lower() for w in words]
    if "nip" not in keys[:-1]:
        return False
    after_nip = words[len(keys) - 1 - keys[::-1].index("nip") + 1 :]
    return all(w.strip(".").isdigit() for w in after_nip)  # the later groups of a NIP


def _is_meaningful(text: str, start: int, end: int, sentence_start: int) -> bool:
    token = text[start:end].rstrip(".,%")
    if _YEAR.match(token) or _CODE_DIGITS.match(token):
        return False
    word = _word_around(text, start, end)
    if _LETTER_IN_WORD.search(word) or "@" in word or _DATE_WORD.match(word):
        return False
    after = text[end : end + 1]
    if after in (")", ".") and len(token) <= 2:
        before_char = text[start - 1] if start > sentence_start else " "
        if after == ")" and (before_char == "(" or before_char.isspace()):
            return False  # (1) / 1) enumerators
        if after == "." and _SENTENCE_HEAD.match(text[sentence_start:start]):
            return False  # '1. ...' at the head of a sentence or list item
    if _is_reference(text[max(sentence_start, start - BEFORE_WINDOW) : start]):
        return False
    return not _DATE_AFTER.match(text[end : end + 12])


def figures_in(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, str]]:
    """(offset, token) of the meaningful figures in text[start:end]: not a year, a regulation
    number, a date, a NIP, a phone number, an address, a code or a list enumerator."""
    stop = len(text) if end is None else end
    out: list[tuple[int, str]] = []
    for m in _NUMBER.finditer(text, start, stop):
        if m.start() > 0 and text[m.start() - 1] in ",." and text[m.start() - 2 : m.start() - 1].isdigit():
            continue  # never starts inside a number
        token = m.group().rstrip(".,")
        if _is_meaningful(text, m.start(), m.start() + len(token), start):
            out.append((m.start(), token))
    return out


def _first_placeholder(text: str, start: int, end: int) -> int | None:
    """Offset of the first unfilled template slot ('[nama satuan kerja]', '[...%]') in text[start:end]."""
    chunk = text[start:end]
    if "[" not in chunk and "..." not in chunk and "…" not in chunk and "xx" not in chunk.lower():
        return None
    slots = find_placeholders(chunk)
    return start + slots[0].offset if slots else None


def meaningful_figures(text: str) -> list[tuple[int, str]]:
    """(offset, token) of every meaningful figure of a sentence."""
    return figures_in(text)


# --------------------------------------------------------------------------- paragraphs


@dataclass(frozen=True)
class _Paragraph:
    pieces: tuple[tuple[Line, str], ...]  # (line, its text as it enters the paragraph)
    index: int  # position of its first line in the input sequence

    def located(self) -> tuple[str, list[int], list[Line]]:
        starts: list[int] = []
        texts: list[str] = []
        pos = 0
        for _, text in self.pieces:
            starts.append(pos)
            texts.append(text)
            pos += len(text) + 1
        return " ".join(texts), starts, [ln for ln, _ in self.pieces]


def _is_prose_line(text: str) -> bool:
    return (
        bool(text.strip())
        and "\t" not in text
        and not _SKIP_LINE.match(text)
        and not (is_caption(text) or is_figure_caption(text))
    )


def _stands_alone(text: str) -> bool:
    return bool(_LIST_ITEM.match(text)) or bool(heading_text(text))


FULL_LINE_SHARE = 0.7  # a line this share of the text's usual width was wrapped, not ended
_WIDTH_QUANTILE = 0.9


def usual_width(lines: Sequence[Line]) -> int:
    """The width a wrapped prose line fills: the 90th percentile of the stripped line lengths."""
    widths = sorted(len(ln.text.strip()) for ln in lines if ln.text.strip() and "\t" not in ln.text)
    return widths[int(len(widths) * _WIDTH_QUANTILE)] if widths else 0


def _soft_join(last_line: str, last: str, text: str, full: int) -> bool:
    """pdftotext plain layout: a single blank line inside a sentence is a soft break. The next line
    continues the sentence when the one before ends no sentence and either was wrapped (fills the
    line; a short heading does not) or the next line starts lower-case or with a figure."""
    if _TERMINAL_END.search(last) and not _is_abbreviation(last):
        return False
    if _stands_alone(text):
        return False
    if _LOWER_START.match(text) or _DIGIT_START.match(text):
        return True
    return len(last_line.strip()) >= full


def paragraphs(lines: Sequence[Line], soft_breaks: bool = False) -> list[_Paragraph]:
    """Join lines into paragraphs; only lines adjacent in the source (consecutive numbers) join.

    `soft_breaks` (the pdftotext plain layout, a blank line after every text line): a single blank
    line inside a sentence does not end its paragraph (see `_soft_join`)."""
    out: list[_Paragraph] = []
    current: list[tuple[Line, str]] = []
    start = 0
    blanks = 0
    previous: Line | None = None
    full = int(usual_width(lines) * FULL_LINE_SHARE) if soft_breaks else 0

    def close() -> None:
        if current:
            out.append(_Paragraph(tuple(current), start))

    for k, ln in enumerate(lines):
        adjacent = previous is not None and ln.number == previous.number + 1 and ln.page == previous.page
        if not ln.text.strip():
            blanks = blanks + 1 if adjacent or not current else MAX_BLANKS_IN_PARAGRAPH + 1
            previous = ln
            continue
        if not _is_prose_line(ln.text):
            close()
            current, blanks, previous = [], 0, ln
            continue
        text = ln.text.strip()
        joins = False
        if current and adjacent:
            last = current[-1][1]
            if blanks == 0:
                in_item = bool(_LIST_ITEM.match(current[0][0].text))
                continues = not in_item or bool(_LOWER_START.match(text) or _DIGIT_START.match(text))
                joins = continues and not _stands_alone(ln.text) and not heading_text(current[-1][0].text)
            elif soft_breaks and blanks == 1:
                joins = _soft_join(current[-1][0].text, last, ln.text, full)
            elif blanks <= MAX_BLANKS_IN_PARAGRAPH:
                open_end = not _TERMINAL_END.search(last) or _is_abbreviation(last)
                joins = open_end and bool(_LOWER_START.match(text) or _DIGIT_START.match(text))
        if joins:
            current.append((ln, text))
        else:
            close()
            current, start = [(ln, text)], k
        blanks = 0
        previous = ln
    close()
    return out


# --------------------------------------------------------------------------- sentences


def _is_abbreviation(before: str) -> bool:
    m = _WORD_BEFORE.search(before[-40:])
    if not m:
        return False
    word = m.group(1).strip("*(\"'“").lower()
    core = word[:-1] if word.endswith(".") else word
    return core in _ABBREVIATIONS or (len(core) == 1 and core.isalpha())


def sentences(text: str) -> list[tuple[int, int]]:
    """(start, end) spans of the sentences of a paragraph."""
    spans: list[tuple[int, int]] = []
    start = 0
    breaks = sorted([*_SENTENCE_END.finditer(text), *_MISSING_STOP.finditer(text)], key=lambda m: m.start())
    for m in breaks:
        if m.start() < start:
            continue
        before = text[start : m.start()]
        if _is_abbreviation(before) or _ENUMERATOR_ONLY.match(before.strip()) or _BRACKETED_ELLIPSIS.search(before):
            continue
        spans.append((start, m.start()))
        start = m.end()
    spans.append((start, len(text)))
    return [(s, e) for s, e in spans if text[s:e].strip()]


# --------------------------------------------------------------------------- statements


def _line_spans(text: str, s: int, e: int, starts: list[int], lines: list[Line]) -> tuple[tuple[int, int], ...]:
    """`Statement.lines` of the sentence text[s:e] of a paragraph whose lines begin at `starts`."""
    first = max(0, bisect.bisect_right(starts, s) - 1)
    last = bisect.bisect_left(starts, e) - 1
    if last <= first:
        return ()
    return tuple((nonblank(strip_markup(text[s:max(s, starts[k])])), lines[k].number)
                 for k in range(first, last + 1))


def find_statements(
    lines: Sequence[Line], source_file: str, soft_breaks: bool = False, headings: Sequence[str] | None = None
) -> list[Statement]:
    """One Statement per sentence holding a meaningful figure or an unfilled template slot, among
    `lines` (unclaimed lines of a text export, or the text lines of one PDF page). `soft_breaks`:
    the plain layout (see `paragraphs`); `headings`: `nearest_headings(lines)` when known."""
    if headings is None:
        headings = nearest_headings(lines)
    position = {(ln.page, ln.number): i for i, ln in enumerate(lines)}
    out: list[Statement] = []
    for para in paragraphs(lines, soft_breaks):
        text, starts, para_lines = para.located()
        claims = _SERIES_CLAIM.search(text) is not None
        declares = NEGATIVE_DECLARATION.search(text) is not None
        if not (claims or declares) and not _HAS_DIGIT.search(text) and _first_placeholder(text, 0, len(text)) is None:
            continue
        for s, e in sentences(text):
            raw = text[s:e].strip()
            if not _THREE_LETTERS.search(raw):
                continue  # tested first: the figures of a sentence without words are never read
            figures = figures_in(text, s, e)
            if not figures:
                slot = _first_placeholder(text, s, e)
                if slot is None:
                    claim = _SERIES_CLAIM.search(text, s, e) if claims else None
                    claim = claim or (NEGATIVE_DECLARATION.search(text, s, e) if declares else None)
                    if claim is None:
                        continue
                    slot = claim.start()  # a trend, or the indicators that are lower-is-better, named in words only
                figures = [(slot, "")]  # a template slot stands where a figure should
            offset = figures[0][0]
            k = max(0, bisect.bisect_right(starts, offset) - 1)
            line = para_lines[k]
            context = headings[position[(line.page, line.number)]]
            out.append(Statement(strip_markup(raw), Provenance(source_file, line.number, line.page, raw), context,
                                 _line_spans(text, s, e, starts, para_lines)))
    log.debug("%s: %d statements", source_file, len(out))
    return out

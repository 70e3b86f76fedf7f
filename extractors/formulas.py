"""Formula blocks (layout family 3): `$$…$$` LaTeX, `<math>`, inline `$…$`, plain `11/42x100% = 26,19%`.

Every equation is cut at its top-level `=` signs into a chain `label = part = part ...`.
Each part is a *value* (`89,88\\%`, `42 LHK`), a *numeric expression* (`\\frac{6.858}{7.630} * 100\\%`)
or a *symbolic* one (`\\frac{\\text{Realisasi}}{\\text{Target}} * 100\\%`, `(D1 * 70\\%) + (D2 * 30\\%)`).

- a symbolic part becomes its own Formula (no stated result): the definition a validator can
  hold a weighted formula's written terms against;
- a numeric expression takes the value that closes its chain as `stated` — in the same equation
  or in a later one for the same label (`$$D1 = \\frac{6.858}{7.630} * 100\\%$$` then `$$D1 = 89,88\\%$$`);
- a lone value with nothing pending (`$$D1 = 90$$`, `Target laporan = 42 LHK`) is a term:
  expression '' and stated the value.

`prov.line` is the line of the expression's first figure (for a lone term, of its value) — where
the answer keys put a formula and its errors, within a chain two lines from its result — and
`prov.raw` that line's text; `context` the nearest indicator title and numbered heading.
"""

from __future__ import annotations

import bisect
import logging
from collections.abc import Sequence
from dataclasses import dataclass

import regex as re

from extractors.base import Extraction, Line
from extractors.markup import nearest_indicator_context, strip_markup
from extractors.stacked import find_stacked
from pipeline.model import Formula, Provenance

log = logging.getLogger(__name__)

MAX_BLOCK_LINES = 30
PENDING_WINDOW = 15  # lines within which a later `label = value` closes a pending expression
SHORT_FORMULA_LINE = 140
LABEL_MAX = 80

_DISPLAY = re.compile(r"\$\$")
_INLINE_DOLLAR = re.compile(r"(?<![\\$])\$(?!\$)([^$]+?)(?<!\\)\$(?!\$)")
_MATH_TAG = re.compile(r"<math\b[^>]*>(.*?)</math>", re.I | re.S)
_LABEL_NOISE = re.compile(r"[\s_{}\\]+")
_MATHML = re.compile(r"<m[inor]\b", re.I)
_ENV = re.compile(r"\\(?:begin|end)\{[a-z*]+\}|&")
_ROW_BREAK = re.compile(r"\\\\")
_TEXT_CMD = re.compile(r"\\(?:text|mathrm|textbf|mbox|operatorname)\s*\{([^{}]*)\}")
_COMMAND = re.compile(r"\\[a-zA-Z]+")
_TIMES_X = re.compile(r"(?<=[\d%)\s])[xX×](?=\s*[\d(])")
_NUMBER = re.compile(r"\d[\d.,]*")
_LETTER = re.compile(r"\p{L}")
_OPERATOR = re.compile(r"[/*+×÷:]|(?<=[\d)%\s])[-−](?=\s*[\d(])|\\frac|\\times|\\cdot|\\div")
_VALUE = re.compile(r"^\s*[-−]?\s*(?:Rp\.?\s*)?\(?\d[\d.,]*\)?\s*(?:\\?%|[\p{L}]{1,15}(?:\s[\p{L}]{1,15})?)?\s*$", re.I)
_PLACEHOLDER = re.compile(r"\\dots|\.{3}|…")
_TRAILING_EXPR = re.compile(r"(?:\(?\d[\d.,]*\s*\\?%?\)?\s*(?:[/xX×*:+]|\\times)\s*)+\(?\d[\d.,]*\s*\\?%?\)?\s*$")
_LABEL_PREFIX = re.compile(r"^.*:\s*(?=\S)")


# --------------------------------------------------------------------------- parts


def _plain_math(text: str) -> str:
    """LaTeX reduced to what decides its kind: \\text{} contents kept as words, commands dropped."""
    t = _TEXT_CMD.sub(r" \1 ", text)
    t = t.replace("\\%", "%")
    t = _COMMAND.sub(" ", t)
    t = t.replace("{", " ").replace("}", " ")
    return _TIMES_X.sub("*", t)


def part_kind(text: str) -> str:
    """value | numeric | symbolic | placeholder | empty — for one side of an equation."""
    stripped = text.strip()
    if not stripped:
        return "empty"
    if _PLACEHOLDER.search(stripped) and not _NUMBER.search(_PLACEHOLDER.sub("", stripped)):
        return "placeholder"
    plain = _plain_math(stripped)
    if _VALUE.match(plain.replace("\\", "")):
        return "value"
    if _LETTER.search(plain) or "\\text" in stripped:
        return "symbolic"
    if len(_NUMBER.findall(plain)) >= 2 and _OPERATOR.search(stripped):
        return "numeric"
    return "symbolic" if _LETTER.search(plain) else "empty"


def _clean_label(text: str) -> str:
    t = _TEXT_CMD.sub(r"\1", text).replace("\\%", "%").replace("$", "")
    t = strip_markup(t).strip(" =:").lstrip("-•▪❖ ")
    t = _LABEL_PREFIX.sub("", t) if ":" in t else t
    return t.strip(" =:")


def _label_key(label: str) -> str:
    return _LABEL_NOISE.sub("", label).lower()


def split_top_level(text: str, sep: str = "=") -> list[tuple[str, int]]:
    """Cut at `sep` outside braces/parentheses: [(part, offset of part), ...]."""
    parts: list[tuple[str, int]] = []
    depth = 0
    start = 0
    for k, ch in enumerate(text):
        if ch in "{(":
            depth += 1
        elif ch in "})":
            depth = max(0, depth - 1)
        elif ch == sep and depth == 0 and not (k > 0 and text[k - 1] in "<>!\\"):
            parts.append((text[start:k], start))
            start = k + 1
    parts.append((text[start:], start))
    return parts


# --------------------------------------------------------------------------- equations


@dataclass(frozen=True)
class _Side:
    text: str
    line: int
    kind: str


@dataclass(frozen=True)
class _Equation:
    label: str
    sides: tuple[_Side, ...]
    syntax: str
    index: int  # position in `lines` of its first line


class _Located:
    """A text assembled from several lines, able to say which line an offset came from."""

    def __init__(self, pieces: Sequence[tuple[int, str]]) -> None:
        self.starts: list[int] = []
        self.lines: list[int] = []
        chunks: list[str] = []
        pos = 0
        for number, text in pieces:
            self.starts.append(pos)
            self.lines.append(number)
            chunks.append(text)
            pos += len(text) + 1
        self.text = " ".join(chunks)

    def line_at(self, offset: int) -> int:
        return self.lines[max(0, bisect.bisect_right(self.starts, offset) - 1)]


def _blank_out(pattern: re.Pattern[str], text: str) -> str:
    return pattern.sub(lambda m: " " * len(m.group()), text)


def _first_figure_offset(text: str) -> int:
    m = _NUMBER.search(text)
    return m.start() if m else 0


def equations_from(located: _Located, syntax: str, index: int, label_hint: str = "") -> list[_Equation]:
    """One display block → its rows (aligned `\\\\` rows continue the chain of the row above)."""
    body = _blank_out(_ENV, located.text)
    sides: list[tuple[str, int]] = []
    for row_text, row_offset in _row_breaks(body):
        for part, off in split_top_level(row_text):
            sides.append((part, row_offset + off))
    sides = [(t, o) for t, o in sides if t.strip() != "\\"]
    if not sides:
        return []
    first_text, _ = sides[0]
    if len(sides) >= 2 and part_kind(first_text) in ("symbolic", "empty") and _is_label(first_text):
        label = _clean_label(first_text)
        rest = sides[1:]
    else:
        label = label_hint
        rest = sides
    out_sides = tuple(
        _Side(t.strip(), located.line_at(o + _first_figure_offset(t)), part_kind(t)) for t, o in rest if t.strip()
    )
    return [_Equation(label, out_sides, syntax, index)] if out_sides else []


def _row_breaks(body: str) -> list[tuple[str, int]]:
    """Aligned rows split at `\\\\` with their offsets."""
    out: list[tuple[str, int]] = []
    start = 0
    for m in _ROW_BREAK.finditer(body):
        out.append((body[start : m.start()], start))
        start = m.end()
    out.append((body[start:], start))
    return out


def _is_label(text: str) -> bool:
    plain = _clean_label(text)
    return 0 < len(plain) <= LABEL_MAX and not _OPERATOR.search(_TEXT_CMD.sub("", text).replace("\\%", ""))


# --------------------------------------------------------------------------- finding equations in lines


def _syntax_of_math(content: str) -> str:
    if _MATHML.search(content):
        return "mathml"
    return "latex" if "\\" in content else "plain"


def _display_blocks(lines: Sequence[Line]) -> tuple[list[tuple[int, int, _Located]], set[int]]:
    """`$$ … $$` blocks: (start index, end index, their text) and the indices they cover."""
    blocks: list[tuple[int, int, _Located]] = []
    covered: set[int] = set()
    k = 0
    while k < len(lines):
        text = lines[k].text
        opens = len(_DISPLAY.findall(text))
        if not opens:
            k += 1
            continue
        pieces = [(lines[k].number, text)]
        end = k
        total = opens
        while total % 2 == 1 and end + 1 < len(lines) and end - k < MAX_BLOCK_LINES:
            end += 1
            pieces.append((lines[end].number, lines[end].text))
            total += len(_DISPLAY.findall(lines[end].text))
        located = _Located(pieces)
        located.text = located.text.replace("$$", "  ")
        blocks.append((k, end, located))
        covered.update(range(k, end + 1))
        k = end + 1
    return blocks, covered


def _label_before(lines: Sequence[Line], index: int) -> str:
    """'Persentase Pelaksanaan Rencana Aksi RB =' on the line above a display block."""
    k = index - 1
    while k >= 0 and not lines[k].text.strip() and index - k <= 3:
        k -= 1
    if k < 0:
        return ""
    text = strip_markup(lines[k].text)
    return _clean_label(text) if text.endswith("=") and len(text) <= LABEL_MAX + 2 else ""


def _inline_equations(line: Line, index: int) -> list[_Equation]:
    """`<math>…</math>`, `$…$` or a plain `label = expr = value` on one line (or in its cells)."""
    text = line.text
    for pattern in (_MATH_TAG, _INLINE_DOLLAR):
        m = pattern.search(text)
        if m:
            prefix = strip_markup(_MATH_TAG.sub(" ", text[: m.start()]).replace("\t", " "))
            content = m.group(1)
            syntax = _syntax_of_math(content) if pattern is _MATH_TAG else "latex"
            hint = _clean_label(prefix) if prefix.rstrip().endswith("=") and len(prefix) <= LABEL_MAX + 2 else ""
            located = _Located([(line.number, content.strip())])
            return equations_from(located, syntax, index, hint)
    plain = strip_markup(text.replace("\t", " "))
    if "=" not in plain or not _NUMBER.search(plain):
        return []
    return _plain_equations(plain, line.number, index)


def _plain_equations(text: str, number: int, index: int) -> list[_Equation]:
    parts = split_top_level(text)
    if len(parts) < 2:
        return []
    head = parts[0][0]
    sides = [p for p, _ in parts[1:]]
    label = ""
    if _is_label(head) and part_kind(head) in ("symbolic", "empty"):
        label = _clean_label(head)
    else:
        m = _TRAILING_EXPR.search(head)
        if m:
            sides.insert(0, m.group())
            prefix = strip_markup(head[: m.start()])
            if prefix.endswith(":") and len(prefix) <= LABEL_MAX:
                label = _clean_label(prefix)
        elif part_kind(head) not in ("numeric", "value"):
            return []
        else:
            sides.insert(0, head)
    out_sides = tuple(_Side(s.strip(), number, part_kind(s)) for s in sides if s.strip())
    kinds = [s.kind for s in out_sides]
    if "numeric" not in kinds and not (label and kinds == ["value"]):
        return []
    if "numeric" in kinds and "value" not in kinds and not label:
        return []
    return [_Equation(label, out_sides, "plain", index)]


def _formula_dominant(line: Line) -> bool:
    """A line that is a formula (claimable), not prose that happens to hold one."""
    cells = [c for c in line.text.split("\t") if c.strip()]
    if "\t" in line.text:
        return len(cells) <= 2 and any(strip_markup(c).startswith("=") or "<math" in c for c in cells)
    return len(strip_markup(line.text)) <= SHORT_FORMULA_LINE


def scan_equations(lines: Sequence[Line]) -> tuple[list[_Equation], set[int]]:
    """Every equation in document order, and the indices of the lines that are formulas."""
    blocks, covered = _display_blocks(lines)
    by_start = {start: (end, located) for start, end, located in blocks}
    equations: list[_Equation] = []
    claim: set[int] = set(covered)
    for k, line in enumerate(lines):
        if k in by_start:
            _, located = by_start[k]
            equations.extend(equations_from(located, "latex", k, _label_before(lines, k)))
            continue
        if k in covered or ("=" not in line.text and "<math" not in line.text):
            continue
        found = _inline_equations(line, k)
        if found:
            equations.extend(found)
            if _formula_dominant(line):
                claim.add(k)
    return equations, claim


# --------------------------------------------------------------------------- equations → formulas


@dataclass
class _Pending:
    label: str
    side: _Side
    syntax: str
    index: int
    raw: str


def _formula(
    label: str,
    expression: str,
    stated: str,
    line: int,
    raw: str,
    ctx: str,
    syntax: str,
    lines: Sequence[Line],
    source_file: str,
    index: int,
) -> Formula:
    page = lines[index].page if 0 <= index < len(lines) else None
    return Formula(label, expression, stated, Provenance(source_file, line, page, raw), ctx, syntax)


def formulas_from(
    equations: Sequence[_Equation], lines: Sequence[Line], source_file: str, contexts: Sequence[str] | None = None
) -> list[Formula]:
    """`contexts`: `nearest_indicator_context(lines)` when the caller has it."""
    if not equations:
        return []
    if contexts is None:
        contexts = nearest_indicator_context(lines)
    line_text = {ln.number: ln.text.strip() for ln in lines}
    out: list[Formula] = []
    pending: list[_Pending] = []

    def ctx(index: int) -> str:
        return contexts[index] if 0 <= index < len(contexts) else ""

    def closed(p: _Pending, stated: str) -> Formula:
        """A pending numeric expression as a Formula with the result that closed its chain ('' if none)."""
        return _formula(
            p.label, p.side.text, stated, p.side.line, p.raw, ctx(p.index), p.syntax, lines, source_file, p.index
        )

    def flush(before_index: int | None = None, key: str | None = None) -> None:
        keep: list[_Pending] = []
        for p in pending:
            stale = before_index is not None and before_index - p.index > PENDING_WINDOW
            if (key is not None and _label_key(p.label) == key) or stale or before_index is None:
                out.append(closed(p, ""))
            else:
                keep.append(p)
        pending[:] = keep

    for eq in equations:
        flush(before_index=eq.index)
        key = _label_key(eq.label)
        kinds = [s.kind for s in eq.sides]
        numeric = [s for s in eq.sides if s.kind == "numeric"]
        values = [s for s in eq.sides if s.kind == "value"]
        for s in eq.sides:
            if s.kind == "symbolic":
                out.append(
                    _formula(
                        eq.label,
                        s.text,
                        "",
                        s.line,
                        line_text.get(s.line, s.text),
                        ctx(eq.index),
                        eq.syntax,
                        lines,
                        source_file,
                        eq.index,
                    )
                )
        if numeric and values and kinds.index("value") > kinds.index("numeric"):
            stated = values[-1]
            for s in numeric:
                out.append(
                    _formula(
                        eq.label,
                        s.text,
                        stated.text,
                        s.line,
                        line_text.get(s.line, s.text),
                        ctx(eq.index),
                        eq.syntax,
                        lines,
                        source_file,
                        eq.index,
                    )
                )
            continue
        if numeric:
            for s in numeric:
                pending.append(_Pending(eq.label, s, eq.syntax, eq.index, line_text.get(s.line, s.text)))
            continue
        if values and kinds == ["value"]:
            stated = values[0]
            matching = [p for p in pending if eq.label and _label_key(p.label) == key]
            if matching:
                out.extend(closed(p, stated.text) for p in matching)
                pending[:] = [p for p in pending if p not in matching]
            elif eq.label:
                out.append(
                    _formula(
                        eq.label,
                        "",
                        stated.text,
                        stated.line,
                        line_text.get(stated.line, ""),
                        ctx(eq.index),
                        eq.syntax,
                        lines,
                        source_file,
                        eq.index,
                    )
                )
    flush()
    out.sort(key=lambda f: f.prov.line or 0)
    return out


def _pipe_as_tabs(line: Line) -> Line:
    """A markdown pipe row (`| Target laporan | = 42 LHK |`) read as the tab line it stands for."""
    from extractors.pipe import is_pipe_row, is_separator, split_pipe_row

    if "|" not in line.text or not is_pipe_row(line.text):
        return line
    cells = split_pipe_row(line.text)
    if is_separator(cells):
        return line
    return Line(line.number, "\t".join(c.strip() for c in cells), line.page)


def find_all(lines: Sequence[Line], source_file: str) -> tuple[list[Formula], set[int]]:
    """Every formula among `lines` in document order, and the line numbers that are formulas:
    fractions stacked over several lines first, then equations on the lines they left."""
    lines = [_pipe_as_tabs(ln) for ln in lines]
    contexts = nearest_indicator_context(lines)
    stacked, stacked_lines = find_stacked(lines, source_file, contexts)
    if stacked_lines:
        kept = [k for k, ln in enumerate(lines) if ln.number not in stacked_lines]
        rest: Sequence[Line] = [lines[k] for k in kept]
        rest_contexts: Sequence[str] = [contexts[k] for k in kept]
    else:
        rest, rest_contexts = lines, contexts
    equations, claim = scan_equations(rest)
    formulas = formulas_from(equations, rest, source_file, rest_contexts)
    if stacked:
        formulas = sorted([*formulas, *stacked], key=lambda f: f.prov.line or 0)
    log.debug("%s: %d formulas (%d stacked)", source_file, len(formulas), len(stacked))
    return formulas, stacked_lines | {rest[k].number for k in claim}


def find_formulas(lines: Sequence[Line], source_file: str) -> list[Formula]:
    """Every formula among `lines` (text export or one PDF page), in document order."""
    return find_all(lines, source_file)[0]


class FormulaExtractor:
    name = "formulas"

    def extract(self, lines: Sequence[Line], source_file: str, claimed: frozenset[int]) -> Extraction:
        free = [ln for ln in lines if ln.number not in claimed] if claimed else list(lines)
        formulas, used = find_all(free, source_file)
        return Extraction(formulas=tuple(formulas), claimed=frozenset(used))

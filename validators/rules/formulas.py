"""Rule families 5 and 6 — formulas and weighted sums as written.

Every formula (`$$…$$`, `<math>`, inline) is read as a chain `label = e1 = e2 = … = stated`;
consecutive formulas with the same label continue one chain (`I1 = (0·40%) + (0·60%)`,
`I1 = 0 + 0`, `I1 = 0`). Each numeric expression of the chain is evaluated by our own
parser and judged against the number the chain ends with. Definitions (`D1 = 3,91`) are
remembered for later formulas. A division by zero is an undefined ratio, whatever
number the report prints for it. A weighted sum whose written terms do not match its
own definition (a term left out or repeated, a weight differing from the one declared)
is reported as a weighted-sum mismatch.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache

import regex as re

from pipeline.model import Formula, Severity
from validators.arithmetic import (
    FormulaError,
    UndefinedRatio,
    Value,
    evaluate,
    has_operator,
    split_chain,
    stated_number,
    tokenize,
)
from validators.rounding import HUNDRED, Verdict, fmt, judge
from validators.rules.base import Check, Context, Issue

SPACES = re.compile(r"\s+")
BRACES_SPACES = re.compile(r"[{}\s]")
LATEX_TEXT = re.compile(r"\\text\{([^{}]*)\}|[{}\\$]")
NAME_NOISE = re.compile(r"[{}\s\\_]")
TERM_NOISE = re.compile(r"[{}\s\\]")
WEIGHT_NOISE = re.compile(r"[\\\s%]")

NAME_RE = re.compile(r"^[A-Za-z][A-Za-z0-9]*(?:_\{?[A-Za-z0-9]+\}?)?$")
TERM_RE = re.compile(r"\(\s*([^()]*?)\s*(?:\*|\\times|\\cdot|×|x)\s*([^()]*?)\s*\)")
DECLARED_WEIGHT = re.compile(r"bobot\s*:?\s*(\d+(?:[.,]\d+)?)\s*%\s*\)?\s*\(\s*([A-Z]\d{1,2})\s*\)", re.I)


@dataclass(frozen=True)
class Chain:
    label: str
    parts: tuple[str, ...]
    lines: tuple[int, ...]
    page: int | None
    part_lines: tuple[int | None, ...] = ()
    part_pages: tuple[int | None, ...] = ()

    def line_of(self, i: int) -> int | None:
        return self.part_lines[i] if i < len(self.part_lines) and self.part_lines[i] else self.line

    def page_of(self, i: int) -> int | None:
        return self.part_pages[i] if i < len(self.part_pages) and self.part_pages[i] else self.page

    @property
    def line(self) -> int | None:
        return self.lines[0] if self.lines else None


def _label_name(label: str) -> str:
    cleaned = LATEX_TEXT.sub(lambda m: m.group(1) or "", label).strip()
    return SPACES.sub(" ", cleaned)


def _parts(f: Formula) -> tuple[str, list[str]]:
    pieces = split_chain(" = ".join(p for p in (f.label, f.expression, f.stated) if p.strip()))
    label = _label_name(f.label) if f.label.strip() else ""
    if not label and pieces and not _is_numeric_text(pieces[0]):
        label = _label_name(pieces[0])
        pieces = pieces[1:]
    elif label and pieces and _label_name(pieces[0]) == label:
        pieces = pieces[1:]
    return label, pieces


def _is_numeric_text(text: str) -> bool:
    try:
        return any(t.kind == "NUM" for t in tokenize(text))
    except FormulaError:
        return False


def chains(formulas: Sequence[Formula]) -> tuple[Chain, ...]:
    """Formulas grouped into chains: consecutive formulas with the same label are one chain."""
    return _chains(tuple(formulas))


@lru_cache(maxsize=16)
def _chains(formulas: tuple[Formula, ...]) -> tuple[Chain, ...]:
    """`chains`, computed once per document (four rule families read them)."""
    out: list[Chain] = []
    for f in formulas:
        label, parts = _parts(f)
        line = f.prov.line
        if out and label and out[-1].label == label and not _complete(out[-1]) and (
                line is None or not out[-1].lines or line - out[-1].lines[-1] <= 6):
            prev = out[-1]
            out[-1] = Chain(label, (*prev.parts, *parts), (*prev.lines, *([line] if line else [])), prev.page,
                            (*prev.part_lines, *([line] * len(parts))),
                            (*prev.part_pages, *([f.prov.page] * len(parts))))
        else:
            out.append(Chain(label, tuple(parts), (line,) if line else (), f.prov.page, (line,) * len(parts),
                             (f.prov.page,) * len(parts)))
    return tuple(out)


def _complete(chain: Chain) -> bool:
    """A chain that already ends with its stated number (a later formula starts a new one)."""
    return bool(chain.parts) and stated_number(chain.parts[-1]) is not None and len(chain.parts) > 1


def _next_stated(parts: Sequence[str], i: int) -> tuple[int, tuple[Decimal, int, bool]] | None:
    for j in range(i + 1, len(parts)):
        got = stated_number(parts[j])
        if got is not None:
            return j, got
    return None


def _matches(value: Value, stated: tuple[Decimal, int, bool]) -> Verdict:
    """Judge a stated result against a computed value, allowing the ×100 of a printed percent."""
    s, d, pct = stated
    verdicts = []
    scales = (HUNDRED, Decimal(1)) if pct or value.percent else (Decimal(1), HUNDRED)
    for scale in scales:
        verdicts.append(judge(s, d, value.interval.scale(scale)))
    if Verdict.OK in verdicts:
        return Verdict.OK
    return Verdict.TRUNCATED if Verdict.TRUNCATED in verdicts else Verdict.MISMATCH


def _expected_text(value: Value, stated: tuple[Decimal, int, bool]) -> str:
    s, d, pct = stated
    if pct:
        return fmt(value.value * HUNDRED, max(d, 2))
    candidates = (value.value, value.value * HUNDRED) if value.percent else (value.value,)
    return fmt(min(candidates, key=lambda v: abs(v - s)), max(d, 2))


def check_formulas(ctx: Context, check: Check) -> Iterator[Issue]:
    env: dict[str, Value] = {}
    for chain in chains(ctx.report.document.formulas):
        yield from _check_chain(chain, env, check)


def _check_chain(chain: Chain, env: dict[str, Value], check: Check) -> Iterator[Issue]:
    final = stated_number(chain.parts[-1]) if chain.parts else None
    label = chain.label
    undefined = False
    for i, part in enumerate(chain.parts):
        if not has_operator(part):
            continue
        try:
            value = evaluate(part, env)
        except UndefinedRatio:
            undefined = True
            stated = chain.parts[-1] if final is not None and i < len(chain.parts) - 1 else ""
            yield Issue("undefined_ratio", Severity.WARNING, chain.line_of(i), label or part[:60],
                        stated.strip() or part, "undefined (0/0)",
                        f"{label or 'formula'} = {part.strip()}: a division by zero is undefined"
                        + (f", yet the report gives {stated.strip()}" if stated else ""),
                        related_lines=chain.lines, page=chain.page_of(i))
            continue
        except FormulaError:
            continue
        nxt = _next_stated(chain.parts, i)
        if nxt is None:
            continue
        j, final = nxt
        verdict = _matches(value, final)
        if verdict == Verdict.OK:
            continue
        expected = _expected_text(value, final)
        if verdict == Verdict.TRUNCATED:
            yield Issue(check.name, Severity.INFO, chain.line_of(j), label or part[:60], chain.parts[j].strip(),
                        expected, f"{part.strip()} = {expected}, printed truncated as {chain.parts[j].strip()}",
                        page=chain.page_of(j))
            continue
        yield Issue(check.name, check.severity, chain.line_of(j), label or part[:60], chain.parts[j].strip(), expected,
                    f"{label or 'formula'}: {part.strip()} evaluates to {expected}, "
                    f"but the report states {chain.parts[j].strip()}",
                    difference=fmt(final[0] - Decimal(expected), final[1]), related_lines=chain.lines,
                    page=chain.page_of(j))
    if label and NAME_RE.match(label.replace(" ", "")):
        name = BRACES_SPACES.sub("", label)
        if undefined:
            env.pop(name, None)
        elif final is not None:
            env[name] = evaluate(chain.parts[-1])


# --------------------------------------------------------------------------- weighted sums


def _terms(expression: str) -> list[tuple[str, str]]:
    return [(a.strip(), b.strip()) for a, b in TERM_RE.findall(expression)]


def _symbolic(terms: list[tuple[str, str]]) -> bool:
    return bool(terms) and all(NAME_RE.match(TERM_NOISE.sub("", a)) for a, _ in terms)


def _norm(name: str) -> str:
    return NAME_NOISE.sub("", name).upper()


def check_weighted_terms(ctx: Context, check: Check) -> Iterator[Issue]:
    """A weighted sum whose written terms repeat a variable, leave one out, or use another weight."""
    declared = _declared_weights(ctx)
    for chain in chains(ctx.report.document.formulas):
        symbolic = [p for p in chain.parts if _symbolic(_terms(p))]
        numeric = [p for p in chain.parts if _terms(p) and not _symbolic(_terms(p)) and _is_numeric_text(p)]
        for part in symbolic:
            names = [_norm(a) for a, _ in _terms(part)]
            repeated = [n for n, k in Counter(names).items() if k > 1]
            if repeated:
                yield Issue(check.name, Severity.WARNING, chain.line, chain.label, part.strip(),
                            "each component once",
                            f"{chain.label} = {part.strip()}: {', '.join(repeated)} written more than once "
                            f"(a component left out or repeated)", page=chain.page)
            for a, w in _terms(part):
                want = declared.get(_norm(a))
                if want is None or chain.line is None or want[1] > chain.line or chain.line - want[1] > 40:
                    continue
                got = WEIGHT_NOISE.sub("", w).replace(",", ".")
                try:
                    if Decimal(got) != want[0]:
                        yield Issue(check.name, Severity.WARNING, chain.line, chain.label, f"{a} × {w.strip()}",
                                    f"{fmt(want[0])}%",
                                    f"{chain.label}: {a} is weighted {w.strip()} in the formula but its declared "
                                    f"bobot is {fmt(want[0])}% (line {want[1]})", related_lines=(want[1],),
                                    page=chain.page)
                except ArithmeticError:
                    continue
        if symbolic and numeric:
            n_sym, n_num = len(_terms(symbolic[-1])), len(_terms(numeric[0]))
            if n_sym != n_num:
                at = chain.line_of(chain.parts.index(numeric[0]))
                yield Issue(check.name, Severity.WARNING, at, chain.label, f"{n_num} terms", f"{n_sym} terms",
                            f"{chain.label}: the definition has {n_sym} weighted terms but the substituted"
                            f" formula {numeric[0].strip()[:80]} has {n_num}",
                            page=chain.page_of(chain.parts.index(numeric[0])))


def _declared_weights(ctx: Context) -> dict[str, tuple[Decimal, int]]:
    out: dict[str, tuple[Decimal, int]] = {}
    for st in ctx.report.document.statements:
        for m in DECLARED_WEIGHT.finditer(st.text):
            if st.prov.line is not None:
                out[_norm(m.group(2))] = (Decimal(m.group(1).replace(",", ".")), st.prov.line)
    return out

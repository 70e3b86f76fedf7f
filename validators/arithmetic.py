"""A safe arithmetic evaluator for the formulas reports print (never `eval`).

Understands LaTeX (`\\frac{a}{b}`, `\\times`, `\\cdot`, `\\%`, `\\left( … \\right)`,
`\\text{…}`), plain text (`*`, `×`, `·`, `x` between numbers, `/`, `:`, `%`,
parentheses and brackets) and Indonesian or English number formats. A tokenizer
feeds a recursive-descent parser; every value is carried as an `Interval` widened by
the half-unit of each rounded operand, so a stated result can be judged by
`rounding.judge`. Division by zero raises `UndefinedRatio` (a report's `0/0`).

Grammar::

    expr   := term (('+' | '-') term)*
    term   := unary (('*' | '/') unary)*
    unary  := '-' unary | '+' unary | power
    power  := postfix ('^' postfix)?
    postfix:= atom '%'*
    atom   := NUMBER | NAME | '(' expr ')' | '{' expr '}' | FRAC atom atom
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache

import regex as re

from normalizers.numbers import EN, ID, column_convention, is_ambiguous, parse_token
from validators.rounding import HUNDRED, Interval, stated_interval

LATEX_SPACING = re.compile(r"\\[,;!: ]")
RUPIAH_PREFIX = re.compile(r"(?i)\bRp\.?\s*")
LATEX_ENVIRONMENT = re.compile(r"\\begin\{[a-z*]+\}|\\end\{[a-z*]+\}")
MATHML_TAG = re.compile(r"</?math[^>]*>")
EQUALS = re.compile(r"=|≈")
NON_WORD = re.compile(r"\W+")
BRACES = re.compile(r"[{}]")


class FormulaError(ValueError):
    """The text is not an arithmetic expression we can evaluate (symbols, syntax)."""


class UndefinedRatio(ArithmeticError):
    """A division by zero (`0/0`) inside a formula."""


@dataclass(frozen=True)
class Token:
    kind: str  # NUM NAME OP LP RP LB RB FRAC PCT POW
    text: str
    value: Decimal | None = None
    decimals: int = 0


@dataclass(frozen=True)
class Value:
    """An evaluated (sub)expression: its point value and its interval of possible values."""

    value: Decimal
    interval: Interval
    percent: bool = False  # the expression carries a '%' factor


# --------------------------------------------------------------------------- tokenizer

_SKIP_COMMANDS = ("left", "right", "big", "Big", "bigg", "Bigg", "displaystyle", "quad", "qquad", "limits")
_MUL_COMMANDS = ("times", "cdot", "ast", "bullet")
_TEXT_COMMAND = re.compile(r"\\(?:text|mathrm|textbf|mathbf|operatorname|textit|mbox)\s*\{([^{}]*)\}")
_COMMAND = re.compile(r"\\([A-Za-z]+)")
_NUMBER = re.compile(r"\d[\d.,]*\d|\d")
_NAME = re.compile(r"[A-Za-z][A-Za-z0-9]*(?:_\{?[A-Za-z0-9]+\}?)?")
_OPS = {"+": "+", "-": "-", "−": "-", "–": "-", "*": "*", "×": "*", "·": "*", "∙": "*", "∗": "*",
        "/": "/", ":": "/", "÷": "/"}


def _prepare(text: str) -> str:
    text = text.replace("{,}", ",").replace("{.}", ".").replace("\u00a0", " ")
    text = _TEXT_COMMAND.sub(lambda m: " " + NON_WORD.sub("_", m.group(1).strip()) + " ", text)
    text = LATEX_SPACING.sub(" ", text)
    return RUPIAH_PREFIX.sub(" ", text)


def number_convention(text: str) -> str | None:
    """The number convention a formula's unambiguous tokens agree on."""
    return column_convention([text])


def tokenize(text: str, convention: str | None = None) -> list[Token]:
    """The tokens of one expression; FormulaError when a character or command is none we read.

    A pure function of the text, worked out once: a chain's parts are tokenized by the operator test,
    the evaluation and the stated-result reading of several rules."""
    tokens, error = _tokenized(text, convention)
    if error is not None:
        raise FormulaError(error)
    return list(tokens)


@lru_cache(maxsize=8192)
def _tokenized(text: str, convention: str | None) -> tuple[tuple[Token, ...], str | None]:
    """`tokenize` as (tokens, None), or ((), the FormulaError's message)."""
    try:
        return tuple(_tokenize(text, convention)), None
    except FormulaError as exc:
        return (), str(exc)


def _tokenize(text: str, convention: str | None) -> list[Token]:
    text = _prepare(text)
    conv = convention or number_convention(text)
    tokens: list[Token] = []
    i = 0
    while i < len(text):
        ch = text[i]
        if ch.isspace() or ch in "$&":
            i += 1
            continue
        if ch == "\\":
            if text[i + 1:i + 2] == "%":
                tokens.append(Token("PCT", "%"))
                i += 2
                continue
            m = _COMMAND.match(text, i)
            if not m:
                i += 1
                continue
            name = m.group(1)
            i = m.end()
            if name in _SKIP_COMMANDS:
                continue
            if name in _MUL_COMMANDS:
                tokens.append(Token("OP", "*"))
            elif name == "div":
                tokens.append(Token("OP", "/"))
            elif name in ("frac", "dfrac", "tfrac"):
                tokens.append(Token("FRAC", name))
            else:
                raise FormulaError(f"unsupported command \\{name}")
            continue
        m = _NUMBER.match(text, i)
        if m:
            tok = m.group(0)
            # a trailing separator is punctuation, not part of the number
            while tok and tok[-1] in ".,":
                tok = tok[:-1]
            use = conv
            if use is None and is_ambiguous(tok):
                following = text[m.end():m.end() + 3].lstrip(" \\")
                use = EN if following.startswith("%") and "." in tok else ID
            parsed = parse_token(tok, use or ID)
            if parsed is None:
                raise FormulaError(f"cannot read number {tok!r}")
            tokens.append(Token("NUM", tok, parsed[0], parsed[1]))
            i = m.start() + len(tok)
            continue
        if ch in "xX" and tokens and tokens[-1].kind in ("NUM", "RP", "PCT", "RB") and not _NAME.match(text, i + 1):
            tokens.append(Token("OP", "*"))
            i += 1
            continue
        m = _NAME.match(text, i)
        if m:
            tokens.append(Token("NAME", BRACES.sub("", m.group(0))))
            i = m.end()
            continue
        if ch in _OPS:
            tokens.append(Token("OP", _OPS[ch]))
        elif ch in "([":
            tokens.append(Token("LP", ch))
        elif ch in ")]":
            tokens.append(Token("RP", ch))
        elif ch == "{":
            tokens.append(Token("LB", ch))
        elif ch == "}":
            tokens.append(Token("RB", ch))
        elif ch == "%":
            tokens.append(Token("PCT", ch))
        elif ch == "^":
            tokens.append(Token("POW", ch))
        else:
            raise FormulaError(f"unexpected character {ch!r}")
        i += 1
    return tokens


# --------------------------------------------------------------------------- parser


class _Parser:
    def __init__(self, tokens: list[Token], env: Mapping[str, Value]):
        self.tokens = tokens
        self.pos = 0
        self.env = env

    def peek(self) -> Token | None:
        return self.tokens[self.pos] if self.pos < len(self.tokens) else None

    def take(self) -> Token:
        tok = self.peek()
        if tok is None:
            raise FormulaError("unexpected end of formula")
        self.pos += 1
        return tok

    def expect(self, kind: str) -> Token:
        tok = self.take()
        if tok.kind != kind:
            raise FormulaError(f"expected {kind}, found {tok.text!r}")
        return tok

    def parse(self) -> Value:
        if not self.tokens:
            raise FormulaError("empty formula")
        value = self.expr()
        if self.peek() is not None:
            raise FormulaError(f"unexpected {self.peek().text!r}")  # type: ignore[union-attr]
        return value

    def expr(self) -> Value:
        left = self.term()
        while (tok := self.peek()) is not None and tok.kind == "OP" and tok.text in "+-":
            self.take()
            right = self.term()
            iv = left.interval + right.interval if tok.text == "+" else left.interval - right.interval
            val = left.value + right.value if tok.text == "+" else left.value - right.value
            left = Value(val, iv, left.percent or right.percent)
        return left

    def term(self) -> Value:
        left = self.unary()
        while (tok := self.peek()) is not None and tok.kind == "OP" and tok.text in "*/":
            self.take()
            right = self.unary()
            left = _multiply(left, right) if tok.text == "*" else _divide(left, right)
        return left

    def unary(self) -> Value:
        tok = self.peek()
        if tok is not None and tok.kind == "OP" and tok.text in "+-":
            self.take()
            inner = self.unary()
            return inner if tok.text == "+" else Value(-inner.value, -inner.interval, inner.percent)
        return self.power()

    def power(self) -> Value:
        base = self.postfix()
        tok = self.peek()
        if tok is not None and tok.kind == "POW":
            self.take()
            exponent = self.postfix()
            if exponent.value != exponent.value.to_integral_value() or not 0 <= exponent.value <= 10:
                raise FormulaError("only small whole powers are supported")
            n = int(exponent.value)
            iv = Interval.exact(Decimal(1))
            for _ in range(n):
                iv = iv * base.interval
            return Value(base.value ** n, iv, base.percent)
        return base

    def postfix(self) -> Value:
        value = self.atom()
        while (tok := self.peek()) is not None and tok.kind == "PCT":
            self.take()
            value = Value(value.value / HUNDRED, value.interval.scale(Decimal("0.01")), True)
        return value

    def atom(self) -> Value:
        tok = self.take()
        if tok.kind == "NUM":
            assert tok.value is not None
            return Value(tok.value, stated_interval(tok.value, tok.decimals, exact=tok.decimals == 0))
        if tok.kind == "NAME":
            if tok.text in self.env:
                return self.env[tok.text]
            raise FormulaError(f"unknown name {tok.text!r}")
        if tok.kind == "LP":
            inner = self.expr()
            self.expect("RP")
            return inner
        if tok.kind == "LB":
            inner = self.expr()
            self.expect("RB")
            return inner
        if tok.kind == "FRAC":
            num = self.atom()
            den = self.atom()
            return _divide(num, den)
        raise FormulaError(f"unexpected {tok.text!r}")


def _multiply(a: Value, b: Value) -> Value:
    return Value(a.value * b.value, a.interval * b.interval, a.percent or b.percent)


def _divide(a: Value, b: Value) -> Value:
    if b.value == 0:
        raise UndefinedRatio(f"{a.value}/0")
    try:
        iv = a.interval / b.interval
    except ZeroDivisionError as exc:
        raise UndefinedRatio(str(exc)) from exc
    return Value(a.value / b.value, iv, a.percent or b.percent)


def evaluate(text: str, env: Mapping[str, Value] | None = None, convention: str | None = None) -> Value:
    """Evaluate one arithmetic expression; FormulaError when it is not one, UndefinedRatio on x/0."""
    return _Parser(tokenize(text, convention), env or {}).parse()


def is_numeric_expression(text: str) -> bool:
    """True when the text holds at least one number and no names (a substituted formula)."""
    try:
        tokens = tokenize(text)
    except FormulaError:
        return False
    return any(t.kind == "NUM" for t in tokens) and not any(t.kind == "NAME" for t in tokens)


def has_operator(text: str) -> bool:
    try:
        tokens = tokenize(text)
    except FormulaError:
        return False
    return any(t.kind in ("OP", "FRAC") for t in tokens)


def split_chain(text: str) -> list[str]:
    """`Capaian &= \\frac{a}{b} \\\\ &= 105,88\\%` → ['Capaian', '\\frac{a}{b}', '105,88\\%']."""
    cleaned = LATEX_ENVIRONMENT.sub(" ", text)
    cleaned = cleaned.replace("\\\\", " ").replace("&", " ")
    cleaned = MATHML_TAG.sub(" ", cleaned)
    return [part.strip() for part in EQUALS.split(cleaned) if part.strip()]


def stated_number(text: str, convention: str | None = None) -> tuple[Decimal, int, bool] | None:
    """A stated result as printed: (value, decimals, is_percent), or None when it is no lone number."""
    try:
        tokens = tokenize(text, convention)
    except FormulaError:
        return None
    sign = Decimal(1)
    if tokens and tokens[0].kind == "OP" and tokens[0].text == "-":
        sign = Decimal(-1)
        tokens = tokens[1:]
    nums = [t for t in tokens if t.kind == "NUM"]
    rest = [t for t in tokens if t.kind not in ("NUM", "PCT")]
    if len(nums) != 1 or rest:
        return None
    tok = nums[0]
    assert tok.value is not None
    return sign * tok.value, tok.decimals, any(t.kind == "PCT" for t in tokens)

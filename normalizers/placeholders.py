"""Unfilled template placeholders: `[Rp]`, `[...%]`, `[nama satuan kerja]`, `…`, `xx`."""

from __future__ import annotations

import regex as re

# a bracketed slot that holds no digits, or only dots and a unit: [Rp], [...%], [nama satuan kerja]
_BRACKETED = re.compile(r"\[(?:[^\]\d]*|\s*(?:\.{2,}|…)\s*%?\s*)\]")
_BARE = re.compile(r"^\s*(?:\.{3,}|…+|x{2,}|X{2,}|\?+)\s*%?\s*$")


def is_placeholder(text: str) -> bool:
    """True when the whole text is an unfilled template slot."""
    t = text.strip()
    return bool(_BARE.match(t) or (_BRACKETED.fullmatch(t) is not None))


def find_placeholders(text: str) -> list[tuple[int, str]]:
    """Every bracketed template slot in a line of prose: (offset, slot text).

    Markdown links and footnote marks (`[1]`) are not slots; a slot holds words or dots.
    """
    out = []
    for m in _BRACKETED.finditer(text):
        inner = m.group(0)[1:-1].strip()
        if not inner or inner.isdigit():
            continue
        if m.end() < len(text) and text[m.end()] == "(":
            continue  # a markdown link [text](url)
        out.append((m.start(), m.group(0)))
    return out

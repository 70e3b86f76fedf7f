"""Re-lay a tab-separated text export out as the other exports users feed: space-aligned columns
(what `pdftotext -layout` writes), ragged space-aligned columns, markdown pipe tables, and rows
on one line with single spaces between cells (pdftotext without -layout).

Every conversion keeps the line count and the line numbers (one output line per input line), so
the answer keys of the original apply to the converted text unchanged. A table is a maximal run
of lines holding a tab; lines outside such runs are copied as they are. Pure and deterministic:
the same text gives the same bytes.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Sequence

from extractors.markup import strip_markup
from extractors.tabs import is_figure

ALIGNED_PAD = 3  # spaces after the widest cell of a column
RAGGED_PAD = 4  # one more, so that a start moved by up to RAGGED_JITTER still leaves a 2-space gap
RAGGED_JITTER = 2

Block = list[list[str]]  # the cells of each line of one tab run


def tab_blocks(lines: Sequence[str]) -> list[tuple[int, int]]:
    """(start, end) index ranges, end exclusive, of the maximal runs of lines holding a tab."""
    out: list[tuple[int, int]] = []
    start = -1
    for k, text in enumerate(lines):
        if "\t" in text and start < 0:
            start = k
        elif "\t" not in text and start >= 0:
            out.append((start, k))
            start = -1
    if start >= 0:
        out.append((start, len(lines)))
    return out


def _clean_cells(lines: Sequence[str]) -> Block:
    return [[strip_markup(part) for part in text.split("\t")] for text in lines]


def _widths(block: Block) -> list[int]:
    width = max(len(row) for row in block)
    return [max((len(row[j]) for row in block if j < len(row)), default=0) for j in range(width)]


def _jitter(line_number: int, column: int) -> int:
    """0..RAGGED_JITTER, the same for the same place in every run (a hash, not a random draw)."""
    digest = hashlib.blake2b(f"{line_number}:{column}".encode(), digest_size=2).digest()
    return int.from_bytes(digest, "big") % (RAGGED_JITTER + 1)


def _aligned_row(row: Sequence[str], starts: Sequence[int], widths: Sequence[int]) -> str:
    text = ""
    for j, cell in enumerate(row):
        if cell:
            text = text.ljust(starts[j]) + cell
    return text.rstrip()


def _ragged_row(row: Sequence[str], starts: Sequence[int], widths: Sequence[int], line_number: int) -> str:
    """Text left-aligned from a start moved right by 0-2; figures right-aligned to an end moved left by 0-2."""
    text = ""
    for j, cell in enumerate(row):
        if not cell:
            continue
        shift = _jitter(line_number, j)
        right_aligned = max(starts[j], starts[j] + widths[j] - shift - len(cell))
        at = right_aligned if is_figure(cell) else starts[j] + shift
        text = text.ljust(at) + cell
    return text.rstrip()


def _starts(widths: Sequence[int], pad: int) -> list[int]:
    out, at = [], 0
    for w in widths:
        out.append(at)
        at += w + pad
    return out


def _convert(text: str, render: Callable[[Block, int], list[str]]) -> str:
    lines = text.splitlines()
    out = list(lines)
    for start, end in tab_blocks(lines):
        out[start:end] = render(_clean_cells(lines[start:end]), start + 1)
    return "\n".join(out) + ("\n" if text.endswith("\n") else "")


def _render_aligned(block: Block, first_line: int) -> list[str]:
    widths = _widths(block)
    starts = _starts(widths, ALIGNED_PAD)
    return [_aligned_row(row, starts, widths) for row in block]


def _render_ragged(block: Block, first_line: int) -> list[str]:
    widths = _widths(block)
    starts = _starts(widths, RAGGED_PAD)
    return [_ragged_row(row, starts, widths, first_line + k) for k, row in enumerate(block)]


def _render_pipe(block: Block, first_line: int) -> list[str]:
    return ["| " + " | ".join(cell.replace("|", "\\|") for cell in row) + " |" for row in block]


def _render_spaced(block: Block, first_line: int) -> list[str]:
    return [" ".join(cell.strip() for cell in row if cell.strip()) for row in block]


def to_aligned(text: str) -> str:
    """Tab tables as space-aligned columns, each padded to its widest cell + 3 spaces, markup stripped."""
    return _convert(text, _render_aligned)


def to_ragged(text: str) -> str:
    """Tab tables as columns whose starts wander by up to 2 characters, figures right-aligned."""
    return _convert(text, _render_ragged)


def to_pipe(text: str) -> str:
    """Tab tables as markdown pipe rows `| a | b |` (no separator line: line numbers stay put)."""
    return _convert(text, _render_pipe)


def to_spaced(text: str) -> str:
    """Tab tables as pdftotext without -layout prints a row on one line: its cells apart by single
    spaces, empty cells gone, markup stripped."""
    return _convert(text, _render_spaced)


LAYOUTS: dict[str, Callable[[str], str]] = {
    "aligned": to_aligned,
    "ragged": to_ragged,
    "pipe": to_pipe,
    "spaced": to_spaced,
}

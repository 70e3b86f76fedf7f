"""Nesting of table rows (program → kegiatan → sub-kegiatan, account → sub-account), layout-free.

Two readings, both pure functions over the rows' own figures and text:

- by numbering: a row printed with a code (`1.1.1.`, `1.02.01.2.01`) has as parent the
  nearest row above whose code is a proper prefix of its own, segment by segment;
- by sums: where no code is printed, a run of rows is split into groups of a head and at
  least one member whose amounts add up to the head's in every column. Of the splits that
  balance, the one with fewest groups is taken (a row of zeros after a balanced group is
  that group's last member, not a head with nothing under it).
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

import regex as re

# a printed code: digits in dot-separated segments, an optional final dot, standing alone or before a name
_CODE = re.compile(r"^\s*(\d{1,3}(?:\.\d{1,3})+|\d{1,3})\.?(?=\s|$)")

Code = tuple[str, ...]
Amounts = tuple[Decimal, ...]


def code_of(text: str) -> Code | None:
    """`1.1.2.` → ('1', '1', '2'); `2.` → ('2',); None for text that does not open with a code."""
    m = _CODE.match(text)
    if m is None:
        return None
    return tuple(str(int(s)) for s in m.group(1).split("."))


def is_nested_numbering(codes: Sequence[Code | None]) -> bool:
    """Codes that describe a tree: some code has several segments and its prefix stands above it."""
    seen: set[Code] = set()
    for code in codes:
        if code is None:
            continue
        if len(code) > 1 and any(code[:k] in seen for k in range(1, len(code))):
            return True
        seen.add(code)
    return False


def parents_by_numbering(codes: Sequence[Code | None]) -> list[int | None]:
    """For each row, the index of the nearest row above whose code is a proper prefix of its code."""
    out: list[int | None] = []
    last: dict[Code, int] = {}
    for i, code in enumerate(codes):
        parent = None
        if code is not None:
            for k in range(len(code) - 1, 0, -1):
                if code[:k] in last:
                    parent = last[code[:k]]
                    break
            last[code] = i
        out.append(parent)
    return out


def _dominates(head: Amounts, members: Sequence[Amounts]) -> bool:
    """A head is at least each of its members in every column (a kegiatan is no smaller than a sub-kegiatan)."""
    return all(m[k] <= head[k] for m in members for k in range(len(head)))


Cost = tuple[int, int, int]  # (- rows × columns that add up, groups adding up in no column, groups)


def _group_cost(head: Amounts, members: Sequence[Amounts], running: Sequence[Decimal]) -> Cost | None:
    """A group's cost: the more of its columns add up (a zero head proves nothing), the cheaper."""
    exact = list(head) == list(running)
    if not exact and not _dominates(head, members):
        return None
    proven = sum(1 for h, r in zip(head, running, strict=True) if h and h == r)
    return (-(len(members) + 1) * proven, 0 if proven or exact else 1, 1)


def heads_by_sums(amounts: Sequence[Amounts]) -> list[bool] | None:
    """Which rows head a group: a head is the sum of the (≥1) rows after it up to the next head.

    A group that does not add up in every column (a report that leaves a row out, or misprints a
    quarter) is allowed where its head is at least each of its members, so one misprinted
    kegiatan does not cost the rest of the program its nesting. The split whose groups add up in
    most rows × columns wins (a head of zero proves nothing), then the one with fewest groups
    adding up nowhere, then fewest groups; on a tie the earlier head takes more members. None
    when no group with figures adds up anywhere.
    """
    n = len(amounts)
    if n < 2:
        return None
    none: Cost = (n + 1, n + 1, n + 1)
    best: list[Cost] = [none] * (n + 1)  # least cost of splitting rows i..n-1 into groups
    nxt: list[int] = [0] * (n + 1)
    best[n] = (0, 0, 0)
    for i in range(n - 2, -1, -1):
        running = [Decimal(0)] * len(amounts[i])
        for j in range(i + 1, n):
            running = [a + b for a, b in zip(running, amounts[j], strict=True)]
            cost = _group_cost(amounts[i], amounts[i + 1 : j + 1], running)
            if cost is None or best[j + 1] == none:
                continue
            total = (cost[0] + best[j + 1][0], cost[1] + best[j + 1][1], cost[2] + best[j + 1][2])
            if total <= best[i]:
                best[i], nxt[i] = total, j + 1
    if best[0] == none or best[0][0] == 0:
        return None
    heads = [False] * n
    i = 0
    while i < n:
        heads[i] = True
        i = nxt[i]
    return heads


def sums_to(total: Amounts, parts: Sequence[Amounts]) -> bool:
    """`total` is the column-wise sum of `parts` (and there is at least one part)."""
    return bool(parts) and all(sum((p[k] for p in parts), Decimal(0)) == total[k] for k in range(len(total)))


def _groups(heads: Sequence[bool]) -> list[list[int]]:
    out: list[list[int]] = []
    for i, is_head in enumerate(heads):
        if is_head or not out:
            out.append([i])
        else:
            out[-1].append(i)
    return out


def _adds_up(amounts: Sequence[Amounts], group: Sequence[int]) -> bool:
    return sums_to(amounts[group[0]], [amounts[i] for i in group[1:]])


def close_with_heads(amounts: Sequence[Amounts], heads: Sequence[bool], total: Amounts) -> list[bool]:
    """Heads that should sum to `total` (the kegiatan of their program) and fall short: a member of a
    group that does not add up whose amount is exactly the shortfall in some column is a head too."""
    out = list(heads)
    for _ in range(len(out)):
        gap = [t - sum((a[k] for a, h in zip(amounts, out, strict=True) if h), Decimal(0))
               for k, t in enumerate(total)]
        if not any(gap):
            break
        loose = [i for g in _groups(out) if not _adds_up(amounts, g) for i in g[1:]]
        found = next((i for i in loose if any(g and amounts[i][k] == g for k, g in enumerate(gap))), None)
        if found is None:
            break
        out[found] = True
    return out

"""Template placeholders: unfilled slots and filled values left in their brackets."""

from __future__ import annotations

import csv
import re
from pathlib import Path

import pytest

from normalizers.placeholders import FILLED, UNFILLED, Slot, bracketed_value, find_placeholders, is_placeholder


@pytest.mark.parametrize(
    "text", ["[Rp]", "[...%]", "[…]", "[nama satuan kerja]", "[tahun]", "[xx]", "....%", "…", "xx", "xx %", "Rp ...."]
)
def test_unfilled_cells(text: str) -> None:
    assert is_placeholder(text)
    assert bracketed_value(text) is None


@pytest.mark.parametrize("text", ["[87,91%]", "[74%]", "[1]", "26,19", "Terbit", "", "[x](http://a.b)", "1.234"])
def test_not_unfilled(text: str) -> None:
    assert not is_placeholder(text)


@pytest.mark.parametrize(
    ("text", "inner"),
    [("[87,91%]", "87,91%"), ("[74%]", "74%"), ("[Rp3.558.827.000]", "Rp3.558.827.000"),
     ("[Rp3.424.110.913.]", "Rp3.424.110.913"), ("[3,30]", "3,30"), ("[3,18 (contoh)]", "3,18"),
     (" [ 96,21% ] ", "96,21%")],
)
def test_bracketed_value(text: str, inner: str) -> None:
    assert bracketed_value(text) == inner


@pytest.mark.parametrize("text", ["[Rp]", "[1]", "[ 408103 ]", "87,91%", "[nama satuan kerja]",
                                  "[lihat tabel 3 dan seterusnya untuk rincian lengkapnya]", "[a@b.go.id 3]"])
def test_no_bracketed_value(text: str) -> None:
    assert bracketed_value(text) is None


def test_find_placeholders_in_prose() -> None:
    line = "Total realisasi [Rp] dari pagu [Rp] atau [...%] dengan capaian [87,91%] dan [74%]."
    slots = find_placeholders(line)
    assert [s.text for s in slots] == ["[Rp]", "[Rp]", "[...%]", "[87,91%]", "[74%]"]
    assert [s.kind for s in slots] == [UNFILLED, UNFILLED, UNFILLED, FILLED, FILLED]
    assert all(line[s.offset:s.end] == s.text for s in slots)
    offset, text = slots[0]  # slots stay plain (offset, text) pairs
    assert (offset, text) == (line.index("[Rp]"), "[Rp]")
    assert isinstance(slots[0], Slot)


def test_find_placeholders_skips_links_footnotes_latex() -> None:
    line = "lihat [laporan](https://x.go.id/a) dan catatan [1] serta \\[ x = 1 \\] dan [ 408103 ] atau [ ] [a@b.go.id]"
    assert find_placeholders(line) == []


def test_find_placeholders_word_slots_and_bare_slots() -> None:
    text = "tujuan strategis [nama satuan\nkerja] selama [tahun] sebesar ....% dan Rp ... serta xx%"
    assert [s.text for s in find_placeholders(text)] == ["[nama satuan\nkerja]", "[tahun]", "....%", "Rp ...", "xx%"]


def test_find_placeholders_ignores_dot_leaders_and_ellipsis_in_prose() -> None:
    assert find_placeholders("KATA PENGANTAR ..... i") == []
    assert find_placeholders("dan seterusnya ... sehingga") == []


def test_slot_inner() -> None:
    (slot,) = find_placeholders("nilai [3,18 (contoh)] diperoleh")
    assert (slot.kind, slot.inner, bracketed_value(slot.text)) == (FILLED, "3,18 (contoh)", "3,18")


def test_formula_slots() -> None:
    latex = "$$\\text{Persentase} = \\frac{\\dots}{\\dots} * 100\\%$$"
    assert [s.text for s in find_placeholders(latex)] == ["{\\dots}", "{\\dots}"]
    assert [s.text for s in find_placeholders("Persentase Pelaksanaan = ...")] == ["..."]
    assert find_placeholders("$$a_1 + \\dots + a_n$$") == []


def test_placeholder_errors_of_the_keys_are_found(keys_dir: Path, samples_dir: Path) -> None:
    """Every `placeholder` error of the answer keys has a slot on its line or the two after it."""
    missed = []
    rows = 0
    for key in sorted(keys_dir.glob("*_errors.csv")):
        with key.open(encoding="utf-8", newline="") as fh:
            for row in csv.DictReader(fh):
                if row["kind"] != "placeholder":
                    continue
                rows += 1
                lines = (samples_dir / row["source_file"]).read_text(encoding="utf-8").split("\n")
                line = int(row["line"])
                text = "\n".join(lines[line - 1:line + 2])
                if not find_placeholders(text):
                    missed.append((row["source_file"], line))
    assert rows >= 5
    assert missed == []


def test_samples_hold_no_false_slots(samples_dir: Path) -> None:
    """In the samples, every bracketed slot found is a template remnant: words or a figure, never a code."""
    slots = [slot for path in sorted(samples_dir.glob("*.txt"))
             for line in path.read_text(encoding="utf-8").splitlines() for slot in find_placeholders(line)]
    assert len(slots) >= 20
    assert all(not re.fullmatch(r"\[\s*\d+\s*\]", s.text) and "@" not in s.text for s in slots)

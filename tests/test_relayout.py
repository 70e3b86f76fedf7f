"""The tab samples laid out as `pdftotext -layout` would (bench/relayout.py), scored by the keys' own scorer.

Converted line for line (line numbers kept, so the keys apply): space-aligned columns with markup
stripped, ragged columns (starts wandering by up to 2 characters, figures right-aligned), markdown
pipe rows, and rows on one line with single spaces between cells (read by the plain reader). The
floors are what the aligned reader reaches (it matches the originals: 100 % / 100 % / same errors);
the conversion itself is checked on a small made-up text.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))

from bench_relayout import CONVERTED, score_layout
from relayout import tab_blocks, to_aligned, to_pipe, to_ragged, to_spaced

from extractors.text import detect_layout, extract_lines, split_lines

FLOORS = {"indicators": 100.0, "budget": 100.0, "errors": 97.0}
# rows on one line, cells apart by single spaces, read by the plain reader: measured 94.1 / 95.5 / 83.1 %
# on the 3 converted samples (95.7 / 96.9 / 87.0 % on all 4), 0 false errors
SPACED_FLOORS = {"indicators": 94.0, "budget": 95.0, "errors": 83.0}
MAX_FALSE_ERRORS = 0

TAB_TEXT = "Judul\n\n**Belanja**\tPagu\tRealisasi\n<b>Pegawai</b>\t1.000\t950\n\tcatatan\t\nAkhir\n"


def test_aligned_conversion_keeps_lines_and_pads_columns() -> None:
    out = to_aligned(TAB_TEXT)
    assert out.splitlines() == [
        "Judul",
        "",
        "Belanja   Pagu      Realisasi",
        "Pegawai   1.000     950",
        "          catatan",
        "Akhir",
    ]
    assert tab_blocks(TAB_TEXT.splitlines()) == [(2, 5)]


def test_ragged_conversion_right_aligns_figures_and_is_deterministic() -> None:
    out = to_ragged(TAB_TEXT).splitlines()
    assert len(out) == 6 and out == to_ragged(TAB_TEXT).splitlines()
    assert out[3].endswith("950") and out[3].index("950") > out[2].index("Realisasi")
    assert out[3].lstrip().startswith("Pegawai") and "<b>" not in out[3]


def test_pipe_conversion() -> None:
    assert to_pipe(TAB_TEXT).splitlines()[2:5] == [
        "| Belanja | Pagu | Realisasi |",
        "| Pegawai | 1.000 | 950 |",
        "|  | catatan |  |",
    ]


def test_spaced_conversion_joins_cells_with_single_spaces() -> None:
    assert to_spaced(TAB_TEXT).splitlines() == [
        "Judul",
        "",
        "Belanja Pagu Realisasi",
        "Pegawai 1.000 950",
        "catatan",
        "Akhir",
    ]


@pytest.mark.samples
def test_spaced_samples_are_read_by_the_plain_reader(samples_dir: Path, keys_dir: Path, tmp_path: Path) -> None:
    score = score_layout(samples_dir, keys_dir, "spaced", tmp_path)
    for kind, floor in SPACED_FLOORS.items():
        assert score.recall(kind, CONVERTED) >= floor, score.report
    assert 0 <= score.false_errors <= MAX_FALSE_ERRORS, score.report


@pytest.mark.samples
@pytest.mark.parametrize("layout", ["aligned", "ragged", "pipe"])
def test_converted_samples_keep_their_recall(
    samples_dir: Path, keys_dir: Path, tmp_path: Path, layout: str
) -> None:
    score = score_layout(samples_dir, keys_dir, layout, tmp_path)
    for kind, floor in FLOORS.items():
        assert score.recall(kind, CONVERTED) >= floor, score.report
    assert 0 <= score.false_errors <= MAX_FALSE_ERRORS, score.report


@pytest.mark.samples
@pytest.mark.parametrize(
    ("name", "layout", "engines"),
    [
        ("jember_2023_lkjip.txt", "plain", {"plain"}),
        ("balikpapan_2020_lakip.txt", "mixed", {"tabs", "pipe"}),
        ("bontang_2025_lkjip.txt", "tabs", {"tabs"}),
        ("tanjungpinang_2024_lkjip.txt", "tabs", {"tabs"}),
    ],
)
def test_the_original_samples_keep_their_readers(samples_dir: Path, name: str, layout: str, engines: set[str]) -> None:
    """The aligned reader runs on every sample but finds nothing the others left: jember stays with
    the plain reader (32 tables: the 28 it always read, and the four `Unsur Layanan | Nilai` tables of
    the IKM scores, read since a label column's head and `Nilai` over labelled rows of one figure make
    a header), the tab samples with the tab (and pipe) readers."""
    lines = split_lines((samples_dir / name).read_text(encoding="utf-8"))
    assert detect_layout(lines) == layout
    found = extract_lines(lines, name, layout)
    assert {t.engine for t in found.tables} == engines
    if name.startswith("jember"):
        assert len(found.tables) == 32


@pytest.mark.samples
@pytest.mark.parametrize("name", CONVERTED)
def test_a_converted_sample_is_read_as_aligned(samples_dir: Path, name: str) -> None:
    lines = split_lines(to_aligned((samples_dir / name).read_text(encoding="utf-8")))
    layout = detect_layout(lines)
    assert layout in ("aligned", "pipe")  # balikpapan keeps a few pipe tables of its own
    assert "aligned" in {t.engine for t in extract_lines(lines, name, layout).tables}

"""Numbered prose items whose first line would pass for a heading (extractors/pdf/items)."""

from __future__ import annotations

from extractors.base import Line
from extractors.pdf.items import join_item_lines


def _lines(*texts: str, page: int = 1, start: int = 10) -> list[Line]:
    return [Line(start + k, t, page) for k, t in enumerate(texts)]


def test_item_stating_a_figure_joins_its_next_line() -> None:
    lines = _lines("1. Jumlah lokasi Program kampung Iklim dengan target capaian 61 yang",
                   "merupakan Indikator Kinerja Utama, realisasi target capaian yaitu 61 dengan",
                   "prosentase capaian sebesar 100 % sehingga baik.")
    out = join_item_lines(lines)
    assert [(ln.number, ln.text[:40]) for ln in out] == [
        (11, "1. Jumlah lokasi Program kampung Iklim d"), (12, "prosentase capaian sebesar 100 % sehingg")]


def test_heading_and_items_without_figures_stay_apart() -> None:
    lines = _lines("2.2 Perjanjian Kinerja Tahun 2016", "Dalam rangka mewujudkan manajemen kinerja",
                   "1. Pencapaian Status Mutu Sungai Utama", "Sedang dengan target capaian 42,5%")
    assert join_item_lines(lines) == lines


def test_no_join_across_pages_or_into_the_next_item() -> None:
    first = _lines("1. Indeks Kualitas Udara dengan target 60 yang")
    assert join_item_lines(first + _lines("merupakan IKU", page=2, start=11)) == first + _lines(
        "merupakan IKU", page=2, start=11)
    two = _lines("1. Indeks Kualitas Udara dengan target 60 yang", "2. Jumlah taman dengan target 1 yang")
    assert join_item_lines(two) == two

"""Rule family 7 — a rise (or fall) claimed "dari tahun ke tahun" in words only, held against the
year table the sentence describes."""

from __future__ import annotations

import pytest

from extractors.base import Line
from extractors.prose import find_statements
from pipeline.model import Severity
from tests.conftest import sample
from tests.validators.builders import report, statement, table
from validators.engine import audit

_HEADER = [["Tahun", "Layanan Keimigrasian yang diterima", "Capaian"]]


def _trend(rows: list[list[str]], text: str, between: tuple = ()) -> list:
    grid = table(rows, _HEADER, first_line=10)
    found = audit(report(tables=(grid, *between), statements=(statement(text, 40),)))
    return [f for f in found if f.rule == "growth_mismatch"]


def test_a_claimed_rise_against_a_year_that_fell() -> None:
    rows = [["2021", "9.447", "100%"], ["2022", "27.276", "100%"], ["2023", "29.535", "100%"],
            ["2024", "28.334", "100%"]]
    [f] = _trend(rows, "Jumlah layanan keimigrasian mengalami peningkatan dari tahun ke tahun.")
    assert (f.severity, f.line, f.expected) == (Severity.WARNING, 40, "2023 29.535 → 2024 28.334")
    assert f.related_lines == (12, 13)


def test_a_rise_that_holds_or_a_sentence_naming_no_column_gives_nothing() -> None:
    rows = [["2021", "9.447", "100%"], ["2022", "27.276", "100%"], ["2023", "29.535", "100%"]]
    assert _trend(rows, "Jumlah layanan keimigrasian mengalami peningkatan dari tahun ke tahun.") == []
    falling = [["2021", "30", "100%"], ["2022", "20", "100%"], ["2023", "10", "100%"]]
    assert _trend(falling, "Jumlah pengaduan masyarakat meningkat dari tahun ke tahun.") == []


def test_a_table_without_years_between_is_passed_over() -> None:
    rows = [["2021", "9.447", "100%"], ["2022", "27.276", "100%"], ["2023", "8.000", "100%"]]
    standard = table([["28.334", "126", "111,1%"]], [["Jumlah Layanan Keimigrasian diterima", "Satker", "Rata"]],
                     first_line=25, table_id="t2")
    [f] = _trend(rows, "Maka layanan keimigrasian terus meningkat.", (standard,))
    assert f.expected == "2022 27.276 → 2023 8.000"


def test_a_claim_in_words_only_is_kept_as_a_statement() -> None:
    lines = [Line(7, "Dibandingkan tahun sebelumnya, jumlah layanan mengalami peningkatan dari tahun ke "),
             Line(8, "tahun. Tidak ada kendala berarti.")]
    [st] = find_statements(lines, "x.txt")
    assert st.text.startswith("Dibandingkan") and st.prov.line == 7
    assert find_statements([Line(3, "Tidak ada kendala berarti pada tahun ini.")], "x.txt") == []


@pytest.mark.samples
def test_tanjungpinang_services_did_not_rise_every_year() -> None:
    from pipeline.run import process

    found = [f for f in process(sample("tanjungpinang_2024_lkjip.txt")).findings if f.rule == "growth_mismatch"]
    assert [(f.line, f.severity, f.expected) for f in found] == [
        (919, Severity.WARNING, "2020 11.422 → 2021 9.447; 2023 29.535 → 2024 28.334")]
    assert found[0].related_lines == (888, 889, 891, 892)

"""Hand-built records for validator tests: tables, statements, formulas, indicator and budget rows."""

from __future__ import annotations

from normalizers.numbers import parse_number
from pipeline.model import (
    BudgetRecord,
    Cell,
    Document,
    Formula,
    IndicatorRecord,
    Provenance,
    Quantity,
    Report,
    Statement,
    Table,
)

FILE = "test.txt"


def prov(line: int, raw: str = "") -> Provenance:
    return Provenance(FILE, line, None, raw)


def q(text: str, line: int = 1) -> Quantity:
    return parse_number(text, prov=prov(line, text))


def table(rows: list[list[str]], header: list[list[str]] | None = None, first_line: int = 10,
          table_id: str = "t1", title: str = "", continues: str | None = None) -> Table:
    header = header or []
    hdr = tuple(tuple(Cell(t, prov(first_line - len(header) + i, t)) for t in r) for i, r in enumerate(header))
    body = tuple(tuple(Cell(t, prov(first_line + i, t)) for t in r) for i, r in enumerate(rows))
    return Table(table_id, FILE, hdr, body, "tabs", title=title, line=first_line - len(header), continues=continues)


def statement(text: str, line: int) -> Statement:
    return Statement(text, prov(line, text))


def formula(expression: str, stated: str, line: int, label: str = "") -> Formula:
    return Formula(label, expression, stated, prov(line, expression), syntax="latex")


def indicator(target: str, realisasi: str, capaian: str, line: int, indikator: str = "Indeks Kualitas Layanan",
              table_id: str = "t1", **kw: object) -> IndicatorRecord:
    return IndicatorRecord("r", FILE, line, None, table_id, "measurement", 2025, "Sasaran", indikator,
                           q(target, line), q(realisasi, line), q(capaian, line), "", **kw)  # type: ignore[arg-type]


def budget(pagu: str, realisasi: str, pct: str, line: int, item: str = "Belanja Barang", table_id: str = "t1",
           is_total: bool = False, year: int | None = 2020) -> BudgetRecord:
    return BudgetRecord("r", FILE, line, None, table_id, "by_belanja", year, item, "", is_total,
                        q(pagu, line), q(realisasi, line), q(pct, line), "")


def report(tables: tuple[Table, ...] = (), statements: tuple[Statement, ...] = (),
           formulas: tuple[Formula, ...] = (), indicators: tuple[IndicatorRecord, ...] = (),
           budget: tuple[BudgetRecord, ...] = ()) -> Report:
    doc = Document("r", FILE, "0" * 64, "text", "tabs", 100, None, "Kantor", 2025, "LKjIP", tables, statements,
                   formulas)
    return Report(doc, indicators, budget)

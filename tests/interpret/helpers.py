"""Hand-built tables, statements and formulas for interpret unit tests (no sample text)."""

from __future__ import annotations

from collections.abc import Sequence

from pipeline.model import Cell, Document, Formula, Provenance, Statement, Table

SOURCE = "unit.txt"


def make_table(rows: Sequence[Sequence[str]], n_header: int = 0, first_line: int = 10, title: str = "",
               table_id: str = "t1") -> Table:
    """A table as an extractor would hand it over: one text line per row, cells split as given."""
    grid = tuple(
        tuple(Cell(text, Provenance(SOURCE, first_line + i, None, text)) for text in row)
        for i, row in enumerate(rows)
    )
    return Table(table_id=table_id, source_file=SOURCE, header=grid[:n_header], rows=grid[n_header:],
                 engine="test", title=title, line=first_line)


def make_document(tables: Sequence[Table] = (), statements: Sequence[Statement] = (),
                  formulas: Sequence[Formula] = (), year: int | None = 2024) -> Document:
    return Document(report_id="unit", source_file=SOURCE, sha256="", kind="text", layout="tabs", n_lines=9999,
                    n_pages=None, office="Kantor Uji", year=year, report_type="LKjIP", tables=tuple(tables),
                    statements=tuple(statements), formulas=tuple(formulas))


def statement(text: str, line: int, context: str = "") -> Statement:
    return Statement(text, Provenance(SOURCE, line, None, text), context)


def formula(label: str, expression: str, stated: str, line: int, context: str = "") -> Formula:
    return Formula(label, expression, stated, Provenance(SOURCE, line, None, expression), context, "latex")

"""A CSV file read as a stream, one line at a time, within the upload's limits.

UTF-8 (with or without BOM); the separator (`;` or `,`) is read from the header line. No line
may be longer than Limits.line_length, hold a NUL character, or make the sheet go beyond the
rows, columns, cells or cell length allowed: the file is refused at that line. Each cell goes
through binnenwerk.formatting.csv_cell_unescape, the reverse of the export's escape of formula
starts, so an export imports as what was exported.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from typing import IO

from django.utils.translation import gettext as _

from binnenwerk.formatting import csv_cell_unescape
from binnenwerk.imports.limits import Budget, Limits, number, refuse
from binnenwerk.imports.tables import Table, column_letter, header_name


class CsvDamaged(Exception):
    """The file is not UTF-8 text, or not CSV."""


def read_csv(name: str, stream: IO[bytes], budget: Budget) -> Table:
    """The table in the CSV stream `stream` (binary) of the file named `name`."""
    limits = budget.limits
    table = Table(name=name)
    text = io.TextIOWrapper(stream, encoding="utf-8-sig", newline="")
    nul = [False]  # set by _lines when a line holds a NUL character
    lines = _lines(text, name, limits, nul)
    try:
        first = next(lines, "")
        delimiter = ";" if first.count(";") > first.count(",") else ","
        records = csv.reader(_chain(first, lines), delimiter=delimiter)
        row_number = 0
        for row_number, row in enumerate(records, start=1):
            _check_row(table, row_number, row, budget)
            if nul[0]:
                index = next((i for i, cell in enumerate(row) if "\x00" in cell), 0)
                raise refuse(
                    name,
                    row_number,
                    _column(table, index),
                    _("the cell holds a NUL character: this is not a text file"),
                )
            if row_number == 1:
                same: dict[str, str] = {}  # one object per name: compared by identity
                table.header = [
                    same.setdefault(column, column)
                    for column in map(header_name, map(_unescaped, row))
                ]
                table.filled = any(not cell.isspace() for cell in row if cell)
                continue
            if not any(not cell.isspace() for cell in row if cell):
                continue
            table.filled = True
            table.rows.append(
                (
                    row_number,
                    {
                        column: (csv_cell_unescape(cell) if cell[0] == "'" else cell)
                        for column, cell in zip(table.header, row)  # noqa: B905 (rows vary)
                        if column and cell
                    },
                )
            )
    except UnicodeDecodeError as error:
        raise CsvDamaged(_("%(file)s is not UTF-8 text") % {"file": name}) from error
    except csv.Error as error:
        if "field larger than field limit" in str(error):
            raise _cell_too_long(name, row_number + 1, "-", limits) from error
        raise CsvDamaged(
            _("%(file)s cannot be read as CSV: %(error)s") % {"file": name, "error": error}
        ) from error
    return table


def _chain(first: str, rest: Iterator[str]) -> Iterator[str]:
    if first:
        yield first
    yield from rest


def _unescaped(cell: str) -> str:
    return csv_cell_unescape(cell) if cell[:1] == "'" else cell


def _lines(text: io.TextIOWrapper, name: str, limits: Limits, nul: list[bool]) -> Iterator[str]:
    """The file's lines; refused when one is too long, marked when one holds a NUL."""
    longest = limits.line_length
    line_number = 0
    while line := text.readline(longest + 1):
        line_number += 1
        if len(line) > longest and line[-1] not in "\r\n":
            if max(line.count(","), line.count(";")) >= limits.columns:
                raise _too_wide(name, line_number, limits)
            raise refuse(
                name,
                line_number,
                "-",
                _("the line is longer than %(max)s characters") % {"max": number(longest)},
            )
        if "\x00" in line:
            nul[0] = True
        yield line


def _column(table: Table, index: int) -> str:
    """A column as a message names it: its header, else its letter."""
    if index < len(table.header) and table.header[index]:
        return table.header[index]
    return column_letter(index + 1)


def _check_row(table: Table, row_number: int, row: list[str], budget: Budget) -> None:
    limits, name = budget.limits, table.name
    if row_number > limits.rows:
        raise refuse(
            name,
            row_number,
            "-",
            _("the sheet has more than %(max)s rows") % {"max": number(limits.rows)},
        )
    if len(row) > limits.columns:
        raise _too_wide(name, row_number, limits)
    budget.cells += len(row)
    if budget.cells > limits.cells:
        raise budget.too_many_cells(name, row_number)
    if row and max(map(len, row)) > limits.cell_length:
        index = next(i for i, cell in enumerate(row) if len(cell) > limits.cell_length)
        raise _cell_too_long(name, row_number, _column(table, index), limits)


def _too_wide(name: str, row_number: int, limits: Limits) -> Exception:
    return refuse(
        name,
        row_number,
        column_letter(limits.columns + 1),
        _("the row has more than %(max)s columns") % {"max": number(limits.columns)},
    )


def _cell_too_long(name: str, row: int, column: str, limits: Limits) -> Exception:
    return refuse(
        name,
        row,
        column,
        _("the cell is longer than %(max)s characters") % {"max": number(limits.cell_length)},
    )

"""Showing numbers and tables: Dutch for people, plain for machines; and spreadsheet cells
that a spreadsheet program opens as text, never as a formula (OWASP: CSV injection)."""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from collections.abc import Iterable, Sequence
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from django.utils.translation import gettext as _


def decimal_str(value: Decimal, places: int = 2) -> str:
    """Machine form: half-up to `places` decimals, decimal point ('870.20')."""
    return str(value.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP))


def decimal_nl(value: Decimal, places: int = 2) -> str:
    """Dutch form for people: thousands dot, decimal comma ('1.234,57')."""
    rounded = value.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)
    text = f"{rounded:,.{places}f}"
    return text.replace(",", "_").replace(".", ",").replace("_", ".")


def date_nl(value: dt.date) -> str:
    return value.strftime("%d-%m-%Y")


def parse_iso_date(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError as error:
        raise ValueError(
            _("invalid date '%(value)s': use YYYY-MM-DD") % {"value": value}
        ) from error


def table(headers: Sequence[str], rows: Sequence[Sequence[str]], numeric: Sequence[bool]) -> str:
    """An aligned text table; numeric columns align right."""
    widths = [len(h) for h in headers]
    for row in rows:
        widths = [max(w, len(cell)) for w, cell in zip(widths, row, strict=True)]

    def line(cells: Sequence[str]) -> str:
        parts = [
            cell.rjust(width) if is_num else cell.ljust(width)
            for cell, width, is_num in zip(cells, widths, numeric, strict=True)
        ]
        return "  ".join(parts).rstrip()

    rule = "  ".join("-" * w for w in widths)
    return "\n".join([line(headers), rule, *(line(r) for r in rows)])


# --- Cells for spreadsheet programs -----------------------------------------------------------
# A cell that starts with one of these is read as a formula (or DDE command) by Excel, LibreOffice
# and Google Sheets when a CSV file is opened (OWASP, "CSV Injection").
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
# Numbers as we write them (machine or Dutch notation, maybe a percentage) are left alone:
# "-3" or "-1.102,65" is a number to every spreadsheet program, not a formula.
_NUMBER = re.compile(r"[+-]?\d[\d.,]*%?")
# The escape: a leading apostrophe. It is reversible (csv_cell_unescape) because a value that
# already starts with an apostrophe before a formula start, or before another apostrophe, gets
# one more: unescape(escape(v)) == v for every text.
ESCAPE = "'"


def csv_cell(value: object) -> str:
    """A value as a CSV cell that no spreadsheet program runs as a formula."""
    text = "" if value is None else str(value)
    if not text or isinstance(value, int | float | Decimal) or _NUMBER.fullmatch(text):
        return text
    first, second = text[:1], text[1:2]
    if first in FORMULA_STARTS or (first == ESCAPE and second in (*FORMULA_STARTS, ESCAPE)):
        return ESCAPE + text
    return text


def csv_cell_unescape(text: str) -> str:
    """The importer's side of csv_cell: the value before it was escaped."""
    if text[:1] == ESCAPE and text[1:2] in (*FORMULA_STARTS, ESCAPE):
        return text[1:]
    return text


def csv_row(values: Iterable[object]) -> list[str]:
    return [csv_cell(v) for v in values]


def csv_writer(out: io.TextIOBase | Any) -> Any:
    """A csv.writer whose every cell goes through csv_cell (rows of any values). Lines end in
    CRLF (RFC 4180): then a value holding a carriage return is quoted too, and cannot cut its
    row in two."""
    writer = csv.writer(out, lineterminator="\r\n")
    return _SafeWriter(writer)


class _SafeWriter:
    def __init__(self, writer: Any) -> None:
        self._writer = writer

    def writerow(self, values: Iterable[object]) -> Any:
        return self._writer.writerow(csv_row(values))

    def writerows(self, rows: Iterable[Iterable[object]]) -> None:
        for row in rows:
            self.writerow(row)


def csv_text(headers: Sequence[str], rows: Sequence[Sequence[object]]) -> str:
    buffer = io.StringIO()
    writer = csv_writer(buffer)
    writer.writerow(headers)
    writer.writerows(rows)
    return buffer.getvalue()


def xlsx_append(worksheet: Any, values: Iterable[object]) -> None:
    """Append a row to an openpyxl worksheet with every text as a text cell: openpyxl would
    store a text that starts with '=' as a formula, which Excel then runs."""
    worksheet.append(list(values))
    for cell in worksheet[worksheet.max_row]:
        if isinstance(cell.value, str) and cell.data_type != "s":
            cell.data_type = "s"

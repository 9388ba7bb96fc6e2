"""One worksheet read by streaming its XML: rows and cells counted as they arrive (rows and
cells without a reference too), every value typed as the spreadsheet typed it. The hot path of
the workbook reader: its handlers are closures over plain variables that compare tags by
identity (the parser interns names into a copy of _TAGS)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from django.utils.translation import gettext as _

from binnenwerk.imports.limits import ELEMENTS_PER_CELL, XML_DEPTH_LIMIT, Budget, number, refuse
from binnenwerk.imports.tables import Table, column_letter, header_name
from binnenwerk.imports.xlsx_xml import DIGITS, MAIN, Stop, damaged, new_parser, unescaped

_TAGS = {
    tag: tag
    for tag in (
        f"{ns}}}{name}"
        for ns in MAIN
        for name in ("c", "v", "row", "t", "is", "rPh", "sheetData", "dimension")
    )
}
_WINDOWS_DAY_ZERO = dt.datetime(1899, 12, 30)
_MAC_DAY_ZERO = dt.datetime(1904, 1, 1)


def _nothing() -> None:
    pass


class SheetReader:
    """The handlers that turn one worksheet's XML into a Table, counting as they go.

    The handlers are closures over plain variables and compare tags by identity (the parser
    interns names into _TAGS): this is the hot path, called for every element of the sheet.
    Each known element refuses to open inside itself, and any other element counts towards
    the depth, so the parser's own stack stays small."""

    def __init__(
        self,
        name: str,
        budget: Budget,
        shared: list[str],
        date_styles: dict[str, str],
        date1904: bool,
    ) -> None:
        self.table = Table(name=name)
        self.name = name
        self.budget = budget
        self.shared = shared
        self.date_styles = date_styles
        self.date1904 = date1904
        self.row = 0  # the row being read (kept up to date for messages)
        self.settle: Callable[[], None] = _nothing

    def parser(self) -> Any:
        parser = new_parser(self.name, dict(_TAGS))

        def root(tag: str, attributes: dict[str, str]) -> None:
            namespace = tag.rpartition("}")[0]
            if namespace not in MAIN or tag.rpartition("}")[2] != "worksheet":
                raise damaged(self.name)
            start, end, chars = self._handlers(namespace)
            parser.StartElementHandler = start
            parser.EndElementHandler = end
            parser.CharacterDataHandler = chars

        parser.StartElementHandler = root
        return parser

    def _handlers(self, namespace: str) -> tuple[Any, Any, Any]:
        def tag_of(local: str) -> str:
            return _TAGS[f"{namespace}}}{local}"]

        cell_tag, value_tag, row_tag, text_tag = map(tag_of, ("c", "v", "row", "t"))
        inline_tag, phonetic_tag = tag_of("is"), tag_of("rPh")
        data_tag, dimension_tag = tag_of("sheetData"), tag_of("dimension")
        name, budget, limits, table = self.name, self.budget, self.budget.limits, self.table
        shared, date_styles, rows = self.shared, self.date_styles, self.table.rows
        max_rows, max_columns, longest = limits.rows, limits.columns, limits.cell_length
        columns = {column_letter(i): i for i in range(1, max_columns + 1)}
        names: list[str | None] = [None] * (max_columns + 2)
        # Whole-day serial numbers from 61 (1900-03-01; before it Excel counts a 29 February
        # 1900 that never was) to the last day of 9999, and the day before serial 0.
        first_day, last_day = (1, 2_957_003) if self.date1904 else (61, 2_958_465)
        day_zero = (_MAC_DAY_ZERO if self.date1904 else _WINDOWS_DAY_ZERO).toordinal()
        cells_left = limits.cells - budget.cells
        elements_left = ELEMENTS_PER_CELL * limits.cells - budget.elements
        row = 0  # the row's number; 0 before the first row
        row_text = ""
        implicit_row = False  # the row has no r="…": its first cell may give its number
        column = 0
        values: dict[Any, object] | None = None  # the open row's; None outside a row
        filled = False
        cell_type: str | None = None
        cell_style: str | None = None
        text: str | None = None
        collect = in_cell = in_value = in_text = in_inline = in_phonetic = False
        depth = 0

        def start(tag: str, attributes: dict[str, str]) -> None:
            nonlocal row, row_text, implicit_row, column, values, filled, cell_type, cell_style
            nonlocal text, collect, in_cell, in_value, in_text, in_inline, in_phonetic, depth
            nonlocal cells_left, elements_left
            elements_left -= 1
            if elements_left < 0:
                raise budget.too_many_cells(name, max(row, 1))
            if tag is cell_tag:
                cells_left -= 1
                if cells_left < 0:
                    raise budget.too_many_cells(name, max(row, 1))
                if in_cell or values is None:
                    raise damaged(name, row)
                in_cell = True
                reference = attributes.get("r")
                if reference is None:
                    column += 1
                    if column > max_columns:
                        raise self._too_wide(row, column_letter(column))
                else:
                    found = (
                        columns.get(reference[: -len(row_text)])
                        if reference.endswith(row_text)
                        else None
                    )
                    if found is None:
                        found, placed = self._place(reference, row, implicit_row, column)
                        if placed != row:
                            row, row_text, implicit_row = placed, str(placed), False
                            self.row = row
                    column = found
                cell_type = attributes.get("t")
                cell_style = attributes.get("s")
                text = None
            elif tag is value_tag:
                if in_value:
                    raise damaged(name, row)
                in_value = collect = True
            elif tag is row_tag:
                if values is not None:
                    raise damaged(name, row)
                number_text = attributes.get("r")
                if number_text is None:
                    row += 1
                    implicit_row = True
                    if row > max_rows:
                        raise self._too_long_sheet(row)
                else:
                    row, implicit_row = self._row_number(number_text, row), False
                row_text = str(row)
                self.row = row
                column = 0
                values = {}
                filled = False
            elif tag is text_tag:
                if in_text:
                    raise damaged(name, row)
                in_text = True
                collect = in_inline and not in_phonetic
            elif tag is inline_tag:
                if in_inline:
                    raise damaged(name, row)
                in_inline = True
            elif tag is phonetic_tag:
                if in_phonetic:
                    raise damaged(name, row)
                in_phonetic = True
            else:
                depth += 1
                if depth > XML_DEPTH_LIMIT:
                    raise damaged(name, row)
                if tag is dimension_tag:
                    self._check_dimension(attributes.get("ref", ""))

        def end(tag: str) -> None:
            nonlocal values, filled, collect, in_cell, in_value, in_text, in_inline, in_phonetic
            nonlocal depth
            if tag is cell_tag:
                in_cell = False
                if text is None:
                    return
                kind = cell_type
                value: object
                if kind is None or kind == "n":
                    try:
                        value = float(text)
                    except ValueError:
                        value = text
                    else:
                        if cell_style is not None and cell_style in date_styles:
                            kind = date_styles[cell_style]
                            if kind == "date" and first_day <= value <= last_day:
                                whole = int(value)
                                if whole == value:  # a whole day: the usual case, quickly
                                    value = dt.date.fromordinal(day_zero + whole)
                                else:
                                    value = self._date(value, kind)
                            else:
                                value = self._date(value, kind)
                elif kind == "s":
                    try:
                        value = shared[int(text)]
                    except (ValueError, IndexError):
                        raise self._bad_cell(row, column) from None
                elif kind == "inlineStr" or kind == "str":
                    value = text if "_x" not in text else unescaped(text)
                else:
                    value = self._typed(kind, text, row, column)
                if value is None or (value.__class__ is str and not value.strip()):
                    return
                filled = True
                if row == 1:
                    values[column] = value  # type: ignore[index]
                elif (header := names[column]) is not None:
                    values[header] = value  # type: ignore[index]
            elif tag is value_tag:
                in_value = collect = False
            elif tag is text_tag:
                in_text = collect = False
            elif tag is row_tag:
                if row == 1:
                    width = max(values, default=0)  # type: ignore[arg-type]
                    table.header = [header_name(values.get(i)) for i in range(1, width + 1)]  # type: ignore[union-attr]
                    # One object per name: a repeated (long) name then compares by identity.
                    same: dict[str, str] = {}
                    for index, header in enumerate(table.header, start=1):
                        names[index] = same.setdefault(header, header) or None
                    table.filled = table.filled or filled
                elif filled:
                    rows.append((row, values))  # type: ignore[arg-type]
                    table.filled = True
                values = None
            elif tag is inline_tag:
                in_inline = False
            elif tag is phonetic_tag:
                in_phonetic = False
            elif tag is data_tag:
                raise Stop
            else:
                depth -= 1

        def chars(data: str) -> None:
            nonlocal text
            if collect:
                text = data if text is None else text + data
                if len(text) > longest:
                    raise self._too_long_cell(row, column)

        def settle() -> None:
            """Charge the upload's budget with what this sheet used."""
            budget.cells = limits.cells - cells_left
            budget.elements = ELEMENTS_PER_CELL * limits.cells - elements_left

        self.settle = settle
        return start, end, chars

    # --- the rare cases, out of the hot path ----------------------------------------------

    def _date(self, value: float, kind: str) -> object:
        """A number in a date or time format: the moment it stands for (else the number). The
        1900 calendar counts a 29 February 1900 that never was: days before it shift by one."""
        try:
            if kind == "timedelta":
                return dt.timedelta(days=value)
            shifted = value + 1 if not self.date1904 and 0 < value < 60 else value
            day_zero = _MAC_DAY_ZERO if self.date1904 else _WINDOWS_DAY_ZERO
            days, fraction = divmod(shifted, 1)
            moment = day_zero + dt.timedelta(days=days, milliseconds=round(fraction * 86_400_000))
        except (ValueError, OverflowError):
            return value
        if kind == "time" or 0 <= value < 1:
            return moment.time()
        if kind == "date" and moment.time() == dt.time():
            return moment.date()
        return moment

    def _typed(self, kind: str, text: str | None, row: int, column: int) -> object:
        if kind == "inlineStr" or kind == "str" or kind == "e":
            return unescaped(text) if text else text
        if kind == "b":
            return text in ("1", "true")
        if kind == "d":
            if not text:
                return None
            try:
                moment = dt.datetime.fromisoformat(text)
            except ValueError:
                return text
            return moment.date() if moment.time() == dt.time() else moment
        raise self._bad_cell(row, column)

    def _place(
        self, reference: str, row: int, implicit_row: bool, previous: int
    ) -> tuple[int, int]:
        """(column, row) of a cell reference outside the quick path: beyond the allowed
        columns, not an A1 reference, or in another row than its <row> (allowed only for the
        first cell of a row without a number, which then takes the cell's row)."""
        letters = reference.rstrip(DIGITS)
        digits = reference[len(letters) :]
        if not (letters.isalpha() and letters.isascii() and letters.isupper() and digits):
            raise self._bad_cell(row, 0, reference)
        if len(letters) > 3:
            raise self._too_wide(row, letters)
        column = 0
        for letter in letters:
            column = column * 26 + ord(letter) - 64
        if column > self.budget.limits.columns:
            raise self._too_wide(row, letters)
        if digits != str(row):
            if not (digits.isdigit() and digits.isascii()):
                raise self._bad_cell(row, column, reference)
            cell_row = int(digits[:12])
            if cell_row > self.budget.limits.rows:
                raise self._too_long_sheet(cell_row)
            if not (implicit_row and previous == 0 and cell_row >= row > 0):
                raise self._bad_cell(row, column, reference)
            row = cell_row
        return column, row

    def _row_number(self, text: str, previous: int) -> int:
        if not text.isdigit() or not text.isascii():
            raise damaged(self.name, previous + 1)
        found = int(text[:12])
        if found > self.budget.limits.rows:
            raise self._too_long_sheet(found)
        if found <= previous:
            raise refuse(
                self.name,
                found,
                "-",
                _("the workbook is damaged: the rows of this sheet are out of order"),
            )
        return found

    def _check_dimension(self, reference: str) -> None:
        """The size a sheet declares (<dimension ref="A1:D120">): refused when beyond the
        limits, though nothing is allocated from it."""
        last = reference.rpartition(":")[2].replace("$", "")
        letters = last.rstrip(DIGITS)
        digits = last[len(letters) :]
        limits = self.budget.limits
        if digits.isdigit() and digits.isascii() and int(digits[:12]) > limits.rows:
            raise self._too_long_sheet(int(digits[:12]), declared=reference)
        if letters.isalpha() and letters.isascii() and letters.isupper():
            width = 0
            for letter in letters[:4]:
                width = width * 26 + ord(letter) - 64
            if width > limits.columns:
                raise self._too_wide(1, letters, declared=reference)

    def _too_long_sheet(self, row: int, declared: str = "") -> Exception:
        limits = self.budget.limits
        message = _("the sheet has more than %(max)s rows") % {"max": number(limits.rows)}
        if declared:
            message += " " + _("(it declares %(range)s)") % {"range": declared[:40]}
        return refuse(self.name, row, "-", message)

    def _too_wide(self, row: int, letters: str, declared: str = "") -> Exception:
        limits = self.budget.limits
        message = _("the row has more than %(max)s columns") % {"max": number(limits.columns)}
        if declared:
            message += " " + _("(it declares %(range)s)") % {"range": declared[:40]}
        return refuse(self.name, max(row, 1), letters[:4], message)

    def _too_long_cell(self, row: int, column: int) -> Exception:
        return refuse(
            self.name,
            max(row, 1),
            column_letter(column) or "-",
            _("the cell is longer than %(max)s characters")
            % {"max": number(self.budget.limits.cell_length)},
        )

    def _bad_cell(self, row: int, column: int, reference: str = "") -> Exception:
        return refuse(
            self.name,
            max(row, 1),
            column_letter(column) or "-",
            _("the workbook is damaged: cell %(cell)s cannot be read")
            % {"cell": reference[:20] or f"{column_letter(column)}{row}"},
        )

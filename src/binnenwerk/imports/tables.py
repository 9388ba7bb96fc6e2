"""One sheet as the readers deliver it: the header of row 1 and the non-empty rows by number."""

from __future__ import annotations

from dataclasses import dataclass, field

from binnenwerk.imports.cells import is_empty


@dataclass
class Table:
    name: str  # the sheet's name or the CSV file's stem, as found
    header: list[str] = field(default_factory=list)  # per column: lowercase name, or ""
    # (spreadsheet row number, {column: value}) for each row with a value; empty cells and
    # cells under no header are left out.
    rows: list[tuple[int, dict[str, object]]] = field(default_factory=list)
    filled: bool = False  # any cell holds a value (the header included)

    @property
    def columns(self) -> list[str]:
        return [name for name in self.header if name]


def header_name(value: object) -> str:
    return "" if is_empty(value) else str(value).strip().lower()


def column_letter(number: int) -> str:
    """The spreadsheet name of column `number` (1 = A, 27 = AA)."""
    letters = ""
    while number > 0:
        number, rest = divmod(number - 1, 26)
        letters = chr(65 + rest) + letters
    return letters

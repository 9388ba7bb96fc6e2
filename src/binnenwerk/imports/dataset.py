"""The in-memory form of a workbook: read by the readers, built by the demo, exported."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.utils.translation import ngettext


@dataclass
class Sheet:
    name: str  # canonical lowercase sheet name, e.g. "medewerkers"
    columns: list[str]  # lowercased header names as found
    # (spreadsheet row number, header = 1; {column: value}); values may be str, int,
    # float, Decimal, date, datetime, bool or None; an empty string means no value.
    rows: list[tuple[int, dict[str, object]]] = field(default_factory=list)


Dataset = dict[str, Sheet]


@dataclass(frozen=True, order=True)
class RowError:
    """One located problem: `sheet:row:column: message`."""

    sheet_order: int
    row: int
    sheet: str
    column: str
    message: str

    def __str__(self) -> str:
        return f"{self.sheet}:{self.row}:{self.column}: {self.message}"


class ImportFailed(Exception):
    """Validation found problems; nothing was written."""

    def __init__(self, errors: list[RowError]) -> None:
        self.errors = sorted(errors)
        count = len(self.errors)
        super().__init__(
            ngettext("%(count)s error in the import", "%(count)s errors in the import", count)
            % {"count": count}
        )

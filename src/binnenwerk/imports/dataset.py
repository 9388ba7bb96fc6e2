"""The in-memory form of a workbook: read by the readers, built by the demo, exported."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from django.conf import settings
from django.utils.formats import number_format
from django.utils.translation import ngettext

# A message names values from the file: each part is shortened to this many characters, so
# that a hostile cell is never echoed back whole.
SHOWN_LENGTH = 200


@dataclass
class Sheet:
    name: str  # canonical lowercase sheet name, e.g. "medewerkers"
    columns: list[str]  # lowercased header names as found
    # (spreadsheet row number, header = 1; {column: value}); values may be str, int,
    # float, Decimal, date, datetime, bool or None; an empty string means no value.
    rows: list[tuple[int, dict[str, object]]] = field(default_factory=list)


Dataset = dict[str, Sheet]


def shortened(text: str, length: int = SHOWN_LENGTH) -> str:
    return text if len(text) <= length else text[:length] + "…"


@dataclass(frozen=True, order=True)
class RowError:
    """One located problem: `sheet:row:column: message`."""

    sheet_order: int
    row: int
    sheet: str
    column: str
    message: str

    def __str__(self) -> str:
        return (
            f"{shortened(self.sheet, 60)}:{self.row}:{shortened(self.column, 60)}: "
            f"{shortened(self.message, 2 * SHOWN_LENGTH)}"
        )

    def sort_key(self) -> tuple[int, int, str, str, str]:
        return (self.sheet_order, self.row, self.sheet, self.column, self.message)


class ImportFailed(Exception):
    """Validation found problems; nothing was written.

    `errors` holds every problem in file order; `listed` the first IMPORT_ERRORS_LISTED of them
    as lines to show, with a last line that counts the rest ("… en nog 12.345 fouten")."""

    def __init__(self, errors: Iterable[RowError]) -> None:
        self.errors = sorted(errors, key=RowError.sort_key)
        count = len(self.errors)
        super().__init__(
            ngettext("%(count)s error in the import", "%(count)s errors in the import", count)
            % {"count": number_format(count, force_grouping=True)}
        )

    @property
    def total(self) -> int:
        return len(self.errors)

    @property
    def listed(self) -> list[str]:
        shown = settings.IMPORT_ERRORS_LISTED
        lines = [str(e) for e in self.errors[:shown]]
        if self.total > shown:
            rest = self.total - shown
            lines.append(
                ngettext("… and %(count)s more error", "… and %(count)s more errors", rest)
                % {"count": number_format(rest, force_grouping=True)}
            )
        return lines

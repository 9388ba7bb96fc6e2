"""Import of quarterly figures from one sheet (xlsx or CSV), with the main import's rules:
every error located as `sheet:row:column: message`, and on any error nothing is written."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import IO, Any

from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from binnenwerk.imports import cells, limits, readers
from binnenwerk.imports.dataset import ImportFailed, RowError, Sheet
from binnenwerk.monitor.models import Kwartaalcijfer
from binnenwerk.monitor.services import kwartaalcijfer_set
from binnenwerk.organisation.models import Organisatie

SHEET = "kwartaalcijfers"
COLUMNS = ("ministerie", "jaar", "kwartaal", "formeel_excl_binnenwerk", "inleen")
YEARS = range(2015, 2100)
# As the model stores them: up to 4 decimals, below 100 million jobs.
PLACES = 4
MAX_JOBS = Decimal(10**8)


@dataclass
class KwartaalImport:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    dry_run: bool = False

    def summary(self) -> str:
        text = _("%(created)s created, %(updated)s updated, %(unchanged)s unchanged.") % {
            "created": self.created,
            "updated": self.updated,
            "unchanged": self.unchanged,
        }
        if self.dry_run:
            text += " " + _("Dry run: nothing was saved.")
        return text


@dataclass(frozen=True)
class _Row:
    number: int
    organisatie: Organisatie
    jaar: int
    kwartaal: int
    formeel_excl_binnenwerk: Decimal
    inleen: Decimal


def _error(row: int, column: str, message: str) -> RowError:
    return RowError(0, row, SHEET, column, message)


def read_sheet(filename: str, content: bytes | IO[bytes]) -> Sheet:
    """The sheet named kwartaalcijfers (else the first) of an .xlsx or .csv file, read by the
    bounded upload reader within the monitor's limits (Limits.for_monitor)."""
    suffix = Path(filename).suffix.lower()
    if suffix not in (".xlsx", ".xlsm", ".csv"):
        raise readers.ReadError(
            _("'%(name)s' is not an .xlsx or .csv file") % {"name": Path(filename).name}
        )
    tables = readers.read_tables(filename, content, limits.Limits.for_monitor())
    named = [table for table in tables if table.name.strip().lower() == SHEET]
    table = named[0] if named else (tables[0] if tables else None)
    if table is None:
        return Sheet(name=SHEET, columns=[], rows=[])
    return Sheet(name=SHEET, columns=table.columns, rows=table.rows)


def _parse(sheet: Sheet) -> tuple[list[_Row], list[RowError]]:
    errors: list[RowError] = []
    header, rows = set(sheet.columns), sheet.rows
    for column in sorted(header - set(COLUMNS)):
        errors.append(
            _error(
                1,
                column,
                _("unknown column; allowed are: %(columns)s") % {"columns": ", ".join(COLUMNS)},
            )
        )
    for column in COLUMNS:
        if column not in header:
            errors.append(_error(1, column, _("required column is missing")))
    if errors:
        return [], errors
    if not rows:
        return [], [_error(1, "-", _("the sheet holds no figures"))]
    organisations = {o.code.casefold(): o for o in Organisatie.objects.all()}
    parsed: list[_Row] = []
    seen: dict[tuple[int, int, int], int] = {}
    for number, values in rows:
        row = _parse_row(number, values, organisations, errors)
        if row is None:
            continue
        key = (row.organisatie.pk, row.jaar, row.kwartaal)
        if key in seen:
            errors.append(
                _error(number, "ministerie", _("already on row %(row)s") % {"row": seen[key]})
            )
            continue
        seen[key] = number
        parsed.append(row)
    return parsed, errors


def _parse_row(
    number: int,
    values: dict[str, object],
    organisations: dict[str, Organisatie],
    errors: list[RowError],
) -> _Row | None:
    before = len(errors)
    read: dict[str, Any] = {}
    for column in COLUMNS:
        value = values.get(column)
        if cells.is_empty(value):
            errors.append(_error(number, column, _("required field is empty")))
            continue
        try:
            read[column] = _read_cell(column, value, organisations)
        except cells.CellError as problem:
            errors.append(_error(number, column, str(problem)))
    if len(errors) > before:
        return None
    return _Row(number, **{("organisatie" if k == "ministerie" else k): v for k, v in read.items()})


def _read_cell(column: str, value: object, organisations: dict[str, Organisatie]) -> Any:
    if column == "ministerie":
        code = cells.text(value)
        if code.casefold() not in organisations:
            raise cells.CellError(_("unknown organisation '%(code)s'") % {"code": code})
        return organisations[code.casefold()]
    if column == "jaar":
        year = cells.whole_number(value)
        if year not in YEARS:
            raise cells.CellError(
                _("year %(year)s is outside %(first)s–%(last)s")
                % {"year": year, "first": YEARS.start, "last": YEARS.stop - 1}
            )
        return year
    if column == "kwartaal":
        quarter = cells.text(value).upper().removeprefix("Q").removeprefix("K")
        if quarter not in ("1", "2", "3", "4"):
            raise cells.CellError(
                _("'%(value)s' is not a quarter: use 1 to 4") % {"value": cells.text(value)}
            )
        return int(quarter)
    number = cells.decimal(value)
    if number < 0:
        raise cells.CellError(_("'%(value)s' is negative") % {"value": cells.text(value)})
    if number >= MAX_JOBS:
        raise cells.CellError(_("'%(value)s' is too large") % {"value": cells.text(value)})
    if -number.as_tuple().exponent > PLACES:  # type: ignore[operator]
        raise cells.CellError(
            _("'%(value)s' has more than %(places)s decimals")
            % {"value": cells.text(value), "places": PLACES}
        )
    return number


def import_kwartaalcijfers(*, actor: Any, sheet: Sheet, dry_run: bool = False) -> KwartaalImport:
    """Validate every row first; write only when all are right (unless dry_run).

    Raises ImportFailed with every located error; then nothing is written.
    """
    parsed, errors = _parse(sheet)
    if errors:
        raise ImportFailed(errors)
    report = KwartaalImport(dry_run=dry_run)
    existing = {
        (f.organisatie_id, f.jaar, f.kwartaal): f
        for f in Kwartaalcijfer.objects.filter(jaar__in={r.jaar for r in parsed})
    }
    with transaction.atomic():
        for row in parsed:
            current = existing.get((row.organisatie.pk, row.jaar, row.kwartaal))
            if current is None:
                report.created += 1
            elif (current.formeel_excl_binnenwerk, current.inleen) == (
                row.formeel_excl_binnenwerk,
                row.inleen,
            ):
                report.unchanged += 1
                continue
            else:
                report.updated += 1
            if not dry_run:
                kwartaalcijfer_set(
                    actor=actor,
                    organisatie=row.organisatie,
                    jaar=row.jaar,
                    kwartaal=row.kwartaal,
                    formeel_excl_binnenwerk=row.formeel_excl_binnenwerk,
                    inleen=row.inleen,
                )
    return report


def error_count(errors: list[RowError]) -> str:
    count = len(errors)
    return ngettext("%(count)s error", "%(count)s errors", count) % {"count": limits.number(count)}

"""Rows into records: each cell parsed and checked on its own, every problem located.

A record holds plain typed values with references as codes, so records from the
file and from the database (`state.py`) compare and merge directly.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.utils.translation import gettext as _

from binnenwerk.imports import cells
from binnenwerk.imports.dataset import Dataset, RowError, Sheet
from binnenwerk.imports.schema import SHEET_ORDER, SPECS
from binnenwerk.organisation.constants import OrganisatieSoort, TeamRolSoort, parse_provincie
from binnenwerk.people.bsn import normalise_bsn
from binnenwerk.people.constants import ContractSoort
from binnenwerk.validation import bsn_error, hours_error, period_error

Key = tuple[Any, ...]


@dataclass(slots=True)
class Record:
    sheet: str
    row: int | None  # None: the record is in the database, not in the file
    values: dict[str, Any]

    def key(self) -> Key:
        return tuple(self.values[c] for c in SPECS[self.sheet].key)


def _optional(parse: Callable[[object], Any]) -> Callable[[object], Any]:
    def parse_or_none(value: object) -> Any:
        return None if cells.is_empty(value) else parse(value)

    return parse_or_none


def _provincie(value: object) -> str:
    provincie = parse_provincie(cells.text(value))
    if provincie is None:
        raise cells.CellError(
            _("'%(value)s' is not one of the 12 provinces") % {"value": cells.text(value)}
        )
    return provincie.value


def _bsn(value: object) -> str:
    bsn = normalise_bsn(cells.text(value))
    if not bsn.isascii():  # other scripts' digits pass str.isdigit(), not the 11-proef
        bsn = bsn.encode("ascii", "replace").decode()
    if error := bsn_error(bsn):
        raise cells.CellError(error)
    return bsn


def _hours(value: object) -> Any:
    hours = cells.decimal(value)
    if error := hours_error(hours):
        raise cells.CellError(error)
    return hours


def _choices(options: list[str]) -> Callable[[object], str]:
    return lambda value: cells.choice(value, options)


text, opt_text, opt_date = cells.text, _optional(cells.text), _optional(cells.date)
opt_int = _optional(cells.whole_number)

# Per sheet and column: how to read it (required columns may not be empty).
PARSERS: dict[str, dict[str, Callable[[object], Any]]] = {
    "organisaties": {
        "code": text,
        "naam": text,
        "soort": _choices(OrganisatieSoort.values),
        "hoort_bij": opt_text,
    },
    "werksoorten": {
        "code": text,
        "naam": text,
        "teamgrootte_min": opt_int,
        "teamgrootte_max": opt_int,
    },
    "locaties": {"code": text, "naam": text, "plaats": opt_text, "provincie": _provincie},
    "teams": {
        "code": text,
        "naam": text,
        "werksoort": text,
        "locatie": text,
        "partner": opt_text,
        "capaciteit": opt_int,
        "start": cells.date,
        "einde": opt_date,
        "leidinggevende": opt_text,
        "jobcoach": opt_text,
    },
    "medewerkers": {
        "personeelsnummer": text,
        "voornaam": text,
        "achternaam": text,
        "geboortedatum": opt_date,
        "bsn": _optional(_bsn),
        "doelgroepindicatie": cells.yes_no,
        "werkgever": opt_text,
    },
    "dienstverbanden": {
        "personeelsnummer": text,
        "start": cells.date,
        "einde": opt_date,
        "uren_per_week": _hours,
        "soort": _optional(_choices(ContractSoort.values)),
    },
    "plaatsingen": {
        "personeelsnummer": text,
        "team": text,
        "opdrachtgever": text,
        "start": cells.date,
        "einde": opt_date,
    },
    "teamrollen": {
        "team": text,
        "rol": _choices(TeamRolSoort.values),
        "personeelsnummer": text,
        "start": cells.date,
        "einde": opt_date,
    },
}
# Text lengths the database holds.
MAX_LENGTH = {
    "code": 30,
    "naam": 200,
    "plaats": 100,
    "personeelsnummer": 30,
    "voornaam": 100,
    "achternaam": 150,
    "hoort_bij": 30,
    "werksoort": 30,
    "locatie": 30,
    "partner": 30,
    "werkgever": 30,
    "team": 30,
    "opdrachtgever": 30,
    "leidinggevende": 30,
    "jobcoach": 30,
}
DEFAULTS = {"plaats": "", "bsn": "", "soort": ContractSoort.BEPAALD.value}


def error(sheet: str, row: int, column: str, message: str) -> RowError:
    return RowError(SHEET_ORDER.get(sheet, len(SHEET_ORDER)), row, sheet, column, message)


@dataclass
class Parsed:
    records: dict[str, dict[Key, Record]]
    errors: list[RowError]
    # Keys of rows that were refused: references to them are not reported a second time.
    refused: dict[str, set[Key]]


def parse_dataset(dataset: Dataset) -> Parsed:
    records: dict[str, dict[Key, Record]] = {name: {} for name in SPECS}
    refused: dict[str, set[Key]] = {name: set() for name in SPECS}
    errors: list[RowError] = []
    for name, sheet in dataset.items():
        columns_ok = _check_columns(sheet, errors)
        for number, values in sheet.rows:
            record = _parse_row(name, number, values, errors) if columns_ok else None
            if record is None:
                refused[name].add(tuple(cells.text(values.get(c) or "") for c in SPECS[name].key))
                continue
            existing = records[name].get(record.key())
            if existing is not None:
                message = _("already occurs on row %(row)s of this sheet") % {"row": existing.row}
                errors.append(error(name, number, SPECS[name].key[-1], message))
                continue
            records[name][record.key()] = record
    return Parsed(records, errors, refused)


def _check_columns(sheet: Sheet, errors: list[RowError]) -> bool:
    spec = SPECS[sheet.name]
    ok = True
    seen: set[str] = set()
    for column in sheet.columns:
        if column not in spec.columns:
            errors.append(
                error(
                    sheet.name,
                    1,
                    column,
                    _("unknown column; allowed are: %(columns)s")
                    % {"columns": ", ".join(spec.columns)},
                )
            )
            ok = False
        elif column in seen:
            errors.append(error(sheet.name, 1, column, _("column occurs twice")))
            ok = False
        seen.add(column)
    for column in spec.required:
        if column not in seen:
            errors.append(error(sheet.name, 1, column, _("required column is missing")))
            ok = False
    return ok


def _parse_row(
    sheet: str, number: int, raw: dict[str, object], errors: list[RowError]
) -> Record | None:
    spec, before = SPECS[sheet], len(errors)
    values: dict[str, Any] = {}
    for column, parse in PARSERS[sheet].items():
        value = raw.get(column)
        if column in spec.required and cells.is_empty(value):
            errors.append(error(sheet, number, column, _("required field is empty")))
            continue
        try:
            parsed = parse(value)
        except cells.CellError as problem:
            errors.append(error(sheet, number, column, str(problem)))
            continue
        if isinstance(parsed, str) and len(parsed) > MAX_LENGTH.get(column, 10**6):
            message = _("too long: at most %(max)s characters") % {"max": MAX_LENGTH[column]}
            errors.append(error(sheet, number, column, message))
            continue
        if isinstance(parsed, str) and (control := cells.control_character(parsed)):
            message = _("contains a control character (code %(code)s); remove it") % {
                "code": ord(control)
            }
            errors.append(error(sheet, number, column, message))
            continue
        values[column] = DEFAULTS.get(column) if parsed is None and column in DEFAULTS else parsed
    if len(errors) > before:
        return None
    if "start" in values and (wrong := period_error(values["start"], values.get("einde"))):
        errors.append(error(sheet, number, "einde", wrong))
        return None
    low, high = values.get("teamgrootte_min"), values.get("teamgrootte_max")
    if low is not None and high is not None and low > high:
        errors.append(error(sheet, number, "teamgrootte_max", _("is smaller than teamgrootte_min")))
        return None
    return Record(sheet, number, values)

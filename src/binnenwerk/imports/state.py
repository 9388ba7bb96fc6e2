"""The database as records: the same shape as parsed rows, to merge, check and compare."""

from __future__ import annotations

from typing import Any

from binnenwerk.imports.records import Key, Record
from binnenwerk.imports.schema import SPECS
from binnenwerk.organisation.models import Locatie, Organisatie, Team, TeamRol, Werksoort
from binnenwerk.people.models import Dienstverband, Medewerker, Plaatsing

# Per sheet: the model and, per column, the path to its value (references as codes).
FIELDS: dict[str, tuple[Any, dict[str, str]]] = {
    "organisaties": (
        Organisatie,
        {"code": "code", "naam": "naam", "soort": "soort", "hoort_bij": "hoort_bij__code"},
    ),
    "werksoorten": (
        Werksoort,
        {
            "code": "code",
            "naam": "naam",
            "teamgrootte_min": "teamgrootte_min",
            "teamgrootte_max": "teamgrootte_max",
        },
    ),
    "locaties": (
        Locatie,
        {"code": "code", "naam": "naam", "plaats": "plaats", "provincie": "provincie"},
    ),
    "teams": (
        Team,
        {
            "code": "code",
            "naam": "naam",
            "werksoort": "werksoort__code",
            "locatie": "locatie__code",
            "partner": "partner__code",
            "capaciteit": "capaciteit",
            "start": "start",
            "einde": "einde",
        },
    ),
    "medewerkers": (
        Medewerker,
        {
            "personeelsnummer": "personeelsnummer",
            "voornaam": "voornaam",
            "achternaam": "achternaam",
            "geboortedatum": "geboortedatum",
            "bsn": "bsn",
            "doelgroepindicatie": "doelgroepindicatie",
            "werkgever": "werkgever__code",
        },
    ),
    "dienstverbanden": (
        Dienstverband,
        {
            "personeelsnummer": "medewerker__personeelsnummer",
            "start": "start",
            "einde": "einde",
            "uren_per_week": "uren_per_week",
            "soort": "soort",
        },
    ),
    "plaatsingen": (
        Plaatsing,
        {
            "personeelsnummer": "medewerker__personeelsnummer",
            "team": "team__code",
            "opdrachtgever": "opdrachtgever__code",
            "start": "start",
            "einde": "einde",
        },
    ),
    "teamrollen": (
        TeamRol,
        {
            "team": "team__code",
            "rol": "rol",
            "personeelsnummer": "medewerker__personeelsnummer",
            "start": "start",
            "einde": "einde",
        },
    ),
}
# Columns of the format that are not stored on the record itself.
NOT_STORED = {"teams": ("leidinggevende", "jobcoach")}


def stored_columns(sheet: str) -> list[str]:
    return list(FIELDS[sheet][1])


def load_state() -> tuple[dict[str, dict[Key, Record]], dict[str, dict[Key, int]]]:
    """Every record in the database, and the primary key behind each natural key."""
    records: dict[str, dict[Key, Record]] = {}
    ids: dict[str, dict[Key, int]] = {}
    for sheet, (model, paths) in FIELDS.items():
        columns = list(paths)
        records[sheet], ids[sheet] = {}, {}
        for row in (
            model.objects.values_list("pk", *paths.values()).order_by().iterator(chunk_size=5000)
        ):
            record = Record(sheet, None, dict(zip(columns, row[1:], strict=True)))
            if record.values.get("uren_per_week") is not None:
                record.values["uren_per_week"] = record.values["uren_per_week"].normalize()
            key = record.key()
            records[sheet][key], ids[sheet][key] = record, row[0]
    return records, ids


def comparable(record: Record) -> dict[str, Any]:
    """The stored values of a record, normalised so file and database compare equal."""
    values = {}
    for column in stored_columns(record.sheet):
        value = record.values.get(column)
        if column == "uren_per_week" and value is not None:
            value = value.normalize()
        values[column] = value
    return values


def spec_columns(sheet: str) -> tuple[str, ...]:
    return SPECS[sheet].columns

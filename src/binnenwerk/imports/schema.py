"""The sheets of the import format and their columns (IMPORT-FORMAT.md).

`teamrollen` is this system's extension: the effective-dated history of each
team's supervisor (leidinggevende) and job coach, which the `teams` sheet can
only name one of. Without it, a team's columns create one role period over the
team's lifetime; with it, they must name the holder of the latest period.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class SheetSpec:
    name: str
    required: tuple[str, ...]
    optional: tuple[str, ...]
    key: tuple[str, ...]  # the natural key that an import upserts by

    @property
    def columns(self) -> tuple[str, ...]:
        """All columns in the order of the format (and of every export)."""
        order = ORDER[self.name]
        return tuple(sorted((*self.required, *self.optional), key=order.index))


ORDER = {
    "organisaties": ["code", "naam", "soort", "hoort_bij"],
    "werksoorten": ["code", "naam", "teamgrootte_min", "teamgrootte_max"],
    "locaties": ["code", "naam", "plaats", "provincie"],
    "teams": [
        "code",
        "naam",
        "werksoort",
        "locatie",
        "partner",
        "capaciteit",
        "start",
        "einde",
        "leidinggevende",
        "jobcoach",
    ],
    "medewerkers": [
        "personeelsnummer",
        "voornaam",
        "achternaam",
        "geboortedatum",
        "bsn",
        "doelgroepindicatie",
        "werkgever",
    ],
    "dienstverbanden": ["personeelsnummer", "start", "einde", "uren_per_week", "soort"],
    "plaatsingen": ["personeelsnummer", "team", "opdrachtgever", "start", "einde"],
    "teamrollen": ["team", "rol", "personeelsnummer", "start", "einde"],
}

SHEETS = [
    SheetSpec("organisaties", ("code", "naam", "soort"), ("hoort_bij",), ("code",)),
    SheetSpec("werksoorten", ("code", "naam"), ("teamgrootte_min", "teamgrootte_max"), ("code",)),
    SheetSpec("locaties", ("code", "naam", "provincie"), ("plaats",), ("code",)),
    SheetSpec(
        "teams",
        ("code", "naam", "werksoort", "locatie", "start"),
        ("partner", "capaciteit", "einde", "leidinggevende", "jobcoach"),
        ("code",),
    ),
    SheetSpec(
        "medewerkers",
        ("personeelsnummer", "voornaam", "achternaam", "doelgroepindicatie"),
        ("geboortedatum", "bsn", "werkgever"),
        ("personeelsnummer",),
    ),
    SheetSpec(
        "dienstverbanden",
        ("personeelsnummer", "start", "uren_per_week"),
        ("einde", "soort"),
        ("personeelsnummer", "start"),
    ),
    SheetSpec(
        "plaatsingen",
        ("personeelsnummer", "team", "opdrachtgever", "start"),
        ("einde",),
        ("personeelsnummer", "start"),
    ),
    SheetSpec(
        "teamrollen",
        ("team", "rol", "personeelsnummer", "start"),
        ("einde",),
        ("team", "rol", "start"),
    ),
]
SPECS = {spec.name: spec for spec in SHEETS}


def latest_roles(roles: Iterable[Mapping[str, Any]]) -> dict[tuple[str, str], Mapping[str, Any]]:
    """The latest period of each team's role (teamrollen rows): the current or last holder.

    The teams sheet's leidinggevende/jobcoach columns name this holder.
    """
    latest: dict[tuple[str, str], Mapping[str, Any]] = {}
    for role in roles:
        key = (role["team"], role["rol"])
        if key not in latest or role["start"] > latest[key]["start"]:
            latest[key] = role
    return latest


SHEET_ORDER = {spec.name: i for i, spec in enumerate(SHEETS)}

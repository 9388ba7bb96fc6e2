"""Rules across records: references, no overlaps, placements within their team's lifetime.

Checks run on the database merged with the file, and report at the file's row
that causes the problem (a conflict among database records alone is not the
file's to answer for).
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from binnenwerk.imports.dataset import RowError
from binnenwerk.imports.records import Key, Record, error
from binnenwerk.imports.schema import latest_roles
from binnenwerk.periods import overlaps
from binnenwerk.validation import overlap_error, within_team_error

Records = dict[str, dict[Key, Record]]

# (sheet, column) → sheet whose key it names.
REFERENCES = [
    ("organisaties", "hoort_bij", "organisaties"),
    ("teams", "werksoort", "werksoorten"),
    ("teams", "locatie", "locaties"),
    ("teams", "partner", "organisaties"),
    ("teams", "leidinggevende", "medewerkers"),
    ("teams", "jobcoach", "medewerkers"),
    ("medewerkers", "werkgever", "organisaties"),
    ("dienstverbanden", "personeelsnummer", "medewerkers"),
    ("plaatsingen", "personeelsnummer", "medewerkers"),
    ("plaatsingen", "team", "teams"),
    ("plaatsingen", "opdrachtgever", "organisaties"),
    ("teamrollen", "team", "teams"),
    ("teamrollen", "personeelsnummer", "medewerkers"),
]
UNKNOWN = {
    "organisaties": gettext_lazy(
        "unknown organisation '%(code)s': not in the file and not in the database"
    ),
    "werksoorten": gettext_lazy(
        "unknown work type '%(code)s': not in the file and not in the database"
    ),
    "locaties": gettext_lazy(
        "unknown location '%(code)s': not in the file and not in the database"
    ),
    "medewerkers": gettext_lazy(
        "unknown personnel number '%(code)s': not in the file and not in the database"
    ),
    "teams": gettext_lazy("unknown team '%(code)s': not in the file and not in the database"),
}


@dataclass
class _Span:
    """A period, for the overlap helpers."""

    start: dt.date
    einde: dt.date | None


def check_references(
    file: Records, merged: Records, refused: dict[str, set[Key]]
) -> list[RowError]:
    """Every code must name a record in the file or the database (refused rows excepted)."""
    errors = []
    for sheet, column, target in REFERENCES:
        for record in file[sheet].values():
            code = record.values.get(column)
            if code is None or (code,) in merged[target] or (code,) in refused[target]:
                continue
            message = str(UNKNOWN[target]) % {"code": code}
            errors.append(error(sheet, record.row or 0, column, message))
    return errors


def check_hierarchy(file: Records, merged: Records) -> list[RowError]:
    errors = []
    for record in file["organisaties"].values():
        seen = {record.values["code"]}
        parent = record.values.get("hoort_bij")
        while parent is not None:
            if parent in seen:
                message = _(
                    "hoort_bij makes a cycle: an organisation belongs (indirectly) to itself"
                )
                errors.append(error("organisaties", record.row or 0, "hoort_bij", message))
                break
            seen.add(parent)
            parent_record = merged["organisaties"].get((parent,))
            parent = parent_record.values.get("hoort_bij") if parent_record else None
    return errors


def check_no_overlaps(merged: Records) -> list[RowError]:
    errors: list[RowError] = []
    groups = (
        ("dienstverbanden", ("personeelsnummer",), "dienstverband"),
        ("plaatsingen", ("personeelsnummer",), "plaatsing"),
        ("teamrollen", ("team", "rol"), "teamrol"),
    )
    for sheet, by, kind in groups:
        for records in _grouped(merged[sheet].values(), by):
            if any(r.row is not None for r in records):
                errors.extend(_overlaps_in(sheet, kind, records))
    return errors


def _grouped(records: Iterable[Record], by: tuple[str, ...]) -> list[list[Record]]:
    groups: dict[tuple[object, ...], list[Record]] = defaultdict(list)
    for record in records:
        groups[tuple(record.values[c] for c in by)].append(record)
    return list(groups.values())


def _overlaps_in(sheet: str, kind: str, records: list[Record]) -> list[RowError]:
    spans = {id(r): _Span(r.values["start"], r.values.get("einde")) for r in records}
    ordered = sorted(records, key=lambda r: r.values["start"])
    errors = []
    for earlier, later in itertools.pairwise(ordered):
        if not overlaps(spans[id(earlier)], spans[id(later)]):
            continue
        blamed, other = (later, earlier) if later.row is not None else (earlier, later)
        if blamed.row is None:
            continue
        message = overlap_error(kind, spans[id(blamed)], spans[id(other)])
        errors.append(error(sheet, blamed.row, "start", message))
    return errors


def check_placements_within_teams(merged: Records) -> list[RowError]:
    errors = []
    for placement in merged["plaatsingen"].values():
        team = merged["teams"].get((placement.values["team"],))
        if team is None:
            continue  # reported as an unknown reference
        if placement.row is None and team.row is None:
            continue
        span = _Span(placement.values["start"], placement.values.get("einde"))
        lifetime = _Span(team.values["start"], team.values.get("einde"))
        message = within_team_error(team.values["code"], lifetime, span)
        if message is None:
            continue
        if placement.row is not None:
            errors.append(error("plaatsingen", placement.row, "start", message))
        else:
            who = placement.values["personeelsnummer"]
            errors.append(
                error(
                    "teams",
                    team.row or 0,
                    "start",
                    _("%(message)s: that placement of %(who)s is already in the database")
                    % {"message": message, "who": who},
                )
            )
    return errors


def team_roles_from_shorthand(
    file: Records, merged: Records
) -> tuple[list[Record], list[RowError]]:
    """Role periods that the teams sheet's leidinggevende/jobcoach columns imply, or errors."""
    latest = latest_roles(role.values for role in merged["teamrollen"].values())
    created, errors = [], []
    for team in file["teams"].values():
        for rol in ("leidinggevende", "jobcoach"):
            holder = team.values.get(rol)
            if holder is None:
                continue
            current = latest.get((team.values["code"], rol))
            if current is None:
                created.append(
                    Record(
                        "teamrollen",
                        None,
                        {
                            "team": team.values["code"],
                            "rol": rol,
                            "personeelsnummer": holder,
                            "start": team.values["start"],
                            "einde": team.values.get("einde"),
                        },
                    )
                )
            elif current["personeelsnummer"] != holder:
                message = _not_current(rol) % {
                    "holder": holder,
                    "current": current["personeelsnummer"],
                    "since": f"{current['start']:%d-%m-%Y}",
                }
                errors.append(error("teams", team.row or 0, rol, message))
    return created, errors


def _not_current(rol: str) -> str:
    if rol == "leidinggevende":
        return _(
            "%(holder)s is not the current supervisor (%(current)s since %(since)s); "
            "a change needs a row in teamrollen with the date it takes effect"
        )
    return _(
        "%(holder)s is not the current job coach (%(current)s since %(since)s); "
        "a change needs a row in teamrollen with the date it takes effect"
    )

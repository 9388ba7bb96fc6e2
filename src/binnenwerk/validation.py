"""Checks shared by the services (one record) and the importer (whole sheets).

Each returns a Dutch message or None, so both callers can place the message
where their user needs it: next to a form field, or at `sheet:row:column`.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from binnenwerk.people.bsn import bsn_is_valid
from binnenwerk.people.constants import MAX_UREN_PER_WEEK
from binnenwerk.periods import Period, covers, format_period


def period_error(start: dt.date, einde: dt.date | None) -> str | None:
    if einde is not None and einde < start:
        return (
            f"einde ({einde:%d-%m-%Y}) ligt vóór start ({start:%d-%m-%Y}); "
            "einde is de laatste dag en mag niet eerder zijn dan start"
        )
    return None


def hours_error(uren: Decimal) -> str | None:
    if not (Decimal(0) < uren <= MAX_UREN_PER_WEEK):
        return (
            f"uren per week moet groter dan 0 en ten hoogste {MAX_UREN_PER_WEEK} zijn, niet {uren}"
        )
    if uren != uren.quantize(Decimal("0.01")):
        return f"uren per week heeft ten hoogste 2 decimalen, niet {uren}"
    return None


def bsn_error(bsn: str) -> str | None:
    if bsn and not bsn_is_valid(bsn):
        # Never echo the number itself: only its length says what went wrong.
        return f"BSN is ongeldig (9 cijfers met de 11-proef; ingevuld: {len(bsn)} tekens)"
    return None


def overlap_error(what: str, new: Period, existing: Period) -> str:
    return f"{what} {format_period(new)} overlapt met {what} {format_period(existing)}"


def within_team_error(team_code: str, team: Period, plaatsing: Period) -> str | None:
    if covers(team, plaatsing):
        return None
    return (
        f"plaatsing {format_period(plaatsing)} valt buiten de looptijd van team "
        f"{team_code} ({format_period(team)})"
    )

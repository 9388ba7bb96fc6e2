"""Checks shared by the services (one record) and the importer (whole sheets).

Each returns a message in the active language (Dutch) or None, so both callers can
place the message where their user needs it: next to a form field, or at
`sheet:row:column`.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.utils.translation import gettext as _

from binnenwerk.people.bsn import bsn_is_valid
from binnenwerk.people.constants import MAX_UREN_PER_WEEK
from binnenwerk.periods import Period, covers, format_period


def period_error(start: dt.date, einde: dt.date | None) -> str | None:
    if einde is not None and einde < start:
        return _(
            "end (%(end)s) is before start (%(start)s); "
            "end is the last day and may not be earlier than start"
        ) % {"end": f"{einde:%d-%m-%Y}", "start": f"{start:%d-%m-%Y}"}
    return None


def hours_error(uren: Decimal) -> str | None:
    if not (Decimal(0) < uren <= MAX_UREN_PER_WEEK):
        return _("hours per week must be greater than 0 and at most %(max)s, not %(hours)s") % {
            "max": MAX_UREN_PER_WEEK,
            "hours": uren,
        }
    if uren != uren.quantize(Decimal("0.01")):
        return _("hours per week has at most 2 decimals, not %(hours)s") % {"hours": uren}
    return None


def bsn_error(bsn: str) -> str | None:
    if bsn and not bsn_is_valid(bsn):
        # Never echo the number itself: only its length says what went wrong.
        return _(
            "BSN is invalid (9 digits passing the 11-proef; entered: %(length)s characters)"
        ) % {"length": len(bsn)}
    return None


def overlap_error(kind: str, new: Period, existing: Period) -> str:
    """`kind` names what overlaps: 'dienstverband', 'plaatsing', 'teamrol', or a team role
    ('leidinggevende', 'jobcoach')."""
    messages = {
        "dienstverband": _("contract %(new)s overlaps with contract %(existing)s"),
        "plaatsing": _("placement %(new)s overlaps with placement %(existing)s"),
        "teamrol": _("team role %(new)s overlaps with team role %(existing)s"),
        "leidinggevende": _("supervisor %(new)s overlaps with supervisor %(existing)s"),
        "jobcoach": _("job coach %(new)s overlaps with job coach %(existing)s"),
    }
    return messages[kind] % {"new": format_period(new), "existing": format_period(existing)}


def within_team_error(team_code: str, team: Period, plaatsing: Period) -> str | None:
    if covers(team, plaatsing):
        return None
    return _(
        "placement %(placement)s lies outside the lifetime of team %(team)s (%(lifetime)s)"
    ) % {
        "placement": format_period(plaatsing),
        "team": team_code,
        "lifetime": format_period(team),
    }

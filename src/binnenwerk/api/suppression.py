"""Small-group suppression in the API: a count of people that a client receives is "<5" when it
is about one to four people, as on the client statement and in the published annual overview.

The rule itself is the reports' (`reports.presenters.suppress`, KLEINE_GROEP, SUPPRESSED): this
module only decides who receives suppressed counts. Binnenwerk's own staff (the roles that see
the whole organisation, the people themselves, or the monitor) read them as the internal pages
show them; anyone else, a client above all, reads them as a client does. No role at all (a
serializer used without a request) also means suppressed: the safe side.

Every count of people in an answer is a `PeopleCountField`: an integer, or the string "<5".
None at all is no group and stays 0, as on the client statement.
"""

from __future__ import annotations

from typing import Any

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from binnenwerk.accounts.constants import ORGANISATION_WIDE, SEES_MONITOR, SEES_PEOPLE
from binnenwerk.accounts.selectors import roles_of
from binnenwerk.reports.constants import KLEINE_GROEP, SUPPRESSED
from binnenwerk.reports.presenters import suppress

# The roles of Binnenwerk's own staff that read figures unsuppressed, as the internal pages
# show them (the dashboard gives the organisation-wide roles the headcount).
STAFF = frozenset(ORGANISATION_WIDE | SEES_PEOPLE | SEES_MONITOR)


def receives_suppressed(user: Any) -> bool:
    """Whether counts of people reach this user with small groups suppressed."""
    return not (roles_of(user) & STAFF)


def people_count(value: int, user: Any) -> int | str:
    """The count as this user may receive it: "<5" for one to four people outside the staff."""
    if not receives_suppressed(user):
        return value
    return suppress(value, value or None)


COUNT_SCHEMA = {
    "oneOf": [
        {"type": "integer", "minimum": 0},
        {"type": "string", "enum": [SUPPRESSED]},
    ]
}
NOTE = (
    f"Voor een opdrachtgever (en elke rol buiten de eigen medewerkers van Binnenwerk) is een "
    f'aantal van 1 tot en met {KLEINE_GROEP - 1} personen de tekst "{SUPPRESSED}", zoals op '
    f"de pagina's; 0 blijft 0."
)


@extend_schema_field(COUNT_SCHEMA)
class PeopleCountField(serializers.Field):
    """A count of people, suppressed for a small group when the request's user is no staff."""

    def __init__(self, *, help_text: str = "", **kwargs: Any) -> None:
        about = f"{help_text}. " if help_text else ""
        super().__init__(read_only=True, help_text=about + NOTE, **kwargs)

    def to_representation(self, value: Any) -> int | str:
        request = self.context.get("request")
        return people_count(int(value), getattr(request, "user", None))

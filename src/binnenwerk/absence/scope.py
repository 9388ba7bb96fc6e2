"""Who may see absence data: built only from the accounts' scoping helpers.

Details (sick reports, partial recovery, Poortwachter steps): HR (personeelszaken) for
everyone; a supervisor for the people placed on the date in a team where they hold the
supervisor team role. Nobody else (not the administrator, management, job coach,
recruitment, client or monitor): 404.

Figures (aggregates only): HR, management and the administrator organisation-wide; a
supervisor for their teams; a client for the placements it funds (its organisation and
sub-organisations). Job coach, recruitment and monitor: 404.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.db.models import QuerySet

from binnenwerk.absence.constants import READS_DETAILS, SEES_ALL_FIGURES, SETS_NORM
from binnenwerk.accounts.constants import Rol
from binnenwerk.accounts.selectors import client_codes, has_role, led_teams, placed_in_teams_of
from binnenwerk.people.models import Medewerker


def reads_details(user: Any) -> bool:
    """May open the sick-report pages at all (what they see still follows the date)."""
    return has_role(user, *READS_DETAILS)


def readable_people(user: Any, peildatum: dt.date) -> QuerySet[Medewerker]:
    """People whose sick reports the user may read and record on the date."""
    if has_role(user, Rol.PERSONEELSZAKEN):
        return Medewerker.objects.all()
    if has_role(user, Rol.LEIDINGGEVENDE):
        return placed_in_teams_of(user, peildatum, Rol.LEIDINGGEVENDE)
    return Medewerker.objects.none()


def sets_norm(user: Any) -> bool:
    return has_role(user, *SETS_NORM)


@dataclass(frozen=True)
class FigureScope:
    """Which days count in the figures a user sees: placements in these teams or funded by
    these organisations (None = no restriction), and a label for the page."""

    teams: frozenset[str] | None = None
    opdrachtgevers: frozenset[str] | None = None

    @property
    def whole_organisation(self) -> bool:
        return self.teams is None and self.opdrachtgevers is None

    def includes(self, team: str | None, opdrachtgever: str | None) -> bool:
        if self.teams is not None and team not in self.teams:
            return False
        return self.opdrachtgevers is None or opdrachtgever in self.opdrachtgevers


ORGANISATION = FigureScope()


def figure_scope(user: Any, peildatum: dt.date) -> FigureScope | None:
    """What of the figures the user sees; None = the figures are not for them (404)."""
    if has_role(user, *SEES_ALL_FIGURES):
        return ORGANISATION
    if has_role(user, Rol.LEIDINGGEVENDE):
        codes = led_teams(user, peildatum, Rol.LEIDINGGEVENDE).values_list("code", flat=True)
        return FigureScope(teams=frozenset(codes))
    if has_role(user, Rol.OPDRACHTGEVER):
        return FigureScope(opdrachtgevers=client_codes(user))
    return None

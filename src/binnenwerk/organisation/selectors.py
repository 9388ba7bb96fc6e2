"""Reads about teams that are more than a `get`: occupancy on a date and over time, role history."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from django.db.models import Count, OuterRef, QuerySet, Subquery

from binnenwerk.organisation.constants import TeamRolSoort
from binnenwerk.organisation.models import Team, TeamRol
from binnenwerk.people.models import Plaatsing
from binnenwerk.periods import active_on, is_active


def _holder(rol: str, peildatum: dt.date) -> Subquery:
    holders = TeamRol.objects.filter(active_on(peildatum), team=OuterRef("pk"), rol=rol)
    return Subquery(holders.values("medewerker__achternaam")[:1])


def team_list(teams: QuerySet[Team], peildatum: dt.date) -> QuerySet[Team]:
    """Teams with their occupancy (people placed on the date) and who leads and coaches them."""
    return (
        teams.select_related("werksoort", "locatie", "partner")
        .annotate(
            bezetting=Count("plaatsingen", filter=active_on(peildatum, "plaatsingen__")),
            leidinggevende_naam=_holder(TeamRolSoort.LEIDINGGEVENDE, peildatum),
            jobcoach_naam=_holder(TeamRolSoort.JOBCOACH, peildatum),
        )
        .order_by("code")
    )


def team_members(team: Team, peildatum: dt.date) -> QuerySet[Plaatsing]:
    return (
        team.plaatsingen.filter(active_on(peildatum))
        .select_related("medewerker", "opdrachtgever")
        .order_by("medewerker__achternaam", "medewerker__voornaam")
    )


def occupancy_over_time(team: Team, dates: Sequence[dt.date]) -> list[tuple[dt.date, int]]:
    """People placed in the team at each date (one query: a team's placements are few)."""
    placements = list(team.plaatsingen.only("start", "einde"))
    return [(d, sum(1 for p in placements if is_active(p, d))) for d in dates]


def role_history(team: Team) -> QuerySet[TeamRol]:
    return team.rollen.select_related("medewerker").order_by("rol", "start")


def open_places(team: Team, bezetting: int) -> int | None:
    return None if team.capaciteit is None else team.capaciteit - bezetting


@dataclass(frozen=True)
class OpenPlaatsen:
    """A team on a date: room to recruit for, and whether it is smaller than its work allows."""

    team: Team
    bezetting: int
    open_plaatsen: int | None
    minimum: int | None
    maximum: int | None

    @property
    def onder_minimum(self) -> bool:
        return self.minimum is not None and self.bezetting < self.minimum


def open_places_overview(teams: QuerySet[Team], peildatum: dt.date) -> list[OpenPlaatsen]:
    """Teams active on the date with capacity − occupancy and the work type's size range,
    most open places first (teams without a capacity last); one query."""
    rows = []
    for team in team_list(teams.filter(active_on(peildatum)), peildatum):
        placed: int = team.bezetting  # type: ignore[attr-defined]  # annotated by team_list
        rows.append(
            OpenPlaatsen(
                team=team,
                bezetting=placed,
                open_plaatsen=open_places(team, placed),
                minimum=team.werksoort.teamgrootte_min,
                maximum=team.werksoort.teamgrootte_max,
            )
        )
    return sorted(
        rows,
        key=lambda r: (r.open_plaatsen is None, -(r.open_plaatsen or 0), r.team.code),
    )

"""Every write to organisations, work types, locations, teams and team roles."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from binnenwerk.organisation.models import Locatie, Organisatie, Team, TeamRol, Werksoort
from binnenwerk.periods import active_on, first_overlap
from binnenwerk.services_base import assign, save_validated
from binnenwerk.validation import overlap_error, period_error


@transaction.atomic
def organisatie_create(*, actor: Any, **fields: Any) -> Organisatie:
    return save_validated(Organisatie(**fields), actor)


@transaction.atomic
def organisatie_update(*, actor: Any, organisatie: Organisatie, **fields: Any) -> Organisatie:
    assign(organisatie, fields)
    parent = organisatie.hoort_bij
    while parent is not None:
        if parent.pk == organisatie.pk:
            raise ValidationError(
                {"hoort_bij": _("an organisation cannot belong to itself (indirectly)")}
            )
        parent = parent.hoort_bij
    return save_validated(organisatie, actor)


@transaction.atomic
def werksoort_create(*, actor: Any, **fields: Any) -> Werksoort:
    return save_validated(Werksoort(**fields), actor)


@transaction.atomic
def werksoort_update(*, actor: Any, werksoort: Werksoort, **fields: Any) -> Werksoort:
    assign(werksoort, fields)
    return save_validated(werksoort, actor)


@transaction.atomic
def locatie_create(*, actor: Any, **fields: Any) -> Locatie:
    return save_validated(Locatie(**fields), actor)


@transaction.atomic
def locatie_update(*, actor: Any, locatie: Locatie, **fields: Any) -> Locatie:
    assign(locatie, fields)
    return save_validated(locatie, actor)


def _validate_team(team: Team) -> None:
    error = period_error(team.start, team.einde)
    if error:
        raise ValidationError({"einde": error})
    if team.pk is None:
        return
    outside = Q(start__lt=team.start)
    if team.einde is not None:
        outside |= Q(einde__isnull=True) | Q(einde__gt=team.einde)
    count = team.plaatsingen.filter(outside).count()
    if count:
        raise ValidationError(
            {
                "einde": ngettext(
                    "%(count)s placement falls outside the team's new lifetime; "
                    "end or move it first",
                    "%(count)s placements fall outside the team's new lifetime; "
                    "end or move them first",
                    count,
                )
                % {"count": count}
            }
        )


@transaction.atomic
def team_create(*, actor: Any, **fields: Any) -> Team:
    team = Team(**fields)
    _validate_team(team)
    return save_validated(team, actor)


@transaction.atomic
def team_update(*, actor: Any, team: Team, **fields: Any) -> Team:
    assign(team, fields)
    _validate_team(team)
    return save_validated(team, actor)


@transaction.atomic
def team_end(*, actor: Any, team: Team, einde: dt.date) -> Team:
    """End a team on `einde` (last day); refused while people stay placed after it."""
    still_placed = team.plaatsingen.filter(active_on(einde + dt.timedelta(days=1))).count()
    later = team.plaatsingen.filter(start__gt=einde).count()
    if still_placed or later:
        count = still_placed + later
        raise ValidationError(
            {
                "einde": ngettext(
                    "team %(team)s cannot end on %(date)s: "
                    "%(count)s employee is still placed in this team after that day",
                    "team %(team)s cannot end on %(date)s: "
                    "%(count)s employees are still placed in this team after that day",
                    count,
                )
                % {"team": team.code, "date": f"{einde:%d-%m-%Y}", "count": count}
            }
        )
    return team_update(actor=actor, team=team, einde=einde)


def _validate_teamrol(rol: TeamRol) -> None:
    error = period_error(rol.start, rol.einde)
    if error:
        raise ValidationError({"einde": error})
    siblings = list(TeamRol.objects.filter(team=rol.team, rol=rol.rol).exclude(pk=rol.pk))
    for other in siblings:
        if first_overlap([rol, other]):
            raise ValidationError({"start": overlap_error(rol.rol, rol, other)})


@transaction.atomic
def teamrol_create(*, actor: Any, **fields: Any) -> TeamRol:
    rol = TeamRol(**fields)
    _validate_teamrol(rol)
    return save_validated(rol, actor)


@transaction.atomic
def teamrol_update(*, actor: Any, teamrol: TeamRol, **fields: Any) -> TeamRol:
    assign(teamrol, fields)
    _validate_teamrol(teamrol)
    return save_validated(teamrol, actor)


@transaction.atomic
def teamrol_hand_over(
    *, actor: Any, team: Team, rol: str, medewerker: Any, vanaf: dt.date
) -> TeamRol:
    """Hand a team's role to `medewerker` from `vanaf`; the current holder stops the day before."""
    current = TeamRol.objects.filter(team=team, rol=rol).filter(active_on(vanaf)).first()
    if current is not None:
        if current.start == vanaf:
            raise ValidationError(
                {"start": _("another holder of this role already starts on this date")}
            )
        teamrol_update(actor=actor, teamrol=current, einde=vanaf - dt.timedelta(days=1))
    return teamrol_create(actor=actor, team=team, rol=rol, medewerker=medewerker, start=vanaf)

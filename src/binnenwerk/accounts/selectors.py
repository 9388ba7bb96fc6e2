"""Who may see what: the one place that turns a user's roles into querysets (row scoping).

Access follows the effective-dated team roles: a supervisor sees the teams they
lead on the peildatum, and loses a team from the day they hand it over.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.db.models import Exists, OuterRef, QuerySet
from django.utils.translation import gettext as _

from binnenwerk.accounts.constants import (
    CHANGES_MONITOR,
    ORGANISATION_WIDE,
    SEES_MONITOR,
    SEES_PEOPLE,
    Rol,
)
from binnenwerk.jobs.selectors import NO_FILTERS, Filters, organisation_with_parts
from binnenwerk.organisation.models import Team, TeamRol
from binnenwerk.people.models import Medewerker, Plaatsing
from binnenwerk.periods import active_on


def roles_of(user: Any) -> frozenset[str]:
    """The user's roles, read once per request and kept on the user object."""
    if not getattr(user, "is_authenticated", False):
        return frozenset()
    cached = getattr(user, "_binnenwerk_roles", None)
    if cached is None:
        cached = frozenset(user.roltoekenningen.values_list("rol", flat=True))
        user._binnenwerk_roles = cached
    return cached


def has_role(user: Any, *roles: str) -> bool:
    return bool(roles_of(user) & set(roles))


def _profile(user: Any) -> Any:
    return getattr(user, "profiel", None)


def client_codes(user: Any) -> frozenset[str]:
    """The organisation codes a client contact looks at: theirs and its sub-organisations."""
    profile = _profile(user)
    if profile is None or profile.organisatie_id is None:
        return frozenset()
    return organisation_with_parts(profile.organisatie.code)


def led_teams(user: Any, peildatum: dt.date, *roles: str) -> QuerySet[Team]:
    """Teams in which the user's staff member holds one of these team roles on the date."""
    profile = _profile(user)
    if profile is None or profile.medewerker_id is None:
        return Team.objects.none()
    holds = TeamRol.objects.filter(
        active_on(peildatum),
        team=OuterRef("pk"),
        medewerker_id=profile.medewerker_id,
        rol__in=roles,
    )
    return Team.objects.filter(Exists(holds))


def teams_for(user: Any, peildatum: dt.date) -> QuerySet[Team]:
    """Every team the user may see on the date (aggregates for clients, names for others)."""
    roles = roles_of(user)
    if roles & ORGANISATION_WIDE:
        return Team.objects.all()
    visible = Team.objects.none()
    team_roles = [r for r in (Rol.LEIDINGGEVENDE, Rol.JOBCOACH) if r in roles]
    if team_roles:
        visible = visible | led_teams(user, peildatum, *team_roles)
    if Rol.OPDRACHTGEVER in roles:
        funded = Plaatsing.objects.filter(
            active_on(peildatum), team=OuterRef("pk"), opdrachtgever__code__in=client_codes(user)
        )
        visible = visible | Team.objects.filter(Exists(funded))
    return visible.distinct()


def medewerkers_for(user: Any, peildatum: dt.date) -> QuerySet[Medewerker]:
    """People the user may see: everyone for HR and management, their teams' members for
    supervisors and coaches (placed in those teams on the date), nobody for the others."""
    roles = roles_of(user)
    if roles & {Rol.BEHEERDER, Rol.PERSONEELSZAKEN, Rol.MANAGEMENT}:
        return Medewerker.objects.all()
    if not roles & SEES_PEOPLE:
        return Medewerker.objects.none()
    return placed_in_teams_of(user, peildatum, Rol.LEIDINGGEVENDE, Rol.JOBCOACH)


def placed_in_teams_of(user: Any, peildatum: dt.date, *roles: str) -> QuerySet[Medewerker]:
    """People placed on the date in a team where the user holds one of these team roles."""
    if not roles:
        return Medewerker.objects.none()
    placed = Plaatsing.objects.filter(
        active_on(peildatum),
        medewerker=OuterRef("pk"),
        team__in=led_teams(user, peildatum, *roles),
    )
    return Medewerker.objects.filter(Exists(placed))


def job_filters_for(user: Any, peildatum: dt.date) -> Filters | None:
    """How the job counter is restricted for this user; None = nothing to show."""
    roles = roles_of(user)
    if roles & ORGANISATION_WIDE:
        return NO_FILTERS
    teams: set[str] = set()
    if roles & {Rol.LEIDINGGEVENDE, Rol.JOBCOACH}:
        teams |= set(
            led_teams(user, peildatum, Rol.LEIDINGGEVENDE, Rol.JOBCOACH).values_list(
                "code", flat=True
            )
        )
    if Rol.OPDRACHTGEVER in roles and not teams:
        return Filters(opdrachtgevers=client_codes(user))
    if teams:
        return Filters(teams=frozenset(teams))
    return None


def sees_people(user: Any) -> bool:
    return bool(roles_of(user) & SEES_PEOPLE)


def scope_label(user: Any) -> str:
    roles = roles_of(user)
    if roles & ORGANISATION_WIDE:
        return _("all of Binnenwerk")
    if Rol.OPDRACHTGEVER in roles:
        profile = _profile(user)
        return (
            profile.organisatie.naam if profile and profile.organisatie else _("your organisation")
        )
    return _("your teams")


def locked_usernames() -> frozenset[str]:
    """Usernames locked out by too many failed logins (django-axes), until unlocked."""
    from axes.models import AccessAttempt
    from django.conf import settings

    return frozenset(
        AccessAttempt.objects.filter(
            failures_since_start__gte=settings.AXES_FAILURE_LIMIT
        ).values_list("username", flat=True)
    )


@dataclass(frozen=True)
class AccountRow:
    """One line of the accounts page: the user, role labels and lockout state."""

    user: Any
    rollen: list[str]
    vergrendeld: bool


def account_list() -> list[AccountRow]:
    """Every account with its roles and links, and whether it is locked out."""
    from django.contrib.auth import get_user_model

    locked = locked_usernames()
    users = (
        get_user_model()
        .objects.select_related("profiel__medewerker", "profiel__organisatie")
        .prefetch_related("roltoekenningen")
        .order_by("username")
    )
    return [
        AccountRow(
            user=user,
            rollen=sorted(str(Rol(r.rol).label) for r in user.roltoekenningen.all()),
            vergrendeld=user.username in locked,
        )
        for user in users
    ]


@dataclass(frozen=True)
class MonitorScope:
    """What of the Job Agreement monitor a user sees: every row, or only these ministries'."""

    ministries: frozenset[str] | None
    may_edit: bool

    def shows(self, code: str) -> bool:
        return self.ministries is None or code in self.ministries


def monitor_scope(user: Any) -> MonitorScope | None:
    """None: the monitor is not for this user (404). Clients see their own ministry and the
    Rijk total; the organisation they are tied to rolls up to its ministry (hoort_bij)."""
    from binnenwerk.monitor.selectors import ministry_of

    roles = roles_of(user)
    if roles & SEES_MONITOR:
        return MonitorScope(ministries=None, may_edit=bool(roles & CHANGES_MONITOR))
    profile = _profile(user)
    if Rol.OPDRACHTGEVER in roles and profile is not None and profile.organisatie_id:
        top = ministry_of().get(profile.organisatie.code)
        return MonitorScope(
            ministries=frozenset({top.code}) if top else frozenset(), may_edit=False
        )
    return None

"""Who may read and write coaching data: built only from the accounts' scoping helpers.

Readers: HR (personeelszaken) for everyone; a job coach or supervisor for the people placed
on the date in a team where they hold that team role (and have that account role).
Writers: the job coach of the person's team on the date. Nobody else, not the administrator,
management, recruitment or a client: outside this scope a page answers 404.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db.models import QuerySet

from binnenwerk.accounts.constants import Rol
from binnenwerk.accounts.selectors import has_role, placed_in_teams_of, roles_of
from binnenwerk.people.models import Medewerker

# Account roles that may open the coaching pages at all.
COACHING_ROLES = (Rol.PERSONEELSZAKEN, Rol.JOBCOACH, Rol.LEIDINGGEVENDE)


def readable_people(user: Any, peildatum: dt.date) -> QuerySet[Medewerker]:
    """People whose coaching notes and goals the user may read on the date."""
    if has_role(user, Rol.PERSONEELSZAKEN):
        return Medewerker.objects.all()
    roles = roles_of(user)
    team_roles = [r for r in (Rol.JOBCOACH, Rol.LEIDINGGEVENDE) if r in roles]
    return placed_in_teams_of(user, peildatum, *team_roles)


def coached_people(user: Any, peildatum: dt.date) -> QuerySet[Medewerker]:
    """People for whom the user writes notes and goals: they coach their team on the date."""
    if not has_role(user, Rol.JOBCOACH):
        return Medewerker.objects.none()
    return placed_in_teams_of(user, peildatum, Rol.JOBCOACH)


def uses_coaching(user: Any) -> bool:
    """May open the coaching pages (what they then see still follows the date)."""
    return has_role(user, *COACHING_ROLES)


def assigns_profiles(user: Any) -> bool:
    """HR records which job profile a person holds."""
    return has_role(user, Rol.PERSONEELSZAKEN)


def sees_access_log(user: Any) -> bool:
    return has_role(user, Rol.PERSONEELSZAKEN)


def may_read(user: Any, medewerker: Medewerker, peildatum: dt.date) -> bool:
    """For a link from the person page: does this user see the person's coaching page?"""
    return readable_people(user, peildatum).filter(pk=medewerker.pk).exists()

"""Coaching test set-up: a team with a job coach and a supervisor who have accounts, and a
person placed in it; job profiles of the Functiegebouw Rijk."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

import factory

from binnenwerk.accounts.constants import Rol
from binnenwerk.accounts.services import account_set
from binnenwerk.coaching.models import Functieprofiel
from binnenwerk.people.models import Medewerker
from tests.factories import MedewerkerFactory, PlaatsingFactory, TeamFactory, TeamRolFactory


class FunctieprofielFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Functieprofiel
        django_get_or_create = ("code",)

    code = factory.Sequence(lambda n: f"FP-{n}")
    functiefamilie = "Facilitaire dienstverlening"
    naam = factory.Sequence(lambda n: f"Medewerker facilitair {n}")
    niveau = 2


def account(username: str, rol: str, medewerker: Medewerker | None = None) -> Any:
    return account_set(actor=None, username=username, roles=[rol], medewerker=medewerker)


@dataclass
class Team:
    """A team with its coach and supervisor (staff with accounts) and one placed person."""

    team: Any
    coach: Any
    supervisor: Any
    person: Medewerker


def coached_team(
    prefix: str, start: dt.date = dt.date(2020, 1, 1), einde: dt.date | None = None
) -> Team:
    team = TeamFactory(code=f"{prefix}-T")
    coach_staff = MedewerkerFactory(personeelsnummer=f"{prefix}-C", doelgroepindicatie=False)
    boss_staff = MedewerkerFactory(personeelsnummer=f"{prefix}-L", doelgroepindicatie=False)
    TeamRolFactory(team=team, medewerker=coach_staff, rol="jobcoach", start=start, einde=einde)
    TeamRolFactory(team=team, medewerker=boss_staff, rol="leidinggevende", start=start)
    person = PlaatsingFactory(
        team=team, medewerker=MedewerkerFactory(personeelsnummer=f"{prefix}-P"), start=start
    ).medewerker
    return Team(
        team=team,
        coach=account(f"{prefix}-coach", Rol.JOBCOACH, coach_staff),
        supervisor=account(f"{prefix}-leiding", Rol.LEIDINGGEVENDE, boss_staff),
        person=person,
    )

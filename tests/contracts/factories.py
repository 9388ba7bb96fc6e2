"""Set-up for the contract clock's tests: teams with a supervisor account, people with
fixed-term contracts and placements (factories, not the services under test)."""

import datetime as dt
from decimal import Decimal

from binnenwerk.accounts.services import account_set
from tests.factories import (
    DienstverbandFactory,
    MedewerkerFactory,
    PlaatsingFactory,
    TeamFactory,
    TeamRolFactory,
)


def supervised_team(username: str, code: str):
    """A team led (since 2020) by a staff member who logs in as `username`."""
    team = TeamFactory(code=code)
    staff = MedewerkerFactory(doelgroepindicatie=False)
    TeamRolFactory(team=team, medewerker=staff, rol="leidinggevende", start=dt.date(2020, 1, 1))
    user = account_set(actor=None, username=username, roles=["leidinggevende"], medewerker=staff)
    return team, user


def account(username: str, role: str):
    return account_set(actor=None, username=username, roles=[role])


def employee(
    team,
    start: dt.date,
    einde: dt.date | None,
    soort: str = "bepaald",
    uren: str = "25.5",
    person=None,
):
    """A fixed-term (or other) contract of a person placed in `team` from its start."""
    person = person or MedewerkerFactory()
    contract = DienstverbandFactory(
        medewerker=person, start=start, einde=einde, soort=soort, uren_per_week=Decimal(uren)
    )
    if not person.plaatsingen.exists():
        PlaatsingFactory(medewerker=person, team=team, start=start)
    return contract

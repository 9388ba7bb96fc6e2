"""Row scoping follows the effective-dated team roles and the client's organisation tree."""

import datetime as dt

import pytest

from binnenwerk.accounts.constants import Rol
from binnenwerk.accounts.selectors import job_filters_for, medewerkers_for, teams_for
from binnenwerk.accounts.services import account_set
from binnenwerk.jobs.selectors import NO_FILTERS
from tests.factories import (
    MedewerkerFactory,
    OrganisatieFactory,
    PlaatsingFactory,
    TeamFactory,
    TeamRolFactory,
)

D = dt.date


@pytest.fixture
def two_teams():
    staff = MedewerkerFactory(doelgroepindicatie=False)
    mine, other = TeamFactory(code="MIJN"), TeamFactory(code="ANDER")
    TeamRolFactory(team=mine, medewerker=staff, start=D(2020, 1, 1), einde=D(2023, 3, 31))
    member = PlaatsingFactory(team=mine, start=D(2020, 1, 1)).medewerker
    stranger = PlaatsingFactory(team=other, start=D(2020, 1, 1)).medewerker
    return staff, mine, other, member, stranger


def test_supervisor_sees_their_team_until_the_hand_over(two_teams):
    staff, mine, _other, member, _stranger = two_teams
    user = account_set(actor=None, username="lg", roles=[Rol.LEIDINGGEVENDE], medewerker=staff)
    assert list(teams_for(user, D(2023, 3, 31))) == [mine]
    assert list(medewerkers_for(user, D(2023, 3, 31))) == [member]
    assert not teams_for(user, D(2023, 4, 1)).exists()
    assert not medewerkers_for(user, D(2023, 4, 1)).exists()
    assert job_filters_for(user, D(2023, 3, 31)).teams == {"MIJN"}
    assert job_filters_for(user, D(2023, 4, 1)) is None


def test_client_sees_teams_it_funds_through_its_sub_organisations(two_teams):
    _, mine, _other, member, _ = two_teams
    jenv = OrganisatieFactory(code="JenV")
    ind = OrganisatieFactory(code="IND", hoort_bij=jenv)
    placement = member.plaatsingen.get()
    placement.opdrachtgever = ind
    placement.save()
    user = account_set(actor=None, username="og", roles=[Rol.OPDRACHTGEVER], organisatie=jenv)
    assert list(teams_for(user, D(2023, 1, 1))) == [mine]
    assert not medewerkers_for(user, D(2023, 1, 1)).exists()
    assert job_filters_for(user, D(2023, 1, 1)).opdrachtgevers == {"JenV", "IND"}


@pytest.mark.parametrize("rol", [Rol.PERSONEELSZAKEN, Rol.MANAGEMENT, Rol.BEHEERDER])
def test_hr_management_and_admin_see_everyone(two_teams, rol):
    user = account_set(actor=None, username="x", roles=[rol])
    assert medewerkers_for(user, D(2023, 1, 1)).count() == 3
    assert job_filters_for(user, D(2023, 1, 1)) is NO_FILTERS


def test_recruiter_sees_teams_but_no_people(two_teams):
    user = account_set(actor=None, username="w", roles=[Rol.WERVING])
    assert teams_for(user, D(2023, 1, 1)).count() == 2
    assert not medewerkers_for(user, D(2023, 1, 1)).exists()


def test_account_set_replaces_roles():
    user = account_set(actor=None, username="a", roles=[Rol.WERVING, Rol.MANAGEMENT])
    account_set(actor=None, username="a", roles=[Rol.MANAGEMENT])
    assert list(user.roltoekenningen.values_list("rol", flat=True)) == ["management"]

"""Who reads and writes coaching data: the person's job coach and supervisor on the date and
HR; never management, the administrator, recruitment, a client or another team's coach."""

import datetime as dt

import pytest

from binnenwerk.accounts.constants import Rol
from binnenwerk.coaching import scope, services
from binnenwerk.coaching.models import Coachingnotitie, Ontwikkeldoel
from tests.coaching.factories import account, coached_team

D = dt.date
ON = D(2024, 6, 1)


@pytest.fixture
def teams():
    return coached_team("A"), coached_team("B")


def test_coach_and_supervisor_read_their_own_team_only(teams):
    a, b = teams
    for user in (a.coach, a.supervisor):
        assert list(scope.readable_people(user, ON)) == [a.person]
    assert list(scope.readable_people(b.coach, ON)) == [b.person]


def test_only_the_coach_writes(teams):
    a, _ = teams
    assert list(scope.coached_people(a.coach, ON)) == [a.person]
    assert not scope.coached_people(a.supervisor, ON).exists()


@pytest.mark.parametrize(
    "rol", [Rol.BEHEERDER, Rol.MANAGEMENT, Rol.WERVING, Rol.OPDRACHTGEVER, Rol.MONITOR]
)
def test_other_roles_read_nothing(teams, rol):
    user = account(f"u-{rol}", rol)
    assert not scope.readable_people(user, ON).exists()
    assert not scope.uses_coaching(user)


def test_hr_reads_everyone_and_assigns_profiles(teams):
    hr = account("hr", Rol.PERSONEELSZAKEN)
    assert set(scope.readable_people(hr, ON)) >= {t.person for t in teams}
    assert scope.assigns_profiles(hr) and scope.sees_access_log(hr)
    assert not scope.coached_people(hr, ON).exists()


def test_a_team_role_without_the_account_role_gives_nothing(teams):
    a, _ = teams
    # The coach's staff member, but the account only has the management role.
    user = account("a-coach", Rol.MANAGEMENT, a.coach.profiel.medewerker)
    assert not scope.readable_people(user, ON).exists()


def test_the_coach_loses_access_the_day_after_handing_over():
    handed_over = coached_team("C", einde=D(2024, 12, 31))
    assert scope.may_read(handed_over.coach, handed_over.person, D(2024, 12, 31))
    assert not scope.may_read(handed_over.coach, handed_over.person, D(2025, 1, 1))


def test_notes_and_goals_for_user_follow_the_scope(teams):
    a, b = teams
    for team in teams:
        services.coachingnotitie_create(
            actor=team.coach, medewerker=team.person, datum=ON, tekst="x"
        )
        services.ontwikkeldoel_create(actor=team.coach, medewerker=team.person, omschrijving="y")
    for model in (Coachingnotitie, Ontwikkeldoel):
        assert {n.medewerker for n in model.objects.for_user(a.supervisor, ON)} == {a.person}
        assert {n.medewerker for n in model.objects.for_user(b.coach, ON)} == {b.person}
        assert not model.objects.for_user(account("mgmt", Rol.MANAGEMENT), ON).exists()

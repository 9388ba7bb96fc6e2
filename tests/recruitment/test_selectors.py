"""The board (time in stage) and the funnel per year, and that trial placements count no
jobs: the job counter reads only contracts and placements."""

import datetime as dt
from decimal import Decimal

import pytest

from binnenwerk.jobs.selectors import banen
from binnenwerk.recruitment import selectors, services
from binnenwerk.recruitment.constants import Fase
from binnenwerk.recruitment.models import Kandidaat
from tests.factories import OrganisatieFactory
from tests.recruitment.factories import in_trial, kandidaat

D = dt.date


def test_board_has_time_in_stage_per_open_stage(django_assert_max_num_queries):
    kandidaat(email="a@voorbeeld.invalid")
    in_trial(email="b@voorbeeld.invalid")
    gone = kandidaat(email="c@voorbeeld.invalid")
    services.kandidaat_close(
        actor=None, kandidaat=gone, fase=Fase.AFGEWEZEN, reden="x", op=D(2026, 1, 10)
    )
    with django_assert_max_num_queries(1):
        columns = selectors.board(Kandidaat.objects.all(), D(2026, 2, 12))
    shown = {c.fase: [(r.kandidaat.email, r.dagen) for r in c.kandidaten] for c in columns}
    assert shown == {
        Fase.AANGEMELD: [("a@voorbeeld.invalid", 38)],
        Fase.KENNISMAKING: [],
        Fase.PROEFPLAATSING: [("b@voorbeeld.invalid", 10)],
    }
    closed = selectors.board(Kandidaat.objects.all(), D(2026, 2, 12), with_closed=True)
    assert [len(c.kandidaten) for c in closed] == [1, 0, 1, 0, 1, 0]


def test_time_in_stage_is_never_negative():
    in_trial(start=D(2026, 3, 2), einde=D(2026, 6, 1))
    column = selectors.board(Kandidaat.objects.all(), D(2026, 2, 1))[2]
    assert column.kandidaten[0].dagen == 0


def test_funnel_counts_conversion_and_time_to_hire(django_assert_max_num_queries):
    client = OrganisatieFactory()
    for n, start in enumerate([D(2026, 4, 1), D(2026, 5, 1)]):
        k = in_trial(email=f"h{n}@voorbeeld.invalid")
        services.kandidaat_hire(
            actor=None,
            kandidaat=k,
            personeelsnummer=f"90{n}",
            start=start + dt.timedelta(days=32),
            uren_per_week=Decimal(20),
            soort="bepaald",
            team=k.team,
            opdrachtgever=client,
            op=start,
        )
    kandidaat(email="x@voorbeeld.invalid")
    kandidaat(email="old@voorbeeld.invalid", aangemeld_op=D(2025, 6, 1))
    with django_assert_max_num_queries(3):
        result = selectors.funnel(2026)
    assert [(s.fase, s.aantal) for s in result.stappen] == [
        (Fase.AANGEMELD, 3),
        (Fase.KENNISMAKING, 2),
        (Fase.PROEFPLAATSING, 2),
        (Fase.AANGENOMEN, 2),
    ]
    assert [s.conversie for s in result.stappen] == [
        None,
        Decimal("66.7"),
        Decimal("100.0"),
        Decimal("100.0"),
    ]
    assert result.stappen[3].van_aangemeld == Decimal("66.7")
    # Registered 05-01-2026; hired 01-04 (86 days) and 01-05 (116 days).
    assert result.dagen_tot_aanname_mediaan == Decimal("101")
    assert result.lopend == 1
    assert selectors.funnel_years() == [2026, 2025]


def test_an_empty_year_has_an_empty_funnel():
    result = selectors.funnel(2020)
    assert [s.aantal for s in result.stappen] == [0, 0, 0, 0]
    assert result.dagen_tot_aanname_mediaan is None


def test_a_trial_placement_counts_no_jobs_and_a_hire_counts_from_its_start():
    k = in_trial(start=D(2026, 2, 2), einde=D(2026, 5, 1))
    team = k.team.code
    for day in (D(2026, 2, 2), D(2026, 3, 15), D(2026, 5, 1)):
        assert banen(day).totaal == 0
        assert banen(day, per="team").groepen.get(team, 0) == 0
    services.kandidaat_hire(
        actor=None,
        kandidaat=k,
        personeelsnummer="77",
        start=D(2026, 6, 1),
        uren_per_week=Decimal("25.5"),
        soort="bepaald",
        team=k.team,
        opdrachtgever=OrganisatieFactory(),
        op=D(2026, 4, 20),
    )
    assert banen(D(2026, 5, 31)).totaal == 0
    assert banen(D(2026, 6, 1)).totaal == Decimal(1)
    assert banen(D(2026, 6, 1), per="team").groepen[team] == Decimal(1)


@pytest.mark.parametrize("username_role", ["werving", "personeelszaken", "beheerder"])
def test_for_user_shows_candidates_to_recruiters_only(username_role):
    from django.contrib.auth import get_user_model

    from binnenwerk.accounts.services import account_set

    kandidaat()
    account_set(actor=None, username="r", password="x-geheim-123456", roles=[username_role])
    account_set(actor=None, username="m", password="x-geheim-123456", roles=["management"])
    users = get_user_model().objects
    assert Kandidaat.objects.for_user(users.get(username="r")).count() == 1
    assert Kandidaat.objects.for_user(users.get(username="m")).count() == 0

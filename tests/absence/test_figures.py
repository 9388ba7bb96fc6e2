"""The absence figures against hand-computed cases (Decimal, unrounded).

rate = Σ(sick days × hours/36 × incapacity) / Σ(employment days × hours/36) × 100; the
36 cancels, so the expected values below are written in hour-days.
"""

import datetime as dt
from decimal import Decimal

import pytest

from binnenwerk.absence.constants import Per
from binnenwerk.absence.figures import Period
from binnenwerk.absence.scope import FigureScope
from binnenwerk.absence.selectors import maandreeks, periode, verzuim_cijfers
from tests.factories import (
    DienstverbandFactory,
    HerstelperiodeFactory,
    MedewerkerFactory,
    OrganisatieFactory,
    PlaatsingFactory,
    TeamFactory,
    ZiekmeldingFactory,
)

D = dt.date
Y2023 = periode(2023)


LONG_AGO = D(2020, 1, 1)


def employee(hours="36", start=LONG_AGO, einde=None, **kwargs):
    person = MedewerkerFactory(**kwargs)
    DienstverbandFactory(medewerker=person, uren_per_week=Decimal(hours), start=start, einde=einde)
    return person


def sick(person, start, einde, soort="ziek"):
    return ZiekmeldingFactory(medewerker=person, start=start, einde=einde, soort=soort)


def rate(period=Y2023, **kwargs):
    return verzuim_cijfers(period, **kwargs).totaal.percentage


def test_part_time_counts_by_contract_hours():
    full, half = employee("36"), employee("18")
    sick(full, D(2023, 3, 1), D(2023, 3, 10))  # 10 days × 36 h
    sick(half, D(2023, 5, 1), D(2023, 5, 20))  # 20 days × 18 h
    # (10×1 + 20×0.5) / (365×1 + 365×0.5) = 20 / 547.5
    assert rate() == Decimal(720) / Decimal(365 * 54) * 100
    assert round(rate(), 4) == Decimal("3.6530")


def test_partial_recovery_counts_the_incapacity():
    person = employee()
    spell = sick(person, D(2023, 1, 1), D(2023, 1, 31))
    HerstelperiodeFactory(ziekmelding=spell, start=D(2023, 1, 11), einde=None, werkt_procent=50)
    # 10 days × 100% + 21 days × 50% = 20.5 days of 365
    assert rate() == Decimal("20.5") / 365 * 100


def test_pregnancy_leave_is_excluded():
    person = employee()
    sick(person, D(2023, 2, 1), D(2023, 5, 23), soort="zwangerschap")
    sick(person, D(2023, 6, 1), D(2023, 6, 10))
    result = verzuim_cijfers(Y2023)
    assert result.totaal.percentage == Decimal(10) / 365 * 100
    assert result.totaal.nieuwe_meldingen == 1
    assert result.totaal.duren == [10]


def test_absence_across_a_year_boundary_counts_only_its_days_in_the_year():
    person = employee()
    sick(person, D(2022, 12, 22), D(2023, 1, 10))
    assert rate() == Decimal(10) / 365 * 100
    assert rate(periode(2022)) == Decimal(10) / 365 * 100
    # It started in 2022 and ended in 2023: new in 2022, its whole duration counts in 2023.
    assert verzuim_cijfers(periode(2022)).totaal.nieuwe_meldingen == 1
    assert verzuim_cijfers(Y2023).totaal.nieuwe_meldingen == 0
    assert verzuim_cijfers(Y2023).totaal.gemiddelde_duur == Decimal(20)


def test_days_without_a_contract_do_not_count():
    person = employee(start=D(2023, 1, 1), einde=D(2023, 6, 30))  # 181 days
    sick(person, D(2023, 6, 21), D(2023, 7, 10))  # 10 of its days under contract
    assert rate() == Decimal(10) / 181 * 100


def test_only_binnenwerks_target_group_counts():
    person = employee()
    sick(person, D(2023, 3, 1), D(2023, 3, 10))
    staff = employee(doelgroepindicatie=False)
    sick(staff, D(2023, 3, 1), D(2023, 12, 31))
    partner = employee(werkgever=OrganisatieFactory(code="RSO", soort="partner"))
    sick(partner, D(2023, 3, 1), D(2023, 12, 31))
    result = verzuim_cijfers(Y2023)
    assert result.totaal.percentage == Decimal(10) / 365 * 100
    assert result.totaal.aantal_mensen == 1


def test_frequency_and_average_duration():
    a, b = employee("36"), employee("18")
    sick(a, D(2023, 3, 1), D(2023, 3, 10))
    sick(b, D(2023, 5, 1), D(2023, 5, 20))
    sick(a, D(2023, 12, 20), None)  # open: new, no duration
    totaal = verzuim_cijfers(Y2023).totaal
    assert totaal.gemiddeld_mensen == 2
    assert totaal.frequentie == Decimal("1.5")  # 3 new reports / 2 people, a whole year
    assert totaal.gemiddelde_duur == Decimal(15)  # (10 + 20) / 2
    march = verzuim_cijfers(periode(2023, maand=3)).totaal
    # One new report / 2 people in 31 days, scaled to a year of 365 days.
    assert round(march.frequentie, 12) == round(Decimal(365) / Decimal(62), 12)
    assert march.gemiddelde_duur == Decimal(10)


def test_each_day_counts_in_the_group_of_its_placement():
    t1, t2 = TeamFactory(code="T1"), TeamFactory(code="T2")
    client = OrganisatieFactory(code="BZK")
    a, b = employee("36"), employee("18")
    PlaatsingFactory(medewerker=a, team=t1, opdrachtgever=client, start=D(2020, 1, 1))
    PlaatsingFactory(
        medewerker=b, team=t1, opdrachtgever=client, start=D(2020, 1, 1), einde=D(2023, 4, 30)
    )
    PlaatsingFactory(medewerker=b, team=t2, opdrachtgever=client, start=D(2023, 5, 1))
    c = employee("36")  # never placed
    sick(a, D(2023, 3, 1), D(2023, 3, 10))
    sick(b, D(2023, 5, 1), D(2023, 5, 20))
    sick(c, D(2023, 7, 1), D(2023, 7, 5))
    result = verzuim_cijfers(Y2023, per=Per.TEAM)
    groups = {g.sleutel: g for g in result.groepen}
    # T1: a all year (365×36) and b January–April (120×18); a's 10 sick days.
    assert groups["T1"].cijfers.percentage == Decimal(360) / Decimal(365 * 36 + 120 * 18) * 100
    # T2: b from May (245×18), 20 sick days.
    assert groups["T2"].cijfers.percentage == Decimal(20 * 18) / Decimal(245 * 18) * 100
    assert groups[""].naam == "niet geplaatst"
    assert groups[""].cijfers.percentage == Decimal(5) / 365 * 100
    assert groups["T1"].cijfers.aantal_mensen == 2
    assert groups["T1"].cijfers.te_weinig  # fewer than 5 people
    assert result.totaal.aantal_mensen == 3
    # A supervisor of T2 sees only T2's days.
    scoped = verzuim_cijfers(Y2023, scope=FigureScope(teams=frozenset({"T2"})))
    assert scoped.totaal.percentage == Decimal(20) / Decimal(245) * 100
    # A client sees the days of the placements it funds (nobody unplaced).
    funded = verzuim_cijfers(Y2023, scope=FigureScope(opdrachtgevers=frozenset({"BZK"})))
    assert funded.totaal.aantal_mensen == 2


def test_monthly_series():
    person = employee()
    sick(person, D(2023, 1, 30), D(2023, 2, 2))
    points = maandreeks(2023)
    assert len(points) == 12
    assert points[0].cijfers.percentage == Decimal(2) / 31 * 100
    assert points[1].cijfers.percentage == Decimal(2) / 28 * 100
    assert points[2].cijfers.percentage == 0


def test_a_bounded_number_of_queries(django_assert_max_num_queries):
    for n in range(30):
        person = employee(personeelsnummer=f"9{n:05d}")
        PlaatsingFactory(medewerker=person, start=D(2021, 1, 1))
        spell = sick(person, D(2023, 1, 1) + dt.timedelta(days=7 * n), None)
        HerstelperiodeFactory(ziekmelding=spell, start=spell.start + dt.timedelta(days=3))
    with django_assert_max_num_queries(4):
        verzuim_cijfers(Y2023, per=Per.WERKSOORT)


@pytest.mark.parametrize(
    "kwargs, van, tot",
    [
        ({}, D(2023, 1, 1), D(2023, 12, 31)),
        ({"kwartaal": 2}, D(2023, 4, 1), D(2023, 6, 30)),
        ({"maand": 2}, D(2023, 2, 1), D(2023, 2, 28)),
    ],
)
def test_periods(kwargs, van, tot):
    assert periode(2023, **kwargs) == Period(van, tot)

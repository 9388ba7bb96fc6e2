import datetime as dt
from decimal import Decimal

from binnenwerk.jobs.dates import period_ends
from binnenwerk.jobs.selectors import (
    Filters,
    banen,
    banen_per,
    banen_reeks,
    kerncijfers,
    nieuwe_banen,
    nieuwe_collegas,
    organisation_with_parts,
    teams,
)
from tests.factories import (
    DienstverbandFactory,
    LocatieFactory,
    MedewerkerFactory,
    OrganisatieFactory,
    PlaatsingFactory,
    TeamFactory,
    WerksoortFactory,
)

D = dt.date
BAAN = Decimal("25.5")


def test_contract_ending_on_peildatum_counts_starting_the_day_after_does_not():
    person = MedewerkerFactory()
    DienstverbandFactory(medewerker=person, start=D(2023, 1, 1), einde=D(2023, 12, 31))
    DienstverbandFactory(medewerker=person, start=D(2024, 1, 1), uren_per_week=Decimal(30))
    assert banen(D(2023, 12, 31)).totaal == 1
    assert banen(D(2024, 1, 1)).totaal == Decimal(30) / BAAN
    assert banen(D(2022, 12, 31)).totaal == 0


def test_fractional_jobs_are_exact_and_unrounded():
    for _ in range(3):
        DienstverbandFactory(uren_per_week=Decimal("8.5"))
    assert banen(D(2023, 1, 1)).totaal == 1
    DienstverbandFactory(uren_per_week=Decimal(10))
    assert banen(D(2023, 1, 1)).totaal == Decimal("35.5") / BAAN


def test_contract_without_placement_is_niet_geplaatst_and_trial_placement_counts_nothing():
    DienstverbandFactory(start=D(2023, 1, 1))
    PlaatsingFactory(start=D(2023, 1, 1))  # a trial placement: no contract
    result = banen(D(2023, 6, 1), per="werksoort")
    assert result.groepen == {"niet_geplaatst": Decimal(1)}
    assert result.totaal == 1


def test_people_without_indication_count_nothing_and_partner_staff_count_only_in_jobs():
    DienstverbandFactory(medewerker=MedewerkerFactory(doelgroepindicatie=False))
    rso = OrganisatieFactory(code="RSO", soort="partner")
    DienstverbandFactory(medewerker=MedewerkerFactory(werkgever=rso))
    DienstverbandFactory()
    result = banen(D(2023, 1, 1))
    assert result.totaal == 2
    assert result.medewerkers_binnenwerk == 1


def test_every_grouping_and_groups_without_jobs_left_out():
    team = TeamFactory(
        code="BOS-1",
        werksoort=WerksoortFactory(code="BOS"),
        locatie=LocatieFactory(code="ALM", provincie="Flevoland"),
    )
    TeamFactory(code="LEEG")
    placement = PlaatsingFactory(team=team, opdrachtgever=OrganisatieFactory(code="LNV"))
    DienstverbandFactory(medewerker=placement.medewerker)
    expected = {
        "opdrachtgever": "LNV",
        "werksoort": "BOS",
        "team": "BOS-1",
        "provincie": "Flevoland",
        "locatie": "ALM",
    }
    for per, key in expected.items():
        assert banen(D(2023, 1, 1), per=per).groepen == {key: Decimal(1)}
    assert banen(D(2023, 1, 1)).groepen == {}


def test_client_filter_rolls_sub_organisations_up():
    jenv = OrganisatieFactory(code="JenV")
    ind = OrganisatieFactory(code="IND", hoort_bij=jenv)
    other = OrganisatieFactory(code="BZK")
    for client in (jenv, ind, other):
        placement = PlaatsingFactory(opdrachtgever=client)
        DienstverbandFactory(medewerker=placement.medewerker)
    codes = organisation_with_parts("JenV")
    assert codes == {"JenV", "IND"}
    filtered = banen(D(2023, 1, 1), per="opdrachtgever", filters=Filters(opdrachtgevers=codes))
    assert filtered.groepen == {"IND": 1, "JenV": 1} and filtered.totaal == 2
    series = banen_reeks(
        D(2023, 1, 1), D(2023, 3, 31), "maand", filters=Filters(opdrachtgevers=codes)
    )
    assert [r.totaal for r in series] == [2, 2, 2]


def test_several_groupings_from_one_query_equal_each_alone(django_assert_num_queries):
    for code, hours, placed in (("LNV", "25.5", True), ("BZK", "12.75", True), ("", "10", False)):
        person = MedewerkerFactory()
        DienstverbandFactory(medewerker=person, uren_per_week=Decimal(hours))
        if placed:
            PlaatsingFactory(medewerker=person, opdrachtgever=OrganisatieFactory(code=code))
    pers = ["opdrachtgever", "werksoort", None, "provincie"]
    with django_assert_num_queries(1):
        together = banen_per(D(2023, 1, 1), pers)
    assert together == {per: banen(D(2023, 1, 1), per=per) for per in pers}
    assert together["opdrachtgever"].groepen["niet_geplaatst"] == Decimal(10) / BAAN


def test_filter_on_no_codes_counts_nothing():
    placement = PlaatsingFactory()
    DienstverbandFactory(medewerker=placement.medewerker)
    nothing = Filters(opdrachtgevers=frozenset())
    assert banen(D(2023, 1, 1), per="opdrachtgever", filters=nothing).totaal == 0
    series = banen_reeks(D(2023, 1, 1), D(2023, 2, 28), "maand", per="team", filters=nothing)
    assert [(r.totaal, r.medewerkers_binnenwerk, r.groepen) for r in series] == [(0, 0, {})] * 2


def test_series_equals_single_dates():
    person = MedewerkerFactory()
    DienstverbandFactory(medewerker=person, start=D(2023, 2, 15), einde=D(2023, 4, 30))
    PlaatsingFactory(medewerker=person, start=D(2023, 3, 1), einde=D(2023, 3, 31))
    series = banen_reeks(D(2023, 1, 1), D(2023, 5, 31), "maand", per="team")
    for result in series:
        assert result == banen(result.peildatum, per="team")
    assert [r.totaal for r in series] == [0, 1, 1, 1, 0]


def test_new_colleagues_and_new_jobs():
    first = MedewerkerFactory()
    DienstverbandFactory(medewerker=first, start=D(2022, 5, 1), einde=D(2022, 12, 31))
    DienstverbandFactory(medewerker=first, start=D(2023, 1, 1))  # not new in 2023
    DienstverbandFactory(start=D(2023, 3, 1), einde=D(2023, 6, 30))  # new, left in 2023
    DienstverbandFactory(start=D(2023, 9, 1), uren_per_week=Decimal("12.75"))
    rso = OrganisatieFactory(code="RSO")
    DienstverbandFactory(medewerker=MedewerkerFactory(werkgever=rso), start=D(2023, 2, 1))
    assert nieuwe_collegas(2023) == 2
    assert nieuwe_banen(2023) == Decimal("38.25") / BAAN


def test_teams_staffed_only_by_a_partner_are_not_binnenwerk_teams():
    rso = OrganisatieFactory(code="RSO")
    cleaning = TeamFactory(werksoort=WerksoortFactory(code="RSO"))
    PlaatsingFactory(team=cleaning, medewerker=MedewerkerFactory(werkgever=rso))
    mixed = TeamFactory(werksoort=WerksoortFactory(code="BOS"))
    PlaatsingFactory(team=mixed, medewerker=MedewerkerFactory(werkgever=rso))
    PlaatsingFactory(team=mixed)
    TeamFactory(werksoort=WerksoortFactory(code="BOS"))  # empty but within its lifetime
    TeamFactory(werksoort=WerksoortFactory(code="BOS"), einde=D(2022, 12, 31))
    result = teams(D(2023, 1, 1), per="werksoort")
    assert result.groepen == {"BOS": 2} and result.totaal == 2
    assert kerncijfers(2023).teams == 2


def test_period_ends():
    assert period_ends(D(2023, 1, 15), D(2023, 4, 30), "maand") == [
        D(2023, 1, 31),
        D(2023, 2, 28),
        D(2023, 3, 31),
        D(2023, 4, 30),
    ]
    assert period_ends(D(2023, 2, 1), D(2024, 1, 1), "kwartaal") == [
        D(2023, 3, 31),
        D(2023, 6, 30),
        D(2023, 9, 30),
        D(2023, 12, 31),
    ]
    assert period_ends(D(2020, 12, 31), D(2023, 12, 30), "jaar") == [
        D(2020, 12, 31),
        D(2021, 12, 31),
        D(2022, 12, 31),
    ]

"""Outflow through the API: HR and management read the per-person records (health reasons
masked outside HR, exactly as the web's list), HR records them through the service the web's
form calls, and HR, management and the administrator read the year's figures."""

import datetime as dt
from decimal import ROUND_HALF_UP, Decimal

import pytest
from django.core.cache import cache

from binnenwerk.outflow import selectors, services
from binnenwerk.outflow.constants import RECORDS_OUTFLOW, SEES_FIGURES, SEES_LIST, SEES_SPECIAL
from binnenwerk.outflow.models import Uitstroom
from binnenwerk.people.models import Dienstverband, Medewerker, Plaatsing
from binnenwerk.periods import active_on
from tests.api.support import (
    API,
    actor_of,
    assert_problem,
    conforms,
    dutch,
    expected_status,
    holding,
    refused_with,
    service_error,
    user,
)
from tests.roles import ROLES

LIST = holding(SEES_LIST)
FIGURES = holding(SEES_FIGURES)
RECORD = holding(RECORDS_OUTFLOW)
SPECIAL = holding(SEES_SPECIAL)
OUTFLOW = API + "uitstroom"
CIJFERS = API + "uitstroom/cijfers"
TODAY = dt.date.today()


@pytest.fixture(autouse=True)
def _fresh_throttle():
    cache.clear()
    yield
    cache.clear()


def test_the_role_sets_are_the_webs():
    hr, management = "personeelszaken", "management"
    assert {hr, management} == LIST and {hr, management, "beheerder"} == FIGURES
    assert {hr} == RECORD == SPECIAL


@pytest.mark.parametrize("username", ROLES)
def test_read_matrix(api_as, username):
    client = api_as(username)
    record = Uitstroom.objects.filter(datum__year=2023).first()
    for address, path, allowed in (
        (OUTFLOW, OUTFLOW, LIST),
        (f"{OUTFLOW}?jaar=2023", OUTFLOW, LIST),
        (f"{OUTFLOW}/{record.pk}", OUTFLOW + "/{id}", LIST),
        (CIJFERS, CIJFERS, FIGURES),
        (f"{CIJFERS}?jaar=2023", CIJFERS, FIGURES),
    ):
        response = client.get(address)
        if username in allowed:
            assert response.status_code == 200, (address, response.content)
            conforms(response, path)
        else:
            assert_problem(response, 404)


@pytest.mark.parametrize("username", ROLES)
def test_write_matrix(api_as, username):
    """HR gets past the permission check (400 for an empty body); management 403; no change
    or delete of a record (recording again corrects it): 405; everyone else 404."""
    client = api_as(username)
    record = Uitstroom.objects.first()
    assert_problem(
        client.post(OUTFLOW, {}, format="json"), expected_status(username, LIST, RECORD, 400)
    )
    for response in (
        client.patch(f"{OUTFLOW}/{record.pk}", {"reden": "pensioen"}, format="json"),
        client.delete(f"{OUTFLOW}/{record.pk}"),
    ):
        assert_problem(response, 405 if username in LIST else 404)
    assert_problem(client.post(CIJFERS, {}), 405 if username in FIGURES else 404)
    assert Uitstroom.objects.get(pk=record.pk).reden == record.reden


@pytest.fixture
def health_case():
    """A 2023 leaver whose reason is health, with a note that must never leave HR."""
    record = Uitstroom.objects.filter(datum__year=2023).exclude(reden="doorstroom_rijk").first()
    Uitstroom.objects.filter(pk=record.pk).update(
        reden="gezondheid", toelichting="burn-out", nieuwe_werkgever=""
    )
    return record


def test_management_sees_health_and_other_reasons_masked_as_on_the_web(api_as, health_case):
    response = api_as("management").get(OUTFLOW, {"jaar": 2023, "per_pagina": 500})
    body = conforms(response, OUTFLOW)
    text = response.content.decode()
    assert "gezondheid" not in text and "burn-out" not in text
    assert all("toelichting" not in row for row in body["results"])
    web = selectors.uitstroom_lijst(user("management"), 2023)
    assert body["count"] == len(web)
    by_number = {row["medewerker"]: row for row in body["results"]}
    for row in web:
        api = by_number[row.personeelsnummer]
        assert (api["reden"], api["reden_label"], api["naam"]) == (
            row.reden or None,
            row.reden_label,
            row.naam,
        )
        years = row.dienstjaren.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
        assert api["dienstjaren"] == str(years)
    masked = by_number[health_case.medewerker.personeelsnummer]
    assert (masked["reden"], masked["reden_label"]) == (None, "Anders of afgeschermd")
    anders = Uitstroom.objects.filter(datum__year=2023, reden="anders").first()
    assert by_number[anders.medewerker.personeelsnummer]["reden"] is None
    one = api_as("management").get(f"{OUTFLOW}/{health_case.pk}")
    assert conforms(one, OUTFLOW + "/{id}")["reden"] is None and "burn-out" not in one.json()


def test_hr_sees_the_health_reason_and_the_note(api_as, health_case):
    response = api_as("personeelszaken").get(f"{OUTFLOW}/{health_case.pk}")
    body = conforms(response, OUTFLOW + "/{id}")
    assert (body["reden"], body["toelichting"]) == ("gezondheid", "burn-out")
    assert body["reden_label"] == "Gezondheid"
    figures = conforms(api_as("management").get(CIJFERS, {"jaar": 2023}), CIJFERS)
    counted = {r["reden"]: r["aantal"] for r in figures["per_reden"]}
    assert counted["gezondheid"] == selectors.uitstroom_cijfers(2023).per_reden["gezondheid"]


def test_the_figures_are_the_webs(api_as):
    body = conforms(api_as("beheerder").get(CIJFERS, {"jaar": 2023}), CIJFERS)
    figures = selectors.uitstroom_cijfers(2023)
    assert (body["jaar"], body["totaal"], body["doorstroom"]) == (2023, figures.totaal, 9)
    assert {r["reden"]: r["aantal"] for r in body["per_reden"]} == figures.per_reden
    average = figures.gemiddelde_dienstjaren.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    assert body["gemiddelde_dienstjaren"] == str(average)
    assert [r["jaar"] for r in body["per_jaar"]] == selectors.uitstroom_jaren()
    this_year = api_as("beheerder").get(CIJFERS).json()
    assert this_year["jaar"] == TODAY.year
    assert_problem(api_as("beheerder").get(CIJFERS, {"jaar": "x"}), 400)


def _active_person(on: dt.date) -> Medewerker:
    open_contract = Dienstverband.objects.filter(active_on(on), einde__isnull=True)
    return Medewerker.objects.filter(
        pk__in=open_contract.values("medewerker"), werkgever__isnull=True
    ).first()


def test_hr_records_a_move_on_and_the_year_counts_it(api_as):
    hr = api_as("personeelszaken")
    person = _active_person(TODAY)
    before = hr.get(CIJFERS).json()["doorstroom"]
    response = hr.post(
        OUTFLOW,
        {
            "medewerker": person.personeelsnummer,
            "datum": TODAY.isoformat(),
            "reden": "doorstroom_rijk",
            "nieuwe_werkgever": "Belastingdienst",
        },
        format="json",
    )
    assert response.status_code == 201, response.content
    body = conforms(response, OUTFLOW, "POST")
    assert (body["medewerker"], body["reden"], body["datum"]) == (
        person.personeelsnummer,
        "doorstroom_rijk",
        TODAY.isoformat(),
    )
    assert body["dienstjaren"] is not None
    record = Uitstroom.objects.get(pk=body["id"])
    assert actor_of(record) == user("personeelszaken")
    contract = Dienstverband.objects.get(medewerker=person, einde=TODAY)
    assert actor_of(contract) == user("personeelszaken")
    assert not Plaatsing.objects.filter(medewerker=person, einde__isnull=True).exists()
    assert hr.get(CIJFERS).json()["doorstroom"] == before + 1
    seen = api_as("management").get(f"{OUTFLOW}/{record.pk}").json()
    assert seen["nieuwe_werkgever"] == "Belastingdienst"


def test_a_refused_outflow_says_why_in_dutch_and_writes_nothing(api_as):
    hr = api_as("personeelszaken")
    person = _active_person(TODAY)
    count = Uitstroom.objects.count()
    expected = service_error(
        services.medewerker_uitstroom,
        actor=user("personeelszaken"),
        medewerker=person,
        datum=TODAY,
        reden="doorstroom_rijk",
    )
    response = hr.post(
        OUTFLOW,
        {
            "medewerker": person.personeelsnummer,
            "datum": TODAY.isoformat(),
            "reden": "doorstroom_rijk",
        },
        format="json",
    )
    refused_with(response, "nieuwe_werkgever", expected)
    conforms(response, OUTFLOW, "POST")
    unknown = hr.post(
        OUTFLOW,
        {"medewerker": "bestaat-niet", "datum": "2023-01-01", "reden": "pensioen"},
        format="json",
    )
    refused_with(
        unknown,
        "medewerker",
        dutch("There is no employee with personnel number %(number)s.", number="bestaat-niet"),
    )
    assert Uitstroom.objects.count() == count
    assert Dienstverband.objects.filter(medewerker=person, einde__isnull=True).exists()


def test_filters_by_year_and_person_and_refuses_a_year_out_of_range(api_as):
    client = api_as("management")
    record = Uitstroom.objects.filter(datum__year=2023).first()
    listed = client.get(OUTFLOW, {"medewerker": record.medewerker.personeelsnummer}).json()
    assert [r["id"] for r in listed["results"]] == [record.pk]
    counted = client.get(OUTFLOW, {"jaar": 2023}).json()["count"]
    assert counted == Uitstroom.objects.filter(datum__year=2023).count()
    assert_problem(client.get(OUTFLOW, {"jaar": 10**20}), 400)

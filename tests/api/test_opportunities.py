"""Growth opportunities through the API: management, recruitment and the administrator read
the ideas and the weighted forecast, only the administrator changes ideas (through
opportunities.services, with its Dutch messages); everyone else gets 404."""

import datetime as dt
from decimal import ROUND_HALF_UP, Decimal

import pytest
from django.core.cache import cache

from binnenwerk.opportunities import selectors, services
from binnenwerk.opportunities.constants import CHANGES_OPPORTUNITIES, SEES_OPPORTUNITIES
from binnenwerk.opportunities.models import Kans
from tests.api.support import (
    API,
    actor_of,
    assert_problem,
    conforms,
    expected_status,
    holding,
    patch_current,
    refused_with,
    service_error,
    user,
)
from tests.roles import ROLES

READERS = holding(SEES_OPPORTUNITIES)
EDITORS = holding(CHANGES_OPPORTUNITIES)
KANSEN = API + "kansen"
PROGNOSE = API + "kansen/prognose"


@pytest.fixture(autouse=True)
def _fresh_throttle():
    cache.clear()
    yield
    cache.clear()


def jobs(value: Decimal) -> str:
    return str(value.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP))


def test_the_role_sets_are_the_webs():
    assert {"beheerder", "management", "werving"} == READERS
    assert {"beheerder"} == EDITORS


@pytest.mark.parametrize("username", ROLES)
def test_read_matrix(api_as, username):
    client = api_as(username)
    kans = Kans.objects.first()
    for address, path in (
        (KANSEN, KANSEN),
        (f"{KANSEN}/{kans.pk}", KANSEN + "/{id}"),
        (PROGNOSE, PROGNOSE),
        (f"{PROGNOSE}?peildatum=2025-06-30", PROGNOSE),
    ):
        response = client.get(address)
        if username in READERS:
            assert response.status_code == 200, (address, response.content)
            conforms(response, path)
        else:
            assert_problem(response, 404)


@pytest.mark.parametrize("username", ROLES)
def test_write_matrix(api_as, username):
    client = api_as(username)
    kans = Kans.objects.first()
    assert_problem(
        client.post(KANSEN, {}, format="json"), expected_status(username, READERS, EDITORS, 400)
    )
    changed = patch_current(client, f"{KANSEN}/{kans.pk}", {})
    assert changed.status_code == expected_status(username, READERS, EDITORS, 200)
    assert_problem(client.delete(f"{KANSEN}/{kans.pk}"), 405 if username in READERS else 404)
    assert_problem(client.post(PROGNOSE, {}), 405 if username in READERS else 404)
    assert Kans.objects.filter(pk=kans.pk).exists()


def test_the_administrator_adds_an_idea_and_drops_it(api_as):
    client = api_as("beheerder")
    response = client.post(
        KANSEN,
        {
            "titel": "Postkamer met DICTU",
            "opdrachtgever": "BZK",
            "werksoort": "PAND",
            "verwachte_banen": "12.5",
            "fase": "verkenning",
            "verwachte_start": "2027-09-01",
            "kans_pct": 40,
        },
        format="json",
    )
    assert response.status_code == 201, response.content
    body = conforms(response, KANSEN, "POST")
    assert (body["verwachte_banen"], body["gewogen_banen"]) == ("12.50", "5.00")
    kans = Kans.objects.get(pk=body["id"])
    assert actor_of(kans) == user("beheerder")
    seen = api_as("management").get(f"{KANSEN}/{kans.pk}").json()
    assert seen["titel"] == "Postkamer met DICTU" and seen["opdrachtgever"] == "BZK"

    dropped = patch_current(client, f"{KANSEN}/{kans.pk}", {"fase": "vervallen"})
    assert dropped.status_code == 200, dropped.content
    assert conforms(dropped, KANSEN + "/{id}", "PATCH")["gewogen_banen"] == "0.00"
    kans.refresh_from_db()
    assert kans.fase == "vervallen" and actor_of(kans) == user("beheerder")
    listed = api_as("werving").get(KANSEN, {"fase": "vervallen"}).json()
    assert kans.pk in {k["id"] for k in listed["results"]}


def test_a_second_idea_with_the_same_title_is_refused_with_the_services_message(api_as):
    existing = Kans.objects.first()
    fields = {
        "verwachte_banen": Decimal(2),
        "verwachte_start": dt.date(2027, 1, 1),
        "kans_pct": 50,
    }
    expected = service_error(
        services.kans_create,
        actor=user("beheerder"),
        titel=f" {existing.titel.upper()} ",
        **fields,
    )
    count = Kans.objects.count()
    client = api_as("beheerder")
    response = client.post(
        KANSEN,
        {"titel": existing.titel.upper(), **{k: str(v) for k, v in fields.items()}},
        format="json",
    )
    refused_with(response, "titel", expected, status=409)  # a taken title: a conflict
    conforms(response, KANSEN, "POST")
    early = {**fields, "verwachte_start": dt.date(2014, 12, 31)}
    expected = service_error(
        services.kans_update,
        actor=user("beheerder"),
        kans=Kans.objects.get(pk=existing.pk),
        **early,
    )
    response = patch_current(client, f"{KANSEN}/{existing.pk}", {"verwachte_start": "2014-12-31"})
    refused_with(response, "verwachte_start", expected)
    assert Kans.objects.count() == count
    assert Kans.objects.get(pk=existing.pk).verwachte_start == existing.verwachte_start


def test_the_forecast_is_the_webs(api_as):
    peildatum = dt.date(2026, 6, 30)
    response = api_as("management").get(PROGNOSE, {"peildatum": peildatum.isoformat()})
    body = conforms(response, PROGNOSE)
    result = selectors.prognose(peildatum)
    assert (body["peildatum"], body["tot"], body["doel"]) == (
        "2026-06-30",
        result.tot.isoformat(),
        result.doel,
    )
    assert (body["basis"], body["gewogen"], body["eind"], body["tekort"]) == tuple(
        jobs(v) for v in (result.basis, result.gewogen, result.eind, result.tekort)
    )
    assert [b["kans"] for b in body["bijdragen"]] == [b.kans.pk for b in result.bijdragen]
    assert len(body["punten"]) == len(result.punten)
    last = body["punten"][-1]
    assert (last["gerealiseerd"], last["prognose"]) == (None, jobs(result.punten[-1].prognose))
    today = api_as("werving").get(PROGNOSE).json()
    assert today["peildatum"] == dt.date.today().isoformat()
    for wrong in ("9999-12-31", "1999-12-31", "gisteren"):
        assert_problem(api_as("werving").get(PROGNOSE, {"peildatum": wrong}), 400)

"""Recruitment through the API: candidates and trial placements for recruitment, HR and the
administrator (404 for everyone else), the funnel's aggregates for management too, and the
stage changes through the services the web's forms call, with their Dutch messages."""

import datetime as dt

import pytest
from django.core.cache import cache

from binnenwerk.people.models import Medewerker
from binnenwerk.recruitment import selectors, services
from binnenwerk.recruitment.constants import CHANGES_CANDIDATES, SEES_FUNNEL, Fase, Indicatie
from binnenwerk.recruitment.models import Kandidaat, Proefplaatsing
from tests.api.support import (
    API,
    actor_of,
    assert_problem,
    conforms,
    dutch,
    holding,
    patch_current,
    refused_with,
    service_error,
    user,
)
from tests.roles import ROLES

CHANGES = holding(CHANGES_CANDIDATES)
FUNNEL = holding(SEES_FUNNEL)
CANDIDATES = API + "kandidaten"
TRIALS = API + "proefplaatsingen"
TRECHTER = API + "werving/trechter"


@pytest.fixture(autouse=True)
def _fresh_throttle():
    cache.clear()
    yield
    cache.clear()


def a_candidate(fase: str, **filters) -> Kandidaat:
    return Kandidaat.objects.filter(fase=fase, **filters).order_by("pk").first()


def test_the_role_sets_are_the_webs():
    assert {"beheerder", "personeelszaken", "werving"} == CHANGES
    assert CHANGES | {"management"} == FUNNEL


@pytest.mark.parametrize("username", ROLES)
def test_read_matrix(api_as, username):
    client = api_as(username)
    candidate = a_candidate(Fase.PROEFPLAATSING)
    trial = candidate.proefplaatsingen.get()
    for address, path, allowed in (
        (CANDIDATES, CANDIDATES, CHANGES),
        (f"{CANDIDATES}/{candidate.pk}", CANDIDATES + "/{id}", CHANGES),
        (TRIALS, TRIALS, CHANGES),
        (f"{TRIALS}/{trial.pk}", TRIALS + "/{id}", CHANGES),
        (TRECHTER, TRECHTER, FUNNEL),
        (f"{TRECHTER}?jaar=2023", TRECHTER, FUNNEL),
    ):
        response = client.get(address)
        if username in allowed:
            assert response.status_code == 200, (address, response.content)
            conforms(response, path)
        else:
            assert_problem(response, 404)


@pytest.mark.parametrize("username", ROLES)
def test_write_matrix(api_as, username):
    """A recruiter gets past the permission check (400 for an empty body or a closed
    candidate, 200 for an empty change); management may not even see a candidate: 404."""
    client = api_as(username)
    closed = a_candidate(Fase.AFGEWEZEN)
    open_one = a_candidate(Fase.AANGEMELD)
    writes = [
        client.post(CANDIDATES, {}, format="json"),
        client.post(TRIALS, {}, format="json"),
        *(
            client.post(f"{CANDIDATES}/{closed.pk}/{step}", {}, format="json")
            for step in ("kennismaking", "afsluiten", "aannemen")
        ),
    ]
    changed = patch_current(client, f"{CANDIDATES}/{open_one.pk}", {})
    for response in writes:
        assert_problem(response, 400 if username in CHANGES else 404)
    assert changed.status_code == (200 if username in CHANGES else 404)
    assert_problem(client.post(TRECHTER, {}), 405 if username in FUNNEL else 404)
    assert_problem(
        client.delete(f"{CANDIDATES}/{open_one.pk}"), 405 if username in CHANGES else 404
    )
    closed.refresh_from_db()
    assert closed.fase == Fase.AFGEWEZEN


def test_a_candidate_walks_to_a_hire_through_the_api(api_as):
    recruiter = user("werving")
    client = api_as("werving")
    team = a_candidate(Fase.PROEFPLAATSING).proefplaatsingen.get().team
    response = client.post(
        CANDIDATES,
        {
            "voornaam": "Testa",
            "achternaam": "Proefpersoon",
            "email": "testa@voorbeeld.invalid",
            "herkomst": "gemeente",
            "indicatie": "ja",
            "team": team.code,
            "aangemeld_op": "2026-11-02",
        },
        format="json",
    )
    assert response.status_code == 201, response.content
    body = conforms(response, CANDIDATES, "POST")
    assert (body["fase"], body["fase_sinds"]) == ("aangemeld", "2026-11-02")
    assert body["werksoort"] == team.werksoort.code  # the service fills it in from the team
    kandidaat = Kandidaat.objects.get(pk=body["id"])
    assert actor_of(kandidaat) == recruiter

    step = client.post(
        f"{CANDIDATES}/{kandidaat.pk}/kennismaking", {"op": "2026-11-09"}, format="json"
    )
    assert step.status_code == 200, step.content
    body = conforms(step, CANDIDATES + "/{id}/kennismaking", "POST")
    assert (body["fase"], body["fase_sinds"]) == ("kennismaking", "2026-11-09")

    trial = client.post(
        TRIALS,
        {
            "kandidaat": kandidaat.pk,
            "team": team.code,
            "start": "2026-11-16",
            "einde": "2027-02-28",
        },
        format="json",
    )
    assert trial.status_code == 201, trial.content
    conforms(trial, TRIALS, "POST")
    assert actor_of(Proefplaatsing.objects.get(pk=trial.json()["id"])) == recruiter
    shown = client.get(f"{CANDIDATES}/{kandidaat.pk}").json()
    assert (shown["fase"], shown["fase_sinds"]) == ("proefplaatsing", "2026-11-16")

    hired = client.post(
        f"{CANDIDATES}/{kandidaat.pk}/aannemen",
        {
            "personeelsnummer": "9100001",
            "start": "2027-03-01",
            "uren_per_week": "25.5",
            "soort": "bepaald",
            "einde": "2028-02-29",
            "team": team.code,
            "opdrachtgever": "BZK",
        },
        format="json",
    )
    assert hired.status_code == 200, hired.content
    body = conforms(hired, CANDIDATES + "/{id}/aannemen", "POST")
    assert (body["fase"], body["medewerker"]) == ("aangenomen", "9100001")
    person = Medewerker.objects.get(personeelsnummer="9100001")
    assert person.doelgroepindicatie and actor_of(person) == recruiter
    assert Proefplaatsing.objects.get(pk=trial.json()["id"]).einde == dt.date(2027, 2, 28)
    assert actor_of(Kandidaat.objects.get(pk=kandidaat.pk)) == recruiter


def test_a_trial_placement_longer_than_six_months_is_refused(api_as):
    k = a_candidate(Fase.KENNISMAKING)
    team = k.werksoort.teams.filter(einde__isnull=True).first()
    dates = {"start": dt.date(2026, 12, 1), "einde": dt.date(2027, 6, 1)}
    expected = service_error(
        services.proefplaatsing_create, actor=user("werving"), kandidaat=k, team=team, **dates
    )
    response = api_as("werving").post(
        TRIALS,
        {"kandidaat": k.pk, "team": team.code, **{n: d.isoformat() for n, d in dates.items()}},
        format="json",
    )
    refused_with(response, "einde", expected)
    assert "hoogstens 6 maanden" in response.json()["errors"][0]["detail"]
    conforms(response, TRIALS, "POST")
    assert not Proefplaatsing.objects.filter(kandidaat=k).exists()
    k.refresh_from_db()
    assert k.fase == Fase.KENNISMAKING
    far = api_as("werving").post(
        TRIALS,
        {"kandidaat": k.pk, "team": team.code, "start": "9999-11-01", "einde": "9999-12-31"},
        format="json",
    )
    assert_problem(far, 400)  # a date the month arithmetic cannot reach: refused, no crash


def test_hiring_without_a_confirmed_indication_is_refused(api_as):
    k = a_candidate(Fase.PROEFPLAATSING, indicatie=Indicatie.AANGEVRAAGD)
    team = k.proefplaatsingen.get().team
    people = Medewerker.objects.count()
    response = api_as("werving").post(
        f"{CANDIDATES}/{k.pk}/aannemen",
        {
            "personeelsnummer": "9100002",
            "start": "2027-03-01",
            "uren_per_week": "20",
            "soort": "bepaald",
            "team": team.code,
            "opdrachtgever": "BZK",
        },
        format="json",
    )
    expected = dutch(
        "Hiring is refused: the target group indication is not confirmed "
        "(status: %(status)s). Record 'yes' once UWV has confirmed it.",
        status="Aangevraagd",
    )
    refused_with(response, "indicatie", expected)
    assert Medewerker.objects.count() == people
    k.refresh_from_db()
    assert k.fase == Fase.PROEFPLAATSING and k.medewerker is None


def test_closing_needs_a_reason_and_ends_a_running_trial(api_as):
    client = api_as("personeelszaken")
    k = a_candidate(Fase.PROEFPLAATSING)
    trial = k.proefplaatsingen.get()
    on = trial.start + dt.timedelta(days=10)
    refused = client.post(
        f"{CANDIDATES}/{k.pk}/afsluiten",
        {"fase": "teruggetrokken", "reden": "  ", "op": on.isoformat()},
        format="json",
    )
    refused_with(refused, "reden", dutch("Give the reason."))
    k.refresh_from_db()
    assert k.fase == Fase.PROEFPLAATSING
    closed = client.post(
        f"{CANDIDATES}/{k.pk}/afsluiten",
        {"fase": "teruggetrokken", "reden": "Verhuisd", "op": on.isoformat()},
        format="json",
    )
    assert closed.status_code == 200, closed.content
    body = conforms(closed, CANDIDATES + "/{id}/afsluiten", "POST")
    assert (body["fase"], body["reden"], body["fase_sinds"]) == (
        "teruggetrokken",
        "Verhuisd",
        on.isoformat(),
    )
    trial.refresh_from_db()
    assert trial.einde == on and actor_of(trial) == user("personeelszaken")
    again = client.post(f"{CANDIDATES}/{k.pk}/kennismaking", {}, format="json")
    assert_problem(again, 400)
    assert [e["veld"] for e in again.json()["errors"]] == ["fase"]


def test_a_change_is_checked_by_the_service(api_as):
    client = api_as("werving")
    k = a_candidate(Fase.KENNISMAKING)
    other_work = k.werksoort.__class__.objects.exclude(pk=k.werksoort_id).first()
    team = k.werksoort.teams.filter(einde__isnull=True).first()
    expected = service_error(
        services.kandidaat_update,
        actor=user("werving"),
        kandidaat=Kandidaat.objects.get(pk=k.pk),
        werksoort=other_work,
        team=team,
    )
    response = patch_current(
        client, f"{CANDIDATES}/{k.pk}", {"werksoort": other_work.code, "team": team.code}
    )
    refused_with(response, "team", expected)
    k.refresh_from_db()
    assert k.werksoort_id != other_work.pk
    renamed = patch_current(client, f"{CANDIDATES}/{k.pk}", {"telefoon": "070-1234567"})
    assert renamed.status_code == 200, renamed.content
    conforms(renamed, CANDIDATES + "/{id}", "PATCH")
    k.refresh_from_db()
    assert k.telefoon == "070-1234567" and actor_of(k) == user("werving")
    hired = a_candidate(Fase.AANGENOMEN)
    refused = patch_current(client, f"{CANDIDATES}/{hired.pk}", {"telefoon": "1"})
    refused_with(
        refused, "fase", dutch("The candidate has been hired; change the employee instead.")
    )


def test_lists_filter_and_show_days_in_stage(api_as):
    client = api_as("werving")
    listed = client.get(CANDIDATES, {"fase": "kennismaking", "per_pagina": 100}).json()
    expected = Kandidaat.objects.filter(fase=Fase.KENNISMAKING)
    assert {k["id"] for k in listed["results"]} == set(expected.values_list("pk", flat=True))
    assert all(k["dagen_in_fase"] >= 0 for k in listed["results"])
    k = a_candidate(Fase.PROEFPLAATSING)
    trials = client.get(TRIALS, {"kandidaat": k.pk}).json()
    assert [t["id"] for t in trials["results"]] == [k.proefplaatsingen.get().pk]


@pytest.mark.parametrize("username", sorted(FUNNEL))
def test_the_funnel_is_the_webs_and_names_nobody(api_as, username):
    years = selectors.funnel_years()
    response = api_as(username).get(TRECHTER)
    body = conforms(response, TRECHTER)
    assert body["jaar"] == years[0] and body["jaren"] == years
    result = selectors.funnel(years[0])
    assert [(s["fase"], s["aantal"]) for s in body["stappen"]] == [
        (str(s.fase), s.aantal) for s in result.stappen
    ]
    assert (body["afgewezen"], body["teruggetrokken"], body["lopend"]) == (
        result.afgewezen,
        result.teruggetrokken,
        result.lopend,
    )
    text = response.content.decode()
    assert not any(k.achternaam in text for k in Kandidaat.objects.all())
    assert_problem(api_as(username).get(TRECHTER, {"jaar": 1999}), 400)

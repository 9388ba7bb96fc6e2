"""Teams and people pages per role on the demo organisation: scope, 404 outside it, privacy."""

import datetime as dt

import pytest
from django.contrib.auth import get_user_model

from binnenwerk.jobs.selectors import banen
from binnenwerk.organisation.models import Organisatie, Team, TeamRol
from binnenwerk.people.models import Medewerker
from tests.roles import ROLES

D = "?peildatum=2023-12-31"


def own_team(username: str) -> str:
    """A team the demo's supervisor or coach holds a role in at the end of 2023."""
    user = get_user_model().objects.get(username=username)
    return (
        TeamRol.objects.filter(medewerker=user.profiel.medewerker, start__lte="2023-12-31")
        .exclude(einde__lt="2023-12-31")
        .values_list("team__code", flat=True)
        .first()
    )


def other_team(username: str) -> str:
    user = get_user_model().objects.get(username=username)
    return (
        TeamRol.objects.exclude(medewerker=user.profiel.medewerker)
        .exclude(team__rollen__medewerker=user.profiel.medewerker)
        .values_list("team__code", flat=True)
        .first()
    )


# (page, role) → expected status; every role × every page.
WIDE = {"beheerder", "personeelszaken", "management", "werving"}
MATRIX = {
    # the coordinator lands on the monitor, the privacy officer on the access log
    "/": {**dict.fromkeys(ROLES, 200), "monitor": 302, "privacy": 302},
    "/teams/": {**dict.fromkeys(ROLES, 200), "privacy": 404},
    "/teams/BOS-01/": {r: 200 if r in WIDE else 404 for r in ROLES},
    "/medewerkers/": {
        **dict.fromkeys(ROLES, 200),
        "werving": 404,
        "opdrachtgever": 404,
        "monitor": 404,
        "privacy": 404,
    },
    "/medewerkers/1000074/": {r: 200 if r in WIDE - {"werving"} else 404 for r in ROLES},
    "/medewerkers/1000074/verplaatsen/": {r: 200 if r == "personeelszaken" else 404 for r in ROLES},
    "/medewerkers/nieuw/": {r: 200 if r == "personeelszaken" else 404 for r in ROLES},
    "/teams/nieuw/": {r: 200 if r == "personeelszaken" else 404 for r in ROLES},
    "/teams/open-plaatsen/": {r: 200 if r in WIDE else 404 for r in ROLES},
    "/teams/BOS-01/beeindigen/": {r: 200 if r == "personeelszaken" else 404 for r in ROLES},
    "/opdrachtgevers/": {r: 200 if r in WIDE | {"opdrachtgever"} else 404 for r in ROLES},
    "/opdrachtgevers/BZK/": {r: 200 if r in WIDE | {"opdrachtgever"} else 404 for r in ROLES},
    "/opdrachtgevers/JenV/": {r: 200 if r in WIDE else 404 for r in ROLES},
    "/werksoorten/": {r: 200 if r in WIDE else 404 for r in ROLES},
    "/werksoorten/BOS/": {r: 200 if r in WIDE else 404 for r in ROLES},
    "/locaties/": {r: 200 if r in WIDE else 404 for r in ROLES},
    "/locaties/SBB-ALM/": {r: 200 if r in WIDE else 404 for r in ROLES},
    "/import/": {r: 200 if r == "beheerder" else 404 for r in ROLES},
    "/export/": {r: 200 if r == "beheerder" else 404 for r in ROLES},
    "/dashboard/per_opdrachtgever.csv": {
        **dict.fromkeys(ROLES, 200),
        "monitor": 404,
        "privacy": 404,
    },
    "/dashboard/per_maand.svg": {**dict.fromkeys(ROLES, 200), "monitor": 404, "privacy": 404},
    "/gebruikers/": {r: 200 if r == "beheerder" else 404 for r in ROLES},
    "/logboek/": {r: 200 if r == "beheerder" else 404 for r in ROLES},
    "/privacy/toegang/": {r: 200 if r == "privacy" else 404 for r in ROLES},
}


@pytest.mark.parametrize("page", list(MATRIX))
@pytest.mark.parametrize("username", ROLES)
def test_permission_matrix(as_role, page, username):
    """Every role × every page and form: what may be seen answers 200, anything else 404."""
    assert as_role(username).get(page + D).status_code == MATRIX[page][username]


@pytest.mark.parametrize("username", ["leidinggevende", "jobcoach"])
def test_supervisor_and_coach_reach_their_team_not_another(as_role, username):
    client = as_role(username)
    assert client.get(f"/teams/{own_team(username)}/{D}").status_code == 200
    assert client.get(f"/teams/{other_team(username)}/{D}").status_code == 404


def test_supervisor_reaches_their_members_and_nobody_else(as_role):
    client = as_role("leidinggevende")
    listed = client.get("/medewerkers/" + D).context["page"].paginator.count
    mine = own_team("leidinggevende")
    member = Medewerker.objects.filter(
        plaatsingen__team__code=mine, plaatsingen__einde__isnull=True
    ).first()
    stranger = (
        Medewerker.objects.exclude(plaatsingen__team__code=mine)
        .filter(doelgroepindicatie=True)
        .first()
    )
    assert listed > 0
    assert client.get(f"/medewerkers/{member.personeelsnummer}/{D}").status_code == 200
    assert client.get(f"/medewerkers/{stranger.personeelsnummer}/{D}").status_code == 404


def test_client_sees_funded_teams_without_names(as_role):
    client = as_role("opdrachtgever")
    body = client.get("/teams/" + D).content.decode()
    assert "Leidinggevende" not in body
    team = client.get("/teams/" + D).context["page"].object_list[0]
    detail = client.get(f"/teams/{team.code}/{D}").content.decode()
    assert "Teamleden" not in detail and "Leidinggevende en jobcoach" not in detail
    any_person = Medewerker.objects.filter(doelgroepindicatie=True).first()
    assert client.get(f"/medewerkers/{any_person.personeelsnummer}/{D}").status_code == 404


def test_bsn_and_indication_only_for_hr(as_role):
    person = Medewerker.objects.filter(doelgroepindicatie=True).exclude(bsn="").first()
    url = f"/medewerkers/{person.personeelsnummer}/{D}"
    assert person.bsn in as_role("personeelszaken").get(url).content.decode()
    management_page = as_role("management").get(url).content.decode()
    assert person.bsn not in management_page and "Doelgroepindicatie" not in management_page
    listing = as_role("personeelszaken").get("/medewerkers/" + D).content.decode()
    assert person.bsn not in listing  # never in lists, not even for HR


def test_people_search_and_filters(as_role):
    client = as_role("management")
    person = Medewerker.objects.filter(doelgroepindicatie=True, werkgever__isnull=True).first()
    found = client.get("/medewerkers/", {"zoek": person.personeelsnummer, "actief": "0"})
    assert [m.pk for m in found.context["page"]] == [person.pk]
    forest = client.get("/medewerkers/", {"werksoort": "BOS", "peildatum": "2023-12-31"})
    assert all(m.werksoort_code == "BOS" for m in forest.context["page"])


def test_team_list_shows_occupancy_and_open_places(as_role):
    page = as_role("werving").get("/teams/", {"peildatum": "2023-12-31", "werksoort": "BOS"})
    teams = page.context["page"]
    assert page.context["page"].paginator.count == 49
    assert all(t.open_plaatsen == t.capaciteit - t.bezetting for t in teams)


@pytest.mark.parametrize("url", ["/teams/", "/medewerkers/"])
def test_list_queries_are_bounded(as_role, django_assert_max_num_queries, url):
    client = as_role("beheerder")
    client.get("/account/wachtwoord/")  # a session's first page also reads the account's notices
    with django_assert_max_num_queries(12):
        client.get(url + D)


def test_hr_moves_a_person_and_the_counter_follows(as_role):
    client = as_role("personeelszaken")
    person = (
        Medewerker.objects.filter(
            doelgroepindicatie=True,
            werkgever__isnull=True,
            plaatsingen__einde__isnull=True,
            dienstverbanden__einde__isnull=True,
        )
        .exclude(plaatsingen__opdrachtgever__code="AZ")
        .first()
    )
    team = Team.objects.filter(code="PAND-01").get()
    az = Organisatie.objects.get(code="AZ")
    day = dt.date(2026, 10, 1)
    before = banen(day, per="opdrachtgever").groepen.get("AZ", 0)
    url = f"/medewerkers/{person.personeelsnummer}/verplaatsen/"
    response = client.post(url, {"vanaf": "2026-10-01", "team": team.pk, "opdrachtgever": az.pk})
    assert response.status_code == 302
    after = banen(day, per="opdrachtgever").groepen["AZ"]
    assert after > before
    again = client.post(url, {"vanaf": "2026-10-01", "team": team.pk, "opdrachtgever": az.pk})
    assert "op deze datum begint al een plaatsing" in again.content.decode()


@pytest.mark.parametrize("username", ["management", "leidinggevende", "opdrachtgever"])
def test_only_hr_may_move_people(as_role, username):
    person = Medewerker.objects.filter(doelgroepindicatie=True).first()
    client = as_role(username)
    assert client.get(f"/medewerkers/{person.personeelsnummer}/verplaatsen/").status_code == 404


def test_client_page_shows_its_jobs_over_time(as_role):
    body = as_role("opdrachtgever").get("/opdrachtgevers/BZK/" + D).content.decode()
    assert "201,76" in body and "Banen door de tijd" in body


def test_recruiter_sees_open_places_and_teams_below_minimum(as_role):
    response = as_role("werving").get("/teams/open-plaatsen/" + D)
    rows = response.context["rows"]
    assert rows and all(r.open_plaatsen == r.team.capaciteit - r.bezetting for r in rows)
    assert response.context["open_totaal"] == sum(max(r.open_plaatsen, 0) for r in rows)
    csv = as_role("werving").get("/teams/open-plaatsen/" + D + "&formaat=csv")
    assert csv.content.decode().splitlines()[0].startswith("team,naam,werksoort")

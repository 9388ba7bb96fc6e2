"""Who reaches which API endpoint, and what they see there: the web's rules, role by role.

The expected statuses are derived from the role sets in accounts/constants.py, the same sets
the web pages check, so the API cannot drift from the web without this matrix failing.
"""

import datetime as dt

import pytest

from binnenwerk.accounts.constants import (
    CHANGES_PEOPLE,
    ORGANISATION_WIDE,
    SEES_MONITOR,
    SEES_PEOPLE,
    SEES_PERSONAL_DETAILS,
    Rol,
)
from binnenwerk.accounts.selectors import client_codes, medewerkers_for, teams_for
from binnenwerk.organisation.models import Team, TeamRol
from binnenwerk.people import selectors as people
from binnenwerk.people.models import Dienstverband, Medewerker, Plaatsing
from binnenwerk.periods import active_on
from tests.api.support import API, assert_problem, holding, patch_current, user
from tests.roles import ROLES

TODAY = dt.date.today()
EVERYONE = set(ROLES)
# The privacy officer reads the access log and nothing else: 404 on every endpoint.
SIGNED_IN = EVERYONE - {"privacy"}
PEOPLE = holding(SEES_PEOPLE)
WIDE = holding(ORGANISATION_WIDE)
SPECIAL = holding(SEES_PERSONAL_DETAILS)
PEOPLE_EDITORS = holding(CHANGES_PEOPLE)
REFERENCE_EDITORS = holding({Rol.BEHEERDER})
# The job counter: the organisation-wide roles, a supervisor's or coach's teams, a client's
# organisation; a monitor coordinator has no dashboard (web: 404).
JOBS = WIDE | holding({Rol.LEIDINGGEVENDE, Rol.JOBCOACH, Rol.OPDRACHTGEVER})
# Table 1: every row for the monitor roles, the client's own ministry for a client.
TABLE1 = holding(SEES_MONITOR) | holding({Rol.OPDRACHTGEVER})
# The supervisor's team in the demo (the coach holds a role in the same teams).
OWN_TEAM = "PAND-01"

# Reference data (organisations, work types, locations) carries no figures and no people:
# every signed-in role reads it, to resolve the codes other answers give.
READS = {
    "organisaties": SIGNED_IN,
    "werksoorten": SIGNED_IN,
    "locaties": SIGNED_IN,
    "teams": SIGNED_IN,  # scoped: see test_teams_and_people_lists_equal_the_webs_scope
    "teamrollen": PEOPLE,
    "medewerkers": PEOPLE,
    "dienstverbanden": PEOPLE,
    "plaatsingen": PEOPLE,
    "plaatsingen/{plaatsing}": PEOPLE,
    "banen?peildatum=2023-12-31": JOBS,
    "banen/reeks?van=2023-01-01&tot=2023-12-31": JOBS,
    "kerncijfers?jaar=2023": WIDE,
    "monitor/tabel1?kwartaal=2023Q4": TABLE1,
}


def member_of(team: str) -> Medewerker:
    """Someone placed in the team today (so in the supervisor's and coach's scope)."""
    return Plaatsing.objects.filter(active_on(TODAY), team__code=team).first().medewerker


def stranger_to(username: str) -> Medewerker:
    """Someone placed today, but not in any team of this supervisor or coach."""
    mine = medewerkers_for(user(username), TODAY)
    placed = Plaatsing.objects.filter(active_on(TODAY)).exclude(medewerker__in=mine)
    return placed.first().medewerker


def paths() -> dict[str, str]:
    person = member_of(OWN_TEAM)
    return {
        "plaatsing": str(person.plaatsingen.filter(active_on(TODAY)).get().pk),
        "team": OWN_TEAM,
        "medewerker": person.personeelsnummer,
        "dienstverband": str(person.dienstverbanden.filter(active_on(TODAY)).get().pk),
        "teamrol": str(TeamRol.objects.filter(team__code=OWN_TEAM).first().pk),
    }


@pytest.mark.parametrize("endpoint", list(READS))
@pytest.mark.parametrize("username", ROLES)
def test_read_matrix(api_as, username, endpoint):
    """Every role × every core endpoint: 200 within the role's rules, 404 (never 403) outside."""
    response = api_as(username).get(API + endpoint.format(**paths()))
    if username in READS[endpoint]:
        assert response.status_code == 200, response.content
    else:
        assert_problem(response, 404)


# resource -> (one object to change, the roles that change it, the roles that read it)
WRITES = {
    "organisaties": ("BZK", REFERENCE_EDITORS, SIGNED_IN),
    "werksoorten": ("PAND", REFERENCE_EDITORS, SIGNED_IN),
    "locaties": ("DH-NBW", REFERENCE_EDITORS, SIGNED_IN),
    "teams": ("{team}", PEOPLE_EDITORS, SIGNED_IN),
    "teamrollen": ("{teamrol}", PEOPLE_EDITORS, PEOPLE),
    "medewerkers": ("{medewerker}", PEOPLE_EDITORS, PEOPLE),
    "dienstverbanden": ("{dienstverband}", PEOPLE_EDITORS, PEOPLE),
    "plaatsingen": ("{plaatsing}", PEOPLE_EDITORS, PEOPLE),
}


@pytest.mark.parametrize("resource", list(WRITES))
@pytest.mark.parametrize("username", ROLES)
def test_write_matrix(api_as, username, resource):
    """A writer gets past the permission check (400 for an empty create, 200 for an empty
    change); a reader who may not write gets 403; anyone else 404."""
    key, writers, readers = WRITES[resource]
    client = api_as(username)
    created = client.post(API + resource, {}, format="json")
    changed = patch_current(client, f"{API}{resource}/{key.format(**paths())}", {})
    if username in writers:
        assert_problem(created, 400)
        assert changed.status_code == 200, changed.content
    else:
        status = 403 if username in readers else 404
        assert_problem(created, status)
        assert_problem(changed, status)


@pytest.mark.parametrize("username", ROLES)
def test_teams_and_people_lists_equal_the_webs_scope(api_as, username):
    """The lists hold exactly what the web's lists hold for the role on the date."""
    client, account = api_as(username), user(username)
    if username not in SIGNED_IN:
        assert_problem(client.get(API + "teams"), 404)
        return
    teams = client.get(API + "teams", {"per_pagina": 500}).json()
    expected = set(teams_for(account, TODAY).values_list("code", flat=True))
    assert {t["code"] for t in teams["results"]} == expected
    assert teams["count"] == len(expected)
    if username not in PEOPLE:
        return
    listed = client.get(API + "medewerkers", {"per_pagina": 500, "pagina": 1}).json()
    web = people.medewerker_list(medewerkers_for(account, TODAY), TODAY, people.PeopleFilter())
    assert listed["count"] == web.count()
    if username in {"leidinggevende", "jobcoach"}:
        numbers = {p["personeelsnummer"] for p in listed["results"]}
        assert numbers == set(web.values_list("personeelsnummer", flat=True))


@pytest.mark.parametrize("username", ["leidinggevende", "jobcoach"])
def test_someone_outside_a_supervisors_teams_is_not_found(api_as, username):
    client = api_as(username)
    person = stranger_to(username)
    contract = person.dienstverbanden.filter(active_on(TODAY)).get()
    placement = person.plaatsingen.filter(active_on(TODAY)).get()
    assert_problem(client.get(f"{API}medewerkers/{person.personeelsnummer}"), 404)
    assert_problem(client.get(f"{API}dienstverbanden/{contract.pk}"), 404)
    assert_problem(client.get(f"{API}plaatsingen/{placement.pk}"), 404)
    for resource in ("dienstverbanden", "plaatsingen"):
        listed = client.get(API + resource, {"medewerker": person.personeelsnummer})
        assert listed.json()["count"] == 0
    own = member_of(OWN_TEAM).personeelsnummer
    assert client.get(f"{API}medewerkers/{own}").status_code == 200
    hr = api_as("personeelszaken")
    assert hr.get(f"{API}medewerkers/{person.personeelsnummer}").status_code == 200


def test_client_reaches_teams_it_funds_and_no_other(api_as):
    client = api_as("opdrachtgever")
    funded = teams_for(user("opdrachtgever"), TODAY)
    other = Team.objects.exclude(pk__in=funded).order_by("code").first()
    assert client.get(f"{API}teams/{funded.order_by('code').first().code}").status_code == 200
    assert_problem(client.get(f"{API}teams/{other.code}"), 404)
    assert api_as("management").get(f"{API}teams/{other.code}").status_code == 200


def test_client_cannot_reach_another_clients_jobs_or_rows(api_as):
    client = api_as("opdrachtgever")
    own = client_codes(user("opdrachtgever"))
    assert "BZK" in own and "JenV" not in own
    asked = {"peildatum": "2023-12-31", "opdrachtgever": "JenV"}
    assert api_as("management").get(API + "banen", asked).json()["totaal"] != "0.00"
    assert client.get(API + "banen", asked).json()["totaal"] == "0.00"
    per_client = client.get(API + "banen", {"peildatum": "2023-12-31", "per": "opdrachtgever"})
    assert set(per_client.json()["groepen"]) <= own
    table = client.get(API + "monitor/tabel1", {"kwartaal": "2023Q4"}).json()
    assert [row["organisatie"] for row in table["rijen"]] == ["BZK"]
    assert table["totaal"]["doel"] is not None  # the Rijk total stays in


def test_personal_details_only_for_hr_and_the_administrator(api_as):
    person = member_of(OWN_TEAM)
    assert person.bsn, "the demo gives its people a (test-range) BSN"
    for username in sorted(PEOPLE):
        client = api_as(username)
        listed = client.get(API + "medewerkers", {"per_pagina": 500})
        detail = client.get(f"{API}medewerkers/{person.personeelsnummer}").json()
        special = username in SPECIAL
        for item in listed.json()["results"]:
            assert "bsn" not in item, username  # never in a list, whoever asks
            assert ("geboortedatum" in item) is special, username
            assert ("doelgroepindicatie" in item) is special, username
        assert person.bsn not in listed.content.decode()
        assert ("bsn" in detail) is special, username
        assert ("geboortedatum" in detail) is special, username
        assert ("doelgroepindicatie" in detail) is special, username
        if special:
            assert detail["bsn"] == person.bsn


@pytest.mark.parametrize("username", sorted(SIGNED_IN - {"monitor"}))
def test_team_roles_only_for_roles_that_see_people(api_as, username):
    """Who leads and coaches a team are names of staff: not for clients (nor recruiters)."""
    client = api_as(username)
    team = teams_for(user(username), TODAY).order_by("code").first()
    listed = client.get(API + "teams").json()["results"]
    detail = client.get(f"{API}teams/{team.code}").json()
    sees = username in PEOPLE
    assert all(("rollen" in t) is sees for t in listed)
    assert ("rollen" in detail) is sees
    if sees:
        assert detail["rollen"], "every demo team has a supervisor"


def test_contracts_and_placements_lists_hold_only_people_in_scope(api_as):
    mine = set(medewerkers_for(user("leidinggevende"), TODAY).values_list("pk", flat=True))
    client = api_as("leidinggevende")
    contracts = client.get(API + "dienstverbanden", {"per_pagina": 500}).json()
    expected = Dienstverband.objects.filter(medewerker__in=mine).count()
    assert contracts["count"] == expected
    numbers = set(Medewerker.objects.filter(pk__in=mine).values_list("personeelsnummer", flat=True))
    placements = client.get(API + "plaatsingen", {"per_pagina": 500}).json()
    assert {p["medewerker"] for p in placements["results"]} <= numbers

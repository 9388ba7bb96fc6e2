"""HR's forms write through the services: all or nothing, Dutch messages next to the fields."""

import datetime as dt
from decimal import Decimal

import pytest
from auditlog.models import LogEntry

from binnenwerk.accounts.constants import Rol
from binnenwerk.accounts.services import account_set
from binnenwerk.organisation.models import Team, TeamRol
from binnenwerk.people.models import Dienstverband, Medewerker, Plaatsing
from tests.factories import (
    DienstverbandFactory,
    LocatieFactory,
    MedewerkerFactory,
    OrganisatieFactory,
    PlaatsingFactory,
    TeamFactory,
    WerksoortFactory,
)


@pytest.fixture
def hr(client):
    user = account_set(actor=None, username="hr", roles=[Rol.PERSONEELSZAKEN])
    client.force_login(user)
    client.user = user
    return client


@pytest.fixture
def team_and_client():
    return TeamFactory(start=dt.date(2020, 1, 1)), OrganisatieFactory(code="BZK")


def new_person(team, client_org, **changes):
    data = {
        "personeelsnummer": "5001",
        "voornaam": "Noor",
        "achternaam": "Bakker",
        "bsn": "",
        "doelgroepindicatie": "on",
        "start": "2024-03-01",
        "uren_per_week": "25,5",
        "soort": "bepaald",
        "einde": "2025-02-28",
        "team": team.pk,
        "opdrachtgever": client_org.pk,
    }
    return {**data, **changes}


def test_hire_creates_person_contract_and_placement_with_audit(hr, team_and_client):
    response = hr.post("/medewerkers/nieuw/", new_person(*team_and_client))
    assert response.status_code == 302
    person = Medewerker.objects.get(personeelsnummer="5001")
    contract = Dienstverband.objects.get(medewerker=person)
    assert contract.uren_per_week == Decimal("25.5")
    assert Plaatsing.objects.get(medewerker=person).team == team_and_client[0]
    assert LogEntry.objects.get_for_object(contract).get().actor == hr.user


def test_hire_with_bad_bsn_writes_nothing(hr, team_and_client):
    response = hr.post("/medewerkers/nieuw/", new_person(*team_and_client, bsn="123456789"))
    body = response.content.decode()
    assert response.status_code == 200 and "BSN is ongeldig" in body
    assert not Medewerker.objects.exists() and not Dienstverband.objects.exists()


def test_hire_before_the_team_exists_writes_nothing(hr, team_and_client):
    response = hr.post("/medewerkers/nieuw/", new_person(*team_and_client, start="2019-06-01"))
    assert "valt buiten de looptijd van team" in response.content.decode()
    assert not Medewerker.objects.exists()


def test_end_and_extend_a_contract(hr):
    contract = DienstverbandFactory(start=dt.date(2024, 1, 1), einde=dt.date(2024, 12, 31))
    person = contract.medewerker
    base = f"/medewerkers/{person.personeelsnummer}/dienstverbanden/{contract.pk}"
    response = hr.post(f"{base}/verlengen/", {"uren_per_week": "28", "soort": "onbepaald"})
    assert response.status_code == 302
    follow_up = Dienstverband.objects.get(medewerker=person, start=dt.date(2025, 1, 1))
    assert (follow_up.soort, follow_up.einde) == ("onbepaald", None)
    refused = hr.post(f"{base}/beeindigen/", {"einde": "2023-12-31"})
    assert "ligt vóór start" in refused.content.decode()
    hr.post(
        f"/medewerkers/{person.personeelsnummer}/dienstverbanden/{follow_up.pk}/beeindigen/",
        {"einde": "2025-06-30"},
    )
    follow_up.refresh_from_db()
    assert follow_up.einde == dt.date(2025, 6, 30)


@pytest.mark.parametrize("rol", [r for r in Rol if r != Rol.PERSONEELSZAKEN])
def test_only_hr_uses_the_forms(client, rol):
    client.force_login(account_set(actor=None, username="x", roles=[rol]))
    contract = DienstverbandFactory()
    nummer = contract.medewerker.personeelsnummer
    TeamFactory(code="ALLEEN-PZ")
    for url in (
        "/medewerkers/nieuw/",
        "/teams/ALLEEN-PZ/rol/",
        f"/medewerkers/{nummer}/dienstverbanden/{contract.pk}/beeindigen/",
    ):
        assert client.get(url).status_code == 404


def test_new_team_and_end_refused_while_people_are_placed(hr):
    werksoort, locatie = WerksoortFactory(), LocatieFactory()
    response = hr.post(
        "/teams/nieuw/",
        {
            "code": "NIEUW-1",
            "naam": "Nieuw team",
            "werksoort": werksoort.pk,
            "locatie": locatie.pk,
            "capaciteit": "12",
            "start": "2025-01-01",
        },
    )
    assert response.status_code == 302
    team = Team.objects.get(code="NIEUW-1")
    PlaatsingFactory(team=team, start=dt.date(2025, 2, 1))
    refused = hr.post("/teams/NIEUW-1/beeindigen/", {"einde": "2025-06-30"})
    assert "1 medewerker(s) zijn daarna nog in dit team geplaatst" in refused.content.decode()
    team.refresh_from_db()
    assert team.einde is None
    page = hr.get("/teams/NIEUW-1/").content.decode()
    assert "Wijzigingen" in page and "<td>hr</td>" in page  # the change names who made it


def test_hr_hands_a_team_role_over_and_the_holder_stops_the_day_before(hr):
    team = TeamFactory(code="ROL-1", start=dt.date(2020, 1, 1))
    first, second = MedewerkerFactory(doelgroepindicatie=False), MedewerkerFactory()
    TeamRol.objects.create(
        team=team, rol="leidinggevende", medewerker=first, start=dt.date(2020, 1, 1)
    )
    url = "/teams/ROL-1/rol/"
    assert hr.get("/teams/ROL-1/").content.decode().count(url) == 1
    unknown = hr.post(url, {"rol": "leidinggevende", "medewerker": "0", "vanaf": "2025-01-01"})
    assert "Er is geen medewerker met dit personeelsnummer" in unknown.content.decode()
    done = hr.post(
        url,
        {
            "rol": "leidinggevende",
            "medewerker": second.personeelsnummer,
            "vanaf": "2025-01-01",
        },
    )
    assert done.status_code == 302
    roles = list(TeamRol.objects.filter(team=team).order_by("start"))
    assert [(r.medewerker, r.einde) for r in roles] == [
        (first, dt.date(2024, 12, 31)),
        (second, None),
    ]

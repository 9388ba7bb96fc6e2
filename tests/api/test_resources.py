"""Writes through the API go through the services (same rules, same Dutch messages, same
audit trail); lists filter, order and page; the peildatum moves a supervisor's scope."""

import datetime as dt
from decimal import Decimal

import pytest
from auditlog.models import LogEntry
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.utils import translation

from binnenwerk.api import versions
from binnenwerk.locking import version_of
from binnenwerk.opportunities.models import Kans
from binnenwerk.organisation.models import Organisatie, Team, TeamRol, Werksoort
from binnenwerk.people import services
from binnenwerk.people.models import Dienstverband, Medewerker, Plaatsing
from binnenwerk.periods import active_on
from binnenwerk.validation import bsn_error
from tests.api.support import (
    actor_of,
    assert_problem,
    dutch,
    patch_current,
    refused_with,
    service_error,
)

API = "/api/v1/"
PROBLEM = "application/problem+json"
TODAY = dt.date.today()
OWN_TEAM = "PAND-01"  # led by the demo's supervisor since 2016
VALID_BSN = "999990019"  # the BRP test range, passes the 11-proef
INVALID_BSN = "123456789"  # nine digits, fails the 11-proef


@pytest.fixture
def hr(demo_org):
    return get_user_model().objects.get(username="personeelszaken")


@pytest.fixture
def hr_api(api_as):
    return api_as("personeelszaken")


def test_hr_creates_a_person_contract_placement_team_and_team_role(hr, hr_api):
    person = hr_api.post(
        API + "medewerkers",
        {
            "personeelsnummer": "9000001",
            "voornaam": "Test",
            "achternaam": "Persoon",
            "bsn": VALID_BSN,
            "doelgroepindicatie": True,
            "geboortedatum": "1990-05-17",
        },
        format="json",
    )
    assert person.status_code == 201, person.content
    assert person.json()["bsn"] == VALID_BSN
    created = Medewerker.objects.get(personeelsnummer="9000001")
    assert created.doelgroepindicatie and actor_of(created) == hr
    assert VALID_BSN not in str(LogEntry.objects.get_for_object(created).get().changes)

    team = hr_api.post(
        API + "teams",
        {
            "code": "TEST-01",
            "naam": "Testteam Den Haag",
            "werksoort": "PAND",
            "locatie": "DH-NBW",
            "capaciteit": 10,
            "start": "2026-01-01",
        },
        format="json",
    )
    assert team.status_code == 201, team.content
    assert actor_of(Team.objects.get(code="TEST-01")) == hr

    contract = hr_api.post(
        API + "dienstverbanden",
        {
            "medewerker": "9000001",
            "start": "2026-01-01",
            "einde": "2026-12-31",
            "uren_per_week": "25.50",
            "soort": "bepaald",
        },
        format="json",
    )
    assert contract.status_code == 201, contract.content
    assert contract["Location"] == f"{API}dienstverbanden/{contract.json()['id']}"
    saved = Dienstverband.objects.get(pk=contract.json()["id"])
    assert saved.uren_per_week == Decimal("25.50") and actor_of(saved) == hr

    placement = hr_api.post(
        API + "plaatsingen",
        {"medewerker": "9000001", "team": "TEST-01", "opdrachtgever": "BZK", "start": "2026-01-01"},
        format="json",
    )
    assert placement.status_code == 201, placement.content
    assert actor_of(Plaatsing.objects.get(pk=placement.json()["id"])) == hr

    staff = TeamRol.objects.filter(team__code=OWN_TEAM).first().medewerker
    role = hr_api.post(
        API + "teamrollen",
        {
            "team": "TEST-01",
            "rol": "leidinggevende",
            "medewerker": staff.personeelsnummer,
            "start": "2026-01-01",
        },
        format="json",
    )
    assert role.status_code == 201, role.content
    assert role.json()["naam"] == f"{staff.voornaam} {staff.achternaam}"
    assert actor_of(TeamRol.objects.get(pk=role.json()["id"])) == hr


def someone_with_a_contract() -> tuple[Medewerker, Dienstverband]:
    contract = Dienstverband.objects.filter(active_on(TODAY), einde__isnull=True).first()
    return contract.medewerker, contract


def test_an_overlapping_contract_is_refused_with_the_services_message(hr, hr_api):
    person, current = someone_with_a_contract()
    data = {"start": current.start + dt.timedelta(days=1), "uren_per_week": Decimal("10")}
    expected = service_error(
        services.dienstverband_create, actor=hr, medewerker=person, soort="bepaald", **data
    )
    before = Dienstverband.objects.count()
    response = hr_api.post(
        API + "dienstverbanden",
        {"medewerker": person.personeelsnummer, "soort": "bepaald", **data},
        format="json",
    )
    refused_with(response, "start", expected)
    assert Dienstverband.objects.count() == before


@pytest.mark.parametrize(
    ("change", "veld"),
    [
        ({"start": "2030-02-01", "einde": "2030-01-31"}, "einde"),
        ({"start": "2030-01-01", "uren_per_week": "40.50"}, "uren_per_week"),
    ],
    ids=["end-before-start", "hours-above-40"],
)
def test_an_invalid_contract_is_refused_with_the_services_message(hr, hr_api, change, veld):
    person, _ = someone_with_a_contract()
    data = {"uren_per_week": "20", "soort": "bepaald", **change}
    as_python = {
        k: dt.date.fromisoformat(v) if k in ("start", "einde") else v for k, v in data.items()
    }
    as_python["uren_per_week"] = Decimal(as_python["uren_per_week"])
    expected = service_error(
        services.dienstverband_create, actor=hr, medewerker=person, **as_python
    )
    before = Dienstverband.objects.count()
    response = hr_api.post(
        API + "dienstverbanden", {"medewerker": person.personeelsnummer, **data}, format="json"
    )
    refused_with(response, veld, expected)
    assert Dienstverband.objects.count() == before


def test_an_invalid_bsn_is_refused_in_dutch_and_not_echoed(hr, hr_api):
    with translation.override("nl"):
        message = bsn_error(INVALID_BSN)
    with translation.override("en"):
        assert bsn_error(INVALID_BSN) != message, "the message has a Dutch translation"
    before = Medewerker.objects.count()
    body = {"personeelsnummer": "9000002", "voornaam": "A", "achternaam": "B", "bsn": INVALID_BSN}
    response = hr_api.post(API + "medewerkers", body, format="json")
    refused_with(response, "bsn", ValidationError({"bsn": message}))
    assert INVALID_BSN not in response.content.decode()
    assert Medewerker.objects.count() == before
    changed = patch_current(
        hr_api,
        f"{API}medewerkers/{someone_with_a_contract()[0].personeelsnummer}",
        {"bsn": INVALID_BSN},
    )
    refused_with(changed, "bsn", ValidationError({"bsn": message}))


def test_a_patch_ends_a_placement(hr, hr_api):
    person, _ = someone_with_a_contract()
    placement = person.plaatsingen.filter(active_on(TODAY), einde__isnull=True).first()
    einde = TODAY + dt.timedelta(days=10)
    response = patch_current(
        hr_api, f"{API}plaatsingen/{placement.pk}", {"einde": einde.isoformat()}
    )
    assert response.status_code == 200, response.content
    assert response.json()["einde"] == einde.isoformat()
    placement.refresh_from_db()
    assert placement.einde == einde
    entry = LogEntry.objects.get_for_object(placement).latest("timestamp")
    assert entry.action == LogEntry.Action.UPDATE and entry.actor == hr
    assert "einde" in entry.changes_dict


@pytest.mark.parametrize(
    ("path", "writer"),
    [
        ("medewerkers/{nr}", "personeelszaken"),
        ("dienstverbanden/{dv}", "personeelszaken"),
        ("plaatsingen/{pl}", "personeelszaken"),
        ("teams/PAND-01", "personeelszaken"),
        ("organisaties/BZK", "beheerder"),
    ],
)
def test_nothing_is_deleted_through_the_api(api_as, path, writer):
    """History is ended with `einde`, never erased: even a writer gets 405."""
    person, contract = someone_with_a_contract()
    placement = person.plaatsingen.first()
    url = API + path.format(nr=person.personeelsnummer, dv=contract.pk, pl=placement.pk)
    response = api_as(writer).delete(url)
    assert response.status_code == 405
    assert response["Content-Type"].startswith(PROBLEM)
    assert "DELETE" not in response["Allow"] and "PATCH" in response["Allow"]
    assert Medewerker.objects.filter(pk=person.pk).exists()
    assert Dienstverband.objects.filter(pk=contract.pk).exists()
    assert Plaatsing.objects.filter(pk=placement.pk).exists()
    assert Organisatie.objects.filter(code="BZK").exists()


def results(response) -> list[dict]:
    assert response.status_code == 200, response.content
    return response.json()["results"]


def test_filters(hr_api):
    teams = results(hr_api.get(API + "teams", {"werksoort": "PAND", "per_pagina": 500}))
    assert {t["werksoort"] for t in teams} == {"PAND"}
    assert len(teams) == Team.objects.filter(werksoort__code="PAND").count()

    person, contract = someone_with_a_contract()
    for zoek in (
        person.personeelsnummer,
        person.achternaam,
        f"{person.voornaam} {person.achternaam}",
    ):
        found = results(hr_api.get(API + "medewerkers", {"zoek": zoek, "per_pagina": 500}))
        assert person.personeelsnummer in {p["personeelsnummer"] for p in found}, zoek
        for p in found:  # every word in a name, or the whole personnel number
            names = f"{p['voornaam']} {p['achternaam']}".lower()
            assert zoek == p["personeelsnummer"] or all(w.lower() in names for w in zoek.split())

    on = "2023-12-31"
    asked = {"team": OWN_TEAM, "actief_op": on, "per_pagina": 500}
    placed = results(hr_api.get(API + "plaatsingen", asked))
    expected = Plaatsing.objects.filter(active_on(dt.date(2023, 12, 31)), team__code=OWN_TEAM)
    assert {p["id"] for p in placed} == set(expected.values_list("pk", flat=True))
    assert all(p["start"] <= on and (p["einde"] is None or p["einde"] >= on) for p in placed)

    contracts = results(
        hr_api.get(API + "dienstverbanden", {"medewerker": person.personeelsnummer})
    )
    assert {c["id"] for c in contracts} == set(person.dienstverbanden.values_list("pk", flat=True))
    assert contract.pk in {c["id"] for c in contracts}


def test_ordering(hr_api):
    descending = results(hr_api.get(API + "teams", {"volgorde": "-code", "per_pagina": 500}))
    codes = [t["code"] for t in descending]
    assert codes == sorted(codes, reverse=True) and len(codes) == Team.objects.count()
    by_name = results(hr_api.get(API + "teams", {"volgorde": "naam", "per_pagina": 500}))
    assert [t["code"] for t in by_name] == list(
        Team.objects.order_by("naam", "code").values_list("code", flat=True)
    )
    latest = results(hr_api.get(API + "dienstverbanden", {"volgorde": "-start", "per_pagina": 20}))
    starts = [c["start"] for c in latest]
    assert starts == sorted(starts, reverse=True)
    newest = Dienstverband.objects.order_by("-start").values_list("start", flat=True).first()
    assert starts[0] == newest.isoformat()


def test_pagination(hr_api):
    total = Plaatsing.objects.count()
    assert total > 500, "the demo has enough placements to pass the maximum page size"
    default = hr_api.get(API + "plaatsingen").json()
    assert default["count"] == total and len(default["results"]) == 50
    assert "pagina=2" in default["next"] and default["previous"] is None
    largest = hr_api.get(API + "plaatsingen", {"per_pagina": 500}).json()
    assert len(largest["results"]) == 500
    too_large = hr_api.get(API + "plaatsingen", {"per_pagina": 501})  # refused, not capped
    assert too_large.status_code == 400 and too_large.json()["errors"][0]["veld"] == "per_pagina"
    first = results(hr_api.get(API + "plaatsingen", {"per_pagina": 10}))
    second = hr_api.get(API + "plaatsingen", {"per_pagina": 10, "pagina": 2}).json()
    assert len(second["results"]) == 10
    assert not {p["id"] for p in first} & {p["id"] for p in second["results"]}
    assert "per_pagina=10" in second["previous"]
    beyond = hr_api.get(API + "plaatsingen", {"per_pagina": 500, "pagina": 999})
    assert beyond.status_code == 404 and beyond["Content-Type"].startswith(PROBLEM)


def test_the_peildatum_moves_a_supervisors_scope(hr, api_as):
    """Someone placed in the supervisor's team only from next month is not theirs today."""
    later = TODAY + dt.timedelta(days=30)
    person = services.medewerker_create(
        actor=hr, personeelsnummer="9000003", voornaam="Later", achternaam="Erbij"
    )
    services.dienstverband_create(
        actor=hr, medewerker=person, start=later, uren_per_week=Decimal("20"), soort="bepaald"
    )
    placement = services.plaatsing_create(
        actor=hr,
        medewerker=person,
        team=Team.objects.get(code=OWN_TEAM),
        opdrachtgever=Organisatie.objects.get(code="BZK"),
        start=later,
    )
    client = api_as("leidinggevende")
    for path in (f"medewerkers/{person.personeelsnummer}", f"plaatsingen/{placement.pk}"):
        assert client.get(API + path).status_code == 404, path
        assert client.get(API + path, {"peildatum": later.isoformat()}).status_code == 200, path
    listed = results(
        client.get(API + "medewerkers", {"peildatum": later.isoformat(), "per_pagina": 500})
    )
    assert "9000003" in {p["personeelsnummer"] for p in listed}
    assert results(client.get(API + "medewerkers", {"zoek": "9000003"})) == []


@pytest.mark.parametrize(
    "path", ["medewerkers", "teams", "plaatsingen", "teams/PAND-01", "banen", "teamrollen"]
)
@pytest.mark.parametrize("value", ["31-12-2023", "gisteren", "2023-02-30"])
def test_an_invalid_peildatum_is_a_400_about_the_peildatum(hr_api, path, value):
    response = hr_api.get(API + path, {"peildatum": value})
    assert response.status_code == 400, response.content
    assert response["Content-Type"].startswith(PROBLEM)
    assert response.json()["errors"][0]["veld"] == "peildatum"


def test_a_nul_character_is_invalid_input_on_every_database(api_as):
    client = api_as("personeelszaken")
    for response in (
        client.get("/api/v1/teams/AB%00C"),
        client.get("/api/v1/medewerkers?zoek=a%00b"),
        client.post("/api/v1/plaatsingen", {"opdrachtgever": "&\u0000"}, format="json"),
    ):
        assert response.status_code == 400
        assert response["Content-Type"] == "application/problem+json"
        assert "NUL" in response.json()["detail"]


# --- Lost updates, Location and duplicate keys (issue 18, item 12) ---------------------------

STALE = (
    "Someone else has changed this resource in the meantime; nothing was saved. GET it again, "
    "look at the new information and send the new ETag in If-Match."
)


def person_and_url() -> tuple[Medewerker, str]:
    person, _ = someone_with_a_contract()
    return person, f"{API}medewerkers/{person.personeelsnummer}"


def first_name(person: Medewerker) -> str:
    return Medewerker.objects.get(pk=person.pk).voornaam


def test_the_etag_is_the_version_the_web_form_carries(hr, hr_api):
    person, url = person_and_url()
    etag = hr_api.get(url)["ETag"]
    # The web's edit form for a person carries the version of the same record.
    assert etag == f'"{version_of(Medewerker.objects.filter(pk=person.pk))}"'
    services.medewerker_update(
        actor=hr, medewerker=Medewerker.objects.get(pk=person.pk), voornaam="Elders"
    )
    assert hr_api.get(url)["ETag"] != etag


def test_of_two_changes_with_the_same_etag_the_second_is_refused(hr_api, api_as):
    person, url = person_and_url()
    etag = hr_api.get(url)["ETag"]
    first = hr_api.patch(url, {"voornaam": "Eerste"}, format="json", HTTP_IF_MATCH=etag)
    assert first.status_code == 200, first.content
    assert first["ETag"] not in (None, etag) and first["ETag"] == hr_api.get(url)["ETag"]
    colleague = api_as("personeelszaken")
    second = colleague.patch(url, {"voornaam": "Tweede"}, format="json", HTTP_IF_MATCH=etag)
    assert_problem(second, 412)
    assert second.json()["detail"] == dutch(STALE)
    assert first_name(person) == "Eerste"


def test_a_change_saved_while_waiting_for_the_lock_is_not_overwritten(hr, hr_api, monkeypatch):
    """Two changes at once with the same ETag: the second waits for the first's row lock and
    compares with what the first saved. Here the other change lands after this request read
    the record, just before the lock: the comparison is with the record as locked, not as
    read. (One connection in a test: the refusal rolls the other change back with it.)"""
    person, url = person_and_url()
    etag = hr_api.get(url)["ETag"]
    etag_of = versions.etag_of

    def other_change_first(record, lock=False):
        if lock:
            other = Medewerker.objects.get(pk=record.pk)
            services.medewerker_update(actor=hr, medewerker=other, voornaam="Eerder")
        return etag_of(record, lock=lock)

    monkeypatch.setattr(versions, "etag_of", other_change_first)
    response = hr_api.patch(url, {"voornaam": "Later"}, format="json", HTTP_IF_MATCH=etag)
    assert_problem(response, 412)
    assert first_name(person) != "Later"


def test_a_change_needs_if_match_with_a_strong_quoted_etag(hr_api):
    person, url = person_and_url()
    before = first_name(person)
    missing = hr_api.patch(url, {"voornaam": "Zonder"}, format="json")
    assert_problem(missing, 428)
    assert missing.json()["detail"] == dutch(
        "Send the resource's ETag in the If-Match header: first GET the resource, then send "
        "the value of its ETag header with the change; nothing was saved."
    )
    etag = hr_api.get(url)["ETag"]
    unquoted = hr_api.patch(url, {"voornaam": "X"}, format="json", HTTP_IF_MATCH=etag.strip('"'))
    assert_problem(unquoted, 400)
    assert unquoted.json()["errors"][0]["veld"] == "If-Match"
    weak = hr_api.patch(url, {"voornaam": "X"}, format="json", HTTP_IF_MATCH=f"W/{etag}")
    assert_problem(weak, 412)  # If-Match compares strongly: a weak tag never matches
    assert first_name(person) == before
    listed = hr_api.patch(url, {"voornaam": "Lijst"}, format="json", HTTP_IF_MATCH=f'"x", {etag}')
    assert listed.status_code == 200, listed.content
    anyway = hr_api.patch(url, {"voornaam": "Toch"}, format="json", HTTP_IF_MATCH="*")
    assert anyway.status_code == 200, anyway.content  # RFC 9110: any current version
    assert first_name(person) == "Toch"


def test_a_201_gives_the_location_of_the_new_resource(api_as):
    client = api_as("beheerder")
    body = {"code": "NIEUW-01", "naam": "Nieuwe werksoort"}
    created = client.post(API + "werksoorten", body, format="json")
    assert created.status_code == 201, created.content
    assert created["Location"] == f"{API}werksoorten/NIEUW-01"
    read = client.get(created["Location"])
    assert read.status_code == 200 and read.json() == created.json()
    assert read["ETag"] == created["ETag"]


def test_a_duplicate_natural_key_is_a_conflict(api_as, hr_api):
    admin = api_as("beheerder")
    before = Organisatie.objects.count()
    body = {"code": "BZK", "naam": "Nog een BZK", "soort": "ministerie"}
    response = admin.post(API + "organisaties", body, format="json")
    assert_problem(response, 409)
    detail = "Er bestaat al een organisatie met code 'BZK'. Er is niets opgeslagen."
    assert response.json()["detail"] == detail
    assert [e["veld"] for e in response.json()["errors"]] == ["code"]
    assert Organisatie.objects.count() == before

    other = Werksoort.objects.exclude(code="PAND").order_by("code").first()
    renamed = patch_current(admin, f"{API}werksoorten/{other.code}", {"code": "PAND"})
    assert_problem(renamed, 409)
    assert "werksoort met code 'PAND'" in renamed.json()["detail"]
    assert Werksoort.objects.filter(pk=other.pk, code=other.code).exists()

    taken = someone_with_a_contract()[0].personeelsnummer
    person = {"personeelsnummer": taken, "voornaam": "Dubbel", "achternaam": "Nummer"}
    duplicate = hr_api.post(API + "medewerkers", person, format="json")
    assert_problem(duplicate, 409)
    assert f"medewerker met personeelsnummer '{taken}'" in duplicate.json()["detail"]

    # A key checked by the service in its own words (an idea's title): a conflict too.
    title = Kans.objects.order_by("pk").first().titel
    idea = {
        "titel": title,
        "verwachte_banen": "5.00",
        "fase": "verkenning",
        "verwachte_start": "2027-01-01",
        "kans_pct": 50,
    }
    again = admin.post(API + "kansen", idea, format="json")
    assert_problem(again, 409)
    assert again.json()["detail"].startswith("Er is al een idee met deze titel.")

"""The access log (issue 11 item 4): reads of special-category data and exports are logged
(who, when, what, why) and only the privacy officer searches them, at /privacy/toegang/."""

import csv
import datetime as dt
import io

import pytest
from django.core.management import call_command

from binnenwerk.coaching.models import Coachingnotitie, Inzage
from binnenwerk.people.models import Medewerker
from tests.roles import ROLES

LOG = "/privacy/toegang/"
LOG_CSV = "/privacy/toegang.csv"


@pytest.fixture
def note(demo_org):
    return Coachingnotitie.objects.select_related("medewerker").order_by("pk").first()


def _entries(response) -> list[Inzage]:
    assert response.status_code == 200
    return list(response.context["page"].object_list)


def _with_bsn() -> Medewerker:
    """A person with a BSN in the demo (read in Python: the BSN may be stored encrypted)."""
    for person in Medewerker.objects.order_by("pk")[:500]:
        if person.bsn:
            return person
    pytest.skip("no person with a BSN in the demo")


@pytest.mark.parametrize("username", ROLES)
def test_permission_matrix_only_the_privacy_officer_reads_the_log(as_role, username):
    client = as_role(username)
    expected = 200 if username == "privacy" else 404
    assert client.get(LOG).status_code == expected
    assert client.get(LOG_CSV).status_code == expected


def test_the_privacy_officer_sees_no_personal_data_pages(as_role, note):
    nr = note.medewerker.personeelsnummer
    client = as_role("privacy")
    for page in (
        "/medewerkers/",
        f"/medewerkers/{nr}/",
        f"/coaching/{nr}/",
        f"/coaching/{nr}/notities/{note.pk}/",
        "/coaching/",
        "/verzuim/meldingen/",
        "/uitstroom/lijst.csv",
        "/export/",
        "/logboek/",
        "/gebruikers/",
    ):
        assert client.get(page).status_code == 404, page
    # The home page leads to the log, and the navigation holds nothing else.
    response = client.get("/", follow=True)
    assert response.redirect_chain[-1][0] == LOG
    assert [url for url, _label in response.context["nav_items"]] == ["web:toegang"]
    assert client.get(f"/api/v1/medewerkers/{nr}").status_code in (403, 404)


def test_the_access_log_shows_a_coaching_note_read(as_role, note):
    person = note.medewerker
    nr = person.personeelsnummer
    assert as_role("leidinggevende").get(f"/coaching/{nr}/notities/{note.pk}/").status_code == 200
    response = as_role("privacy").get(LOG, {"persoon": nr, "soort": "coachingnotitie"})
    entries = _entries(response)
    mine = [e for e in entries if e.gebruiker.username == "leidinggevende"]
    assert [e.object_id for e in mine] == [note.pk]
    assert mine[0].medewerker_id == person.pk and mine[0].context
    body = response.content.decode()
    assert "leidinggevende" in body and nr in body and str(note.pk) in body
    assert note.tekst not in body  # never the content


def test_an_indication_read_by_hr_is_logged_and_a_read_without_it_is_not(as_role, demo_org):
    person = _with_bsn()
    nr = person.personeelsnummer
    assert as_role("personeelszaken").get(f"/medewerkers/{nr}/").status_code == 200
    assert as_role("management").get(f"/medewerkers/{nr}/").status_code == 200
    reads = Inzage.objects.filter(medewerker=person, soort="doelgroepindicatie")
    assert [(r.gebruiker.username, r.context) for r in reads] == [
        ("personeelszaken", "medewerkerdetail")
    ]
    # The API detail with the indication, date of birth and BSN: logged too.
    api = as_role("personeelszaken").get(f"/api/v1/medewerkers/{nr}")
    assert api.status_code == 200 and "doelgroepindicatie" in api.json()
    assert reads.filter(context="api medewerker").count() == 1
    api_list = as_role("personeelszaken").get("/api/v1/medewerkers").json()["results"]
    api_reads = Inzage.objects.filter(
        context="api medewerkers", gebruiker__username="personeelszaken"
    )
    assert api_reads.count() == len(api_list) > 0
    # A list page showing the indication: one record per person on the page.
    before = Inzage.objects.filter(soort="doelgroepindicatie").count()
    listed = as_role("personeelszaken").get("/medewerkers/")
    shown = len(listed.context["page"].object_list)
    assert shown > 0
    assert Inzage.objects.filter(soort="doelgroepindicatie").count() == before + shown


def test_no_bsn_on_the_log_page_or_in_its_csv(as_role, demo_org):
    person = _with_bsn()
    as_role("personeelszaken").get(f"/medewerkers/{person.personeelsnummer}/")
    client = as_role("privacy")
    page = client.get(LOG, {"persoon": person.personeelsnummer})
    assert len(_entries(page)) == 1
    assert person.bsn not in page.content.decode()
    download = client.get(LOG_CSV, {"persoon": person.personeelsnummer})
    assert person.bsn not in download.content.decode()
    # Searching by BSN finds nothing: the log is never searched on it.
    assert _entries(client.get(LOG, {"persoon": person.bsn})) == []


def test_exports_are_logged_with_the_number_of_people(as_role, tmp_path):
    people = Medewerker.objects.count()
    assert as_role("beheerder").get("/export/").status_code == 200
    web = Inzage.objects.get(soort="export", gebruiker__username="beheerder")
    assert web.medewerker is None and web.aantal == people
    assert "binnenwerk-export.xlsx" in web.context

    call_command("exporteren", str(tmp_path / "uit.xlsx"), stdout=io.StringIO())
    cli = Inzage.objects.get(soort="export", gebruiker=None)
    assert cli.aantal == people and "exporteren" in cli.context

    download = as_role("personeelszaken").get("/uitstroom/lijst.csv", {"jaar": 2023})
    lines = list(csv.reader(io.StringIO(download.content.decode())))
    outflow = Inzage.objects.get(soort="export", gebruiker__username="personeelszaken")
    assert outflow.aantal == len(lines) - 1 > 0 and "uitstroom-2023.csv" in outflow.context

    entries = _entries(as_role("privacy").get(LOG, {"soort": "export"}))
    assert {e.pk for e in entries} == {web.pk, cli.pk, outflow.pk}


def test_search_filters(as_role, note):
    nr = note.medewerker.personeelsnummer
    as_role("jobcoach").get(f"/coaching/{nr}/notities/{note.pk}/")
    as_role("personeelszaken").get(f"/medewerkers/{nr}/")
    client = as_role("privacy")

    by_user = _entries(client.get(LOG, {"gebruiker": "jobcoach"}))
    assert by_user and {e.gebruiker.username for e in by_user} == {"jobcoach"}
    by_kind = _entries(client.get(LOG, {"soort": "doelgroepindicatie", "persoon": nr}))
    assert [e.gebruiker.username for e in by_kind] == ["personeelszaken"]
    name = f"{note.medewerker.voornaam} {note.medewerker.achternaam}"
    by_name = _entries(client.get(LOG, {"persoon": name}))
    assert {e.medewerker_id for e in by_name} == {note.medewerker_id}
    assert len(by_name) == 2

    today = dt.date.today()
    tomorrow = (today + dt.timedelta(days=1)).isoformat()
    yesterday = (today - dt.timedelta(days=1)).isoformat()
    assert _entries(client.get(LOG, {"persoon": nr, "van": tomorrow})) == []
    assert _entries(client.get(LOG, {"persoon": nr, "tot": yesterday})) == []
    in_range = client.get(LOG, {"persoon": nr, "van": today.isoformat(), "tot": today.isoformat()})
    assert len(_entries(in_range)) == 2


def test_the_csv_of_a_search_holds_its_rows_and_is_itself_logged(as_role, note):
    nr = note.medewerker.personeelsnummer
    as_role("jobcoach").get(f"/coaching/{nr}/notities/{note.pk}/")
    response = as_role("privacy").get(LOG_CSV, {"gebruiker": "jobcoach", "persoon": nr})
    assert response.status_code == 200
    assert response["Content-Disposition"].endswith('filename="toegangslog.csv"')
    rows = list(csv.DictReader(io.StringIO(response.content.decode())))
    assert [(r["gebruiker"], r["soort"], r["personeelsnummer"], r["record"]) for r in rows] == [
        ("jobcoach", "coachingnotitie", nr, str(note.pk))
    ]
    logged = Inzage.objects.get(soort="export", gebruiker__username="privacy")
    assert logged.aantal == 1 and "toegangslog.csv" in logged.context
    assert "gebruiker=jobcoach" in logged.context


def test_a_log_page_is_paginated(as_role, note):
    from binnenwerk.coaching.services import inzage_log
    from binnenwerk.web.views.common import PAGE_SIZE

    reader = note.geschreven_door
    inzage_log(
        actor=reader,
        medewerker=note.medewerker,
        soort="coachingnotitie",
        object_ids=[note.pk] * (PAGE_SIZE + 5),
        context="test",
    )
    client = as_role("privacy")
    first = client.get(LOG, {"persoon": note.medewerker.personeelsnummer})
    assert len(_entries(first)) == PAGE_SIZE
    second = client.get(LOG, {"persoon": note.medewerker.personeelsnummer, "pagina": 2})
    assert len(_entries(second)) == 5


def test_the_privacy_officer_gets_no_link_to_api_tokens(as_role):
    """Least privilege: the page would be 404 for the role, so the header does not offer it."""
    page = as_role("privacy").get("/privacy/toegang/").content.decode()
    assert "/api-tokens/" not in page and 'href="/privacy/toegang/"' in page
    assert "/api-tokens/" in as_role("beheerder").get("/").content.decode()

"""The administrator's pages: accounts with lockout and unlock, and the audit log."""

import pytest
from auditlog.models import LogEntry
from axes.models import AccessAttempt
from django.contrib.auth import get_user_model
from django.test import Client, override_settings

from binnenwerk.accounts.selectors import locked_usernames
from binnenwerk.accounts.services import account_set, account_unlock
from binnenwerk.organisation.models import Organisatie
from binnenwerk.organisation.services import organisatie_create
from binnenwerk.people.services import medewerker_update
from tests import factories


@pytest.fixture
def administrator(client):
    user = account_set(
        actor=None, username="beheer", password="geheim-wachtwoord", roles=["beheerder"]
    )
    client.force_login(user)
    return client


def _fail_logins(username: str, times: int) -> None:
    browser = Client()
    for _ in range(times):
        browser.post("/inloggen/", {"username": username, "password": "fout"})


@override_settings(AXES_FAILURE_LIMIT=3)
def test_failed_logins_lock_an_account_and_the_administrator_unlocks_it(administrator):
    account_set(actor=None, username="hr", password="goed-wachtwoord", roles=["personeelszaken"])
    _fail_logins("hr", 3)
    assert "hr" in locked_usernames()
    refused = Client().post("/inloggen/", {"username": "hr", "password": "goed-wachtwoord"})
    assert refused.status_code == 429

    page = administrator.get("/gebruikers/")
    assert "Vergrendeld" in page.content.decode()
    response = administrator.post("/gebruikers/hr/ontgrendelen/", follow=True)
    assert "hr is ontgrendeld" in response.content.decode()
    assert "hr" not in locked_usernames()
    assert (
        Client().post("/inloggen/", {"username": "hr", "password": "goed-wachtwoord"}).status_code
        == 302
    )
    entry = LogEntry.objects.get_for_object(get_user_model().objects.get(username="hr")).first()
    assert entry.actor.username == "beheer"
    assert entry.changes_dict == {"inlogblokkade": ["vergrendeld", "ontgrendeld"]}


def test_unlocking_an_account_that_is_not_locked_changes_nothing():
    account_set(actor=None, username="hr", password="goed-wachtwoord", roles=["personeelszaken"])
    assert account_unlock(actor=None, username="hr") == 0
    assert not AccessAttempt.objects.exists()


def test_unlock_is_for_administrators_only_and_only_by_post(administrator, client):
    assert administrator.get("/gebruikers/hr/ontgrendelen/").status_code == 405
    hr = account_set(actor=None, username="hr", password="x-wachtwoord", roles=["personeelszaken"])
    other = Client()
    other.force_login(hr)
    assert other.post("/gebruikers/beheer/ontgrendelen/").status_code == 404


def test_audit_log_shows_who_changed_what_and_filters(administrator):
    actor = get_user_model().objects.get(username="beheer")
    organisatie_create(actor=actor, code="NEW", naam="Nieuw ministerie", soort="ministerie")
    factories.TeamFactory()
    page = administrator.get("/logboek/", {"wie": "beheer"})
    entries = list(page.context["page"])
    assert entries and all(e.actor_id == actor.pk for e in entries)
    assert "Nieuw ministerie" in page.content.decode()
    only_teams = administrator.get("/logboek/", {"soort": "team"})
    assert {e.content_type.model for e in only_teams.context["page"]} == {"team"}


def test_audit_log_never_shows_a_bsn(administrator):
    person = factories.MedewerkerFactory(bsn="111222333")
    medewerker_update(actor=None, medewerker=person, bsn="123456782")
    page = administrator.get("/logboek/").content.decode()
    assert "bsn" in page  # the change itself is recorded ...
    assert "111222333" not in page and "123456782" not in page  # ... its values never


def test_reference_data_pages_show_their_history_to_those_who_keep_it(administrator, client):
    actor = get_user_model().objects.get(username="beheer")
    organisatie_create(actor=actor, code="NEW", naam="Nieuw ministerie", soort="ministerie")
    page = administrator.get("/opdrachtgevers/NEW/")
    assert [r.entry.actor_id for r in page.context["historie"]] == [actor.pk]
    viewer = Client()
    viewer.force_login(account_set(actor=None, username="mt", roles=["management"]))
    assert viewer.get("/opdrachtgevers/NEW/").context["historie"] is None
    assert Organisatie.objects.filter(code="NEW").exists()

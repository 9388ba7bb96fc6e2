"""Unlocking an account after too many failed logins (django-axes), by the administrator."""

from auditlog.models import LogEntry
from axes.models import AccessAttempt
from django.contrib.auth import get_user_model
from django.test import Client, override_settings

from binnenwerk.accounts.selectors import account_list, locked_usernames
from binnenwerk.accounts.services import account_set, account_unlock

PASSWORD = "een-goed-wachtwoord"


def _fail(username, times, address="127.0.0.1"):
    browser = Client(REMOTE_ADDR=address)
    for _ in range(times):
        browser.post("/inloggen/", {"username": username, "password": "fout"})


@override_settings(AXES_FAILURE_LIMIT=2)
def test_only_accounts_at_the_limit_are_locked_and_listed():
    for name in ("hr", "mt"):
        account_set(actor=None, username=name, password=PASSWORD, roles=["management"])
    _fail("hr", 2)
    _fail("mt", 1)
    assert locked_usernames() == {"hr"}
    assert {row.user.username: row.vergrendeld for row in account_list()} == {
        "hr": True,
        "mt": False,
    }


@override_settings(AXES_FAILURE_LIMIT=2)
def test_unlock_lifts_the_lockout_from_every_address_and_is_audited():
    account_set(actor=None, username="beheer", password=PASSWORD, roles=["beheerder"])
    account_set(actor=None, username="hr", password=PASSWORD, roles=["personeelszaken"])
    _fail("hr", 2, "10.0.0.1")
    _fail("hr", 2, "10.0.0.2")
    assert AccessAttempt.objects.filter(username="hr").count() == 2
    admin = Client()
    admin.force_login(get_user_model().objects.get(username="beheer"))
    page = admin.get("/gebruikers/").content.decode()
    assert 'action="/gebruikers/hr/ontgrendelen/"' in page
    assert 'action="/gebruikers/beheer/ontgrendelen/"' not in page
    assert account_unlock(actor=get_user_model().objects.get(username="beheer"), username="hr")
    assert not AccessAttempt.objects.filter(username="hr").exists()
    hr = get_user_model().objects.get(username="hr")
    entry = LogEntry.objects.get_for_object(hr).get(changes__has_key="inlogblokkade")
    assert entry.actor.username == "beheer"
    assert entry.changes_dict == {"inlogblokkade": ["vergrendeld", "ontgrendeld"]}
    ok = Client(REMOTE_ADDR="10.0.0.1").post("/inloggen/", {"username": "hr", "password": PASSWORD})
    assert ok.status_code == 302


@override_settings(AXES_FAILURE_LIMIT=2, TWEE_FACTOR_VERPLICHT=True)
def test_an_unlocked_administrator_still_gives_the_second_step():
    account_set(actor=None, username="beheer2", password=PASSWORD, roles=["beheerder"])
    _fail("beheer2", 2)
    account_unlock(actor=None, username="beheer2")
    client = Client()
    assert (
        client.post("/inloggen/", {"username": "beheer2", "password": PASSWORD}).status_code == 302
    )
    assert client.get("/gebruikers/")["Location"].startswith("/inloggen/tweestapsverificatie/")


def test_unlocking_an_unknown_name_does_nothing():
    assert account_unlock(actor=None, username="niemand") == 0
    assert not LogEntry.objects.filter(changes__has_key="inlogblokkade").exists()

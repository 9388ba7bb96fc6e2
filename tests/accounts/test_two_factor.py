"""Two-factor sign-in for administrators and HR (TOTP): enrol, the second step, reset."""

import time
from base64 import b32encode

import pytest
from auditlog.models import LogEntry
from django.contrib.auth import get_user_model
from django.test import Client, override_settings
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from binnenwerk.accounts.services import account_set
from tests.accounts.oidc_settings import BACKEND, oidc_on

PASSWORD = "een-goed-wachtwoord"
ENROL = "/inloggen/tweestapsverificatie/"
CODE = "/inloggen/code/"


def _code(device, ahead=0):
    """The device's code now (or `ahead` steps later: a used step is not accepted twice)."""
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    totp.time = time.time() + ahead * device.step
    return f"{totp.token():0{device.digits}d}"


def _password_login(username):
    client = Client()
    response = client.post("/inloggen/", {"username": username, "password": PASSWORD})
    assert response.status_code == 302
    return client


@pytest.fixture
def accounts():
    account_set(actor=None, username="beheer", password=PASSWORD, roles=["beheerder"])
    account_set(actor=None, username="hr", password=PASSWORD, roles=["personeelszaken"])
    account_set(actor=None, username="mt", password=PASSWORD, roles=["management"])


@override_settings(TWEE_FACTOR_VERPLICHT=True)
def test_administrator_enrols_an_app_and_then_reaches_the_pages(accounts):
    client = _password_login("beheer")
    assert client.get("/")["Location"] == ENROL
    assert client.get("/gebruikers/")["Location"] == ENROL + "?next=%2Fgebruikers%2F"
    assert client.get("/api/v1/teams/").status_code == 401

    page = client.get(ENROL + "?next=/gebruikers/")
    assert page.status_code == 200 and "no-store" in page["Cache-Control"]
    device = TOTPDevice.objects.get(user__username="beheer")
    assert not device.confirmed
    assert page.context["secret"].replace(" ", "") == b32encode(device.bin_key).decode()
    qr = client.get("/inloggen/tweestapsverificatie/qr.svg")
    assert qr["Content-Type"] == "image/svg+xml" and qr.content.lstrip().startswith(b"<?xml")
    assert b"<svg" in qr.content

    wrong = client.post(ENROL, {"code": "000000" if _code(device) != "000000" else "111111"})
    assert wrong.status_code == 200 and wrong.context["form"].errors
    device.refresh_from_db()
    device.throttling_failure_count = 0  # the wrong code's pause is not the subject here
    device.save()
    done = client.post(ENROL, {"code": _code(device), "next": "/gebruikers/"})
    assert done["Location"] == "/gebruikers/"
    assert client.get("/gebruikers/").status_code == 200
    device.refresh_from_db()
    assert device.confirmed
    user = get_user_model().objects.get(username="beheer")
    entry = LogEntry.objects.get_for_object(user).filter(changes__has_key="tweestapsverificatie")
    assert entry.get().changes_dict["tweestapsverificatie"] == ["niet ingesteld", "ingesteld"]

    # The next sign-in asks the code of the enrolled app.
    again = _password_login("beheer")
    assert again.get("/")["Location"] == CODE
    assert again.get(ENROL)["Location"] == CODE
    assert again.get("/inloggen/tweestapsverificatie/qr.svg").status_code == 404
    assert again.post(CODE, {"code": "12345"}).context["form"].errors  # not 6 digits
    assert again.post(CODE, {"code": _code(device, ahead=1)})["Location"] == "/"
    assert again.get("/").status_code == 200


@override_settings(TWEE_FACTOR_VERPLICHT=True)
def test_hr_needs_the_second_step_and_management_does_not(accounts):
    assert _password_login("hr").get("/medewerkers/")["Location"].startswith(ENROL)
    assert _password_login("mt").get("/").status_code == 200


@override_settings(TWEE_FACTOR_VERPLICHT=False)
def test_without_the_setting_a_password_is_enough(accounts):
    client = _password_login("beheer")
    assert client.get("/gebruikers/").status_code == 200
    assert client.get(ENROL)["Location"] == "/"  # nothing to do there
    assert not TOTPDevice.objects.exists()


@override_settings(TWEE_FACTOR_VERPLICHT=True)
def test_the_code_page_only_returns_to_this_site(accounts):
    client = _password_login("beheer")
    client.get(ENROL)
    device = TOTPDevice.objects.get()
    response = client.post(ENROL, {"code": _code(device), "next": "https://evil.example/"})
    assert response["Location"] == "/"


@oidc_on(TWEE_FACTOR_VERPLICHT=True)
def test_a_rijksaccount_session_needs_no_second_step(accounts):
    client = Client()
    client.force_login(get_user_model().objects.get(username="beheer"), backend=BACKEND)
    assert client.get("/gebruikers/").status_code == 200


def _enrolled(username):
    user = get_user_model().objects.get(username=username)
    return TOTPDevice.objects.create(user=user, name="app", confirmed=True)


@override_settings(TWEE_FACTOR_VERPLICHT=True)
def test_administrator_resets_a_lost_app_and_the_user_enrols_again(accounts):
    admin_device = _enrolled("beheer")
    hr_device = _enrolled("hr")
    admin = _password_login("beheer")
    admin.post(CODE, {"code": _code(admin_device)})
    hr = _password_login("hr")
    hr.post(CODE, {"code": _code(hr_device)})
    assert hr.get("/medewerkers/").status_code == 200

    page = admin.get("/gebruikers/")
    assert page.context["tweestaps"] == {"beheer", "hr"}
    assert "/gebruikers/hr/tweestapsverificatie-herstellen/" in page.content.decode()
    assert admin.get("/gebruikers/hr/tweestapsverificatie-herstellen/").status_code == 405
    assert admin.post("/gebruikers/hr/tweestapsverificatie-herstellen/").status_code == 302
    assert not TOTPDevice.objects.filter(user__username="hr").exists()
    # The session verified with the removed app no longer counts: enrol a new one.
    assert hr.get("/medewerkers/")["Location"].startswith(ENROL)
    hr_user = get_user_model().objects.get(username="hr")
    entry = LogEntry.objects.get_for_object(hr_user).filter(changes__has_key="tweestapsverificatie")
    assert entry.get().actor.username == "beheer"
    assert entry.get().changes_dict["tweestapsverificatie"] == ["ingesteld", "hersteld"]
    # Nothing to reset: no change, no entry.
    admin.post("/gebruikers/hr/tweestapsverificatie-herstellen/")
    assert entry.count() == 1


def test_only_the_administrator_resets(accounts):
    _enrolled("beheer")
    hr = Client()
    hr.force_login(get_user_model().objects.get(username="hr"))
    assert hr.post("/gebruikers/beheer/tweestapsverificatie-herstellen/").status_code == 404
    assert TOTPDevice.objects.filter(user__username="beheer").exists()

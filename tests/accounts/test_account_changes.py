"""No back door through the admin (issue 18): accounts, passwords, roles and authenticator apps
change only through the app's audited services and pages; nobody but the server's operator
touches the privacy officer's account; a user is told at the next sign-in who reset their
password or app; every account change is in the Logboek."""

import io
import re

import pytest
from auditlog.models import LogEntry
from django.contrib import admin
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.core.management.base import CommandError
from django.test import Client, override_settings
from django_otp.plugins.otp_totp.models import TOTPDevice

from binnenwerk.accounts.selectors import roles_of
from binnenwerk.accounts.services import (
    account_password_reset,
    account_set,
    two_factor_reset,
)
from tests.factories import MedewerkerFactory, TeamFactory

PASSWORD = "een-goed-wachtwoord"


@pytest.fixture
def beheer():
    return account_set(actor=None, username="beheer", password=PASSWORD, roles=["beheerder"])


@pytest.fixture
def privacy():
    return account_set(actor=None, username="fg", password=PASSWORD, roles=["privacy"])


@pytest.fixture
def colleague():
    return account_set(actor=None, username="collega", password=PASSWORD, roles=["management"])


def signed_in(user):
    client = Client()
    client.force_login(user)
    return client


def password_login(username, password=PASSWORD):
    client = Client()
    response = client.post("/inloggen/", {"username": username, "password": password})
    return client, response


def test_the_admin_holds_only_reference_data(beheer):
    registered = {model._meta.label for model in admin.site._registry}
    assert registered == {
        "organisation.Organisatie",
        "organisation.Werksoort",
        "organisation.Locatie",
        "organisation.Team",
    }
    client = signed_in(beheer)
    assert client.get("/admin/").status_code == 200
    for path in (
        "/admin/auth/user/",
        "/admin/auth/user/1/password/",
        "/admin/otp_totp/totpdevice/add/",
        "/admin/auditlog/logentry/",
        "/admin/axes/accessattempt/",
        "/admin/people/medewerker/",
    ):
        assert client.get(path).status_code == 404, path


def test_the_admin_follows_the_role_not_the_superuser_flag(beheer):
    assert not beheer.is_superuser
    flagged = get_user_model().objects.create_superuser("oud", password=PASSWORD)
    assert signed_in(flagged).get("/admin/").status_code == 302  # to the admin's login
    hr = account_set(actor=None, username="hr", roles=["personeelszaken"])
    assert signed_in(hr).get("/admin/organisation/organisatie/").status_code == 302


def test_the_privacy_officers_account_is_out_of_the_administrators_reach(beheer, privacy):
    TOTPDevice.objects.create(user=privacy, name="app", confirmed=True)
    client = signed_in(beheer)
    reset = client.post("/gebruikers/fg/wachtwoord/", follow=True)
    assert "op de server" in reset.content.decode()
    client.post("/gebruikers/fg/tweestapsverificatie-herstellen/")
    client.post("/gebruikers/fg/actief/", {"actief": "0"})
    privacy.refresh_from_db()
    assert privacy.check_password(PASSWORD) and privacy.is_active
    assert TOTPDevice.objects.filter(user=privacy).exists()
    for attempt in (
        lambda: account_password_reset(actor=beheer, username="fg"),
        lambda: two_factor_reset(actor=beheer, username="fg"),
        lambda: account_set(actor=beheer, username="fg", roles=["beheerder"]),
    ):
        with pytest.raises(ValidationError):
            attempt()
    assert roles_of(get_user_model().objects.get(username="fg")) == {"privacy"}


def test_no_one_takes_the_privacy_role_on_the_web(beheer, colleague):
    client = signed_in(beheer)
    page = client.get("/gebruikers/collega/").content.decode()
    assert 'value="privacy"' not in page
    client.post("/gebruikers/collega/", {"roles": ["privacy"]})
    client.post("/gebruikers/nieuw/", {"username": "spion", "roles": ["privacy"]})
    assert roles_of(get_user_model().objects.get(username="collega")) == {"management"}
    assert not get_user_model().objects.filter(username="spion").exists()
    with pytest.raises(ValidationError, match="server"):
        account_set(actor=beheer, username="beheer2", roles=["privacy"])
    with pytest.raises(ValidationError, match="eigen account"):
        account_set(actor=beheer, username="beheer", roles=["beheerder", "personeelszaken"])
    with pytest.raises(ValidationError, match="zonder andere rol"):
        account_set(actor=None, username="fg2", roles=["privacy", "beheerder"])


def test_a_reset_password_is_told_at_the_next_sign_in_and_replaced_first(beheer, colleague):
    page = signed_in(beheer).post("/gebruikers/collega/wachtwoord/").content.decode()
    one_time = re.search(r"<code>([^<]+)</code>", page).group(1)
    assert password_login("collega")[1].status_code == 200  # the old password no longer works
    client, response = password_login("collega", one_time)
    assert response.status_code == 302
    first = client.get("/", follow=True)
    text = first.content.decode()
    assert first.redirect_chain[-1][0] == "/account/wachtwoord/"
    assert "opnieuw ingesteld door beheer" in text
    assert client.get("/teams/")["Location"] == "/account/wachtwoord/"
    new = "nieuw-en-lang-genoeg-2026"
    changed = client.post(
        "/account/wachtwoord/",
        {"old_password": one_time, "new_password1": new, "new_password2": new},
    )
    assert changed["Location"] == "/"
    assert client.get("/teams/").status_code == 200
    assert "opnieuw ingesteld" not in client.get("/").content.decode()  # told once
    changes = [
        e.changes_dict.get("wachtwoord")
        for e in LogEntry.objects.get_for_object(colleague).order_by("pk")
        if "wachtwoord" in e.changes_dict
    ]
    assert len(changes) == 2 and not any("md5$" in str(c) for c in changes)


def test_a_device_reset_is_told_with_who_did_it(beheer, colleague):
    TOTPDevice.objects.create(user=colleague, name="app", confirmed=True)
    signed_in(beheer).post("/gebruikers/collega/tweestapsverificatie-herstellen/")
    client, _ = password_login("collega")
    text = client.get("/", follow=True).content.decode()
    assert "tweestapsverificatie" in text.lower() and "beheer" in text


def test_roles_and_state_change_on_the_page_and_in_the_logboek(beheer, colleague):
    team = TeamFactory()
    staff = MedewerkerFactory(doelgroepindicatie=False)
    client = signed_in(beheer)
    saved = client.post(
        "/gebruikers/collega/",
        {
            "roles": ["leidinggevende"],
            "medewerker": staff.personeelsnummer,
            "versie": client.get("/gebruikers/collega/").context["form"].initial["versie"],
        },
    )
    assert saved.status_code == 302, saved.content.decode()[:2000]
    assert roles_of(get_user_model().objects.get(username="collega")) == {"leidinggevende"}
    client.post("/gebruikers/collega/actief/", {"actief": "0"})
    assert not get_user_model().objects.get(username="collega").is_active
    logboek = client.get("/logboek/?wie=beheer").content.decode()
    assert "rollen" in logboek and "is_active" in logboek
    assert team.code  # the staff member may lead a team; the link is on the profile
    refused = client.post("/gebruikers/beheer/actief/", {"actief": "0"}, follow=True)
    assert "eigen account" in refused.content.decode()


def test_the_server_operator_grants_the_privacy_role(beheer):
    out = io.StringIO()
    call_command("account", "fg", "--rol", "privacy", "--eenmalig-wachtwoord", stdout=out)
    user = get_user_model().objects.get(username="fg")
    assert roles_of(user) == {"privacy"} and "Eenmalig wachtwoord" in out.getvalue()
    entry = LogEntry.objects.filter(additional_data__bron="account").get()
    assert entry.additional_data["os_gebruiker"] and "fg" in entry.object_repr
    with pytest.raises(CommandError):
        call_command("account", "fg", "--rol", "privacy", "--rol", "beheerder")


@override_settings(TWEE_FACTOR_VERPLICHT=True)
def test_the_privacy_officer_gives_a_code_after_the_password(privacy):
    client, _ = password_login("fg")
    assert client.get("/privacy/toegang/")["Location"].startswith("/inloggen/tweestaps")

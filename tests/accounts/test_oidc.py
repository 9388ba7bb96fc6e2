"""Sign-in with the Rijksaccount (OpenID Connect): a real HS256 id token and a mocked provider
(token and userinfo endpoints patched: no network), roles from claims, refusals, audit."""

from unittest import mock
from urllib.parse import parse_qs, urlparse

import jwt
import pytest
from auditlog.models import LogEntry
from django.contrib.auth import get_user_model
from django.core.exceptions import ImproperlyConfigured
from django.test import RequestFactory

from binnenwerk.accounts.constants import Rol
from binnenwerk.accounts.oidc import (
    NO_ROLE,
    REFUSAL_ATTRIBUTE,
    RijksOIDCBackend,
    claim_values,
    parse_role_mapping,
)
from binnenwerk.accounts.selectors import roles_of
from binnenwerk.accounts.services import account_set
from tests import factories
from tests.accounts.oidc_settings import AUTHORIZE, BACKEND, SECRET, oidc_on

CLAIMS = {
    "email": "Fatima.Bakker@minbzk.nl",
    "given_name": "Fatima",
    "family_name": "Bakker",
    "roles": ["urn:rijk:binnenwerk:hr", "urn:rijk:andere-app:admin"],
}


def test_role_mapping_from_the_environment():
    mapping = parse_role_mapping("urn:a:hr=personeelszaken, urn:a=b:beheer=beheerder,")
    assert mapping == {"urn:a:hr": Rol.PERSONEELSZAKEN, "urn:a=b:beheer": Rol.BEHEERDER}
    assert parse_role_mapping("") == {}
    with pytest.raises(ImproperlyConfigured):
        parse_role_mapping("urn:a:hr=baas")
    with pytest.raises(ImproperlyConfigured):
        parse_role_mapping("personeelszaken")


def test_claim_values_come_as_a_list_or_one_string():
    claims = {"roles": ["a", "b"], "groups": "c d,e", "other": ["x"]}
    assert claim_values(claims, ["roles", "groups"]) == {"a", "b", "c", "d", "e"}
    assert claim_values({}, ["roles"]) == set()


def _backend(claims):
    backend = RijksOIDCBackend()
    backend.request = RequestFactory().get("/oidc/callback/")
    with mock.patch.object(RijksOIDCBackend, "get_userinfo", return_value=claims):
        user = backend.get_or_create_user("access", "id", {})
    return backend, user


@oidc_on()
def test_first_sign_in_creates_the_account_with_the_mapped_roles_and_audits_it():
    _, user = _backend(CLAIMS)
    assert user.username == "fatima.bakker@minbzk.nl"
    assert (user.first_name, user.last_name) == ("Fatima", "Bakker")
    assert roles_of(get_user_model().objects.get(pk=user.pk)) == {Rol.PERSONEELSZAKEN}
    assert not user.has_usable_password()
    assert not user.is_staff
    entry = LogEntry.objects.get_for_object(user).filter(changes__has_key="aanmelding").get()
    assert entry.changes_dict["aanmelding"] == ["", "Rijksaccount"]
    assert entry.changes_dict["rollen"] == ["", "personeelszaken"]


@oidc_on()
def test_next_sign_in_follows_the_claims_and_keeps_the_profile_links():
    _, user = _backend(CLAIMS)
    person = factories.MedewerkerFactory()
    account_set(actor=None, username=user.username, roles=["personeelszaken"], medewerker=person)
    claims = {**CLAIMS, "roles": [], "groups": "urn:rijk:binnenwerk:beheer urn:rijk:binnenwerk:mt"}
    _, again = _backend(claims)
    again = get_user_model().objects.get(pk=again.pk)
    assert again.pk == user.pk
    assert roles_of(again) == {Rol.BEHEERDER, Rol.MANAGEMENT}
    assert again.is_staff
    assert again.profiel.medewerker == person
    entries = LogEntry.objects.get_for_object(again).filter(changes__has_key="rollen")
    assert entries.first().changes_dict["rollen"] == [
        "personeelszaken",
        "beheerder, management",
    ]


@oidc_on()
def test_someone_without_a_known_role_is_refused_and_that_is_audited():
    account_set(actor=None, username="fatima.bakker@minbzk.nl", roles=["management"])
    backend, user = _backend({**CLAIMS, "roles": ["urn:rijk:andere-app:admin"]})
    assert user is None
    assert getattr(backend.request, REFUSAL_ATTRIBUTE) == NO_ROLE
    existing = get_user_model().objects.get(username="fatima.bakker@minbzk.nl")
    assert roles_of(existing) == {Rol.MANAGEMENT}  # unchanged
    entry = LogEntry.objects.get_for_object(existing).filter(changes__has_key="aanmelding").get()
    assert entry.changes_dict["aanmelding"] == ["Rijksaccount", "geweigerd: geen rol"]


@oidc_on()
def test_claims_without_a_username_are_refused():
    _, user = _backend({"roles": ["urn:rijk:binnenwerk:hr"]})
    assert user is None
    assert not get_user_model().objects.exists()


def _start(client):
    """The login page's link: to the provider, with state and nonce (no network)."""
    response = client.get("/oidc/authenticate/")
    assert response.status_code == 302
    location = urlparse(response["Location"])
    assert f"{location.scheme}://{location.netloc}{location.path}" == AUTHORIZE
    query = parse_qs(location.query)
    assert query["client_id"] == ["binnenwerk"]
    assert "code_challenge" in query  # PKCE
    return query["state"][0], query["nonce"][0]


def _callback(client, claims, nonce, state):
    id_token = jwt.encode({"nonce": nonce, "sub": "x"}, SECRET, algorithm="HS256")
    with (
        mock.patch.object(
            RijksOIDCBackend,
            "get_token",
            return_value={"id_token": id_token, "access_token": "a"},
        ),
        mock.patch.object(RijksOIDCBackend, "get_userinfo", return_value=claims),
    ):
        return client.get("/oidc/callback/", {"code": "c", "state": state})


@oidc_on(TWEE_FACTOR_VERPLICHT=True)
def test_round_trip_signs_in_without_a_second_step(client):
    claims = {**CLAIMS, "roles": ["urn:rijk:binnenwerk:beheer"]}
    state, nonce = _start(client)
    response = _callback(client, claims, nonce, state)
    assert response.status_code == 302 and response["Location"] == "/"
    assert client.session["_auth_user_backend"] == BACKEND
    # The Rijk's identity provider asked for its own second factor: no code here.
    assert client.get("/gebruikers/").status_code == 200


@oidc_on()
def test_a_token_with_another_nonce_is_not_accepted(client):
    state, _ = _start(client)
    response = _callback(client, CLAIMS, "een-andere-nonce", state)
    assert response.status_code == 403
    assert response.context["geen_rol"] is False
    assert "_auth_user_id" not in client.session


@oidc_on()
def test_round_trip_without_a_role_shows_the_refusal_page(client):
    state, nonce = _start(client)
    response = _callback(client, {**CLAIMS, "roles": []}, nonce, state)
    assert response.status_code == 403
    assert response.context["geen_rol"] is True
    assert "_auth_user_id" not in client.session
    assert client.get("/").status_code == 302  # still signed out


@oidc_on()
def test_login_page_offers_the_rijksaccount_when_configured(client):
    page = client.get("/inloggen/").content.decode()
    assert 'href="/oidc/authenticate/"' in page
    assert "Inloggen met Rijksaccount" in page or "Sign in with Rijksaccount" in page


def test_without_configuration_there_is_no_rijksaccount(client):
    assert client.get("/oidc/authenticate/").status_code == 404
    assert client.get("/oidc/callback/", {"code": "c", "state": "s"}).status_code == 404
    assert "/oidc/authenticate/" not in client.get("/inloggen/").content.decode()

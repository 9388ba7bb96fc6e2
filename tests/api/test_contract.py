"""The API's edges (issue 18, item 12): an operation takes the query parameters its schema
lists and no others, every address under /api/v1/ answers problem+json, and a request with
another authentication scheme than Bearer is told so. No demo organisation: an empty database
and a fresh account per role are enough (the roles decide, not the data)."""

import base64

import pytest
from django.contrib.auth import get_user_model
from rest_framework.test import APIClient

from binnenwerk.accounts.constants import Rol
from tests.api.support import API, assert_problem, dutch

BANEN_PARAMETERS = "opdrachtgever, peildatum, per, team, werksoort"
ONLY_BEARER = (
    "only the Bearer scheme is accepted: send 'Authorization: Bearer' followed by your API token"
)


@pytest.fixture
def management(api_with_role):
    return api_with_role(Rol.MANAGEMENT)


def errors_of(response) -> dict[str, dict]:
    """The 400's errors by parameter name."""
    assert_problem(response, 400)
    return {error["veld"]: error for error in response.json()["errors"]}


def test_an_unknown_parameter_is_named_with_the_allowed_ones(management):
    response = management.get(API + "banen", {"peildatum": "2023-12-31", "onbekend": "1"})
    errors = errors_of(response)
    assert list(errors) == ["onbekend"]
    assert errors["onbekend"]["code"] == "unknown"
    expected = dutch("unknown parameter; this address takes: %(names)s", names=BANEN_PARAMETERS)
    assert errors["onbekend"]["detail"] == expected
    summary = "The address contains unknown, empty or repeated query parameters."
    assert response.json()["detail"] == dutch(summary)


def test_an_empty_or_repeated_parameter_is_refused(management):
    errors = errors_of(management.get(API + "banen?peildatum=&per=team&per=werksoort"))
    assert errors["peildatum"]["code"] == "blank"
    assert errors["peildatum"]["detail"] == dutch(
        "empty value: give a value or leave the parameter out"
    )
    assert errors["per"]["code"] == "repeated"
    assert management.get(API + "banen", {"peildatum": "2023-12-31"}).status_code == 200


def test_a_lists_filters_search_order_and_pages_are_known_and_nothing_else(management):
    asked = {
        "zoek": "B",
        "volgorde": "-code",
        "soort": "ministerie",
        "hoort_bij": "BZK",
        "pagina": 1,
        "per_pagina": 10,
    }
    assert management.get(API + "organisaties", asked).status_code == 200
    assert list(errors_of(management.get(API + "organisaties", {"peildatum": "2023-12-31"})))
    for size in ("0", "501", "veel"):
        assert list(errors_of(management.get(API + "werksoorten", {"per_pagina": size}))) == [
            "per_pagina"
        ]
    # One record's address takes no query parameters at all.
    detail = errors_of(management.get(API + "organisaties/BZK", {"zoek": "B"}))["zoek"]
    assert detail["detail"] == dutch("unknown parameter; this address takes no query parameters")


@pytest.mark.parametrize(
    "path",
    ["uitstroom/1%0A", "%E2%80%AE", "x" * 5000],
    ids=["newline", "right-to-left-override", "5000-characters"],
)
def test_every_address_under_the_api_answers_problem_json(db, path):
    assert_problem(APIClient().get(API + path), 404)


@pytest.mark.parametrize(
    "header",
    ["Token x", "Basic " + base64.b64encode(b"beheerder:geheim").decode()],
    ids=["token", "basic"],
)
def test_another_scheme_is_refused_naming_bearer(db, header):
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=header)
    response = client.get(API + "werksoorten")
    assert_problem(response, 401)
    assert response["WWW-Authenticate"] == 'Bearer realm="api"'
    assert response.json()["detail"] == dutch(ONLY_BEARER)


def test_a_signed_in_browser_behind_a_proxy_that_adds_basic_still_works(db):
    """A proxy with its own Basic sign-in in front of a test server adds that header to every
    request of the browser: the session still signs the request in."""
    client = APIClient()
    client.force_login(get_user_model().objects.create_user(username="browser"))
    client.credentials(HTTP_AUTHORIZATION="Basic " + base64.b64encode(b"proxy:x").decode())
    assert client.get(API + "werksoorten").status_code == 200

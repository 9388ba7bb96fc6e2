"""Personal API tokens: stored as a digest only, refused alike when unknown, expired or
revoked, audited without their digest, throttled one by one; the session works too."""

import datetime as dt
import hashlib

import pytest
from auditlog.models import LogEntry
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.utils import timezone, translation
from django.utils.translation import gettext
from rest_framework.test import APIClient

from binnenwerk.api.models import ApiToken
from binnenwerk.api.services import api_token_create, api_token_revoke

URL = "/api/v1/werksoorten"
PROBLEM = "application/problem+json"
REFUSED = "the token is unknown, expired or revoked"


@pytest.fixture
def hr(demo_org):
    return get_user_model().objects.get(username="personeelszaken")


def new_token(user, dagen: int = 30, naam: str = "koppeling"):
    return api_token_create(actor=user, user=user, naam=naam, geldig_dagen=dagen)


def bearer(secret: str) -> APIClient:
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Bearer {secret}")
    return client


def refused(response) -> str:
    """Assert a 401 problem that asks for a Bearer token; its detail."""
    assert response.status_code == 401, response.content
    assert response["Content-Type"].startswith(PROBLEM)
    assert response["WWW-Authenticate"].startswith("Bearer")
    body = response.json()
    assert body["status"] == 401
    return body["detail"]


def in_dutch(message: str) -> str:
    with translation.override("nl"):
        return gettext(message)


def test_the_secret_is_shown_once_and_only_its_digest_is_kept(hr):
    new = new_token(hr)
    assert new.secret.startswith(new.token.prefix + "_")
    row = ApiToken.objects.filter(pk=new.token.pk).values().get()
    assert row["digest"] == hashlib.sha256(new.secret.encode()).hexdigest()
    assert all(new.secret not in str(value) for value in row.values())
    assert bearer(new.secret).get(URL).status_code == 200


def test_an_expired_token_is_refused(hr, time_machine):
    new = new_token(hr, dagen=1)
    time_machine.move_to(timezone.now() + dt.timedelta(days=1, seconds=1), tick=False)
    assert refused(bearer(new.secret).get(URL)) == in_dutch(REFUSED)


def test_a_revoked_token_is_refused(hr):
    new = new_token(hr)
    assert bearer(new.secret).get(URL).status_code == 200
    api_token_revoke(actor=hr, token=new.token)
    assert refused(bearer(new.secret).get(URL)) == in_dutch(REFUSED)


def test_the_token_of_an_inactive_user_is_refused(hr):
    new = new_token(hr)
    hr.is_active = False
    hr.save()
    assert refused(bearer(new.secret).get(URL)) == in_dutch(REFUSED)


@pytest.mark.parametrize(
    "header",
    ["Bearer", "Bearer bw_one bw_two", "Bearer bw_t\u00e9ken"],
    ids=["alone", "two-parts", "non-ascii"],
)
def test_a_malformed_header_is_refused(demo_org, header):
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=header)
    assert refused(client.get(URL))


@pytest.mark.parametrize("secret", ["bw_00000000_wrong", "not-even-ours", "prefix-only"])
def test_a_wrong_token_tells_nothing_more_than_an_expired_one(hr, secret, time_machine):
    expired = new_token(hr, dagen=1)
    if secret == "prefix-only":
        secret = expired.token.prefix
    time_machine.move_to(timezone.now() + dt.timedelta(days=2), tick=False)
    wrong = refused(bearer(secret).get(URL))
    assert wrong == refused(bearer(expired.secret).get(URL))


def test_without_credentials_the_api_answers_401_not_a_login_redirect(demo_org):
    assert refused(APIClient().get(URL))


@pytest.mark.parametrize("dagen", [0, -1, 366])
def test_validity_is_one_day_up_to_the_maximum(hr, settings, dagen):
    settings.API_TOKEN_MAX_DAGEN = 365
    with translation.override("nl"), pytest.raises(ValidationError) as error:
        new_token(hr, dagen=dagen)
    expected = in_dutch("a token is valid for 1 to %(max)s days") % {"max": 365}
    assert error.value.message_dict == {"geldig_dagen": [expected]}
    assert not ApiToken.objects.filter(user=hr).exists()
    assert new_token(hr, dagen=365).token.verloopt_op > timezone.now() + dt.timedelta(days=364)


@pytest.mark.parametrize("naam", ["", "   "])
def test_a_token_needs_a_name(hr, naam):
    with translation.override("nl"), pytest.raises(ValidationError) as error:
        new_token(hr, naam=naam)
    expected = in_dutch("give the token a name, so you can recognise it")
    assert error.value.message_dict == {"naam": [expected]}
    assert not ApiToken.objects.filter(user=hr).exists()


def test_last_use_is_written_at_most_once_a_minute(hr, time_machine):
    start = timezone.now().replace(microsecond=0) + dt.timedelta(minutes=5)
    time_machine.move_to(start, tick=False)
    new = new_token(hr)
    client = bearer(new.secret)

    def last_used():
        return ApiToken.objects.get(pk=new.token.pk).laatst_gebruikt_op

    assert last_used() is None
    client.get(URL)
    assert last_used() == start
    time_machine.move_to(start + dt.timedelta(seconds=59), tick=False)
    client.get(URL)
    assert last_used() == start
    later = start + dt.timedelta(seconds=61)
    time_machine.move_to(later, tick=False)
    client.get(URL)
    assert last_used() == later


def test_revoking_is_audited_with_its_actor_and_without_the_digest(hr):
    admin = get_user_model().objects.get(username="beheerder")
    new = new_token(hr)
    api_token_revoke(actor=admin, token=new.token)
    api_token_revoke(actor=admin, token=new.token)  # twice: nothing changes, nothing logged
    entries = LogEntry.objects.get_for_object(new.token).order_by("timestamp")
    created, revoked = entries
    assert created.action == LogEntry.Action.CREATE and created.actor == hr
    assert revoked.action == LogEntry.Action.UPDATE and revoked.actor == admin
    assert "ingetrokken_op" in revoked.changes_dict
    for entry in entries:
        assert "digest" not in entry.changes_dict
        text = f"{entry.changes} {entry.object_repr} {entry.additional_data}"
        assert new.token.digest not in text and new.secret not in text
    assert not LogEntry.objects.filter(changes__icontains=new.token.digest).exists()


def test_requests_are_throttled_per_token(hr, settings):
    settings.API_THROTTLE_RATE = "3/minute"
    first, second = bearer(new_token(hr).secret), bearer(new_token(hr).secret)
    assert [first.get(URL).status_code for _ in range(3)] == [200, 200, 200]
    throttled = first.get(URL)
    assert throttled.status_code == 429
    assert throttled["Content-Type"].startswith(PROBLEM)
    assert 0 < int(throttled["Retry-After"]) <= 60
    assert throttled.json()["status"] == 429
    assert second.get(URL).status_code == 200  # the same user's other token has its own count


def test_the_session_works_too_but_not_for_a_write_without_csrf(hr):
    client = APIClient(enforce_csrf_checks=True)
    client.force_login(hr)
    assert client.get(URL).status_code == 200
    response = client.post("/api/v1/teams", {}, format="json")
    assert response.status_code == 403
    assert response["Content-Type"].startswith(PROBLEM)
    assert "CSRF" in response.json()["detail"]
    # The same write with a token needs no CSRF token: it reaches validation (400).
    token = bearer(new_token(hr).secret)
    assert token.post("/api/v1/teams", {}, format="json").status_code == 400


def test_a_token_acts_with_its_owners_roles(demo_org, token_for):
    """A client's token reaches what the client reaches, nothing more."""
    client = bearer(token_for("opdrachtgever"))
    assert client.get("/api/v1/banen").status_code == 200
    assert client.get("/api/v1/medewerkers").status_code == 404

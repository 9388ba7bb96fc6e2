"""The lockout after failed logins (issue 18, item 6): per user name AND client address, with
the client's address taken behind TRUSTED_PROXY_COUNT proxies, so that nobody can lock a
colleague out from elsewhere, and a made-up X-Forwarded-For changes nothing.

Also the one rule for the client's address itself (binnenwerk.client_address), which the
API's throttle (DRF's NUM_PROXIES) and the access log follow too."""

import datetime as dt
from types import SimpleNamespace

import pytest
from axes.models import AccessAttempt
from django.conf import settings
from django.test import Client, RequestFactory, override_settings
from gunicorn.config import Config
from rest_framework.settings import api_settings
from rest_framework.throttling import BaseThrottle

from binnenwerk.accounts.services import account_set
from binnenwerk.client_address import address_from_meta, client_address
from binnenwerk.web.serving import AccessLogger, ServeConfig

PASSWORD = "een-goed-wachtwoord"
A, B, PROXY = "198.51.100.10", "203.0.113.20", "10.0.0.2"


@pytest.fixture
def hr():
    account_set(actor=None, username="hr", password=PASSWORD, roles=["personeelszaken"])


def _login(password: str, remote: str, forwarded: str | None = None) -> int:
    extra = {"REMOTE_ADDR": remote}
    if forwarded is not None:
        extra["HTTP_X_FORWARDED_FOR"] = forwarded
    response = Client(**extra).post("/inloggen/", {"username": "hr", "password": password})
    return response.status_code


def test_the_limit_is_five_and_the_address_is_the_clients():
    assert settings.AXES_FAILURE_LIMIT == 5
    assert settings.AXES_LOCKOUT_PARAMETERS == [["username", "ip_address"]]
    assert settings.AXES_CLIENT_IP_CALLABLE == "binnenwerk.client_address.client_address"
    assert settings.TRUSTED_PROXY_COUNT == 0 and api_settings.NUM_PROXIES == 0


def test_five_failures_lock_the_name_at_that_address_only(hr):
    assert [_login("fout", A) for _ in range(5)] == [200, 200, 200, 200, 429]
    assert _login(PASSWORD, A) == 429  # locked at A, even with the right password
    assert _login(PASSWORD, B) == 302  # the colleague at B signs in
    assert AccessAttempt.objects.get(username="hr").ip_address == A


@override_settings(TRUSTED_PROXY_COUNT=0)
def test_a_made_up_forwarded_header_changes_nothing_without_a_proxy(hr):
    # An attacker at A claiming to be someone else each time.
    statuses = [_login("fout", A, forwarded=f"192.0.2.{number}") for number in range(5)]
    assert statuses == [200, 200, 200, 200, 429]
    assert _login(PASSWORD, A, forwarded="192.0.2.99") == 429
    # Claiming the victim's address B does not lock B: REMOTE_ADDR is the client.
    for _ in range(5):
        _login("fout", A, forwarded=B)
    assert _login(PASSWORD, B) == 302
    assert set(AccessAttempt.objects.values_list("ip_address", flat=True)) == {A}


@override_settings(TRUSTED_PROXY_COUNT=1)
def test_behind_one_proxy_the_address_it_appended_counts(hr):
    # Every request comes from the proxy; nginx appends the address it got the request from.
    # The client at A writes its own values in front.
    statuses = [_login("fout", PROXY, forwarded=f"{B}, 192.0.2.{n}, {A}") for n in range(5)]
    assert statuses == [200, 200, 200, 200, 429]
    assert _login(PASSWORD, PROXY, forwarded=A) == 429
    assert _login(PASSWORD, PROXY, forwarded=f"{B}, {A}") == 429  # "I am B": ignored
    assert _login(PASSWORD, PROXY, forwarded=B) == 302  # the real B
    assert set(AccessAttempt.objects.values_list("ip_address", flat=True)) == {A}


@override_settings(TRUSTED_PROXY_COUNT=1)
def test_without_the_lockout_per_address_everyone_behind_the_proxy_would_share_one(hr):
    """The attack the fix stops: the proxy's address is never what the lockout counts."""
    for _ in range(5):
        _login("fout", PROXY, forwarded=A)
    assert not AccessAttempt.objects.filter(ip_address=PROXY).exists()
    assert _login(PASSWORD, PROXY, forwarded=B) == 302


# The rule itself --------------------------------------------------------------------------

CASES = [
    # (trusted proxies, REMOTE_ADDR, X-Forwarded-For or None, client)
    (0, A, None, A),
    (0, A, B, A),
    (0, A, "not an address", A),
    (1, PROXY, None, PROXY),  # straight to the app (a health probe): no header, the peer
    (1, PROXY, A, A),
    (1, PROXY, f"{B}, {A}", A),
    (1, PROXY, f"{B},{A} ", A),
    (1, PROXY, "2001:DB8::1", "2001:db8::1"),
    (2, PROXY, f"{B}, {A}, 10.0.0.1", A),
    (2, PROXY, A, PROXY),  # fewer hops than proxies: the peer, not the client's value
    (1, PROXY, f"{A}, garbage", PROXY),  # not an address where the proxy writes: the peer
    (1, PROXY, "", PROXY),
    (1, PROXY, f"{A}, ", PROXY),
    (1, PROXY, "x" * 5000, PROXY),
]


@pytest.mark.parametrize(("proxies", "remote", "forwarded", "client"), CASES)
def test_the_client_address_rule(proxies, remote, forwarded, client):
    meta = {"REMOTE_ADDR": remote}
    if forwarded is not None:
        meta["HTTP_X_FORWARDED_FOR"] = forwarded
    assert address_from_meta(meta, proxies) == client
    with override_settings(TRUSTED_PROXY_COUNT=proxies):
        request = RequestFactory().get("/", **meta)
        assert client_address(request) == client


# Where the header is as the proxies write it (the first nine): DRF agrees. On a broken header
# DRF takes the leftmost or a non-address; the app takes the peer (README, Productie).
AS_PROXIES_WRITE = CASES[:9]


@pytest.mark.parametrize(("proxies", "remote", "forwarded", "client"), AS_PROXIES_WRITE)
def test_the_api_throttle_finds_the_same_address(proxies, remote, forwarded, client):
    """DRF's anonymous throttle counts by get_ident with NUM_PROXIES = TRUSTED_PROXY_COUNT:
    for every header a proxy writes, the same client as client_address."""
    meta = {"REMOTE_ADDR": remote}
    if forwarded is not None:
        meta["HTTP_X_FORWARDED_FOR"] = forwarded
    request = RequestFactory().get("/", **meta)
    with override_settings(REST_FRAMEWORK={**settings.REST_FRAMEWORK, "NUM_PROXIES": proxies}):
        ident = BaseThrottle().get_ident(request)
    assert ident.lower() == client.lower()


@override_settings(TRUSTED_PROXY_COUNT=1)
def test_the_access_log_shows_the_clients_address_not_the_proxys():
    assert ServeConfig.from_environment().gunicorn_options()["logger_class"] is AccessLogger
    logger = AccessLogger(Config())
    environ = {
        "REMOTE_ADDR": PROXY,
        "HTTP_X_FORWARDED_FOR": f"{B}, {A}",
        "REQUEST_METHOD": "GET",
        "RAW_URI": "/",
        "SERVER_PROTOCOL": "HTTP/1.1",
        "PATH_INFO": "/",
    }
    response = SimpleNamespace(status="200 OK", sent=2, headers=[])
    atoms = logger.atoms(response, [], environ, dt.timedelta(milliseconds=5))
    assert atoms["h"] == A

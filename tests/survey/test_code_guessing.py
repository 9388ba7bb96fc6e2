"""Guessing survey codes (issue 18, item 10): wrong codes are limited per client address and
per session, and the start page answers every unusable code with the same words."""

import datetime as dt
import re

import pytest
import time_machine
from django.contrib.sessions.backends.db import SessionStore
from django.contrib.sessions.models import Session
from django.test import Client, override_settings

from binnenwerk.survey.services import respons_submit
from tests.survey.factories import codes_for, questionnaire

TODAY = dt.date.today()
REFUSED = (
    "We kennen deze code niet, of hij is al gebruikt. "
    "Kijk goed naar de code op je papier en probeer het opnieuw."
)
WAIT = "Je hebt te vaak een verkeerde code ingevuld. Wacht 15 minuten en probeer het dan opnieuw."
WRONG = ["ABCD2345", "ABCD2346", "ABCD2347", "ABCD2348", "ABCD2349", "ABCD2352", "ABCD2353"]


@pytest.fixture
def codes():
    vragenlijst = questionnaire(
        jaar=2099, open_van=TODAY - dt.timedelta(days=3), open_tot=TODAY + dt.timedelta(days=3)
    )
    _team, made = codes_for(vragenlijst, aantal=3)
    return made


def _alert(response) -> str:
    found = re.search(r'role="alert">([^<]*)</p>', response.content.decode())
    return found.group(1) if found else ""


def _try(code, client=None, **extra):
    """One attempt; a new browser (no session cookie) unless a client is given."""
    return (client or Client()).post("/onderzoek/", {"code": code}, **extra)


def _accepted(response) -> bool:
    return response.status_code == 302 and response.headers["Location"] == "/onderzoek/vraag/1/"


@override_settings(ONDERZOEK_CODE_POGINGEN_ADRES=3, ONDERZOEK_CODE_POGINGEN_SESSIE=100)
def test_wrong_codes_from_one_address_are_limited_whatever_the_session(codes):
    with time_machine.travel(
        dt.datetime.combine(TODAY, dt.time(12), tzinfo=dt.UTC), tick=False
    ) as clock:
        for code in WRONG[:3]:  # each from a new browser: dropping the cookie does not help
            assert _alert(_try(code, REMOTE_ADDR="198.51.100.7")) == REFUSED
        refused = _try(codes[0], REMOTE_ADDR="198.51.100.7")
        # Blocked: even a good code is not checked, and the page says nothing about it.
        assert not _accepted(refused) and _alert(refused) == WAIT
        assert "onderzoek" not in Client().session
        assert _alert(_try(WRONG[3], REMOTE_ADDR="198.51.100.7")) == WAIT
        # A colleague elsewhere is not affected.
        assert _accepted(_try(codes[0], REMOTE_ADDR="198.51.100.8"))
        clock.shift(dt.timedelta(minutes=14))
        assert _alert(_try(codes[1], REMOTE_ADDR="198.51.100.7")) == WAIT
        clock.shift(dt.timedelta(minutes=1, seconds=1))
        assert _accepted(_try(codes[1], REMOTE_ADDR="198.51.100.7"))


@override_settings(ONDERZOEK_CODE_POGINGEN_ADRES=100)
def test_wrong_codes_in_one_session_are_limited_whatever_the_address(codes):
    browser = Client()
    for number, code in enumerate(WRONG[:5]):  # the default: 5 per session
        response = _try(code, browser, REMOTE_ADDR=f"203.0.113.{number + 1}")
        assert _alert(response) == REFUSED
    blocked = _try(codes[0], browser, REMOTE_ADDR="203.0.113.99")
    assert not _accepted(blocked) and _alert(blocked) == WAIT
    assert _accepted(_try(codes[0], REMOTE_ADDR="203.0.113.99"))  # another session


@override_settings(ONDERZOEK_CODE_POGINGEN_ADRES=3, TRUSTED_PROXY_COUNT=0)
def test_a_made_up_forwarded_header_does_not_escape_the_limit_without_a_proxy(codes):
    for number, code in enumerate(WRONG[:3]):
        _try(code, HTTP_X_FORWARDED_FOR=f"10.9.9.{number}")
    refused = _try(codes[0], HTTP_X_FORWARDED_FOR="10.9.9.200")
    assert _alert(refused) == WAIT


@override_settings(ONDERZOEK_CODE_POGINGEN_ADRES=3, TRUSTED_PROXY_COUNT=1)
def test_behind_the_proxy_the_address_it_appended_counts_not_one_the_client_wrote(codes):
    proxy = {"REMOTE_ADDR": "10.0.0.2"}  # every request reaches the app from the proxy
    for number, code in enumerate(WRONG[:3]):
        _try(code, HTTP_X_FORWARDED_FOR=f"10.9.9.{number}, 198.51.100.7", **proxy)
    refused = _try(codes[0], HTTP_X_FORWARDED_FOR="10.9.9.200, 198.51.100.7", **proxy)
    assert _alert(refused) == WAIT
    # The proxy's own address is not the client: someone else behind it is not blocked.
    assert _accepted(_try(codes[0], HTTP_X_FORWARDED_FOR="198.51.100.8", **proxy))


def test_used_unknown_and_other_questionnaires_codes_get_the_same_answer(codes):
    used, fresh, _third = codes
    respons_submit(code=used, antwoorden={}, datum=TODAY)
    closed = questionnaire(jaar=2001, open_van=dt.date(2001, 11, 1), open_tot=dt.date(2001, 11, 30))
    _team, [closed_code] = codes_for(closed, aantal=1)
    later = questionnaire(
        jaar=2100, open_van=TODAY + dt.timedelta(days=30), open_tot=TODAY + dt.timedelta(days=60)
    )
    _team, [later_code] = codes_for(later, aantal=1)
    answers = [
        _try(code, REMOTE_ADDR=f"192.0.2.{number}")
        for number, code in enumerate([used, "ABCD2345", closed_code, later_code, "AB"])
    ]
    assert {_alert(r) for r in answers} == {REFUSED}
    assert {r.status_code for r in answers} == {200}
    assert _accepted(_try(fresh))


def test_with_no_questionnaire_open_every_code_gets_the_period(codes):
    """The period is told for any code alike (so it says nothing about the code), and no code
    is checked or counted then."""
    later = questionnaire(
        jaar=2100, open_van=TODAY + dt.timedelta(days=30), open_tot=TODAY + dt.timedelta(days=60)
    )
    _team, [later_code] = codes_for(later, aantal=1)
    with time_machine.travel(TODAY + dt.timedelta(days=10), tick=False):
        period = (
            f"De vragenlijst is open van {(TODAY + dt.timedelta(days=30)):%d-%m-%Y} "
            f"tot en met {(TODAY + dt.timedelta(days=60)):%d-%m-%Y}."
        )
        assert _alert(_try(later_code)) == period
        browser = Client()
        for code in WRONG:
            assert _alert(_try(code, browser)) == period
    with time_machine.travel(TODAY + dt.timedelta(days=70), tick=False):
        assert _alert(_try(later_code)) == "Er is nu geen vragenlijst open."


def test_a_session_that_only_counts_wrong_codes_ends_with_the_count(codes):
    noon = dt.datetime.combine(TODAY, dt.time(12), tzinfo=dt.UTC)
    browser = Client()
    with time_machine.travel(noon, tick=False):
        _try("ABCD2345", browser)
    row = Session.objects.get(session_key=browser.cookies["sessionid"].value)
    assert row.expire_date == noon + dt.timedelta(minutes=15)
    assert set(SessionStore().decode(row.session_data)) == {
        "onderzoek_codefouten",
        "_session_expiry",
    }

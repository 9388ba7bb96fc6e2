"""Answers in progress (issue 18, item 10): never in the session in plain, refused an hour
after the last answer, and purged; codes handed out before the keyed digest still work."""

import datetime as dt
import hashlib
import importlib
import json

import pytest
import time_machine
from django.apps import apps
from django.contrib.auth import get_user_model
from django.contrib.sessions.backends.db import SessionStore
from django.contrib.sessions.models import Session
from django.test import Client

from binnenwerk.survey.drafts import Draft, DraftExpired, draft_open, draft_seal
from binnenwerk.survey.models import Respons, Uitnodiging
from binnenwerk.survey.selectors import questions_of
from binnenwerk.survey.services import code_digest, code_grouped, drafts_purge
from tests.factories import TeamFactory
from tests.survey.factories import codes_for, questionnaire

TODAY = dt.date.today()


def _at(hour: int, minute: int = 0) -> dt.datetime:
    return dt.datetime.combine(TODAY, dt.time(hour, minute), tzinfo=dt.UTC)


NOON = _at(12)


@pytest.fixture
def survey():
    vragenlijst = questionnaire(
        jaar=2099, open_van=TODAY - dt.timedelta(days=3), open_tot=TODAY + dt.timedelta(days=3)
    )
    _team, [code] = codes_for(vragenlijst, aantal=1)
    return vragenlijst, code


def _stored(client) -> tuple[str, dict]:
    """The session as the database holds it: the raw column and what it decodes to."""
    row = Session.objects.get(session_key=client.cookies["sessionid"].value)
    return row.session_data, SessionStore().decode(row.session_data)


def _assert_nothing_in_plain(client, code, given) -> None:
    raw, data = _stored(client)
    text = raw + json.dumps(data)
    assert code not in text and code_grouped(code) not in text and code.lower() not in text
    assert "antwoorden" not in text and "vragenlijst" not in text
    for question_id, value in given.items():
        assert f'"{question_id}": {json.dumps(value)}' not in text
        assert f'"{question_id}":{json.dumps(value)}' not in text
    assert set(data) <= {"onderzoek", "_session_expiry"}
    assert data["onderzoek"].startswith("gAAAAA")  # a Fernet token, nothing else


def test_the_session_holds_neither_the_code_nor_the_answers_in_plain(client, survey):
    vragenlijst, code = survey
    questions = questions_of(vragenlijst)
    client.post("/onderzoek/", {"code": code})
    _assert_nothing_in_plain(client, code, {})
    given = {}
    for number, vraag in enumerate(questions, 1):
        value = 7 if vraag.soort == "cijfer" else True
        client.post(
            f"/onderzoek/vraag/{number}/", {"antwoord": "ja" if value is True else str(value)}
        )
        given[str(vraag.pk)] = value
        _assert_nothing_in_plain(client, code, given)
    # The draft holds them, readable by this server only.
    _raw, data = _stored(client)
    assert draft_open(data["onderzoek"]).antwoorden == given
    assert "7" in client.get("/onderzoek/controle/").content.decode()
    assert client.post("/onderzoek/controle/").headers["Location"] == "/onderzoek/bedankt/"
    _raw, data = _stored(client)
    assert set(data) == {"onderzoek_verstuurd"}
    assert Respons.objects.count() == 1


def test_the_answering_session_ends_an_hour_after_the_last_answer(client, survey):
    _vragenlijst, code = survey
    with time_machine.travel(NOON, tick=False) as clock:
        client.post("/onderzoek/", {"code": code})
        row = Session.objects.get(session_key=client.cookies["sessionid"].value)
        assert row.expire_date == _at(13)
        clock.shift(dt.timedelta(minutes=40))
        client.post("/onderzoek/vraag/1/", {"antwoord": "8"})  # an answer: another hour
        row.refresh_from_db()
        assert row.expire_date == _at(13, 40)
        clock.shift(dt.timedelta(minutes=61))
        late = client.post("/onderzoek/vraag/2/", {"antwoord": "8"})
        assert late.headers["Location"] == "/onderzoek/?verlopen=1"
        page = client.get(late.headers["Location"]).content.decode()
        assert "Je antwoorden zijn niet verstuurd en niet meer bewaard." in page
        assert "60 minuten geen antwoord gegeven" in page
        assert client.get("/onderzoek/controle/").headers["Location"] == "/onderzoek/"
    assert not Respons.objects.exists() and not Uitnodiging.objects.get().gebruikt
    assert client.post("/onderzoek/", {"code": code}).status_code == 302  # the code still works


def test_an_hour_old_draft_is_refused_even_in_a_session_that_lives_on(client, survey):
    """A signed-in user's session (or a longer one) outlives the draft: the token's own age
    refuses it, and the page says to start again."""
    _vragenlijst, code = survey
    user = get_user_model().objects.create_user("hr-test", password="x")
    client.force_login(user)
    with time_machine.travel(NOON, tick=False) as clock:
        client.post("/onderzoek/", {"code": code})
        session = client.session
        session.set_expiry(8 * 60 * 60)
        session.save()
        clock.shift(dt.timedelta(minutes=59))
        assert client.get("/onderzoek/vraag/1/").status_code == 200
        clock.shift(dt.timedelta(minutes=2))  # 61 minutes after the last change of the draft
        refused = client.get("/onderzoek/vraag/1/")
        assert refused.headers["Location"] == "/onderzoek/?verlopen=1"
        assert "onderzoek" not in client.session
        assert client.get("/").status_code in (200, 302)  # still signed in
        assert "_auth_user_id" in client.session


def test_a_draft_token_is_refused_after_its_time_to_live_or_under_another_key(settings):
    with time_machine.travel(NOON, tick=False) as clock:
        token = draft_seal(Draft(code="WERK2345", vragenlijst=1, antwoorden={"3": 8, "4": True}))
        assert draft_open(token).antwoorden == {"3": 8, "4": True}
        clock.shift(dt.timedelta(minutes=60, seconds=1))
        with pytest.raises(DraftExpired):
            draft_open(token)
        clock.shift(dt.timedelta(minutes=-30))
        settings.SECRET_KEY = "een-andere-geheime-sleutel-" * 3
        with pytest.raises(DraftExpired):
            draft_open(token)
    for broken in (None, "", "gAAAAAB-kapot", {"code": "WERK2345"}):
        with pytest.raises(DraftExpired):
            draft_open(broken)


def test_purging_deletes_the_expired_answering_sessions_only(survey):
    _vragenlijst, code = survey
    with time_machine.travel(NOON, tick=False):
        answering = Client()
        answering.post("/onderzoek/", {"code": code})
        staff = Client()
        staff.force_login(get_user_model().objects.create_user("beheer-test", password="x"))
    abandoned = answering.cookies["sessionid"].value
    assert drafts_purge(now=_at(12, 59)) == 0
    assert Session.objects.filter(session_key=abandoned).exists()
    assert drafts_purge(now=_at(13, 1)) == 1
    assert not Session.objects.filter(session_key=abandoned).exists()
    assert Session.objects.filter(session_key=staff.cookies["sessionid"].value).exists()
    assert drafts_purge(now=_at(13, 1)) == 0


def test_the_migration_keys_the_digests_stored_before_and_their_codes_still_work():
    vragenlijst = questionnaire(
        jaar=2099, open_van=TODAY - dt.timedelta(days=3), open_tot=TODAY + dt.timedelta(days=3)
    )
    unkeyed = hashlib.sha256(b"K7PM4RXD").hexdigest()  # as the first version stored it
    Uitnodiging.objects.create(vragenlijst=vragenlijst, team=TeamFactory(), digest=unkeyed)
    assert Client().post("/onderzoek/", {"code": "K7PM 4RXD"}).status_code == 200  # refused
    migration = importlib.import_module("binnenwerk.survey.migrations.0002_keyed_code_digest")
    migration.keyed_digests(apps, None)
    assert Uitnodiging.objects.get().digest == code_digest("K7PM4RXD") != unkeyed
    response = Client().post("/onderzoek/", {"code": "K7PM 4RXD"})
    assert response.headers["Location"] == "/onderzoek/vraag/1/"

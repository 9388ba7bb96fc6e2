"""Special-category data in the audit log (issue 18): the administrator's Logboek (and the
change history on a page) shows sick reports, coaching and a health reason for leaving only to
roles that may see that data; the indication it may show is access-logged as a read."""

import datetime as dt

import pytest

from binnenwerk.absence import services as absence
from binnenwerk.accounts.services import account_set
from binnenwerk.audit import shown_entries
from binnenwerk.coaching.models import Inzage
from binnenwerk.outflow.constants import Reden
from binnenwerk.people.services import medewerker_update
from tests.factories import DienstverbandFactory, MedewerkerFactory
from tests.outflow.factories import left

D = dt.date


@pytest.fixture
def hr():
    return account_set(actor=None, username="pz", roles=["personeelszaken"])


@pytest.fixture
def sick_person(hr):
    person = MedewerkerFactory(voornaam="Zieke", achternaam="Verzonnen")
    DienstverbandFactory(medewerker=person, start=D(2020, 1, 1))
    melding = absence.ziekmelding_create(actor=hr, medewerker=person, start=D(2026, 1, 5))
    absence.herstelperiode_create(
        actor=hr, ziekmelding=melding, start=D(2026, 2, 2), werkt_procent=40
    )
    return person


def logboek(client, username, role):
    client.force_login(account_set(actor=None, username=username, roles=[role]))
    return client.get("/logboek/?soort=").content.decode()


def test_the_administrator_reads_no_sick_report_in_the_logboek(client, sick_person, hr):
    page = logboek(client, "beheer", "beheerder")
    rows = [row for row in page.split("<tr>") if "niet getoond" in row]
    kinds = " ".join(rows).lower()
    # The kind of change and who made it stay (accountability), nothing about the absence.
    assert "ziekmelding" in kinds and "herstel" in kinds and "poortwachter" in kinds
    assert all(">pz<" in row for row in rows)
    for detail in ("Verzonnen", "05-01-2026", "2026-01-05", "40", "probleemanalyse", "start"):
        assert detail not in kinds, detail


def test_the_administrator_reads_no_health_reason_for_leaving(client):
    left(D(2024, 3, 31), reden=Reden.GEZONDHEID, achternaam="Vertrokken")
    page = logboek(client, "beheer", "beheerder")
    assert "gezondheid" not in page.lower()
    assert "reden: gewijzigd (bijzondere persoonsgegevens, niet getoond)" in page


def test_the_indication_shown_to_the_administrator_is_an_access_logged_read(client, hr):
    person = MedewerkerFactory()
    medewerker_update(actor=hr, medewerker=person, doelgroepindicatie=False)
    page = logboek(client, "beheer", "beheerder")
    assert "doelgroepindicatie" in page
    read = Inzage.objects.get(gebruiker__username="beheer", medewerker=person)
    assert read.soort == "doelgroepindicatie" and "logboek" in read.context


def test_a_role_without_the_right_sees_the_field_changed_but_not_its_value(hr):
    from auditlog.models import LogEntry

    person = MedewerkerFactory()
    medewerker_update(actor=hr, medewerker=person, doelgroepindicatie=False)
    entry = LogEntry.objects.get_for_object(person).latest("timestamp")
    [management] = shown_entries([entry], frozenset({"management"}))
    [own] = shown_entries([entry], frozenset({"personeelszaken"}))
    hidden = {c.field: c for c in management.changes}["doelgroepindicatie"]
    shown = {c.field: c for c in own.changes}["doelgroepindicatie"]
    assert hidden.hidden and hidden.old is None and hidden.new is None
    assert not shown.hidden and shown.new == "False" and own.reveals_special

"""The admin writes through the services: same validation, same audit, no deletes."""

import datetime as dt

import pytest
from auditlog.models import LogEntry
from django.contrib.auth import get_user_model

from binnenwerk.organisation.models import Organisatie
from binnenwerk.people.models import Dienstverband, Medewerker


@pytest.fixture
def admin_client(client):
    user = get_user_model().objects.create_superuser("beheer", password="geheim-wachtwoord-1")
    client.force_login(user)
    return client


@pytest.fixture
def medewerker():
    return Medewerker.objects.create(
        personeelsnummer="1001", voornaam="Sanne", achternaam="Bakker", doelgroepindicatie=True
    )


def test_overlapping_contract_is_refused_next_to_the_field(admin_client, medewerker):
    Dienstverband.objects.create(
        medewerker=medewerker, start=dt.date(2023, 1, 1), uren_per_week=20, soort="bepaald"
    )
    response = admin_client.post(
        "/admin/people/dienstverband/add/",
        {
            "medewerker": medewerker.pk,
            "start": "2023-06-01",
            "uren_per_week": "24",
            "soort": "bepaald",
        },
    )
    assert response.status_code == 200
    assert "overlapt met dienstverband" in response.content.decode()
    assert Dienstverband.objects.count() == 1


def test_valid_contract_is_saved_with_an_audit_entry_naming_the_user(admin_client, medewerker):
    response = admin_client.post(
        "/admin/people/dienstverband/add/",
        {
            "medewerker": medewerker.pk,
            "start": "2023-06-01",
            "uren_per_week": "24",
            "soort": "bepaald",
        },
    )
    assert response.status_code == 302
    contract = Dienstverband.objects.get()
    entry = LogEntry.objects.get_for_object(contract).get()
    assert entry.actor.username == "beheer"


def test_invalid_bsn_is_refused_without_echoing_it(admin_client):
    response = admin_client.post(
        "/admin/people/medewerker/add/",
        {"personeelsnummer": "2002", "voornaam": "Jan", "achternaam": "Smit", "bsn": "123456789"},
    )
    body = response.content.decode()
    assert response.status_code == 200
    assert "BSN is ongeldig" in body
    assert Medewerker.objects.count() == 0


def test_bsn_is_not_in_the_medewerker_list(admin_client):
    Medewerker.objects.create(
        personeelsnummer="3003", voornaam="Ali", achternaam="Yilmaz", bsn="999990019"
    )
    body = admin_client.get("/admin/people/medewerker/").content.decode()
    assert "Yilmaz" in body and "999990019" not in body


def test_nothing_can_be_deleted(admin_client):
    organisatie = Organisatie.objects.create(code="BZK", naam="BZK", soort="ministerie")
    response = admin_client.post(f"/admin/organisation/organisatie/{organisatie.pk}/delete/")
    assert response.status_code == 403
    assert Organisatie.objects.filter(pk=organisatie.pk).exists()

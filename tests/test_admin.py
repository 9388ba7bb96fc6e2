"""The admin (reference data only, for the functional administrator's role) writes through the
services: same validation, same audit, no deletes; people are not in it at all."""

import pytest
from auditlog.models import LogEntry

from binnenwerk.accounts.services import account_set
from binnenwerk.organisation.models import Organisatie, Team
from tests.factories import LocatieFactory, MedewerkerFactory, WerksoortFactory


@pytest.fixture
def admin_client(client):
    user = account_set(actor=None, username="beheer", roles=["beheerder"])
    client.force_login(user)
    return client


def _team_form(**values):
    form = {
        "code": "NIEUW",
        "naam": "Nieuw team",
        "werksoort": WerksoortFactory().pk,
        "locatie": LocatieFactory().pk,
        "capaciteit": "12",
        "start": "2024-01-01",
    }
    form.update(values)
    return form


def test_a_team_that_ends_before_it_starts_is_refused_next_to_the_field(admin_client):
    response = admin_client.post("/admin/organisation/team/add/", _team_form(einde="2023-12-31"))
    assert response.status_code == 200
    assert "einde ligt vóór start" in response.content.decode()
    assert not Team.objects.exists()


def test_a_valid_organisation_is_saved_with_an_audit_entry_naming_the_user(admin_client):
    response = admin_client.post(
        "/admin/organisation/organisatie/add/",
        {"code": "BZK", "naam": "Binnenlandse Zaken", "soort": "ministerie"},
    )
    assert response.status_code == 302
    organisatie = Organisatie.objects.get()
    entry = LogEntry.objects.get_for_object(organisatie).get()
    assert entry.actor.username == "beheer"


def test_people_are_not_in_the_admin(admin_client):
    person = MedewerkerFactory(bsn="999990019", achternaam="Yilmaz")
    for path in (
        "/admin/people/medewerker/",
        f"/admin/people/medewerker/{person.pk}/change/",
        "/admin/people/dienstverband/add/",
        "/admin/organisation/teamrol/",
    ):
        response = admin_client.get(path)
        assert response.status_code == 404, path
        assert b"Yilmaz" not in response.content and b"999990019" not in response.content


def test_nothing_can_be_deleted(admin_client):
    organisatie = Organisatie.objects.create(code="BZK", naam="BZK", soort="ministerie")
    response = admin_client.post(f"/admin/organisation/organisatie/{organisatie.pk}/delete/")
    assert response.status_code == 403
    assert Organisatie.objects.filter(pk=organisatie.pk).exists()

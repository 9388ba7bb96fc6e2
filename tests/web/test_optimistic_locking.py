"""Two users edit the same record: the second save is refused, their input kept, nothing lost."""

import datetime as dt
import re

import pytest
from django.test import Client

from binnenwerk import locking
from binnenwerk.accounts.constants import Rol
from binnenwerk.accounts.services import account_set
from binnenwerk.people.models import Dienstverband, Medewerker
from tests.factories import DienstverbandFactory, PlaatsingFactory, TeamFactory

TOKEN = re.compile(r'name="versie" value="([0-9a-f]+)"')


def _client(username):
    client = Client()
    client.force_login(account_set(actor=None, username=username, roles=[Rol.PERSONEELSZAKEN]))
    return client


@pytest.fixture
def two_users():
    return _client("hr-een"), _client("hr-twee")


@pytest.fixture
def person():
    person = Medewerker.objects.create(personeelsnummer="7001", voornaam="Ada", achternaam="Bos")
    DienstverbandFactory(medewerker=person, start=dt.date(2024, 1, 1), einde=None)
    return person


def _open(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return TOKEN.search(response.content.decode()).group(1)


def _person_form(token, **changes):
    data = {"voornaam": "Ada", "achternaam": "Bos", "geboortedatum": "", "bsn": "", "versie": token}
    return {**data, **changes}


def test_second_save_of_a_person_is_refused_and_shows_the_input_again(two_users, person):
    first, second = two_users
    url = f"/medewerkers/{person.personeelsnummer}/wijzigen/"
    token_one, token_two = _open(first, url), _open(second, url)
    assert token_one == token_two
    saved = first.post(url, _person_form(token_one, achternaam="Eerste"))
    assert saved.status_code == 302
    refused = second.post(url, _person_form(token_two, achternaam="Tweede", voornaam="Bea"))
    assert refused.status_code == 200
    assert "stale" in [e.code for e in refused.context["form"].non_field_errors().as_data()]
    page = refused.content.decode()
    assert 'value="Tweede"' in page and 'value="Bea"' in page  # their input is kept
    person.refresh_from_db()
    assert (person.voornaam, person.achternaam) == ("Ada", "Eerste")  # the first save stands
    # The form now carries the new version: after looking, a second try goes through.
    new_token = TOKEN.search(page).group(1)
    assert new_token != token_two
    retried = second.post(url, _person_form(new_token, achternaam="Tweede"))
    assert retried.status_code == 302
    person.refresh_from_db()
    assert person.achternaam == "Tweede"


def test_same_user_twice_in_a_row_with_fresh_forms_is_fine(two_users, person):
    first, _ = two_users
    url = f"/medewerkers/{person.personeelsnummer}/wijzigen/"
    assert first.post(url, _person_form(_open(first, url), achternaam="A")).status_code == 302
    assert first.post(url, _person_form(_open(first, url), achternaam="B")).status_code == 302
    person.refresh_from_db()
    assert person.achternaam == "B"


def test_contract_forms_are_refused_after_another_change(two_users, person):
    first, second = two_users
    contract = Dienstverband.objects.get(medewerker=person)
    end_url = f"/medewerkers/7001/dienstverbanden/{contract.pk}/beeindigen/"
    extend_url = f"/medewerkers/7001/dienstverbanden/{contract.pk}/verlengen/"
    token_end, token_extend = _open(first, end_url), _open(second, extend_url)
    assert first.post(end_url, {"einde": "2024-06-30", "versie": token_end}).status_code == 302
    refused = second.post(
        extend_url,
        {"uren_per_week": "30", "soort": "bepaald", "einde": "", "versie": token_extend},
    )
    assert refused.status_code == 200
    assert refused.context["form"].non_field_errors()
    assert Dienstverband.objects.filter(medewerker=person).count() == 1
    contract.refresh_from_db()
    assert contract.einde == dt.date(2024, 6, 30)


def test_team_end_is_refused_after_another_change(two_users):
    first, second = two_users
    team = TeamFactory(start=dt.date(2020, 1, 1))
    url = f"/teams/{team.code}/beeindigen/"
    token_one, token_two = _open(first, url), _open(second, url)
    assert first.post(url, {"einde": "2030-12-31", "versie": token_one}).status_code == 302
    refused = second.post(url, {"einde": "2031-12-31", "versie": token_two})
    assert refused.status_code == 200 and refused.context["form"].non_field_errors()
    team.refresh_from_db()
    assert team.einde == dt.date(2030, 12, 31)


def test_move_is_refused_when_the_placements_changed(two_users, person):
    first, _ = two_users
    current = PlaatsingFactory(medewerker=person, start=dt.date(2024, 1, 1))
    url = "/medewerkers/7001/verplaatsen/"
    token = _open(first, url)
    # Meanwhile someone else ends the placement (another form, the importer, ...).
    current.einde = dt.date(2024, 5, 31)
    current.save()
    data = {
        "vanaf": "2024-07-01",
        "team": current.team.pk,
        "opdrachtgever": current.opdrachtgever.pk,
        "versie": token,
    }
    refused = first.post(url, data)
    assert refused.status_code == 200 and refused.context["form"].non_field_errors()
    assert person.plaatsingen.count() == 1
    data["versie"] = TOKEN.search(refused.content.decode()).group(1)
    assert first.post(url, data).status_code == 302
    assert person.plaatsingen.count() == 2


def test_version_token_is_keyed_and_changes_with_any_field(person):
    before = locking.version_of(Medewerker.objects.filter(pk=person.pk))
    assert len(before) == 64
    Medewerker.objects.filter(pk=person.pk).update(doelgroepindicatie=True)
    assert locking.version_of(Medewerker.objects.filter(pk=person.pk)) != before
    with pytest.raises(locking.StaleVersion):
        locking.check_version(before, Medewerker.objects.filter(pk=person.pk))

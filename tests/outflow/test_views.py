"""The outflow pages per role on the demo organisation: scope, 404 outside it, the form."""

import datetime as dt

import pytest

from binnenwerk.outflow.models import Uitstroom
from binnenwerk.people.models import Dienstverband, Medewerker, Plaatsing
from binnenwerk.periods import active_on
from tests.roles import ROLES

FIGURES = {"beheerder", "personeelszaken", "management"}
LIST = {"personeelszaken", "management"}
RECORD = {"personeelszaken"}
MATRIX = {
    "/uitstroom/?jaar=2023": FIGURES,
    "/uitstroom/redenen.csv?jaar=2023": FIGURES,
    "/uitstroom/lijst.csv?jaar=2023": LIST,
    "/uitstroom/nieuw/": RECORD,
}


@pytest.mark.parametrize("page", list(MATRIX))
@pytest.mark.parametrize("username", ROLES)
def test_permission_matrix(as_role, page, username):
    expected = 200 if username in MATRIX[page] else 404
    assert as_role(username).get(page).status_code == expected


def test_the_year_shows_nine_move_ons(as_role, django_assert_max_num_queries):
    client = as_role("management")
    with django_assert_max_num_queries(12):
        response = client.get("/uitstroom/?jaar=2023")
    assert response.context["cijfers"].doorstroom == 9
    body = response.content.decode()
    assert '<dd id="doorstroom">9</dd>' in body
    assert "Doorstroom binnen het Rijk" in body


def test_the_administrator_sees_figures_but_no_people(as_role):
    body = as_role("beheerder").get("/uitstroom/?jaar=2023").content.decode()
    assert "Uitstroom per reden" in body and "Uitgestroomde medewerkers" not in body


def test_management_never_sees_the_health_reason_per_person(as_role):
    record = Uitstroom.objects.filter(datum__year=2023).exclude(reden="doorstroom_rijk").first()
    Uitstroom.objects.filter(pk=record.pk).update(
        reden="gezondheid", toelichting="burn-out", nieuwe_werkgever=""
    )
    management = as_role("management")
    rows = management.get("/uitstroom/?jaar=2023").context["lijst"]
    row = next(r for r in rows if r.personeelsnummer == record.medewerker.personeelsnummer)
    assert row.reden_label == "Anders of afgeschermd"
    csv = management.get("/uitstroom/lijst.csv?jaar=2023").content.decode()
    assert "gezondheid" not in csv and "burn-out" not in csv
    hr = as_role("personeelszaken")
    assert "burn-out" in hr.get("/uitstroom/lijst.csv?jaar=2023").content.decode()
    reasons = management.get("/uitstroom/redenen.csv?jaar=2023").content.decode()
    assert "gezondheid," in reasons


def _active_person(on: dt.date) -> Medewerker:
    open_contract = Dienstverband.objects.filter(active_on(on), einde__isnull=True)
    return Medewerker.objects.filter(
        pk__in=open_contract.values("medewerker"), werkgever__isnull=True
    ).first()


def test_hr_records_a_move_on_and_the_year_counts_it(as_role):
    client = as_role("personeelszaken")
    today = dt.date.today()
    person = _active_person(today)
    before = client.get(f"/uitstroom/?jaar={today.year}").context["cijfers"].doorstroom
    response = client.post(
        "/uitstroom/nieuw/",
        {
            "personeelsnummer": person.personeelsnummer,
            "datum": today.isoformat(),
            "reden": "doorstroom_rijk",
            "nieuwe_werkgever": "Belastingdienst",
        },
    )
    assert response.status_code == 302
    assert Dienstverband.objects.get(medewerker=person, einde=today)
    assert not Plaatsing.objects.filter(medewerker=person, einde__isnull=True).exists()
    after = client.get(f"/uitstroom/?jaar={today.year}").context["cijfers"].doorstroom
    assert after == before + 1


def test_the_form_explains_errors_next_to_the_fields_and_writes_nothing(as_role):
    client = as_role("personeelszaken")
    person = _active_person(dt.date.today())
    count = Uitstroom.objects.count()
    response = client.post(
        "/uitstroom/nieuw/",
        {
            "personeelsnummer": person.personeelsnummer,
            "datum": dt.date.today().isoformat(),
            "reden": "doorstroom_rijk",
        },
    )
    assert response.status_code == 200
    assert "Vul de nieuwe werkgever in" in " ".join(
        response.context["form"].errors["nieuwe_werkgever"]
    )
    response = client.post(
        "/uitstroom/nieuw/",
        {"personeelsnummer": "bestaat-niet", "datum": "2023-01-01", "reden": "pensioen"},
    )
    assert "Er is geen medewerker" in " ".join(response.context["form"].errors["personeelsnummer"])
    assert Uitstroom.objects.count() == count
    assert Dienstverband.objects.filter(medewerker=person, einde__isnull=True).exists()


def test_the_form_is_prefilled_from_the_person_page(as_role):
    response = as_role("personeelszaken").get("/uitstroom/nieuw/?personeelsnummer=1000001")
    assert response.context["form"]["personeelsnummer"].value() == "1000001"
    assert 'href="/medewerkers/1000001/"' in response.content.decode()

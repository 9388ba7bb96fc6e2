"""The monitor's pages per role on the demo organisation: scope, 404 outside it, forms."""

import pytest
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile

from binnenwerk.monitor.models import Doelstelling, Kwartaalcijfer, Quotumpercentage
from binnenwerk.organisation.models import Organisatie
from tests.monitor.test_tabel1 import PUBLISHED
from tests.roles import ROLES

SEES = {"beheerder", "management", "monitor", "opdrachtgever"}
EDITS = {"beheerder", "monitor"}
Q = "?kwartaal=2023Q4"
MATRIX = {
    "/monitor/": SEES,
    "/monitor/tabel1.csv": SEES,
    "/monitor/tabel1.xlsx": SEES,
    "/monitor/afdrukken/": SEES,
    "/monitor/quotumcalculator/": SEES,
    "/monitor/invoer/": EDITS,
    "/monitor/invoer/quotum/": EDITS,
    "/monitor/invoer/doelen/nieuw/": EDITS,
    "/monitor/invoer/cijfers/": EDITS,
    "/monitor/invoer/import/": EDITS,
}


@pytest.mark.parametrize("page", list(MATRIX))
@pytest.mark.parametrize("username", ROLES)
def test_permission_matrix(as_role, page, username):
    expected = 200 if username in MATRIX[page] else 404
    assert as_role(username).get(page + Q).status_code == expected


def cells(response) -> dict[str, list[str]]:
    """The rendered Table 1: row label → the six shown cells."""
    rows = response.context["rijen"]
    shown = {label: list(values) for label, values, _ in rows}
    shown["Totaal Rijk"] = list(response.context["totaal"])
    return shown


def test_the_web_table_shows_the_published_table(as_role):
    response = as_role("monitor").get("/monitor/" + Q)
    assert cells(response) == PUBLISHED
    body = response.content.decode()
    assert "Totaal Rijk" in body and "niet overeenkomen" in body
    assert "409 doelbanen" in body


def test_a_client_sees_its_own_ministry_and_the_rijk_total(as_role):
    client = as_role("opdrachtgever")  # the demo's client contact is tied to BZK
    response = client.get("/monitor/" + Q)
    shown = cells(response)
    assert list(shown) == ["BZK", "Totaal Rijk"]
    assert shown["Totaal Rijk"] == PUBLISHED["Totaal Rijk"]
    assert client.get("/monitor/" + Q + "&organisatie=JenV").status_code == 404
    csv = client.get("/monitor/tabel1.csv" + Q).content.decode()
    assert "JenV" not in csv and "BZK" in csv


def test_a_client_of_an_agency_sees_its_ministry(as_role):
    user = get_user_model().objects.get(username="opdrachtgever")
    user.profiel.organisatie = Organisatie.objects.get(code="IND")
    user.profiel.save()
    assert list(cells(as_role("opdrachtgever").get("/monitor/" + Q))) == ["JenV", "Totaal Rijk"]


def test_the_chart_has_its_numbers_as_a_table(as_role):
    response = as_role("management").get("/monitor/" + Q + "&organisatie=BZK")
    points = response.context["reeks"]
    assert [str(p.kwartaal) for p in points] == ["2023Q1", "2023Q2", "2023Q3", "2023Q4"]
    last = points[-1]
    assert last.te_realiseren == last.doel - last.totaal > 0
    assert last.realisatie_pct == last.totaal / last.doel * 100
    assert "<svg" in response.content.decode()


def test_downloads_are_named_by_quarter(as_role):
    response = as_role("management").get("/monitor/tabel1.xlsx" + Q)
    assert 'filename="banenafspraak-tabel1-2023Q4.xlsx"' in response["Content-Disposition"]
    assert as_role("management").get("/monitor/tabel1.pdf" + Q).status_code == 404


def test_a_wrong_quarter_is_explained(as_role):
    response = as_role("management").get("/monitor/?kwartaal=2023Q9")
    assert "ongeldig kwartaal" in response.content.decode()


def test_the_calculator_shows_409_for_10505_fte(as_role):
    url = "/monitor/quotumcalculator/?fte=10505&voltijd_uren=36&percentage=2%2C76"
    body = as_role("management").get(url).content.decode()
    assert "Doel: 409 banen" in body
    assert "409,32" in body


def test_the_coordinator_corrects_a_figure_and_the_table_follows(as_role):
    client = as_role("monitor")
    bzk = Organisatie.objects.get(code="BZK")
    response = client.post(
        "/monitor/invoer/cijfers/",
        {
            "organisatie": bzk.pk,
            "jaar": 2023,
            "kwartaal": 4,
            "formeel_excl_binnenwerk": "300,2",
            "inleen": "5,1",
        },
    )
    assert response.status_code == 302
    figure = Kwartaalcijfer.objects.get(organisatie=bzk, jaar=2023, kwartaal=4)
    assert str(figure.formeel_excl_binnenwerk) == "300.2000"
    assert cells(client.get("/monitor/" + Q))["BZK"][1] == "300"


def test_the_coordinator_sets_the_quotum_and_a_target(as_role):
    client = as_role("monitor")
    client.post("/monitor/invoer/quotum/", {"jaar": 2024, "percentage": "2,87"})
    assert str(Quotumpercentage.objects.get(jaar=2024).percentage) == "2.870"
    response = client.post(
        "/monitor/invoer/doelen/nieuw/",
        {"organisatie": "", "jaar": 2024, "fte": "100", "voltijd_uren": "36", "omschrijving": ""},
    )
    assert "omschrijving nodig" in response.content.decode()
    assert not Doelstelling.objects.filter(jaar=2024).exists()


def test_a_web_import_with_errors_writes_nothing_and_a_good_one_after_confirmation(as_role):
    client = as_role("monitor")
    before = Kwartaalcijfer.objects.count()
    bad = SimpleUploadedFile(
        "c.csv", b"ministerie,jaar,kwartaal,formeel_excl_binnenwerk,inleen\nXYZ,2024,1,1,1\n"
    )
    body = client.post("/monitor/invoer/import/", {"bestand": bad}).content.decode()
    assert "kwartaalcijfers:2:ministerie: onbekende organisatie" in body
    assert "Er is niets opgeslagen" in body
    good = SimpleUploadedFile(
        "c.csv", b"ministerie,jaar,kwartaal,formeel_excl_binnenwerk,inleen\nBZK,2024,1,270,5\n"
    )
    body = client.post("/monitor/invoer/import/", {"bestand": good}).content.decode()
    assert "1 aangemaakt" in body and Kwartaalcijfer.objects.count() == before
    client.post("/monitor/invoer/import/bevestigen/")
    assert Kwartaalcijfer.objects.count() == before + 1


def test_the_monitor_page_needs_a_bounded_number_of_queries(as_role, django_assert_max_num_queries):
    client = as_role("management")
    with django_assert_max_num_queries(30):
        client.get("/monitor/" + Q)

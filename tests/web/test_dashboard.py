"""The dashboard per role on the demo organisation: what each role sees, and what not."""

import io

import pytest
from openpyxl import load_workbook

PEILDATUM = "?peildatum=2023-12-31"


def test_no_page_without_login(client):
    response = client.get("/")
    assert response.status_code == 302 and response.url.startswith("/inloggen/")
    assert client.get("/inloggen/").status_code == 200


@pytest.mark.parametrize("username", ["beheerder", "personeelszaken", "management", "werving"])
def test_organisation_wide_roles_see_the_published_figures(as_role, username):
    body = as_role(username).get("/" + PEILDATUM).content.decode()
    assert "870,20" in body  # jobs at the end of 2023
    assert "201,76" in body and "407,79" in body  # BZK; forest and nature management
    assert "674" in body and "156" in body


def test_client_sees_only_its_own_jobs(as_role):
    body = as_role("opdrachtgever").get("/" + PEILDATUM).content.decode()
    assert "201,76" in body
    assert "Justitie en Veiligheid" not in body and "870,20" not in body
    assert "aflopen" not in body  # no lists of people for clients


def test_supervisor_sees_their_teams_and_people(as_role):
    body = as_role("leidinggevende").get("/" + PEILDATUM).content.decode()
    assert "uw teams" in body and "870,20" not in body
    assert "Dienstverbanden die binnen 8 weken aflopen" in body


def test_recruiter_gets_no_lists_of_people(as_role):
    body = as_role("werving").get("/" + PEILDATUM).content.decode()
    assert "Dienstverbanden die binnen 8 weken aflopen" not in body


def test_chart_data_as_csv(as_role):
    response = as_role("management").get("/dashboard/per_opdrachtgever.csv" + PEILDATUM)
    assert response["Content-Type"].startswith("text/csv")
    assert "Binnenlandse Zaken en Koninkrijksrelaties,201.76" in response.content.decode()
    assert as_role("management").get("/dashboard/bestaat-niet.csv").status_code == 404


def test_client_csv_holds_only_its_own_rows(as_role):
    text = as_role("opdrachtgever").get("/dashboard/per_opdrachtgever.csv" + PEILDATUM).content
    assert text.decode().splitlines()[1:] == ["Binnenlandse Zaken en Koninkrijksrelaties,201.76"]


def test_charts_have_text_alternatives_and_tables(as_role):
    body = as_role("beheerder").get("/" + PEILDATUM).content.decode()
    assert body.count('<img class="grafiek') == 4
    assert body.count("<figcaption>") == 4 and body.count("<summary>Cijfers als tabel") == 4


@pytest.mark.parametrize(
    "name", ["per_maand", "per_opdrachtgever", "per_werksoort", "teams_per_provincie"]
)
def test_each_chart_is_drawn_apart_as_svg(as_role, name):
    response = as_role("management").get(f"/dashboard/{name}.svg" + PEILDATUM)
    assert response["Content-Type"].startswith("image/svg+xml")
    assert response.content.decode().startswith("<svg ")


def test_a_client_gets_only_its_own_chart(as_role):
    svg = as_role("opdrachtgever").get("/dashboard/per_opdrachtgever.svg" + PEILDATUM)
    assert "Binnenlandse Zaken" in svg.content.decode()
    assert "Justitie en Veiligheid" not in svg.content.decode()
    assert as_role("opdrachtgever").get("/dashboard/onbekend.svg" + PEILDATUM).status_code == 404


def test_dashboard_queries_are_bounded(as_role, django_assert_max_num_queries):
    client = as_role("beheerder")
    with django_assert_max_num_queries(30):
        client.get("/" + PEILDATUM)


def test_lockout_after_repeated_failed_logins(client, demo_org):
    for _ in range(5):
        client.post("/inloggen/", {"username": "management", "password": "fout"})
    response = client.post("/inloggen/", {"username": "management", "password": "binnenwerk-demo"})
    assert "Tijdelijk geblokkeerd" in response.content.decode()


def test_chart_data_as_a_workbook(as_role):
    response = as_role("management").get("/dashboard/per_werksoort.xlsx" + PEILDATUM)
    assert response["Content-Disposition"].endswith('.xlsx"')
    rows = list(load_workbook(io.BytesIO(response.content)).active.values)
    assert rows[0] == ("Werksoort", "Banen")
    assert ("Bos- en natuurbeheer", 407.79) in [(r[0], round(r[1], 2)) for r in rows[1:]]

"""The opportunities pages per role on the demo: scope, 404 outside it, the forecast, the form."""

import pytest
from auditlog.models import LogEntry

from binnenwerk.opportunities.demo import IDEEEN, opportunities_demo_load
from binnenwerk.opportunities.models import Kans
from tests.roles import ROLES

SEES = {"beheerder", "management", "werving"}
EDITS = {"beheerder"}
MATRIX = {
    "/kansen/": SEES,
    "/kansen/prognose.csv": SEES,
    "/kansen/kansen.csv": SEES,
    "/kansen/nieuw/": EDITS,
}
PEILDATUM = "?peildatum=2026-11-01"


@pytest.mark.parametrize("page", list(MATRIX))
@pytest.mark.parametrize("username", ROLES)
def test_permission_matrix(as_role, page, username):
    expected = 200 if username in MATRIX[page] else 404
    assert as_role(username).get(page + PEILDATUM).status_code == expected


@pytest.mark.parametrize("username", ROLES)
def test_only_the_administrator_opens_an_idea_to_change(as_role, username):
    pk = Kans.objects.first().pk
    expected = 200 if username in EDITS else 404
    assert as_role(username).get(f"/kansen/{pk}/").status_code == expected


def test_the_demo_has_the_seeds_ideas_and_loads_once(demo_org):
    titles = set(Kans.objects.values_list("titel", flat=True))
    assert {
        "Archiefbanen met Doc-Direkt",
        "Archiefbanen bij Justid",
        "ICT-reparatiewinkel",
    } <= titles
    assert len(titles) == len(IDEEEN)
    entries = LogEntry.objects.count()
    opportunities_demo_load()
    assert LogEntry.objects.count() == entries


def test_the_page_draws_the_forecast_with_its_table(as_role, django_assert_max_num_queries):
    client = as_role("management")
    with django_assert_max_num_queries(12):
        response = client.get("/kansen/" + PEILDATUM)
    result = response.context["prognose"]
    body = response.content.decode()
    assert "<svg" in body and "Cijfers als tabel" in body
    assert result.doel == 1500
    assert result.eind > result.basis
    # Ideas expected after the reference date count; the ICBR impulse of 2023 is realised.
    counted = {b.kans.titel for b in result.bijdragen}
    assert "Impuls banen met ICBR" not in counted
    assert "Archiefbanen met Doc-Direkt" in counted
    assert "Nieuw idee" not in body  # management changes nothing


def test_the_forecast_csv(as_role):
    csv = as_role("werving").get("/kansen/prognose.csv" + PEILDATUM).content.decode()
    lines = csv.splitlines()
    assert lines[0] == "datum,gerealiseerd,prognose,doel"
    assert any(line.startswith("2026-11-01,") for line in lines)


def test_the_administrator_adds_an_idea_and_the_forecast_follows(as_role):
    client = as_role("beheerder")
    before = client.get("/kansen/" + PEILDATUM).context["prognose"].eind
    response = client.post(
        "/kansen/nieuw/",
        {
            "titel": "Postkamer Zoetermeer",
            "verwachte_banen": "20",
            "fase": "akkoord",
            "verwachte_start": "2027-02-01",
            "kans_pct": "50",
        },
    )
    assert response.status_code == 302
    after = client.get("/kansen/" + PEILDATUM).context["prognose"].eind
    assert after - before == 10


def test_bad_input_is_explained_at_the_field_and_nothing_is_written(as_role):
    count = Kans.objects.count()
    response = as_role("beheerder").post(
        "/kansen/nieuw/",
        {
            "titel": "X",
            "verwachte_banen": "5",
            "fase": "idee",
            "verwachte_start": "2027-01-01",
            "kans_pct": "120",
        },
    )
    assert response.status_code == 200
    assert "100" in " ".join(response.context["form"].errors["kans_pct"])
    assert Kans.objects.count() == count

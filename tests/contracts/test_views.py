"""The contract clock's pages per role on the demo organisation: scope, 404 outside it,
a decision through the form, refusals that write nothing."""

import datetime as dt

import pytest
from django.contrib.auth import get_user_model

from binnenwerk.accounts.selectors import led_teams
from binnenwerk.contracts.models import Contractbesluit
from binnenwerk.organisation.models import Team
from binnenwerk.people.models import Dienstverband
from tests.contracts.factories import employee
from tests.roles import ROLES

TODAY = dt.date.today()
Q = f"?peildatum={TODAY:%Y-%m-%d}"
SEES = {"beheerder", "personeelszaken", "management", "leidinggevende"}
DECIDES = {"personeelszaken", "leidinggevende"}


def user(username):
    return get_user_model().objects.get(username=username)


@pytest.fixture
def own_contract(demo_org):
    """A fixed-term contract ending in three weeks, in the demo supervisor's own team."""
    team = led_teams(user("leidinggevende"), TODAY, "leidinggevende").order_by("code").first()
    start = TODAY - dt.timedelta(days=344)
    return employee(team, start, TODAY + dt.timedelta(days=21))


@pytest.fixture
def other_contract(demo_org):
    mine = led_teams(user("leidinggevende"), TODAY, "leidinggevende")
    team = Team.objects.filter(einde__isnull=True).exclude(pk__in=mine).order_by("code").first()
    start = TODAY - dt.timedelta(days=344)
    return employee(team, start, TODAY + dt.timedelta(days=21))


def pages(contract):
    return {
        "/contracten/": SEES,
        "/contracten/werklijst.csv": SEES,
        "/contracten/besluiten/": DECIDES,
        f"/contracten/{contract.pk}/besluit/": DECIDES,
    }


@pytest.mark.parametrize("username", ROLES)
def test_permission_matrix(as_role, own_contract, username):
    client = as_role(username)
    for page, allowed in pages(own_contract).items():
        expected = 200 if username in allowed else 404
        assert client.get(page + Q).status_code == expected, page


def test_the_supervisor_sees_their_contract_and_not_another_teams(
    as_role, own_contract, other_contract
):
    body = as_role("leidinggevende").get("/contracten/" + Q).content.decode()
    # Personnel numbers, not names: a generated name may also be a demo colleague's.
    assert own_contract.medewerker.personeelsnummer in body
    assert other_contract.medewerker.personeelsnummer not in body
    assert "Beslissen" in body


def test_the_supervisor_decides_and_sees_the_new_contract(as_role, own_contract):
    client = as_role("leidinggevende")
    first_day = own_contract.einde + dt.timedelta(days=1)
    response = client.post(
        f"/contracten/{own_contract.pk}/besluit/" + Q,
        {"besluit": "vast", "ingangsdatum": first_day.isoformat(), "uren_per_week": "28,5"},
        follow=True,
    )
    body = response.content.decode()
    assert "heeft een vast contract vanaf" in body
    decision = Contractbesluit.objects.get(dienstverband=own_contract)
    new = decision.nieuw_dienstverband
    assert (new.start, new.soort, str(new.uren_per_week)) == (first_day, "onbepaald", "28.50")
    assert f"{first_day:%d-%m-%Y}" in body and "28,50" in body
    assert decision.besloten_door == user("leidinggevende")
    listed = client.get("/contracten/" + Q).content.decode()
    assert own_contract.medewerker.achternaam not in listed


def test_a_decision_on_another_teams_contract_is_404_and_writes_nothing(as_role, other_contract):
    before = Dienstverband.objects.count()
    response = as_role("leidinggevende").post(
        f"/contracten/{other_contract.pk}/besluit/" + Q,
        {"besluit": "beeindigen", "reden": "niet mijn team"},
    )
    assert response.status_code == 404
    assert "hoort bij een ander team" in response.content.decode()
    assert Dienstverband.objects.count() == before
    assert not Contractbesluit.objects.filter(dienstverband=other_contract).exists()
    other_contract.refresh_from_db()
    assert other_contract.einde == TODAY + dt.timedelta(days=21)


def test_errors_stand_next_to_their_fields_and_nothing_is_written(as_role, own_contract):
    response = as_role("personeelszaken").post(
        f"/contracten/{own_contract.pk}/besluit/" + Q, {"besluit": "beeindigen"}
    )
    body = response.content.decode()
    assert response.status_code == 200
    assert 'id="id_reden_fout"' in body and "Geef de reden" in body
    assert not Contractbesluit.objects.filter(dienstverband=own_contract).exists()


def test_the_chain_warning_is_shown_and_needs_the_checkbox(as_role, own_contract):
    client = as_role("personeelszaken")
    url = f"/contracten/{own_contract.pk}/besluit/" + Q
    too_long = (own_contract.einde + dt.timedelta(days=800)).isoformat()
    body = client.get(url).content.decode()
    assert "binnen de ketenregeling" in body
    refused = client.post(url, {"besluit": "verlengen", "einde": too_long}).content.decode()
    assert "ketenregeling" in refused and 'id="id_keten_bevestigd_fout"' in refused
    assert not Contractbesluit.objects.filter(dienstverband=own_contract).exists()
    client.post(url, {"besluit": "verlengen", "einde": too_long, "keten_bevestigd": "on"})
    decision = Contractbesluit.objects.get(dienstverband=own_contract)
    assert decision.ketenwaarschuwing and decision.nieuw_dienstverband.einde.isoformat() == too_long


def test_management_sees_counts_without_names(as_role, own_contract):
    body = as_role("management").get("/contracten/" + Q).content.decode()
    assert own_contract.medewerker.achternaam not in body
    assert "Beslissen" not in body
    csv = as_role("management").get("/contracten/werklijst.csv" + Q).content.decode()
    assert csv.startswith("team,aantal,te_laat") and own_contract.medewerker.achternaam not in csv


def test_the_csv_lists_the_worklist(as_role, own_contract):
    response = as_role("personeelszaken").get("/contracten/werklijst.csv" + Q)
    assert f"contractklok-{TODAY:%Y-%m-%d}.csv" in response["Content-Disposition"]
    lines = response.content.decode().splitlines()
    assert lines[0].startswith("personeelsnummer,naam,team")
    assert any(own_contract.medewerker.personeelsnummer in line for line in lines)


@pytest.mark.parametrize("username", ["personeelszaken", "leidinggevende", "management"])
def test_the_worklist_page_takes_bounded_queries(
    as_role, own_contract, django_assert_max_num_queries, username
):
    client = as_role(username)
    with django_assert_max_num_queries(14):
        assert client.get("/contracten/?binnen=52&peildatum=2026-11-23").status_code == 200

"""The monitor's inputs through the API: targets, quarterly figures and the quotum per year.
The coordinator and the administrator write them, management reads them, every other role
(clients too) gets 404; writes go through monitor.services with its Dutch messages."""

from decimal import Decimal

import pytest
from django.core.cache import cache

from binnenwerk.accounts.constants import CHANGES_MONITOR, SEES_MONITOR
from binnenwerk.monitor import services
from binnenwerk.monitor.models import Doelstelling, Kwartaalcijfer, Quotumpercentage
from binnenwerk.organisation.models import Organisatie
from tests.api.support import (
    API,
    actor_of,
    assert_problem,
    conforms,
    expected_status,
    holding,
    patch_current,
    refused_with,
    service_error,
    user,
)
from tests.roles import ROLES

READERS = holding(SEES_MONITOR)
EDITORS = holding(CHANGES_MONITOR)
TARGETS = API + "monitor/doelstellingen"
FIGURES = API + "monitor/kwartaalcijfers"
QUOTA = API + "monitor/quotumpercentages"


@pytest.fixture(autouse=True)
def _fresh_throttle():
    cache.clear()
    yield
    cache.clear()


def test_the_role_sets_are_the_webs():
    assert {"beheerder", "management", "monitor"} == READERS
    assert {"beheerder", "monitor"} == EDITORS


def reads() -> dict[str, str]:
    """Address → the path as the schema writes it."""
    target = Doelstelling.objects.get(organisatie__code="BZK", jaar=2023)
    figure = Kwartaalcijfer.objects.get(organisatie__code="BZK", jaar=2023, kwartaal=4)
    return {
        TARGETS: TARGETS,
        f"{TARGETS}/{target.pk}": TARGETS + "/{id}",
        FIGURES: FIGURES,
        f"{FIGURES}/{figure.pk}": FIGURES + "/{id}",
        QUOTA: QUOTA,
        f"{QUOTA}/2023": QUOTA + "/{jaar}",
    }


@pytest.mark.parametrize("username", ROLES)
def test_read_matrix(api_as, username):
    client = api_as(username)
    for address, path in reads().items():
        response = client.get(address)
        if username in READERS:
            assert response.status_code == 200, (address, response.content)
            conforms(response, path)
        else:
            assert_problem(response, 404)


@pytest.mark.parametrize("username", ROLES)
def test_write_matrix(api_as, username):
    """An editor gets past the permission check (400 for an empty body, 200 for an empty
    change); management 403; everyone else 404. No delete, and no change of figures or a
    quotum except by entering them again: 405 for whoever may read."""
    client = api_as(username)
    target = Doelstelling.objects.get(organisatie__code="BZK", jaar=2023)
    figure = Kwartaalcijfer.objects.filter(jaar=2023).first()
    for address in (TARGETS, FIGURES, QUOTA):
        response = client.post(address, {}, format="json")
        assert_problem(response, expected_status(username, READERS, EDITORS, 400))
    changed = patch_current(client, f"{TARGETS}/{target.pk}", {})
    assert changed.status_code == expected_status(username, READERS, EDITORS, 200)
    for response in (
        client.delete(f"{TARGETS}/{target.pk}"),
        client.patch(f"{FIGURES}/{figure.pk}", {"inleen": "1"}, format="json"),
        client.patch(f"{QUOTA}/2023", {"percentage": "3"}, format="json"),
    ):
        assert_problem(response, 405 if username in READERS else 404)
    assert Doelstelling.objects.filter(pk=target.pk).exists()


def test_the_coordinator_enters_a_target_and_changes_it(api_as):
    client = api_as("monitor")
    response = client.post(
        TARGETS, {"organisatie": "BZK", "jaar": 2024, "fte": "10500.5"}, format="json"
    )
    assert response.status_code == 201, response.content
    body = conforms(response, TARGETS, "POST")
    assert body["voltijd_uren"] == "36.00" and body["fte"] == "10500.50"
    target = Doelstelling.objects.get(pk=body["id"])
    assert actor_of(target) == user("monitor")

    changed = patch_current(client, f"{TARGETS}/{target.pk}", {"fte": "10600"})
    assert changed.status_code == 200, changed.content
    conforms(changed, TARGETS + "/{id}", "PATCH")
    shown = api_as("management").get(f"{TARGETS}/{target.pk}").json()
    assert shown["fte"] == "10600.00"
    listed = client.get(TARGETS, {"jaar": 2024, "organisatie": "BZK"}).json()
    assert [t["id"] for t in listed["results"]] == [target.pk]
    target.refresh_from_db()
    assert target.fte == Decimal("10600.00") and actor_of(target) == user("monitor")


def test_a_second_target_for_a_year_is_refused_with_the_services_message(api_as):
    before = Doelstelling.objects.count()
    existing = Doelstelling.objects.get(organisatie__code="BZK", jaar=2023)
    expected = service_error(
        services.doelstelling_create,
        actor=user("monitor"),
        organisatie=existing.organisatie,
        jaar=2023,
        fte=Decimal(1),
    )
    client = api_as("monitor")
    response = client.post(TARGETS, {"organisatie": "BZK", "jaar": 2023, "fte": "1"}, format="json")
    refused_with(response, "__all__", expected, status=409)  # a taken key: a conflict
    conforms(response, TARGETS, "POST")

    expected = service_error(
        services.doelstelling_create, actor=user("monitor"), jaar=2024, fte=Decimal(1)
    )
    response = client.post(TARGETS, {"jaar": 2024, "fte": "1"}, format="json")
    refused_with(response, "__all__", expected)
    assert "omschrijving" in response.json()["errors"][0]["detail"]
    assert Doelstelling.objects.count() == before
    assert Doelstelling.objects.get(pk=existing.pk).fte == existing.fte


def test_figures_for_a_new_quarter_are_entered_then_corrected(api_as):
    client = api_as("beheerder")
    figures = {"organisatie": "BZK", "jaar": 2024, "kwartaal": 1}
    response = client.post(
        FIGURES, {**figures, "formeel_excl_binnenwerk": "120.5", "inleen": "3"}, format="json"
    )
    assert response.status_code == 201, response.content
    first = conforms(response, FIGURES, "POST")
    assert first["formeel_excl_binnenwerk"] == "120.5000"
    count = Kwartaalcijfer.objects.count()

    again = client.post(
        FIGURES, {**figures, "formeel_excl_binnenwerk": "121.25", "inleen": "3"}, format="json"
    )
    assert again.status_code == 200, again.content
    corrected = conforms(again, FIGURES, "POST")
    assert corrected["id"] == first["id"] and Kwartaalcijfer.objects.count() == count
    saved = Kwartaalcijfer.objects.get(pk=first["id"])
    assert saved.formeel_excl_binnenwerk == Decimal("121.25")
    assert actor_of(saved) == user("beheerder")
    # Table 1 of that quarter (the existing endpoint, not taken by the router) shows it.
    table = client.get(API + "monitor/tabel1", {"kwartaal": "2024Q1"})
    assert table.status_code == 200
    row = next(r for r in table.json()["rijen"] if r["organisatie"] == "BZK")
    assert row["formeel_excl_binnenwerk"] == "121.25"


def test_invalid_figures_are_refused_in_dutch_and_nothing_is_saved(api_as):
    client = api_as("monitor")
    before = Kwartaalcijfer.objects.count()
    body = {"organisatie": "BZK", "jaar": 2024, "kwartaal": 5, "inleen": "-1"}
    response = client.post(FIGURES, {**body, "formeel_excl_binnenwerk": "1"}, format="json")
    assert_problem(response, 400)
    errors = {e["veld"]: e["detail"] for e in response.json()["errors"]}
    assert set(errors) == {"kwartaal", "inleen"}
    assert "Zorg ervoor dat" in errors["kwartaal"] and "4" in errors["kwartaal"]
    unknown = client.post(
        FIGURES,
        {**body, "organisatie": "GEEN", "kwartaal": 1, "inleen": "1", "formeel_excl_binnenwerk": 1},
        format="json",
    )
    assert_problem(unknown, 400)
    assert [e["veld"] for e in unknown.json()["errors"]] == ["organisatie"]
    assert Kwartaalcijfer.objects.count() == before


def test_the_quotum_of_a_year_is_set_and_corrected(api_as):
    client = api_as("monitor")
    new = client.post(QUOTA, {"jaar": 2024, "percentage": "2.9"}, format="json")
    assert new.status_code == 201, new.content
    assert conforms(new, QUOTA, "POST") == {"jaar": 2024, "percentage": "2.900"}
    assert actor_of(Quotumpercentage.objects.get(jaar=2024)) == user("monitor")
    corrected = client.post(QUOTA, {"jaar": 2023, "percentage": "2.8"}, format="json")
    assert corrected.status_code == 200, corrected.content
    assert Quotumpercentage.objects.get(jaar=2023).percentage == Decimal("2.800")
    listed = conforms(client.get(QUOTA), QUOTA)
    assert [(q["jaar"], q["percentage"]) for q in listed["results"]] == [
        (2023, "2.800"),
        (2024, "2.900"),
    ]


def test_an_invalid_quotum_is_refused_and_the_old_one_kept(api_as):
    client = api_as("monitor")
    for body, veld in (
        ({"jaar": 2023, "percentage": "0"}, "percentage"),
        ({"jaar": 2023, "percentage": "100.001"}, "percentage"),
        ({"jaar": 2014, "percentage": "2"}, "jaar"),
    ):
        response = client.post(QUOTA, body, format="json")
        assert_problem(response, 400)
        assert [e["veld"] for e in response.json()["errors"]] == [veld]
        assert "Zorg ervoor dat" in response.json()["errors"][0]["detail"]
    assert Quotumpercentage.objects.get(jaar=2023).percentage == Decimal("2.760")
    assert not Quotumpercentage.objects.filter(jaar=2014).exists()


def test_a_year_outside_the_range_is_a_bad_filter_not_a_crash(api_as):
    client = api_as("management")
    for address in (TARGETS, FIGURES, QUOTA):
        assert_problem(client.get(address, {"jaar": 10**20}), 400)
    assert client.get(FIGURES, {"jaar": 2023, "kwartaal": 4}).json()["count"] == (
        Organisatie.objects.filter(kwartaalcijfers__jaar=2023, kwartaalcijfers__kwartaal=4)
        .distinct()
        .count()
    )

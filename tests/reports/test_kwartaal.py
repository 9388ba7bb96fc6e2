"""A quarter's publication: Table 1 of the monitor frozen, shown from the snapshot with its
history, only once the quarter has ended, superseded with a reason; the difference view lists
the cells that corrections changed and the records that caused it. One demo module."""

import datetime as dt
import re
from decimal import Decimal

import pytest
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from binnenwerk.monitor.services import kwartaalcijfer_set
from binnenwerk.organisation.models import Organisatie
from binnenwerk.people.models import Dienstverband
from binnenwerk.people.services import dienstverband_end
from binnenwerk.periods import active_on
from binnenwerk.reports.differences import changed_cells, verschillen
from binnenwerk.reports.models import Publicatie
from binnenwerk.reports.selectors import (
    huidige_publicatie,
    kwartaal_publicaties,
    kwartaal_tabel1,
    snapshot,
)
from binnenwerk.reports.services import publicatie_create
from tests.roles import ROLES

SEES = {"beheerder", "personeelszaken", "management"}
MATRIX = {
    "/jaaroverzicht/2023/kwartaal/4/": SEES,
    "/jaaroverzicht/2023/kwartaal/4/verschillen/": SEES,
    "/jaaroverzicht/2023/kwartaal/4/publiceren/": {"beheerder"},
}


@pytest.fixture
def beheerder(demo_org):
    return get_user_model().objects.get(username="beheerder")


def _total(rows):
    (total,) = [r for r in rows if r["code"] == ""]
    return total


def _a_q4_contract(code="BZK"):
    """A target-group contract active at the end of 2023, placed for `code`."""
    end = dt.date(2023, 12, 31)
    return (
        Dienstverband.objects.filter(
            active_on(end),
            medewerker__doelgroepindicatie=True,
            medewerker__plaatsingen__opdrachtgever__code=code,
            medewerker__plaatsingen__start__lte=end,
        )
        .exclude(medewerker__plaatsingen__einde__lt=end)
        .order_by("pk")
        .first()
    )


@pytest.mark.parametrize("page", list(MATRIX))
@pytest.mark.parametrize("username", ROLES)
def test_permission_matrix(as_role, page, username):
    expected = 200 if username in MATRIX[page] else 404
    assert as_role(username).get(page).status_code == expected


@pytest.mark.parametrize("username", sorted(set(ROLES) - {"beheerder"}))
def test_only_the_administrator_publishes(as_role, username):
    url = "/jaaroverzicht/2023/kwartaal/4/publiceren/"
    assert as_role(username).post(url, {"reden": ""}).status_code == 404
    assert not Publicatie.objects.filter(kwartaal=4).exists()


@pytest.mark.parametrize("k", [0, 5, 12])
def test_no_such_quarter(as_role, k):
    client = as_role("beheerder")
    assert client.get(f"/jaaroverzicht/2023/kwartaal/{k}/").status_code == 404
    assert client.get(f"/jaaroverzicht/2023/kwartaal/{k}/publiceren/").status_code == 404


def test_an_unpublished_quarter_shows_todays_table_as_a_concept(as_role):
    body = as_role("management").get("/jaaroverzicht/2023/kwartaal/4/").content.decode()
    assert 'id="concept"' in body and 'id="vastgesteld"' not in body
    footer = re.search(r'<tr data-code="totaal">(.*?)</tr>', body, re.S).group(1)
    assert "870,20" in footer  # Binnenwerk's jobs at the end of 2023
    assert '<tr data-code="BZK">' in body


def test_publishing_a_quarter_freezes_table_1(as_role, beheerder):
    client = as_role("beheerder")
    response = client.post("/jaaroverzicht/2023/kwartaal/4/publiceren/", {"reden": ""})
    assert response.status_code == 302 and response.url == "/jaaroverzicht/2023/kwartaal/4/"
    publicatie = huidige_publicatie(2023, 4)
    assert publicatie.published_by == beheerder
    assert _total(snapshot(publicatie).tabel1)["binnenwerk"] == "870.20"
    assert huidige_publicatie(2023).kwartaal is None  # the year's own stays as it was

    # A correction afterwards: the published table stays, today's changes.
    contract = _a_q4_contract()
    dienstverband_end(actor=beheerder, dienstverband=contract, einde=dt.date(2023, 11, 30))
    assert _total(kwartaal_tabel1(2023, 4))["binnenwerk"] != "870.20"
    body = client.get("/jaaroverzicht/2023/kwartaal/4/").content.decode()
    assert 'id="vastgesteld"' in body
    footer = re.search(r'<tr data-code="totaal">(.*?)</tr>', body, re.S).group(1)
    assert "870,20" in footer
    assert body.count("<tr data-id=") == 1  # the history: one publication


def test_the_year_overview_lists_the_quarters_and_their_state(as_role, beheerder):
    publicatie_create(actor=beheerder, jaar=2023, kwartaal=2)
    body = as_role("management").get("/jaaroverzicht/2023/").content.decode()
    quarters = re.search(r'<ul id="kwartalen">(.*?)</ul>', body, re.S).group(1)
    items = re.findall(r"<li>(.*?)</li>", quarters, re.S)
    assert len(items) == 4
    assert all(f"/jaaroverzicht/2023/kwartaal/{k}/" in items[k - 1] for k in range(1, 5))
    published = timezone.localtime(huidige_publicatie(2023, 2).published_at)
    assert f"{published:%d-%m-%Y}" in items[1]
    assert not any(re.search(r"\d{2}-\d{2}-\d{4}", items[i]) for i in (0, 2, 3))


def test_the_quarter_states_come_in_one_query(beheerder):
    publicatie_create(actor=beheerder, jaar=2023, kwartaal=1)
    first = publicatie_create(actor=beheerder, jaar=2023, kwartaal=3)
    second = publicatie_create(actor=beheerder, jaar=2023, kwartaal=3, reden="Correctie")
    with CaptureQueriesContext(connection) as queries:
        states = kwartaal_publicaties(2023)
    assert len(queries) == 1
    assert states[3] == second and states[3] != first
    assert states[1] is not None and states[2] is None and states[4] is None


def test_publishing_again_needs_a_reason_and_keeps_the_history(as_role):
    client = as_role("beheerder")
    url = "/jaaroverzicht/2023/kwartaal/4/publiceren/"
    assert client.post(url, {"reden": ""}).status_code == 302
    response = client.post(url, {"reden": "  "})
    assert response.status_code == 400 and 'role="alert"' in response.content.decode()
    assert client.post(url, {"reden": "Correctie inleen"}).status_code == 302
    first, second = Publicatie.objects.filter(jaar=2023, kwartaal=4).order_by("id")
    assert second.vervangt == first and second.reden == "Correctie inleen"
    body = client.get("/jaaroverzicht/2023/kwartaal/4/").content.decode()
    assert body.count("<tr data-id=") == 2 and "Correctie inleen" in body


def test_a_quarter_that_has_not_ended_cannot_be_published(as_role, beheerder, time_machine):
    time_machine.move_to(dt.datetime(2023, 12, 31, 12, 0), tick=False)
    with pytest.raises(ValidationError):
        publicatie_create(actor=beheerder, jaar=2023, kwartaal=4)
    client = as_role("beheerder")
    assert 'id="niet-afgelopen"' in client.get("/jaaroverzicht/2023/kwartaal/4/").content.decode()
    response = client.post("/jaaroverzicht/2023/kwartaal/4/publiceren/", {"reden": ""})
    assert response.status_code == 400
    assert not Publicatie.objects.filter(jaar=2023, kwartaal=4).exists()
    # Q3 ended on 30 September: it can be published.
    assert publicatie_create(actor=beheerder, jaar=2023, kwartaal=3).kwartaal == 3
    time_machine.move_to(dt.datetime(2024, 1, 1, 9, 0), tick=False)
    assert publicatie_create(actor=beheerder, jaar=2023, kwartaal=4).kwartaal == 4


def test_the_difference_view_lists_the_changed_cells_and_their_causes(as_role, beheerder):
    publicatie = publicatie_create(actor=beheerder, jaar=2023, kwartaal=4)
    client = as_role("management")
    body = client.get("/jaaroverzicht/2023/kwartaal/4/verschillen/").content.decode()
    assert 'data-sleutel="' not in body  # nothing changed yet

    contract = _a_q4_contract("BZK")
    dienstverband_end(actor=beheerder, dienstverband=contract, einde=dt.date(2023, 11, 30))
    bzk = Organisatie.objects.get(code="BZK")
    kwartaalcijfer_set(
        actor=beheerder,
        organisatie=bzk,
        jaar=2023,
        kwartaal=4,
        formeel_excl_binnenwerk=Decimal("261.20"),
        inleen=Decimal("5.1"),
    )
    # Another quarter's figures are no cause of this quarter's difference.
    kwartaalcijfer_set(
        actor=beheerder,
        organisatie=bzk,
        jaar=2023,
        kwartaal=3,
        formeel_excl_binnenwerk=Decimal("1"),
        inleen=Decimal("1"),
    )

    result = verschillen(publicatie)
    cells = {(c.code, c.kolom): c for c in result.cellen}
    assert cells[("BZK", "formeel_excl_binnenwerk")].gepubliceerd == "260.20"
    assert cells[("BZK", "formeel_excl_binnenwerk")].nu == "261.20"
    assert cells[("BZK", "formeel_excl_binnenwerk")].verschil == Decimal("1.00")
    assert ("BZK", "binnenwerk") in cells and ("", "binnenwerk") in cells
    assert ("", "totaal") in cells and ("AZ", "binnenwerk") not in cells
    assert result.cijfers == []  # a quarter's view is about Table 1

    changed = [w for o in result.oorzaken for w in o.wijzigingen]
    assert ("einde", "None", "2023-11-30") in changed
    assert any(name == "formeel_excl_binnenwerk" and new == "261.20" for name, _o, new in changed)
    # The Q3 figures (inleen 1) are not among the causes.
    assert not any(name == "inleen" and Decimal(new) == 1 for name, _o, new in changed)

    body = client.get("/jaaroverzicht/2023/kwartaal/4/verschillen/").content.decode()
    assert 'data-sleutel="BZK.formeel_excl_binnenwerk"' in body
    assert 'data-sleutel="totaal.binnenwerk"' in body
    assert "260,20" in body and "261,20" in body
    assert "2023-11-30" in body


def test_changed_cells_handles_rows_on_one_side_only():
    published = [{"code": "A", "naam": "A", "doel": "1.00", "binnenwerk": "2.00"}]
    now = [{"code": "B", "naam": "B", "doel": "1.00", "binnenwerk": "2.00"}]
    cells = {(c.code, c.kolom, c.gepubliceerd, c.nu) for c in changed_cells(published, now)}
    assert ("A", "doel", "1.00", None) in cells and ("B", "binnenwerk", None, "2.00") in cells
    assert all(c.verschil is None for c in changed_cells(published, now))


def test_an_unpublished_quarter_has_no_differences(as_role):
    body = as_role("beheerder").get("/jaaroverzicht/2023/kwartaal/1/verschillen/").content.decode()
    assert 'id="verschillen"' not in body and 'id="oorzaken"' not in body

"""The contract clock in a real browser (Debian's Chromium through Playwright): a supervisor
decides a contract on the worklist and sees the new contract; another team's contract is
refused with a clear 404; every page has no axe-core violations.

The app runs in its own process on the demo organisation, plus one fixed-term contract in
the demo supervisor's team that ends in three weeks (made through the people services).
"""

import json

import pytest

playwright = pytest.importorskip("playwright.sync_api")
from tests.browser.helpers import assert_accessible, login, serve_demo  # noqa: E402

expect = playwright.expect


SETUP = """
import datetime as dt, json
from decimal import Decimal
from django.contrib.auth import get_user_model
from binnenwerk.accounts.selectors import led_teams
from binnenwerk.organisation.models import Organisatie, Team
from binnenwerk.people.services import medewerker_hire
today = dt.date.today()
lead = get_user_model().objects.get(username="leidinggevende")
mine = led_teams(lead, today, "leidinggevende")
other = Team.objects.filter(einde__isnull=True).exclude(pk__in=mine).order_by("code").first()
client = Organisatie.objects.get(code="BZK")
def hire(number, last_name, team):
    person = medewerker_hire(
        actor=None,
        medewerker={"personeelsnummer": number, "voornaam": "Klaas", "achternaam": last_name,
                    "doelgroepindicatie": True},
        start=today - dt.timedelta(days=344), einde=today + dt.timedelta(days=21),
        uren_per_week=Decimal(24), soort="bepaald", team=team, opdrachtgever=client)
    return person.dienstverbanden.get().pk
print(json.dumps({"own": hire("9000001", "Klokmans", mine.order_by("code").first()),
                  "other": hire("9000002", "Anderteam", other)}))
"""


@pytest.fixture(scope="module")
def demo_app(tmp_path_factory):
    yield from serve_demo(tmp_path_factory, SETUP)


@pytest.fixture(scope="module")
def contracts(demo_app):
    """The ids of the two contracts SETUP made: in the supervisor's team and in another."""
    return json.loads(demo_app.setup_output.strip().splitlines()[-1])


def test_a_supervisor_decides_a_contract_and_sees_the_new_one(browser, app_url):
    page = login(browser, app_url, "leidinggevende")
    page.goto(f"{app_url}/contracten/")
    expect(page.get_by_role("heading", name="Contractklok")).to_be_visible()
    row = page.get_by_role("row").filter(has_text="Klokmans")
    expect(row).to_have_count(1)
    expect(page.get_by_role("row").filter(has_text="Anderteam")).to_have_count(0)
    assert_accessible(page)
    row.get_by_role("link", name="Beslissen").click()
    expect(
        page.get_by_role("heading", name="Besluit over het contract van Klaas Klokmans")
    ).to_be_visible()
    assert_accessible(page)
    page.get_by_label("Vaste aanstelling").check()
    page.get_by_label("Uren per week").fill("26")
    page.get_by_role("button", name="Besluit vastleggen").click()
    expect(page.get_by_text("Klaas Klokmans heeft een vast contract vanaf")).to_be_visible()
    new = page.get_by_role("row").filter(has_text="Klokmans")
    expect(new).to_contain_text("Onbepaalde tijd")
    expect(new).to_contain_text("26,00 uur")
    assert_accessible(page)
    page.goto(f"{app_url}/contracten/")
    expect(page.get_by_role("row").filter(has_text="Klokmans")).to_have_count(0)
    page.close()


def test_another_teams_contract_is_refused_with_a_clear_message(browser, app_url, contracts):
    page = login(browser, app_url, "leidinggevende")
    response = page.goto(f"{app_url}/contracten/{contracts['other']}/besluit/")
    assert response.status == 404
    expect(page.get_by_role("alert")).to_contain_text("hoort bij een ander team")
    assert_accessible(page)
    page.close()


@pytest.mark.parametrize(
    ("username", "path"),
    [
        ("personeelszaken", "/contracten/?binnen=52"),
        ("personeelszaken", "/contracten/besluiten/"),
        ("management", "/contracten/?binnen=52"),
    ],
)
def test_pages_are_accessible(browser, app_url, username, path):
    page = login(browser, app_url, username)
    page.goto(app_url + path)
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    assert_accessible(page)
    page.close()


def test_the_decision_form_shows_the_chain_warning(browser, app_url, contracts):
    page = login(browser, app_url, "personeelszaken")
    page.goto(f"{app_url}/contracten/{contracts['other']}/besluit/")
    page.get_by_label("Verlengen").check()
    page.get_by_label("Laatste dag").fill("2031-12-31")
    page.get_by_role("button", name="Besluit vastleggen").click()
    expect(page.get_by_text("Bevestig dat u dit weet")).to_be_visible()
    assert_accessible(page)
    page.close()

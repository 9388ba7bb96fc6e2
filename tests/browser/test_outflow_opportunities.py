"""Outflow and growth opportunities in a real browser (Chromium through Playwright): the
year's move-ons, HR recording an outflow, the forecast chart; axe on every page.

The app runs in its own process on the demo organisation, with the outflow reasons and the
ideas loaded by their demo loaders (idempotent: harmless once the demo loader calls them).
"""

import pytest

playwright = pytest.importorskip("playwright.sync_api")
from tests.browser.helpers import assert_accessible, login, serve_demo  # noqa: E402

expect = playwright.expect

# An employee with an open contract, to record an outflow for.
FIND_ACTIVE = (
    "from binnenwerk.people.models import Medewerker;"
    "print(Medewerker.objects.filter(werkgever=None, doelgroepindicatie=True,"
    " dienstverbanden__einde=None).order_by('personeelsnummer').first().personeelsnummer)"
)


@pytest.fixture(scope="module")
def demo_app(tmp_path_factory):
    yield from serve_demo(tmp_path_factory, FIND_ACTIVE)


@pytest.fixture(scope="module")
def active_number(demo_app):
    return demo_app.setup_output.strip().splitlines()[-1]


def test_management_sees_nine_move_ons_in_2023(browser, app_url):
    page = login(browser, app_url, "management")
    page.goto(f"{app_url}/uitstroom/")
    page.get_by_role("spinbutton", name="Jaar").fill("2023")
    page.get_by_role("button", name="Toon").click()
    expect(page.get_by_role("heading", name="Uitstroom en doorstroom in 2023")).to_be_visible()
    expect(page.locator("#doorstroom")).to_have_text("9")
    by_reason = page.get_by_role("table", name="Uitstroom per reden, 2023")
    row = by_reason.get_by_role("row", name="Doorstroom binnen het Rijk")
    expect(row.get_by_role("cell")).to_have_text("9")
    assert_accessible(page)
    page.close()


def test_hr_records_an_outflow_and_sees_it_in_the_year(browser, app_url, active_number):
    page = login(browser, app_url, "personeelszaken")
    page.goto(f"{app_url}/uitstroom/?jaar=2026")
    before = int(page.locator("#doorstroom").inner_text())
    page.get_by_role("link", name="Uitstroom vastleggen").click()
    expect(page.get_by_role("heading", name="Uitstroom vastleggen")).to_be_visible()
    assert_accessible(page)
    page.get_by_label("Personeelsnummer").fill(active_number)
    page.get_by_label("Laatste werkdag").fill("2026-11-30")
    page.get_by_label("Reden").select_option("doorstroom_rijk")
    page.get_by_role("button", name="Opslaan").click()
    expect(page.locator(".fout").first).to_contain_text("nieuwe werkgever")
    assert_accessible(page)
    page.get_by_label("Nieuwe werkgever").fill("Rijkswaterstaat")
    page.get_by_role("button", name="Opslaan").click()
    expect(page.get_by_role("status")).to_contain_text("eindigt op 30-11-2026")
    expect(page.locator("#doorstroom")).to_have_text(str(before + 1))
    assert_accessible(page)
    page.close()


def test_the_forecast_chart_with_its_table(browser, app_url):
    page = login(browser, app_url, "management")
    page.goto(f"{app_url}/kansen/?peildatum=2026-11-01")
    expect(
        page.get_by_role("heading", name="Kansrijke ideeën en de prognose van banen")
    ).to_be_visible()
    figure = page.locator("figure").filter(has=page.locator("svg"))
    expect(figure).to_have_count(1)
    expect(figure.locator("figcaption")).to_contain_text("gestreepte lijn")
    page.get_by_text("Cijfers als tabel").click()
    expect(page.get_by_role("row", name="01-11-2026")).to_be_visible()
    expect(page.get_by_role("row", name="Archiefbanen met Doc-Direkt")).to_be_visible()
    assert_accessible(page)
    page.close()


def test_the_administrator_changes_an_idea(browser, app_url):
    page = login(browser, app_url, "beheerder")
    page.goto(f"{app_url}/kansen/?peildatum=2026-11-01")
    page.get_by_role("link", name="Wijzigen Archiefbanen bij Justid").click()
    assert_accessible(page)
    page.get_by_label("Fase").select_option("akkoord")
    page.get_by_label("Kans (%)").fill("80")
    page.get_by_role("button", name="Opslaan").click()
    expect(page.get_by_role("status")).to_contain_text("is opgeslagen")
    row = page.get_by_role("row", name="Archiefbanen bij Justid")
    expect(row).to_contain_text("Akkoord")
    expect(row).to_contain_text("80%")
    assert_accessible(page)
    page.close()

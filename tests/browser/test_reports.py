"""The annual overview and the client statement in a real browser (Debian's Chromium through
Playwright, axe-core): every page of them without accessibility violations, reached through
the navigation; a text added after publication stays out of the published overview and shows
in the difference view; a quarter is published; a client contact reads its own statement and
gets 404 for another client's."""

import re

import pytest

playwright = pytest.importorskip("playwright.sync_api")
from tests.browser.helpers import assert_accessible, login  # noqa: E402

expect = playwright.expect


def test_management_reads_the_published_overview_and_its_differences(browser, app_url):
    page = login(browser, app_url, "management")
    page.get_by_role("navigation", name="Hoofdmenu").get_by_role(
        "link", name="Jaaroverzicht"
    ).click()
    page.wait_for_url(f"{app_url}/jaaroverzicht/2023/")
    expect(page.get_by_role("heading", name="Jaaroverzicht 2023", exact=True)).to_be_visible()
    expect(page.locator("#cijfer-banen")).to_have_text("870,20")
    expect(page.locator("#vastgesteld")).to_be_visible()
    assert_accessible(page)

    page.get_by_role("link", name="Verschillen met de gegevens van vandaag").click()
    expect(page.locator("main")).to_contain_text("Nieuwe ziekmeldingen")
    assert_accessible(page)

    page.goto(f"{app_url}/jaaroverzicht/2023/")
    page.get_by_role("link", name="Rapportages per opdrachtgever").click()
    assert_accessible(page)
    page.goto(f"{app_url}/jaaroverzicht/opdrachtgever/BZK/2023/")
    expect(page.locator("main")).to_contain_text("201,76")
    assert_accessible(page)
    page.close()


def test_a_story_added_after_publication_waits_for_the_next_one(browser, app_url):
    page = login(browser, app_url, "beheerder")
    page.goto(f"{app_url}/jaaroverzicht/2023/")
    page.get_by_role("link", name="Teksten bewerken").click()
    assert_accessible(page)
    page.get_by_role("link", name="Verhaal toevoegen").click()
    assert_accessible(page)
    page.get_by_role("button", name="Opslaan").click()  # empty: the errors are at the fields
    expect(page.locator("main")).to_contain_text("Titel")
    assert_accessible(page)
    page.get_by_label("Titel").fill("Een nieuw team in Zeeland")
    page.get_by_label("Tekst", exact=True).fill("Het team begon in het voorjaar.")
    page.get_by_role("button", name="Opslaan").click()
    expect(page.locator("main")).to_contain_text("Een nieuw team in Zeeland")

    page.goto(f"{app_url}/jaaroverzicht/2023/")
    expect(page.locator("main")).not_to_contain_text("Een nieuw team in Zeeland")
    page.get_by_role("link", name="Verschillen met de gegevens van vandaag").click()
    expect(page.locator("main")).to_contain_text("Een nieuw team in Zeeland")
    page.close()


def test_the_administrator_publishes_a_quarter(browser, app_url):
    page = login(browser, app_url, "beheerder")
    page.goto(f"{app_url}/jaaroverzicht/2023/")
    page.get_by_role("link", name="Kwartaal 4 van 2023").click()
    expect(page.get_by_role("table").first).to_be_visible()
    assert_accessible(page)
    page.goto(f"{app_url}/jaaroverzicht/2023/kwartaal/4/publiceren/")
    assert_accessible(page)
    page.get_by_role("button", name="Vaststellen").click()
    page.wait_for_url(re.compile(r".*/jaaroverzicht/2023/kwartaal/4/$"))
    expect(page.locator("main")).to_contain_text("Vastgesteld op")
    assert_accessible(page)
    page.close()


def test_a_client_contact_reads_its_own_statement_only(browser, app_url):
    page = login(browser, app_url, "opdrachtgever")
    page.get_by_role("navigation", name="Hoofdmenu").get_by_role(
        "link", name="Jaarrapportage"
    ).click()
    page.wait_for_url(re.compile(r".*/jaaroverzicht/opdrachtgever/BZK/\d{4}/$"))
    page.get_by_label("Jaar").select_option("2023")
    page.get_by_role("button", name="Toon").click()
    page.wait_for_url(re.compile(r".*/BZK/2023/.*"))
    expect(page.locator("main")).to_contain_text("201,76")
    assert_accessible(page)
    response = page.goto(f"{app_url}/jaaroverzicht/opdrachtgever/JenV/2023/")
    assert response.status == 404
    page.close()

"""The access log in a real browser (Debian's Chromium through Playwright, axe-core): the
job coach reads people's coaching notes, the privacy officer logs in, lands on the access
log, filters it on coaching notes and finds the read; the page has no axe violations."""

import pytest

playwright = pytest.importorskip("playwright.sync_api")
from tests.browser.helpers import assert_accessible, login  # noqa: E402

expect = playwright.expect

LOG = "/privacy/toegang/"


def test_the_privacy_officer_finds_a_coaching_note_read(browser, app_url):
    reader = login(browser, app_url, "jobcoach")
    reader.goto(f"{app_url}/coaching/")
    links = reader.locator("main table a")
    hrefs = [links.nth(i).get_attribute("href") for i in range(links.count())]
    for href in hrefs:  # the people's pages: each shows (and logs) their coaching notes
        assert reader.goto(f"{app_url}{href}").status == 200
    reader.close()

    page = login(browser, app_url, "privacy", lands_on=LOG)
    assert_accessible(page)
    page.select_option("#id_soort", "coachingnotitie")
    page.fill("#id_gebruiker", "jobcoach")
    page.locator("form[role=search] button[type=submit]").click()
    page.wait_for_url("**soort=coachingnotitie**")
    rows = page.locator("main table tbody tr")
    expect(rows.first).to_contain_text("jobcoach")
    assert_accessible(page)
    assert page.goto(f"{app_url}/medewerkers/").status == 404
    page.close()


def test_other_roles_get_404_on_the_access_log(browser, app_url):
    page = login(browser, app_url, "beheerder")
    assert page.goto(f"{app_url}{LOG}").status == 404
    page.close()

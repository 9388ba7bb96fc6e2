"""Absence in a real browser (Debian's Chromium through Playwright, axe-core): a supervisor
records a sick report and gets its Poortwachter steps with dates counted in calendar weeks
from the first sick day; management sees the figures only; outsiders get 404."""

import datetime as dt
import re

import pytest

playwright = pytest.importorskip("playwright.sync_api")
from tests.browser.helpers import assert_accessible, login  # noqa: E402

expect = playwright.expect

FIRST_DAY = dt.date.today() - dt.timedelta(days=3)


def _nl(day: dt.date) -> str:
    return day.strftime("%d-%m-%Y")


def test_a_supervisor_records_a_sick_report_and_gets_its_poortwachter_steps(browser, app_url):
    page = login(browser, app_url, "leidinggevende")
    page.goto(f"{app_url}/verzuim/meldingen/")
    expect(page.get_by_role("heading", name="Ziekmeldingen", exact=True)).to_be_visible()
    assert_accessible(page)
    page.get_by_role("link", name="Nieuwe ziekmelding").click()
    expect(page.locator("main")).to_contain_text("Noteer nooit de aard of oorzaak van de ziekte")
    assert_accessible(page)
    # Someone in the supervisor's teams who is not absent on the first day.
    options = page.locator("#id_medewerker option:not([value=''])")
    for index in range(options.count()):
        page.select_option("#id_medewerker", options.nth(index).get_attribute("value"))
        page.get_by_label("Eerste ziektedag").fill(FIRST_DAY.isoformat())
        page.get_by_role("button", name="Opslaan").click()
        if "/verzuim/meldingen/nieuw/" not in page.url:
            break
    expect(page.get_by_role("heading", name=re.compile("^Ziekmelding van "))).to_be_visible()
    timeline = page.get_by_role("table", name="Poortwachter-tijdlijn")
    for step, week in (("Probleemanalyse", 6), ("Plan van aanpak", 8), ("Ziekmelding bij UWV", 42)):
        due = FIRST_DAY + dt.timedelta(days=7 * week - 1)
        row = timeline.get_by_role("row", name=re.compile(f"^{step}"))
        expect(row).to_contain_text(_nl(due))
    assert_accessible(page)
    page.close()


def test_management_sees_figures_but_no_sick_reports(browser, app_url):
    page = login(browser, app_url, "management")
    page.get_by_role("link", name="Verzuim").click()
    page.get_by_label("Jaar").fill("2023")
    page.get_by_role("button", name="Toon").click()
    expect(page.locator("main")).to_contain_text("11,39")
    assert_accessible(page)
    response = page.goto(f"{app_url}/verzuim/meldingen/")
    assert response.status == 404
    page.close()


def test_a_job_coach_gets_404(browser, app_url):
    page = login(browser, app_url, "jobcoach")
    assert page.goto(f"{app_url}/verzuim/").status == 404
    assert page.goto(f"{app_url}/verzuim/meldingen/").status == 404
    page.close()

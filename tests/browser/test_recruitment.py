"""Recruitment in a real browser (Debian's Chromium through Playwright, axe-core): a candidate
goes through a trial placement to a hire, and the jobs change only at the contract's start;
bad input is refused with a Dutch message; every page has no axe violations."""

import re

import pytest

playwright = pytest.importorskip("playwright.sync_api")
from tests.browser.helpers import assert_accessible, login  # noqa: E402

expect = playwright.expect


def jobs_of(page, app_url, nummer, peildatum):
    page.goto(f"{app_url}/medewerkers/{nummer}/?peildatum={peildatum}")
    return page.locator("dl.gegevens dd").last.inner_text()


def test_a_candidate_goes_through_a_trial_placement_to_a_hire(browser, app_url):
    page = login(browser, app_url, "werving")
    page.goto(f"{app_url}/werving/")
    expect(page.get_by_role("heading", name="Werving: kandidaten per fase")).to_be_visible()
    assert_accessible(page)

    page.get_by_role("link", name="Nieuwe kandidaat").click()
    assert_accessible(page)
    page.get_by_label("Voornaam").fill("Toos")
    page.get_by_label("Achternaam").fill("Testkandidaat")
    page.get_by_label("Herkomst").select_option(label="Gemeente")
    page.get_by_label("Doelgroepindicatie").select_option(label="Ja")
    page.get_by_label("Werksoort").select_option(label="Bos- en natuurbeheer")
    page.get_by_label("Aangemeld op").fill("2026-11-02")
    page.get_by_role("button", name="Aanmelden").click()
    expect(page.get_by_text("Toos Testkandidaat is aangemeld als kandidaat.")).to_be_visible()
    assert_accessible(page)
    detail = page.url

    page.get_by_role("link", name="Kennismaking gehouden").click()
    page.get_by_label("Datum").fill("2026-11-09")
    page.get_by_role("button", name="Opslaan").click()
    expect(page.get_by_text("is nu in de fase 'Kennismaking'")).to_be_visible()

    # A trial placement of more than 6 months is refused next to the field.
    page.get_by_role("link", name="Proefplaatsing vastleggen").click()
    team = page.get_by_label("Team").locator("option").nth(1).get_attribute("value")
    page.get_by_label("Team").select_option(team)
    page.get_by_label("Eerste dag").fill("2026-11-16")
    page.get_by_label("Laatste dag").fill("2027-05-16")
    page.get_by_role("button", name="Proefplaatsing vastleggen").click()
    expect(page.locator("#id_einde_fout")).to_contain_text(
        "Een proefplaatsing duurt hoogstens 6 maanden"
    )
    assert_accessible(page)
    page.goto(detail)
    expect(page.get_by_text("Geen proefplaatsingen.")).to_be_visible()

    page.get_by_role("link", name="Proefplaatsing vastleggen").click()
    page.get_by_label("Team").select_option(team)
    page.get_by_label("Eerste dag").fill("2026-11-16")
    page.get_by_label("Laatste dag").fill("2027-02-28")
    page.get_by_role("button", name="Proefplaatsing vastleggen").click()
    expect(page.get_by_text("Een proefplaatsing heeft geen dienstverband")).to_be_visible()

    page.get_by_role("link", name="Aannemen").click()
    assert_accessible(page)
    page.get_by_label("Personeelsnummer").fill("9200001")
    page.get_by_label("Eerste werkdag").fill("2027-03-02")
    page.get_by_label("Uren per week").fill("25,5")
    page.get_by_label("Soort dienstverband").select_option("bepaald")
    page.get_by_label("Opdrachtgever").select_option(index=1)
    page.get_by_role("button", name="Aannemen").click()
    expect(page.get_by_text("is aangenomen vanaf 02-03-2027")).to_be_visible()
    page.close()

    hr = login(browser, app_url, "personeelszaken")
    assert jobs_of(hr, app_url, "9200001", "2026-12-01") == "0,00"  # in the trial: no jobs
    assert jobs_of(hr, app_url, "9200001", "2027-03-01") == "0,00"
    assert jobs_of(hr, app_url, "9200001", "2027-03-02") == "1,00"
    hr.close()


def test_hiring_without_an_indication_is_refused(browser, app_url):
    page = login(browser, app_url, "werving")
    page.goto(f"{app_url}/werving/")
    trial = page.get_by_role("region", name=re.compile("^Proefplaatsing"))
    row = trial.get_by_role("row").filter(has_text="Aangevraagd").first
    row.get_by_role("link").click()
    expect(page.get_by_text("nog niet bevestigd")).to_be_visible()
    assert_accessible(page)
    page.get_by_role("link", name="Aannemen").click()
    page.get_by_label("Personeelsnummer").fill("9200002")
    page.get_by_label("Eerste werkdag").fill("2027-03-01")
    page.get_by_label("Uren per week").fill("20")
    page.get_by_label("Opdrachtgever").select_option(index=1)
    page.get_by_role("button", name="Aannemen").click()
    expect(page.get_by_role("alert")).to_contain_text(
        "Aannemen geweigerd: de doelgroepindicatie is niet bevestigd"
    )
    assert_accessible(page)
    page.goto(f"{app_url}/werving/?afgerond=1")
    expect(page.get_by_text("9200002")).to_have_count(0)
    page.close()


def test_reject_form_and_closed_board_are_accessible(browser, app_url):
    page = login(browser, app_url, "werving")
    page.goto(f"{app_url}/werving/?afgerond=1")
    assert_accessible(page)
    page.get_by_role("region", name=re.compile("^Aangemeld")).get_by_role("link").first.click()
    page.get_by_role("link", name="Afwijzen of terugtrekken").click()
    page.get_by_role("button", name="Opslaan").click()
    expect(page.locator("#id_reden_fout")).to_be_visible()
    assert_accessible(page)
    page.close()


@pytest.mark.parametrize("username", ["management", "werving"])
def test_the_funnel_is_accessible(browser, app_url, username):
    page = login(browser, app_url, username)
    page.goto(f"{app_url}/werving/trechter/?jaar=2026")
    expect(page.get_by_role("heading", name="Wervingstrechter 2026")).to_be_visible()
    expect(page.get_by_role("table").first).to_contain_text("Aangenomen")
    assert_accessible(page)
    page.close()

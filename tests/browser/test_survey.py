"""The employee survey in a real browser (Debian's Chromium through Playwright, axe-core): a
demo code answered by keyboard alone, on a phone-sized screen, every screen without axe
violations; the results page as management, with a team of four shown as too few responses."""

import re

import pytest

playwright = pytest.importorskip("playwright.sync_api")
from tests.browser.helpers import assert_accessible, login  # noqa: E402

expect = playwright.expect

DEMO_CODE = "WERK2345"  # one of the open 2026 questionnaire's demo codes (README)
PHONE = {"width": 320, "height": 640}


def _tab_to(page, element_id: str) -> None:
    """Move the focus with Tab only, as a keyboard user does, until it reaches the element."""
    for _ in range(30):
        if page.evaluate("document.activeElement && document.activeElement.id") == element_id:
            return
        page.keyboard.press("Tab")
    raise AssertionError(f"Tab never reached #{element_id}")


def _fits_the_screen(page) -> bool:
    return page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


def test_answering_by_keyboard_on_a_phone(browser, app_url):
    page = browser.new_page(locale="nl-NL", viewport=PHONE)
    page.goto(f"{app_url}/onderzoek/")
    expect(page.get_by_role("heading", name="Medewerkersonderzoek")).to_be_visible()
    assert_accessible(page)
    assert _fits_the_screen(page)
    _tab_to(page, "id_code")
    page.keyboard.type(DEMO_CODE)
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/onderzoek/vraag/1/$"))

    answered = 0
    while "/onderzoek/vraag/" in page.url:
        expect(page.get_by_role("heading", name=re.compile(r"^Vraag \d+ van \d+$"))).to_be_visible()
        if answered == 0:
            assert_accessible(page)
        assert _fits_the_screen(page)
        first_option = page.locator("input[name=antwoord]").first.get_attribute("id")
        _tab_to(page, first_option)
        page.keyboard.press("ArrowRight")  # a radio group: the arrow chooses the next answer
        before = page.url
        page.keyboard.press("Enter")
        page.wait_for_url(lambda url, before=before: url != before)
        answered += 1
    assert answered >= 5 and page.url.endswith("/onderzoek/controle/")

    expect(page.get_by_role("heading", name="Bekijk je antwoorden")).to_be_visible()
    assert_accessible(page)
    page.get_by_role("button", name="Verstuur mijn antwoorden").focus()
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", name=re.compile("Bedankt"))).to_be_visible()
    assert_accessible(page)

    # The code works once.
    page.goto(f"{app_url}/onderzoek/")
    page.get_by_label("Je code").fill(DEMO_CODE)
    page.get_by_role("button", name="Beginnen").click()
    expect(page.get_by_role("alert")).to_contain_text("al gebruikt")
    assert_accessible(page)
    page.close()


def test_results_as_management(browser, app_url):
    page = login(browser, app_url, "management")
    page.get_by_role("link", name="Medewerkersonderzoek").click()
    expect(page).to_have_url(re.compile(r"/onderzoek/resultaten/2023/$"))
    expect(page.locator("main")).to_contain_text("8,2")
    expect(page.locator("main")).to_contain_text("80,3%")
    expect(page.locator("main")).to_contain_text("te weinig reacties")
    assert_accessible(page)
    page.close()

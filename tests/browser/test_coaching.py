"""Coaching in a real browser (Debian's Chromium through Playwright, axe-core): a job coach
writes a note, the supervisor reads it, others get 404, HR sees the read in the access log."""

import re

import pytest

playwright = pytest.importorskip("playwright.sync_api")
from tests.browser.helpers import assert_accessible, login, serve_demo  # noqa: E402

expect = playwright.expect

NOTE = "Rondleiding gegeven aan een nieuwe collega; wil dat vaker doen."

# A second job coach: the staff member coaching another team today, with an account.
SETUP = """
import datetime as dt
from binnenwerk.accounts.services import account_set
from binnenwerk.organisation.models import TeamRol
from binnenwerk.periods import active_on
from django.contrib.auth import get_user_model
mine = get_user_model().objects.get(username="jobcoach").profiel.medewerker
other = (TeamRol.objects.filter(active_on(dt.date.today()), rol="jobcoach")
         .exclude(medewerker=mine).order_by("team__code").first())
account_set(actor=None, username="andere-coach", password="binnenwerk-demo",
            roles=["jobcoach"], medewerker=other.medewerker)
"""


@pytest.fixture(scope="module")
def demo_app(tmp_path_factory):
    yield from serve_demo(tmp_path_factory, SETUP)


def _first_coachee(page, app_url) -> str:
    page.goto(f"{app_url}/coaching/")
    return page.locator("tbody th a").first.get_attribute("href")


def test_a_coach_writes_a_note_the_supervisor_reads_and_outsiders_cannot(browser, app_url):
    coach = login(browser, app_url, "jobcoach")
    coach.goto(f"{app_url}/coaching/")
    expect(coach.get_by_role("heading", name="Coaching en ontwikkeling")).to_be_visible()
    assert_accessible(coach)
    coach.locator("tbody th a").first.click()
    person_url = coach.url
    coach.get_by_role("link", name="Nieuwe coachingnotitie").click()
    assert_accessible(coach)
    coach.get_by_label("Notitie").fill(NOTE)
    coach.get_by_role("button", name="Opslaan").click()
    expect(coach.get_by_role("status")).to_contain_text("is opgeslagen")
    expect(coach.locator("main")).to_contain_text(NOTE)
    assert_accessible(coach)
    coach.close()

    supervisor = login(browser, app_url, "leidinggevende")
    supervisor.goto(person_url)
    expect(supervisor.locator("main")).to_contain_text(NOTE)
    expect(supervisor.get_by_role("link", name="Nieuwe coachingnotitie")).to_have_count(0)
    supervisor.close()

    for outsider in ("management", "opdrachtgever", "andere-coach"):
        page = login(browser, app_url, outsider)
        response = page.goto(person_url)
        assert response.status == 404, outsider
        assert NOTE not in page.content()
        page.close()

    hr = login(browser, app_url, "personeelszaken")
    hr.goto(person_url)
    log = hr.locator("section", has=hr.get_by_role("heading", name="Wie de notities las"))
    expect(log.get_by_role("row").filter(has_text="leidinggevende").first).to_be_visible()
    expect(log.get_by_role("row").filter(has_text="andere-coach")).to_have_count(0)
    assert_accessible(hr)
    hr.close()


@pytest.mark.parametrize(
    ("username", "path"),
    [
        ("jobcoach", "/coaching/functieprofielen/"),
        ("personeelszaken", "/coaching/?zoek=de"),
        ("jobcoach", "{person}doelen/nieuw/"),
        ("jobcoach", "{note}"),
        ("personeelszaken", "{person}functieprofiel/"),
    ],
)
def test_coaching_pages_are_accessible(browser, app_url, username, path):
    page = login(browser, app_url, username)
    person = _first_coachee(page, app_url)
    if "{note}" in path:
        dated = page.locator("td:nth-child(5)", has_text=re.compile(r"\d{2}-\d{2}-\d{4}"))
        page.locator("tbody tr").filter(has=dated).first.locator("th a").click()
        path = page.locator("article.notitie h3 a").first.get_attribute("href")
    page.goto(app_url + path.format(person=person))
    assert page.locator("h1").count() == 1
    assert_accessible(page)
    page.close()


def test_a_bad_note_shows_the_error_next_to_the_field(browser, app_url):
    page = login(browser, app_url, "jobcoach")
    person = _first_coachee(page, app_url)
    page.goto(f"{app_url}{person}notities/nieuw/")
    page.get_by_label("Datum").fill("2099-01-01")
    page.get_by_label("Notitie").fill("Iets")
    page.get_by_role("button", name="Opslaan").click()
    expect(page.locator(".fout")).to_contain_text("niet in de toekomst")
    assert_accessible(page)
    page.close()

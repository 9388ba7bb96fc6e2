"""In a real browser (Debian's Chromium through Playwright): every main page per role has
no axe-core violations, works by keyboard, and shows each role its own numbers.

The app runs in its own process on the demo organisation, as a user would meet it.
"""

import re

import pytest

playwright = pytest.importorskip("playwright.sync_api")
from tests.browser.helpers import assert_accessible, login  # noqa: E402

expect = playwright.expect

ROLES = [
    "beheerder",
    "personeelszaken",
    "management",
    "leidinggevende",
    "jobcoach",
    "werving",
    "opdrachtgever",
]


def test_login_page_is_accessible_and_keyboard_first(browser, app_url):
    page = browser.new_page(locale="nl-NL")
    page.goto(f"{app_url}/inloggen/")
    assert_accessible(page)
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Direct naar de inhoud"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "inhoud"


@pytest.mark.parametrize("username", ROLES)
def test_dashboard_per_role_is_accessible(browser, app_url, username):
    page = login(browser, app_url, username)
    page.goto(f"{app_url}/?peildatum=2023-12-31")
    expect(page.get_by_role("heading", name="Dashboard")).to_be_visible()
    assert_accessible(page)
    page.close()


def test_management_picks_a_peildatum_by_keyboard_and_sees_that_day(browser, app_url):
    page = login(browser, app_url, "management")
    page.get_by_label("Peildatum", exact=True).fill("2021-12-31")
    page.get_by_label("Peildatum", exact=True).press("Enter")
    page.wait_for_url("**peildatum=2021-12-31**")
    figures = page.locator(".kerncijfers").inner_text()
    assert "579,00" in figures and "425" in figures
    page.get_by_text("Cijfers als tabel").first.click()
    expect(page.get_by_role("table").first).to_be_visible()


def test_client_sees_only_its_own_numbers(browser, app_url):
    page = login(browser, app_url, "opdrachtgever")
    page.goto(f"{app_url}/?peildatum=2023-12-31")
    text = page.locator("main").inner_text()
    assert "201,76" in text and "Justitie en Veiligheid" not in text
    assert page.goto(f"{app_url}/admin/").url.startswith(f"{app_url}/admin/login/")


@pytest.mark.parametrize(
    "path",
    [
        "/teams/?peildatum=2023-12-31",
        "/teams/BOS-01/?peildatum=2023-12-31",
        "/medewerkers/?peildatum=2023-12-31",
        "/medewerkers/1000074/?peildatum=2023-12-31",
    ],
)
def test_teams_and_people_pages_are_accessible_for_hr(browser, app_url, path):
    page = login(browser, app_url, "personeelszaken")
    page.goto(app_url + path)
    assert_accessible(page)
    page.close()


def test_hr_finds_a_person_by_keyboard(browser, app_url):
    page = login(browser, app_url, "personeelszaken")
    page.goto(f"{app_url}/medewerkers/?peildatum=2023-12-31")
    page.get_by_label("Naam of personeelsnummer").fill("1000074")
    page.get_by_label("Naam of personeelsnummer").press("Enter")
    page.get_by_role("link", name="de Smit, Lot").press("Enter")
    expect(page.get_by_role("heading", name="Lot de Smit")).to_be_visible()
    page.close()


def _number(text: str) -> float:
    return float(text.strip().replace(".", "").replace(",", "."))


def _client_jobs(page, app_url, client_name: str, day: str) -> float:
    page.goto(f"{app_url}/?peildatum={day}")
    section = page.locator(
        "section", has=page.get_by_role("heading", name="Banen per opdrachtgever")
    )
    section.get_by_text("Cijfers als tabel").click()
    row = section.get_by_role("row", name=client_name)
    return _number(row.get_by_role("cell").last.inner_text()) if row.count() else 0.0


def test_hr_moves_a_person_to_another_client_and_the_dashboard_follows(browser, app_url):
    day = "2026-10-01"
    page = login(browser, app_url, "personeelszaken")
    before = _client_jobs(page, app_url, "Algemene Zaken", day)
    page.goto(f"{app_url}/medewerkers/?peildatum={day}&werksoort=PAND&opdrachtgever=BZK")
    page.locator("tbody th a").first.click()
    jobs = _number(page.locator("dt:has-text('Banen op') + dd").inner_text())
    page.get_by_role("link", name="Verplaatsen naar ander team of opdrachtgever").click()
    page.get_by_label("Vanaf").fill(day)
    page.get_by_label("Team").select_option(index=1)
    page.get_by_label("Opdrachtgever").select_option(label="Algemene Zaken (AZ)")
    page.get_by_role("button", name="Verplaatsen").click()
    assert "voor Algemene Zaken" in page.get_by_role("status").inner_text()
    assert_accessible(page)
    after = _client_jobs(page, app_url, "Algemene Zaken", day)
    assert after == pytest.approx(before + jobs, abs=0.011)
    page.close()


@pytest.mark.parametrize("path", ["/opdrachtgevers/", "/opdrachtgevers/BZK/?peildatum=2023-12-31"])
def test_client_pages_are_accessible(browser, app_url, path):
    page = login(browser, app_url, "opdrachtgever")
    page.goto(app_url + path)
    assert_accessible(page)
    page.close()


def test_import_page_is_accessible(browser, app_url):
    page = login(browser, app_url, "beheerder")
    page.goto(f"{app_url}/import/")
    expect(page.get_by_role("heading", name="Import en export")).to_be_visible()
    assert_accessible(page)
    page.close()


def test_supervisor_opens_their_team_and_sees_its_members(browser, app_url):
    page = login(browser, app_url, "leidinggevende")
    page.get_by_role("link", name="Teams", exact=True).click()
    page.wait_for_url(re.compile(r"/teams/(\?.*)?$"))
    page.locator("tbody th a").first.click()
    page.wait_for_url(re.compile(r"/teams/[^/]+/(\?.*)?$"))
    expect(page.get_by_role("heading", name="Teamleden op")).to_be_visible()
    expect(page.locator("section:has(h2:has-text('Teamleden')) tbody tr")).not_to_have_count(0)
    assert_accessible(page)
    page.close()


def test_recruiter_finds_teams_with_open_places(browser, app_url):
    page = login(browser, app_url, "werving")
    page.goto(f"{app_url}/teams/")
    page.get_by_label("Werksoort").select_option(label="Bos- en natuurbeheer")
    page.get_by_role("button", name="Toon").click()
    page.wait_for_url("**werksoort=BOS**")
    headers = page.locator("thead th").all_inner_texts()
    assert "Open plaatsen" in headers and "Leidinggevende" in headers
    assert_accessible(page)
    page.close()


def test_administrator_exports_and_reimports_with_nothing_changed(browser, app_url, tmp_path):
    page = login(browser, app_url, "beheerder")
    page.get_by_role("link", name="Import en export").click()
    with page.expect_download() as download:
        page.get_by_role("link", name="Download export (.xlsx)").click()
    workbook = tmp_path / "export.xlsx"
    download.value.save_as(workbook)
    page.get_by_label("Bestand").set_input_files(workbook)
    page.get_by_role("button", name="Controleren").click()
    assert "geen fouten" in page.get_by_role("status").inner_text()
    page.get_by_role("button", name="Import opslaan").click()
    message = page.get_by_role("status").inner_text()
    assert "0 aangemaakt, 0 bijgewerkt" in message
    page.close()


def test_coordinator_lands_on_the_monitor_and_finds_the_published_table(browser, app_url):
    page = login(browser, app_url, "monitor", lands_on="/monitor/")
    page.get_by_label("Kwartaal", exact=True).fill("2023Q4")
    page.get_by_label("Kwartaal", exact=True).press("Enter")
    page.wait_for_url("**kwartaal=2023Q4**")
    total = page.locator("table.tabel1 tfoot tr").inner_text().split()
    assert total[-6:] == ["5.637", "3.196", "870", "450", "4.517", "80%"]
    assert_accessible(page)
    page.close()


@pytest.mark.parametrize(
    "path",
    [
        "/monitor/?kwartaal=2023Q4",
        "/monitor/afdrukken/?kwartaal=2023Q4",
        "/monitor/invoer/?kwartaal=2023Q4",
        "/monitor/invoer/import/",
        "/monitor/invoer/cijfers/",
    ],
)
def test_monitor_pages_are_accessible(browser, app_url, path):
    page = login(browser, app_url, "beheerder")
    page.goto(app_url + path)
    assert_accessible(page)
    page.close()


def test_client_uses_the_quotum_calculator_by_keyboard(browser, app_url):
    page = login(browser, app_url, "opdrachtgever")
    page.get_by_role("link", name="Banenafspraak").click()
    page.wait_for_url(re.compile(r"/monitor/$"))
    rows = page.locator("table.tabel1 tbody th").all_inner_texts()
    assert rows == ["BZK"]
    page.get_by_role("link", name="Quotumcalculator").click()
    page.get_by_label("Gemiddeld aantal fte").fill("10505")
    page.get_by_label("Quotumpercentage").fill("2,76")
    page.get_by_label("Quotumpercentage").press("Enter")
    expect(page.get_by_role("status")).to_contain_text("Doel: 409 banen")
    assert_accessible(page)
    page.close()


def test_administrator_makes_an_account_and_its_owner_replaces_the_one_time_password(
    browser, app_url
):
    """Gebruikers → Nieuw account → a one-time password, shown once; its owner is told who
    reset it and chooses their own password before any other page (issue 18)."""
    page = login(browser, app_url, "beheerder")
    page.goto(f"{app_url}/gebruikers/")
    assert_accessible(page)
    page.get_by_role("link", name="Nieuw account").click()
    page.get_by_label("Gebruikersnaam").fill("nieuwe.collega")
    page.get_by_label("Voornaam").fill("Nieuwe")
    page.get_by_role("checkbox", name="Management").check()
    assert_accessible(page)
    page.get_by_role("button", name="Account maken").click()
    expect(page.get_by_role("heading", name="Account nieuwe.collega")).to_be_visible()
    assert_accessible(page)
    page.get_by_role("button", name="Geef een eenmalig wachtwoord").click()
    one_time = page.locator("code").inner_text()
    assert_accessible(page)

    owner = login(
        browser, app_url, "nieuwe.collega", lands_on="/account/wachtwoord/", password=one_time
    )
    expect(owner.get_by_text("opnieuw ingesteld door beheerder")).to_be_visible()
    assert_accessible(owner)
    owner.get_by_label("Oud wachtwoord").fill(one_time)
    owner.get_by_label("Nieuw wachtwoord", exact=True).fill("een-eigen-wachtwoord-2026")
    owner.get_by_label("Nieuw wachtwoord bevestigen").fill("een-eigen-wachtwoord-2026")
    owner.get_by_role("button", name="Wachtwoord wijzigen").click()
    owner.wait_for_url(f"{app_url}/")
    expect(owner.get_by_text("Je wachtwoord is gewijzigd.")).to_be_visible()


def test_hr_hands_over_a_team_role(browser, app_url):
    page = login(browser, app_url, "personeelszaken")
    page.goto(f"{app_url}/teams/BOS-01/")
    page.get_by_role("link", name="Rol overdragen").click()
    assert_accessible(page)

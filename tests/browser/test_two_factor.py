"""Two-factor sign-in in a real browser, with the setting on: the administrator enrols an app
(the code computed from the key the page shows), signs out, and signs in with a code."""

import time
from base64 import b32decode

import pytest
from django_otp.oath import TOTP

from tests.browser.helpers import PASSWORD, assert_accessible, login, serve_demo


@pytest.fixture(scope="module")
def demo_app(tmp_path_factory):
    yield from serve_demo(tmp_path_factory, extra_env={"TWEE_FACTOR_VERPLICHT": "1"})


def _code(key: bytes, ahead: int = 0) -> str:
    totp = TOTP(key)
    totp.time = time.time() + ahead * 30
    return f"{totp.token():06d}"


def test_administrator_enrols_then_signs_in_with_a_code(browser, app_url):
    page = login(browser, app_url, "beheerder", lands_on="/inloggen/tweestapsverificatie/")
    assert_accessible(page)
    qr = page.get_by_role("img")
    assert qr.evaluate("img => img.complete && img.naturalWidth > 0")
    key = b32decode(page.locator("#sleutel").inner_text().replace(" ", ""))
    page.get_by_label("Code").fill(_code(key))
    page.locator("main form button[type=submit]").click()
    page.wait_for_url(f"{app_url}/")
    page.goto(f"{app_url}/gebruikers/")
    assert page.url == f"{app_url}/gebruikers/"
    page.close()

    page = browser.new_page(locale="nl-NL")
    page.goto(f"{app_url}/gebruikers/")
    page.get_by_label("Gebruikersnaam").fill("beheerder")
    page.get_by_label("Wachtwoord").fill(PASSWORD)
    page.get_by_role("button", name="Inloggen").click()
    page.wait_for_url(f"{app_url}/inloggen/code/?next=%2Fgebruikers%2F")
    assert_accessible(page)
    page.get_by_label("Code").fill(_code(key, ahead=1))  # the enrolment used this step's code
    page.locator("main form button[type=submit]").click()
    page.wait_for_url(f"{app_url}/gebruikers/")
    page.close()


def test_other_roles_sign_in_with_a_password_only(browser, app_url):
    login(browser, app_url, "management").close()

"""A client contact makes an API token in the browser, uses it, and revokes it; the API's
own documentation is served by the app (no CDN)."""

from __future__ import annotations

import json
import urllib.error
import urllib.request

from tests.browser.helpers import assert_accessible, login


def _api(app_url: str, path: str, token: str) -> tuple[int, dict]:
    request = urllib.request.Request(
        f"{app_url}{path}", headers={"Authorization": f"Bearer {token}"}
    )
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, json.load(response)
    except urllib.error.HTTPError as error:
        return error.code, json.load(error)


def test_make_use_and_revoke_a_token(browser, app_url):
    page = login(browser, app_url, "opdrachtgever")
    page.get_by_role("link", name="API-tokens").click()
    page.wait_for_url(f"{app_url}/api-tokens/")
    assert page.get_by_text("U hebt nog geen API-tokens.").is_visible()
    assert_accessible(page)

    page.get_by_label("Naam").fill("dashboard BZK")
    page.get_by_role("button", name="Token maken").click()
    secret = page.get_by_label("Token", exact=True).input_value()
    assert secret.startswith("bw_")
    assert_accessible(page)

    status, body = _api(app_url, "/api/v1/banen?peildatum=2023-12-31&per=opdrachtgever", secret)
    assert status == 200
    assert body["groepen"] == {"BZK": "201.76"}

    # Shown once: after a reload only the start of the token remains visible.
    page.reload()
    assert page.get_by_label("Token", exact=True).count() == 0
    assert page.get_by_text(secret[:11] + "…").is_visible()

    page.get_by_role("button", name="Token dashboard BZK intrekken").click()
    assert page.get_by_text("Token dashboard BZK is ingetrokken.").is_visible()
    status, body = _api(app_url, "/api/v1/banen", secret)
    assert status == 401
    assert body["status"] == 401


def test_the_api_documentation_is_served_by_the_app(browser, app_url):
    page = browser.new_page()
    outside = []
    page.on(
        "request",
        lambda request: None if request.url.startswith(app_url) else outside.append(request.url),
    )
    page.goto(f"{app_url}/api/v1/docs")
    page.get_by_text("Binnenwerk API").first.wait_for()
    page.get_by_text("/api/v1/banen", exact=True).first.wait_for()
    assert outside == [], f"the documentation loaded something from elsewhere: {outside}"

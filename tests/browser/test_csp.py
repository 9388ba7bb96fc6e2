"""The Content-Security-Policy in a real browser (Debian's Chromium through Playwright): every
demo role's main pages carry the policy, without 'unsafe-inline' or 'unsafe-eval', and load
without a single violation: no blocked inline style or script, no blocked image or font.

A violation is caught twice: a 'securitypolicyviolation' listener registered before any page
script runs, and Chromium's console error for it. Pages are also checked to still work under
the policy: charts drawn, the timeline laid out, the survey's script run, the API docs rendered.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import pytest

playwright = pytest.importorskip("playwright.sync_api")
from tests.browser.helpers import login  # noqa: E402

expect = playwright.expect

LISTEN = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.__cspViolations.push(
    `${event.violatedDirective} blocked ${event.blockedURI || "inline"} in ${event.sourceFile}`
  );
});
"""
SITE_POLICY = {
    "default-src": "'self'",
    "script-src": "'self'",
    "style-src": "'self'",
    "img-src": "'self'",
    "object-src": "'none'",
    "base-uri": "'self'",
    "frame-ancestors": "'none'",
    "form-action": "'self'",
}


@dataclass(frozen=True)
class Follow:
    """The first link on `list_path` whose path matches `pattern` (a team, a person, …)."""

    list_path: str
    pattern: str


TEAM = Follow("/teams/?peildatum=2023-12-31", r"^/teams/[A-Z]+-\d+/")
EMPLOYEE = Follow("/medewerkers/?peildatum=2023-12-31", r"^/medewerkers/\d+/")
SICK_REPORT = Follow("/verzuim/meldingen/", r"^/verzuim/meldingen/\d+/$")
COACHING = Follow("/coaching/", r"^/coaching/\d+/$")
DOCS = "/api/v1/docs"

# Per role the main pages it may open (the others answer 404 and are not its pages).
PAGES: dict[str, list[str | Follow]] = {
    "beheerder": [
        "/?peildatum=2023-12-31",
        "/teams/",
        TEAM,
        "/teams/open-plaatsen/",
        "/medewerkers/",
        EMPLOYEE,
        "/opdrachtgevers/",
        "/opdrachtgevers/BZK/",
        "/werksoorten/",
        "/locaties/",
        "/monitor/",
        "/monitor/quotumcalculator/",
        "/monitor/invoer/",
        "/verzuim/",
        "/onderzoek/beheer/",
        "/onderzoek/resultaten/2023/",
        "/jaaroverzicht/2023/",
        "/jaaroverzicht/2023/verschillen/",
        "/werving/",
        "/werving/trechter/",
        "/contracten/",
        "/uitstroom/",
        "/kansen/",
        "/gebruikers/",
        "/logboek/",
        "/import/",
        "/api-tokens/",
        "/admin/",
        "/admin/organisation/team/",
        DOCS,
    ],
    "personeelszaken": [
        "/?peildatum=2023-12-31",
        "/teams/",
        TEAM,
        "/medewerkers/",
        EMPLOYEE,
        "/opdrachtgevers/",
        "/verzuim/",
        "/verzuim/meldingen/",
        SICK_REPORT,
        "/coaching/",
        "/onderzoek/resultaten/2023/",
        "/jaaroverzicht/2023/",
        DOCS,
    ],
    "management": [
        "/?peildatum=2023-12-31",
        "/teams/",
        TEAM,
        "/medewerkers/",
        EMPLOYEE,
        "/opdrachtgevers/",
        "/monitor/",
        "/verzuim/",
        "/onderzoek/resultaten/2023/",
        "/jaaroverzicht/2023/",
        "/kansen/",
        DOCS,
    ],
    "leidinggevende": [
        "/",
        "/teams/",
        TEAM,
        "/medewerkers/",
        EMPLOYEE,
        "/verzuim/",
        "/verzuim/meldingen/",
        "/onderzoek/resultaten/2023/",
        "/contracten/",
        "/coaching/",
        DOCS,
    ],
    "jobcoach": ["/", "/teams/", TEAM, "/medewerkers/", EMPLOYEE, "/coaching/", COACHING, DOCS],
    "werving": [
        "/?peildatum=2023-12-31",
        "/teams/",
        TEAM,
        "/opdrachtgevers/",
        "/werving/",
        "/werving/trechter/",
        "/kansen/",
        DOCS,
    ],
    "opdrachtgever": [
        "/?peildatum=2023-12-31",
        "/teams/",
        TEAM,
        "/opdrachtgevers/",
        "/opdrachtgevers/BZK/",
        "/monitor/",
        "/verzuim/",
        DOCS,
    ],
    "monitor": ["/monitor/", "/monitor/quotumcalculator/", "/monitor/invoer/", DOCS],
}


def policy_of(header: str) -> dict[str, str]:
    directives = (part.strip().split(None, 1) for part in header.split(";") if part.strip())
    return {d[0]: d[1] if len(d) > 1 else "" for d in directives}


class Watcher:
    """Collects CSP violations of one page: the listener's and the console's."""

    def __init__(self, page) -> None:
        self.page = page
        self.console: list[str] = []
        page.add_init_script(LISTEN)
        page.on("console", self._console)

    def _console(self, message) -> None:
        if message.type == "error" and "Content Security Policy" in message.text:
            self.console.append(message.text)

    def visit(self, url: str):
        self.console.clear()
        response = self.page.goto(url)
        self.page.wait_for_load_state("networkidle")
        return response

    def violations(self) -> list[str]:
        return [*self.page.evaluate("window.__cspViolations || []"), *self.console]


def resolve(page, app_url: str, target: str | Follow) -> str:
    if isinstance(target, str):
        return target
    page.goto(app_url + target.list_path)
    for href in page.locator("main a[href]").evaluate_all("els => els.map(e => e.pathname)"):
        if re.search(target.pattern, href):
            return href
    raise AssertionError(f"no link matching {target.pattern} on {target.list_path}")


def assert_still_works(page, path: str) -> None:
    """What the policy could break if something inline were left: charts, timeline, docs."""
    if path.startswith("/?") or path == "/":
        for chart in page.locator("img.grafiek").all():  # the dashboard's SVGs as images
            chart.scroll_into_view_if_needed()
            expect(chart).to_be_visible()
            assert chart.evaluate("img => img.complete && img.naturalWidth > 0")
    for chart in page.locator("svg.grafiek").all():  # inline SVG charts: drawn at full size
        box = chart.bounding_box()
        assert box and box["width"] > 200 and box["height"] > 100
    if page.locator(".tijdlijn").count():
        bars = page.locator(".tijdlijn rect.balk")
        assert bars.count() >= 1
        # Laid out by SVG attributes (no style=""): a bar is as wide as its share of the axis.
        axis = page.locator(".tijdlijn .spoor").first.bounding_box()
        widest = max(bar.bounding_box()["width"] for bar in bars.all())
        assert axis and 0 < widest <= axis["width"] + 1
        fill = bars.first.evaluate("bar => getComputedStyle(bar).fill")
        assert fill in ("rgb(21, 66, 115)", "rgb(0, 123, 199)")  # lintblauw, hemelblauw
    if path == DOCS:
        expect(page.locator(".swagger-ui .opblock").first).to_be_visible(timeout=15000)


@pytest.mark.parametrize("username", list(PAGES))
def test_every_main_page_of_every_role_loads_without_a_csp_violation(browser, app_url, username):
    page = login(browser, app_url, username, lands_on="/monitor/" if username == "monitor" else "/")
    watcher = Watcher(page)
    visited = 0
    for target in PAGES[username]:
        path = resolve(page, app_url, target)
        response = watcher.visit(app_url + path)
        assert response.status == 200, path
        assert page.url == app_url + path, f"{path} went to {page.url}"
        header = response.headers.get("content-security-policy")
        assert header, f"no Content-Security-Policy on {path}"
        assert "unsafe-inline" not in header and "unsafe-eval" not in header, path
        policy = policy_of(header)
        if path == DOCS:
            assert policy == {**SITE_POLICY, "img-src": "'self' data:"}, path
        else:
            assert policy == SITE_POLICY, path
        assert_still_works(page, path)
        assert watcher.violations() == [], path
        visited += 1
    assert visited == len(PAGES[username])
    page.close()


def test_the_policy_is_on_the_login_page_with_the_other_security_headers(browser, app_url):
    page = browser.new_page(locale="nl-NL")
    watcher = Watcher(page)
    response = watcher.visit(f"{app_url}/inloggen/")
    headers = response.headers
    assert policy_of(headers["content-security-policy"]) == SITE_POLICY
    assert headers["x-frame-options"] == "DENY"
    assert headers["x-content-type-options"] == "nosniff"
    assert headers["referrer-policy"] == "same-origin"
    assert headers["cross-origin-opener-policy"] == "same-origin"
    assert "camera=()" in headers["permissions-policy"]
    assert watcher.violations() == []
    page.close()


def test_the_survey_runs_its_script_under_the_policy(browser, app_url):
    """Anonymous, with a one-time code: the "Lees voor" script is a static file and runs."""
    page = browser.new_page(locale="nl-NL")
    watcher = Watcher(page)
    response = watcher.visit(f"{app_url}/onderzoek/")
    assert policy_of(response.headers["content-security-policy"]) == SITE_POLICY
    page.get_by_label("Je code").fill("WERK2346")
    page.get_by_role("button", name="Beginnen").click()
    page.wait_for_url(re.compile(r"/onderzoek/vraag/1/$"))
    expect(page.get_by_role("heading", name=re.compile(r"^Vraag 1 van \d+$"))).to_be_visible()
    if page.evaluate("'speechSynthesis' in window"):
        expect(page.locator("[data-voorlezen]")).to_be_visible()  # unhidden by the script
    assert watcher.violations() == []
    page.close()


def test_swagger_ui_tries_a_request_with_the_session(browser, app_url):
    """The docs' own script (a file, not inline) sends the CSRF header and the session."""
    page = login(browser, app_url, "management")
    watcher = Watcher(page)
    watcher.visit(f"{app_url}{DOCS}")
    operation = page.locator("#operations-banen-banen")
    operation.locator(".opblock-summary").click()
    operation.get_by_role("button", name="Try it out").click()
    operation.get_by_role("button", name="Execute").click()
    expect(
        operation.locator(".live-responses-table tbody td.response-col_status").first
    ).to_have_text("200", timeout=15000)
    assert watcher.violations() == []
    page.close()


def test_redoc_renders_with_its_nonce_and_nothing_from_a_cdn(browser, app_url):
    page = browser.new_page(locale="nl-NL")
    watcher = Watcher(page)
    response = watcher.visit(f"{app_url}/api/v1/redoc")
    header = response.headers["content-security-policy"]
    assert "unsafe-inline" not in header and "unsafe-eval" not in header
    policy = policy_of(header)
    assert policy["script-src"] == "'self'"
    assert re.fullmatch(r"'self' 'nonce-[^']+' 'sha256-[^']+' 'sha256-[^']+'", policy["style-src"])
    expect(page.get_by_role("heading", name=re.compile("Binnenwerk API"))).to_be_visible(
        timeout=15000
    )
    expect(page.locator("[data-styled]").first).to_be_attached()  # Redoc's styles got in
    page.wait_for_load_state("networkidle")
    # Only Redoc's footer logo from cdn.redoc.ly is refused, as it should be: no CDN.
    others = [v for v in watcher.violations() if "cdn.redoc.ly" not in v]
    assert others == []
    page.close()

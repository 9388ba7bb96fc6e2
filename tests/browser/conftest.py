"""Browser tests: the app runs in its own process on the demo organisation, one per module
(a module that changes data never meets another's changes); one Chromium per test process."""

from pathlib import Path

import pytest

from tests.browser.helpers import CHROMIUM, serve_demo

playwright = pytest.importorskip("playwright.sync_api")


def pytest_collection_modifyitems(items):
    if Path(CHROMIUM).exists():
        return
    skip = pytest.mark.skip(reason="Chromium ontbreekt")
    for item in items:
        if "tests/browser/" in str(item.fspath):
            item.add_marker(skip)


@pytest.fixture(autouse=True)
def _db_for_all():
    """No test database here: the app runs in its own process on its own demo database, and
    Playwright's event loop must not meet Django's database code in this process."""


@pytest.fixture(scope="module")
def demo_app(tmp_path_factory):
    """The plain demo; a module that needs more overrides this with its own set-up code."""
    yield from serve_demo(tmp_path_factory)


@pytest.fixture(scope="module")
def app_url(demo_app):
    return demo_app.url


@pytest.fixture(scope="session")
def browser():
    with playwright.sync_playwright() as p:
        chromium = p.chromium.launch(
            executable_path=CHROMIUM,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
            ],
        )
        yield chromium
        chromium.close()

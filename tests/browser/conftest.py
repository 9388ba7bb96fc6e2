import pytest


@pytest.fixture(autouse=True)
def _db_for_all():
    """No test database here: the app runs in its own process on its own demo database, and
    Playwright's event loop must not meet Django's database code in this process."""

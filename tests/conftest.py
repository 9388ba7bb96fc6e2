import os

import pytest
from django.core.management import call_command


@pytest.fixture(scope="session")
def django_db_modify_db_settings(django_db_modify_db_settings_parallel_suffix):
    """A test database per process on PostgreSQL: two runs at once on one server would
    otherwise create and drop the same `test_…` database under each other."""
    from django.conf import settings

    database = settings.DATABASES["default"]
    if database["ENGINE"] == "django.db.backends.postgresql":
        test = database.setdefault("TEST", {})
        test["NAME"] = f"{test.get('NAME') or 'test_' + database['NAME']}_{os.getpid()}"


@pytest.fixture(autouse=True)
def _db_for_all(db):
    """Every test talks to the database (SQLite or PostgreSQL per DATABASE_URL); the browser
    tests (tests/browser) override this: they drive the app in its own process."""


@pytest.fixture(autouse=True)
def _fresh_cache():
    """Ids repeat after a rollback or a flush, so neither a token's request count (throttling)
    nor a figure cached per data version (binnenwerk.dataversion) may pass to the next test."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


@pytest.fixture(scope="module")
def demo_org(django_db_setup, django_db_blocker):
    """The demo organisation for one test module: loaded through the importer once per test
    process, and restored from a copy of it for every further module (tests/demo_snapshot.py)."""
    from tests.demo_snapshot import load_demo

    with django_db_blocker.unblock():
        load_demo()
        yield
        call_command("flush", interactive=False, verbosity=0)


def pytest_configure(config):
    """Compile the Dutch catalogues once, in the controller, before any worker starts."""
    if not hasattr(config, "workerinput"):
        from binnenwerk.catalogues import compile_all

        compile_all()


@pytest.fixture
def as_role(client, demo_org):
    """Log the test client in as one of the demo's accounts (one per role)."""
    from django.contrib.auth import get_user_model

    def login(username: str):
        client.force_login(get_user_model().objects.get(username=username))
        return client

    return login

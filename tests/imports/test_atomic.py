"""A failure halfway through a write leaves the database exactly as it was: an import that fails
inside its transaction after some sheets are written, and a restore that fails after some
tables are loaded (into a database with data, or into an empty one that stays empty).

These tests commit for real (transaction=True): the import's and the restore's own transaction
is the outermost one, as in production, not a savepoint inside the test's transaction.
"""

from __future__ import annotations

import hashlib
from unittest import mock

import pytest
from django.core.management import call_command
from django.db import connection

from binnenwerk.backup import app_tables, backup_write
from binnenwerk.imports import writer
from binnenwerk.imports.readers import read_path
from binnenwerk.imports.services import import_dataset
from binnenwerk.restore import backup_restore
from binnenwerk.restore import load_table as real_load_table
from tests.imports.conftest import write_csv

pytestmark = pytest.mark.django_db(transaction=True)


class Halfway(Exception):
    """The simulated failure (a lost connection, a full disk, a bug) inside the transaction."""


def failing_after(calls: int, function):
    """`function`, which raises Halfway on call number `calls` + 1."""
    made = {"calls": 0}

    def wrapper(*args, **kwargs):
        if made["calls"] == calls:
            raise Halfway
        made["calls"] += 1
        return function(*args, **kwargs)

    wrapper.made = made  # type: ignore[attr-defined]
    return wrapper


def database_digest() -> dict[str, tuple[int, str]]:
    """Per app table (the audit log among them): its rows and a SHA-256 of all its values."""
    quote = connection.ops.quote_name
    digest = {}
    with connection.cursor() as cursor:
        for table in app_tables():
            cursor.execute(f"SELECT {table.column_list()} FROM {quote(table.name)} ORDER BY 1")
            rows = cursor.fetchall()
            digest[table.name] = (len(rows), hashlib.sha256(repr(rows).encode()).hexdigest())
    return digest


def load(path):
    return import_dataset(actor=None, dataset=read_path(path))


@pytest.mark.parametrize("calls", [1, 3, 6])
def test_an_import_failing_halfway_writes_nothing(tmp_path, sheets, calls):
    """The small organisation into an empty database: sheets are written one after another
    (and audited), and the failure comes after `calls` of them."""
    before = database_digest()
    insert = failing_after(calls, writer.insert_returning_ids)
    with mock.patch.object(writer, "insert_returning_ids", insert), pytest.raises(Halfway):
        load(write_csv(tmp_path / "klein", sheets))
    assert insert.made["calls"] == calls, "the failure came after rows had been written"
    assert database_digest() == before


def test_an_update_failing_halfway_changes_nothing(tmp_path, sheets):
    """A second import that updates, adds and audits: it fails at its second batch of updates
    after its new rows went in; the first import's data and audit log are as they were."""
    load(write_csv(tmp_path / "v1", sheets))
    sheets["dienstverbanden"][3][3] = "20"  # an update of the contracts
    sheets["medewerkers"][2][1] = "Mo"  # an update of the employees, written earlier
    sheets["medewerkers"].append(["104", "Nieuw", "Lid", "", "", "ja", ""])  # a new one
    before = database_digest()
    log = failing_after(1, writer.log_bulk)
    with mock.patch.object(writer, "log_bulk", log), pytest.raises(Halfway):
        load(write_csv(tmp_path / "v2", sheets))
    assert log.made["calls"] == 1
    assert database_digest() == before


@pytest.fixture
def backup(tmp_path, sheets):
    """A backup of the small organisation."""
    load(write_csv(tmp_path / "klein", sheets))
    path = tmp_path / "klein.zip"
    backup_write(path, by="test")
    return path


@pytest.mark.parametrize("tables", [1, 20])
def test_a_restore_failing_halfway_leaves_the_database_as_it_was(backup, tables):
    before = database_digest()
    load = failing_after(tables, real_load_table)
    with (
        mock.patch("binnenwerk.restore.load_table", load),
        pytest.raises(Halfway),
    ):
        backup_restore(backup, by="test", replace=True)
    assert load.made["calls"] == tables
    assert database_digest() == before


def test_a_restore_failing_halfway_leaves_an_empty_database_empty(backup):
    call_command("flush", interactive=False, verbosity=0)  # empty, as after `migrate`
    before = database_digest()
    assert before["people_medewerker"][0] == 0
    load = failing_after(20, real_load_table)
    with mock.patch("binnenwerk.restore.load_table", load), pytest.raises(Halfway):
        backup_restore(backup, by="test")
    assert database_digest() == before
    # And without the failure the same restore goes through.
    backup_restore(backup, by="test")
    assert database_digest()["people_medewerker"][0] == 6

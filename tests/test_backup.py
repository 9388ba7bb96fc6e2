"""`binnenwerk backup` and `restore` on the demo: a backup restored into an empty database (in a
new process, on a new SQLite file or PostgreSQL database) gives every figure of the annual
overviews 2016-2023, Table 1 of 2023Q4, every table's rows and the publications as they were;
on the PostgreSQL run also through SQLite and back. A changed backup, one of other migrations
or another format, and a database that holds data are refused and change nothing."""

from __future__ import annotations

import hashlib
import io
import json
import os
import stat
import subprocess
import sys
import zipfile
from pathlib import Path
from urllib.parse import quote

import pytest
from auditlog.models import LogEntry
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection

from binnenwerk.backup import FORMAT_VERSION, RestoreRefused, backup_write
from binnenwerk.coaching.constants import InzageSoort
from binnenwerk.coaching.models import Inzage
from binnenwerk.restore import backup_restore
from tests.backup_figures import figures
from tests.imports.hostile import Member, deflated, repeated, stored, zip_bytes

ROOT = Path(__file__).resolve().parent.parent
AUDIT = "auditlog_logentry"
ACCESS_LOG = "coaching_inzage"


@pytest.fixture(scope="module")
def source(demo_org, django_db_blocker, tmp_path_factory):
    """The demo's figures, and a backup of it made with the command."""
    path = tmp_path_factory.mktemp("backup") / "demo.zip"
    with django_db_blocker.unblock():
        before = figures()
        call_command("backup", str(path), stdout=io.StringIO(), stderr=io.StringIO())
    return before, path


def _sqlite_url(path: Path) -> str:
    return f"sqlite:///{path}"


class _PostgresDatabases:
    """New PostgreSQL databases beside the test database, dropped at the end."""

    def __init__(self) -> None:
        import psycopg

        self.settings = connection.settings_dict
        self.names: list[str] = []
        self.server = psycopg.connect(
            dbname="postgres",
            user=self.settings["USER"] or None,
            password=self.settings["PASSWORD"] or None,
            host=self.settings["HOST"] or None,
            port=self.settings["PORT"] or None,
            autocommit=True,
        )

    def create(self) -> str:
        name = f"{self.settings['NAME']}_restore_{os.getpid()}_{len(self.names)}"
        self.server.execute(f'DROP DATABASE IF EXISTS "{name}"')
        self.server.execute(f'CREATE DATABASE "{name}"')
        self.names.append(name)
        user = quote(self.settings["USER"] or "")
        password = f":{quote(self.settings['PASSWORD'])}" if self.settings["PASSWORD"] else ""
        host = self.settings["HOST"] or "localhost"
        port = f":{self.settings['PORT']}" if self.settings["PORT"] else ""
        return f"postgres://{user}{password}@{host}{port}/{name}"

    def drop_all(self) -> None:
        for name in self.names:
            self.server.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        self.server.close()


@pytest.fixture
def new_database(tmp_path):
    """Makes new, empty databases of a vendor (not yet migrated) and returns their URLs."""
    postgres: list[_PostgresDatabases] = []

    def make(vendor: str) -> str:
        if vendor == "sqlite":
            return _sqlite_url(tmp_path / f"restore_{len(list(tmp_path.iterdir()))}.sqlite3")
        if not postgres:
            postgres.append(_PostgresDatabases())
        return postgres[0].create()

    yield make
    for databases in postgres:
        databases.drop_all()


def restored_figures(url: str, *steps: str) -> dict:
    """Migrate the database at `url`, run the steps (restore PATH, backup PATH) there in a new
    process, and return its figures."""
    env = {**os.environ, "DATABASE_URL": url, "BINNENWERK_CLI": "1"}
    done = subprocess.run(
        [sys.executable, "-m", "tests.backup_figures", *steps],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    return json.loads(done.stdout)


def assert_same_figures(before: dict, after: dict, audited: int, exported: int = 0) -> None:
    assert after["jaaroverzicht"] == before["jaaroverzicht"]
    assert after["tabel1"] == before["tabel1"]
    assert after["tabel1"]["tabel1"], "Table 1 of 2023Q4 has rows"
    assert after["publicaties"] == before["publicaties"]
    assert after["publicaties"], "the demo has a publication"
    # Every row came back; the audit log has one entry more per restore or backup made there
    # after the one restored (who, when).
    # A backup made there is also in its access log (an export of personal data).
    expected = {
        **before["rijen"],
        AUDIT: before["rijen"][AUDIT] + audited,
        ACCESS_LOG: before["rijen"][ACCESS_LOG] + exported,
    }
    assert after["rijen"] == expected


def test_backup_is_private_complete_and_audited(source):
    before, path = source
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert [p.name for p in path.parent.iterdir()] == ["demo.zip"], "no temporary file left"
    with zipfile.ZipFile(path) as archive:
        manifest = json.loads(archive.read("manifest.json"))
        assert manifest["format_version"] == FORMAT_VERSION
        assert manifest["vendor"] == connection.vendor
        assert "people.0001_initial" in manifest["migrations"]
        rows = {t["name"]: t["rows"] for t in manifest["tables"]}
        assert rows == before["rijen"]
        assert rows["people_medewerker"] > 700
        assert set(archive.namelist()) == {"manifest.json"} | {
            t["member"] for t in manifest["tables"]
        }
    entry = LogEntry.objects.filter(additional_data__bron="backup").get()
    assert entry.action == LogEntry.Action.ACCESS
    assert entry.additional_data["bestand"] == str(path)
    assert entry.additional_data["os_gebruiker"]
    # An export of everyone's personal data: in the access log as well.
    export = Inzage.objects.filter(soort=InzageSoort.EXPORT, context__contains=str(path)).get()
    assert export.aantal == rows["people_medewerker"]


def test_restore_into_an_empty_database_gives_every_figure(source, new_database):
    before, path = source
    after = restored_figures(new_database(connection.vendor), "restore", str(path))
    assert_same_figures(before, after, audited=1)


@pytest.mark.slow
def test_postgresql_to_sqlite_and_back(source, new_database, tmp_path):
    """The format is the same from either database: the demo goes from PostgreSQL into SQLite,
    from there into a new backup, and from that into PostgreSQL again."""
    if connection.vendor != "postgresql":
        pytest.skip("the PostgreSQL run covers both directions")
    before, path = source
    again = tmp_path / "via-sqlite.zip"
    in_sqlite = restored_figures(new_database("sqlite"), "restore", str(path), "backup", str(again))
    assert_same_figures(before, in_sqlite, audited=2, exported=1)  # restored, then backed up
    back = restored_figures(new_database("postgresql"), "restore", str(again))
    assert_same_figures(before, back, audited=2)  # restored there and here


def _counts() -> dict:
    return figures()["rijen"]


def test_restore_into_a_database_with_data_is_refused(source):
    _, path = source
    counts = _counts()
    with pytest.raises(RestoreRefused) as refused:
        backup_restore(path, by="test")
    assert refused.value.reason == "not_empty"
    with pytest.raises(CommandError):
        call_command("restore", str(path), stderr=io.StringIO())
    assert _counts() == counts


def _rewritten(path: Path, target: Path, change) -> Path:
    """A copy of the backup with `change(name, data) -> data` applied to each member."""
    with zipfile.ZipFile(path) as original, zipfile.ZipFile(target, "w") as copy:
        for info in original.infolist():
            copy.writestr(info, change(info.filename, original.read(info)))
    return target


def test_a_changed_backup_is_refused(source, tmp_path):
    _, path = source

    with zipfile.ZipFile(path) as archive:
        manifest = json.loads(archive.read("manifest.json"))
    columns = next(t["columns"] for t in manifest["tables"] if t["name"] == "people_dienstverband")
    hours = columns.index("uren_per_week")

    def one_hour_more(name, data):
        if name != "tables/people_dienstverband.tsv":
            return data
        first, rest = data.split(b"\n", 1)
        values = first.split(b"\t")
        values[hours] = str(float(values[hours]) + 1).encode()
        return b"\t".join(values) + b"\n" + rest

    tampered = _rewritten(path, tmp_path / "tampered.zip", one_hour_more)
    counts = _counts()
    with pytest.raises(RestoreRefused) as refused:
        backup_restore(tampered, by="test", replace=True)
    assert refused.value.reason == "checksum"
    assert _counts() == counts


@pytest.mark.parametrize(
    ("column", "value"),
    [
        ("uren_per_week", b"99.00"),  # breaks a check constraint
        ("medewerker_id", b"987654321"),  # an employee that is not there
        ("start", b"gisteren"),  # no date
    ],
)
def test_a_backup_with_data_that_do_not_fit_is_refused(source, tmp_path, column, value):
    """Changed with matching checksums (a backup made by hand or by another program): the
    database refuses the values, and the restore rolls back."""
    _, path = source
    with zipfile.ZipFile(path) as archive:
        manifest = json.loads(archive.read("manifest.json"))
    entry = next(t for t in manifest["tables"] if t["name"] == "people_dienstverband")
    index = entry["columns"].index(column)

    def change(name, data):
        if name == entry["member"]:
            first, rest = data.split(b"\n", 1)
            values = first.split(b"\t")
            values[index] = value
            data = b"\t".join(values) + b"\n" + rest
            entry["sha256"] = hashlib.sha256(data).hexdigest()
        return data

    def and_manifest(name, data):
        return json.dumps(manifest).encode() if name == "manifest.json" else data

    changed = _rewritten(path, tmp_path / "changed.zip", change)
    changed = _rewritten(changed, tmp_path / "changed-manifest.zip", and_manifest)
    counts = _counts()
    with pytest.raises(RestoreRefused) as refused:
        backup_restore(changed, by="test", replace=True)
    assert refused.value.reason == "rows"
    assert _counts() == counts


@pytest.mark.parametrize(
    ("change", "reason"),
    [
        (lambda m: {**m, "format_version": FORMAT_VERSION + 1}, "format"),
        (lambda m: {**m, "migrations": m["migrations"][:-1]}, "migrations"),
        (lambda m: {**m, "migrations": [*m["migrations"], "people.9999_later"]}, "migrations"),
        (lambda m: {**m, "format": "iets anders"}, "not_a_backup"),
        (lambda m: {**m, "tables": m["tables"][1:]}, "tables"),
    ],
)
def test_a_backup_of_another_format_or_migrations_is_refused(source, tmp_path, change, reason):
    _, path = source

    def manifest(name, data):
        return json.dumps(change(json.loads(data))).encode() if name == "manifest.json" else data

    other = _rewritten(path, tmp_path / "other.zip", manifest)
    with pytest.raises(RestoreRefused) as refused:
        backup_restore(other, by="test", replace=True)
    assert refused.value.reason == reason


def test_not_a_backup_is_refused(tmp_path):
    junk = tmp_path / "junk.zip"
    junk.write_bytes(b"PK\x03\x04 not really a zip")
    with pytest.raises(RestoreRefused) as refused:
        backup_restore(junk, by="test")
    assert refused.value.reason == "not_a_backup"


def test_backup_into_a_missing_folder_writes_nothing(tmp_path):
    from binnenwerk.backup import BackupError

    with pytest.raises(BackupError):
        backup_write(tmp_path / "nowhere" / "b.zip", by="test")
    assert not (tmp_path / "nowhere").exists()


# --- hostile backups (issue 18): refused from their directory, before anything is unpacked ----


def _bomb() -> bytes:
    """A table of 2 GB in a few MB (unpacks 1,000 times its size)."""
    return zip_bytes(
        [
            deflated("manifest.json", b"{}"),
            repeated("tables/people_medewerker.tsv", b"", b"\\N\t" * 350_000, 2000, b""),
        ]
    )


def _over_the_total() -> bytes:
    return zip_bytes([deflated("manifest.json", b"{}"), stored("tables/a.tsv", b"1\t2\n" * 1000)])


def _encrypted() -> bytes:
    member = deflated("manifest.json", b"{}")
    return zip_bytes([Member(member.name, member.packed, member.crc, member.size, flags=0x1)])


@pytest.mark.parametrize(
    ("make", "total", "words"),
    [
        (_bomb, None, "meer dan 200 keer zo groot (een zipbom) (tables/people_medewerker.tsv)"),
        (_over_the_total, 1024, "uitgepakt meer dan 1,0 KB (tables/a.tsv)"),
        (_encrypted, None, "beveiligd met een wachtwoord (manifest.json)"),
        (lambda: zip_bytes([deflated("../manifest.json", b"{}")]), None, "onveilige bestandsnaam"),
        (lambda: zip_bytes([deflated(f"t{i}", b"") for i in range(10_001)]), None, "10.001"),
    ],
)
def test_a_hostile_backup_is_refused_before_anything_is_unpacked(
    settings, tmp_path, make, total, words
):
    if total is not None:
        settings.RESTORE_MAX_BYTES = total
    path = tmp_path / "backup.zip"
    path.write_bytes(make())
    entries = LogEntry.objects.count()
    with pytest.raises(RestoreRefused) as refused:
        backup_restore(path, by="test", replace=True)
    assert refused.value.reason == "bounds"
    message = str(refused.value)
    assert message.startswith("De back-up is geweigerd voordat er iets is uitgepakt: ")
    assert words in message and message.endswith("Er is niets teruggezet.")
    assert LogEntry.objects.count() == entries

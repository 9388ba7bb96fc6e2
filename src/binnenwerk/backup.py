"""Backup and restore of the whole database in one file (`binnenwerk backup` / `restore`).

The file is a zip: `manifest.json` (format and its version, the app's version, the database
vendor, the applied migrations, and per table its columns, row count and the SHA-256 of its
member) and one member per table in PostgreSQL's COPY text format (binnenwerk.backup_text),
written the same from SQLite and PostgreSQL: a backup of the SQLite demo restores into
PostgreSQL, and back.

Consistent: SQLite is first copied with its backup API and read from that copy; PostgreSQL is
read in one REPEATABLE READ READ ONLY transaction, every table with COPY (no pg_dump needed).
A restore goes into a migrated database without data (or, asked, empties it first), after
checking the manifest, the migrations and every checksum, in one transaction; sequences are
reset afterwards. Both are audited with the operating-system user who ran them.

The tests' demo organisation is copied and put back with snapshot_take/snapshot_restore: the
same COPY dump and load, kept in memory.
"""

from __future__ import annotations

import contextlib
import getpass
import hashlib
import json
import os
import sqlite3
import tempfile
import time
import zipfile
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path
from typing import IO, Any

from auditlog.models import LogEntry
from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.core.management.color import no_style
from django.db import connection, models, transaction
from django.db.migrations.executor import MigrationExecutor
from django.db.migrations.loader import MigrationLoader
from django.utils import timezone
from django.utils.translation import gettext as _

from binnenwerk import backup_text
from binnenwerk.files import private_file

FORMAT = "binnenwerk-backup"
FORMAT_VERSION = 1
MANIFEST = "manifest.json"
CHUNK = 1 << 20
ROWS_PER_INSERT = 2000
# Session settings under which PostgreSQL writes the values as the format describes them.
POSTGRESQL_SETTINGS = (
    "SET LOCAL TimeZone = 'UTC'",
    "SET LOCAL DateStyle = 'ISO, YMD'",
    "SET LOCAL IntervalStyle = 'iso_8601'",
    "SET LOCAL bytea_output = 'hex'",
    "SET LOCAL extra_float_digits = 3",
)

Progress = Callable[[str, int], Any] | None


class BackupError(Exception):
    """The backup cannot be written; nothing has been written."""


class RestoreRefused(Exception):
    """The restore was refused; the database is as it was. `reason` names why, for programs:
    not_a_backup, bounds (the zip's entries or declared sizes, checked before unpacking), format,
    migrations, not_migrated, tables, checksum, rows, not_empty."""

    def __init__(self, reason: str, message: str) -> None:
        super().__init__(message)
        self.reason = reason


@dataclass(frozen=True)
class Table:
    """A table of the app: its model and its columns in the model's order."""

    name: str
    model: type[models.Model]
    fields: tuple[models.Field, ...]

    @property
    def columns(self) -> list[str]:
        return [str(f.column) for f in self.fields]

    def column_list(self, columns: Iterable[str] | None = None) -> str:
        quote = connection.ops.quote_name
        return ", ".join(quote(c) for c in (self.columns if columns is None else columns))


def app_tables() -> list[Table]:
    """Every table of the installed models (many-to-many tables included), by name."""
    tables: dict[str, Table] = {}
    for model in apps.get_models(include_auto_created=True):
        meta = model._meta
        if meta.proxy or not meta.managed or meta.db_table in tables:
            continue
        fields = tuple(f for f in meta.local_concrete_fields if f.column)
        for field in fields:
            backup_text.column_kind(field)  # refuses a kind of column the format lacks
        tables[meta.db_table] = Table(meta.db_table, model, fields)
    return [tables[name] for name in sorted(tables)]


def code_migrations() -> list[str]:
    """The migrations of this code, as "app.name", sorted."""
    loader = MigrationLoader(None, ignore_no_migrations=True)
    return sorted(f"{app}.{name}" for app, name in loader.disk_migrations)


def unapplied_migrations() -> list[str]:
    executor = MigrationExecutor(connection)
    plan = executor.migration_plan(executor.loader.graph.leaf_nodes())
    return [f"{migration.app_label}.{migration.name}" for migration, _backwards in plan]


def operating_system_user() -> str:
    """Who runs the command: the operating-system user (a command has no app login)."""
    try:
        return getpass.getuser()
    except (KeyError, OSError):  # no user name for this uid (e.g. in a container)
        return f"uid {os.getuid()}"


# --- reading the database consistently ---------------------------------------------------------


@contextlib.contextmanager
def _postgresql_reading() -> Iterator[Any]:
    """A cursor in one REPEATABLE READ READ ONLY transaction: every table from one snapshot.
    Inside an open transaction (a test) it reads in that transaction."""
    connection.ensure_connection()
    outer = connection.in_atomic_block
    with transaction.atomic(), connection.cursor() as cursor:
        if not outer:
            cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
        for setting in POSTGRESQL_SETTINGS:
            cursor.execute(setting)
        yield cursor


def _copy_out(cursor: Any, table: Table) -> Iterator[bytes]:
    sql = f"COPY {connection.ops.quote_name(table.name)} ({table.column_list()}) TO STDOUT"
    with cursor.cursor.copy(sql) as copy:
        for chunk in copy:
            yield bytes(chunk)


def _sqlite_rows(copy: sqlite3.Connection, table: Table) -> Iterator[bytes]:
    """A table of a SQLite copy in the format, in chunks of lines."""
    writers = [backup_text.sqlite_writer(f) for f in table.fields]
    quote = connection.ops.quote_name
    # bandit B608: the names are the models' own tables and columns, quoted.
    rows = copy.execute(f"SELECT {table.column_list()} FROM {quote(table.name)}")  # nosec B608
    while batch := rows.fetchmany(ROWS_PER_INSERT):
        text = "".join(
            "\t".join(
                backup_text.NULL if value is None else write(value)
                for value, write in zip(row, writers, strict=True)
            )
            + "\n"
            for row in batch
        )
        yield text.encode("utf-8")


@contextlib.contextmanager
def _sqlite_copy(directory: Path) -> Iterator[sqlite3.Connection]:
    """The live SQLite database copied with its backup API into a private temporary file
    beside the backup, removed afterwards."""
    connection.ensure_connection()
    handle, name = tempfile.mkstemp(dir=directory, prefix=".binnenwerk-kopie-", suffix=".tmp")
    os.close(handle)
    try:
        copy = sqlite3.connect(name)
        try:
            connection.connection.backup(copy)
            yield copy
        finally:
            copy.close()
    finally:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(name)


@contextlib.contextmanager
def _reading(
    directory: Path,
) -> Iterator[tuple[list[str], Callable[[Table], Iterator[bytes]]]]:
    """The applied migrations and a reader of each table, all from one snapshot."""
    if connection.vendor == "postgresql":
        with _postgresql_reading() as cursor:
            cursor.execute("SELECT app, name FROM django_migrations")
            applied = sorted(f"{app}.{name}" for app, name in cursor.fetchall())
            yield applied, lambda table: _copy_out(cursor, table)
    elif connection.vendor == "sqlite":
        with _sqlite_copy(directory) as copy:
            rows = copy.execute("SELECT app, name FROM django_migrations")
            applied = sorted(f"{app}.{name}" for app, name in rows)
            yield applied, lambda table: _sqlite_rows(copy, table)
    else:
        raise BackupError(
            _("A backup of a %(vendor)s database is not supported.") % {"vendor": connection.vendor}
        )


# --- writing a backup ------------------------------------------------------------------------


class _Member:
    """A zip member being written: its SHA-256 and its number of lines (rows)."""

    def __init__(self, out: IO[bytes]) -> None:
        self.out, self.sha256, self.rows = out, hashlib.sha256(), 0

    def write(self, data: bytes) -> None:
        self.out.write(data)
        self.sha256.update(data)
        self.rows += data.count(b"\n")


def _entry(name: str) -> zipfile.ZipInfo:
    entry = zipfile.ZipInfo(name, date_time=time.localtime()[:6])
    entry.compress_type = zipfile.ZIP_DEFLATED
    entry.external_attr = 0o600 << 16
    return entry


def _app_version() -> str:
    try:
        return metadata.version("binnenwerk")
    except metadata.PackageNotFoundError:
        return "unknown"


def backup_write(path: str | Path, *, by: str, progress: Progress = None) -> dict[str, Any]:
    """Write a backup of the whole database to `path` (atomically, permissions 0600) and audit
    it as done by `by` (the operating-system user). Returns the manifest."""
    target = Path(path)
    if target.is_dir():
        raise BackupError(_("'%(path)s' is a folder: give the name of a file") % {"path": target})
    if not target.parent.is_dir():
        raise BackupError(_("the folder of '%(path)s' does not exist") % {"path": target})
    if pending := unapplied_migrations():
        raise BackupError(
            _("The database is not migrated to this version (missing: %(migrations)s).")
            % {"migrations": ", ".join(pending)}
        )
    tables = app_tables()
    with private_file(target) as raw, zipfile.ZipFile(raw, "w") as archive:
        manifest = _write_members(archive, tables, target.parent, progress)
        data = json.dumps(manifest, indent=1, ensure_ascii=False).encode()
        archive.writestr(_entry(MANIFEST), data)
    _sync_folder(target.parent)
    audit_database(
        action=LogEntry.Action.ACCESS,  # the whole database was read
        what=_("database backup"),
        data={
            "bron": "backup",
            "os_gebruiker": by,
            "bestand": str(target.resolve()),
            "tabellen": len(manifest["tables"]),
            "rijen": sum(t["rows"] for t in manifest["tables"]),
        },
    )
    return manifest


def _write_members(
    archive: zipfile.ZipFile, tables: list[Table], directory: Path, progress: Progress
) -> dict[str, Any]:
    entries = []
    with _reading(directory) as (applied, rows_of):
        for table in tables:
            name = f"tables/{table.name}.tsv"
            with archive.open(_entry(name), "w", force_zip64=True) as out:
                member = _Member(out)
                for chunk in rows_of(table):
                    member.write(chunk)
            entries.append(
                {
                    "name": table.name,
                    "member": name,
                    "columns": table.columns,
                    "rows": member.rows,
                    "sha256": member.sha256.hexdigest(),
                }
            )
            if progress:
                progress(table.name, member.rows)
    return {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "app_version": _app_version(),
        "vendor": connection.vendor,
        "created_at": timezone.now().isoformat(),
        "migrations": applied,
        "tables": entries,
    }


def _sync_folder(folder: Path) -> None:
    """Make the rename durable (not possible on every system: then it is left to it)."""
    with contextlib.suppress(OSError):
        handle = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(handle)
        finally:
            os.close(handle)


def audit_database(*, action: int, what: str, data: dict[str, Any]) -> None:
    """An audit entry about the database as a whole, filed under the audit log itself. A
    command has no app user: the log's page shows the operating-system user in its name."""
    LogEntry.objects.create(
        content_type=ContentType.objects.get_for_model(LogEntry),
        object_pk="",
        object_repr=f"{what} ({data['os_gebruiker']})",
        action=action,
        changes={},
        additional_data=data,
    )


# --- loading (a restore: binnenwerk.restore; the tests' snapshot below) ---------------------


def empty_tables(cursor: Any, tables: list[Table]) -> None:
    # PostgreSQL: one TRUNCATE (no row triggers fire, e.g. the publications' guard); SQLite:
    # DELETE per table, its foreign keys checked at commit.
    names = [t.name for t in tables]
    for sql in connection.ops.sql_flush(no_style(), names, reset_sequences=True):
        cursor.execute(sql)


def load_table(cursor: Any, table: Table, columns: list[str], chunks: Iterable[bytes]) -> int:
    """Load one table's member (its lines in chunks) into the empty table; returns its rows."""
    quote = connection.ops.quote_name
    names = table.column_list(columns)
    if connection.vendor == "postgresql":
        rows = 0
        with cursor.cursor.copy(f"COPY {quote(table.name)} ({names}) FROM STDIN") as copy:
            for chunk in chunks:
                copy.write(chunk)
                rows += chunk.count(b"\n")
        return rows
    by_column = {str(f.column): f for f in table.fields}
    readers = [backup_text.sqlite_reader(by_column[c]) for c in columns]
    placeholders = ", ".join(["%s"] * len(columns))
    # bandit B608: the model's own table and columns, quoted; the values are parameters.
    sql = f"INSERT INTO {quote(table.name)} ({names}) VALUES ({placeholders})"  # nosec B608
    rows, batch = 0, []
    try:
        for line in backup_text.lines(chunks):
            values = backup_text.parse_line(line)
            if len(values) != len(readers):
                raise ValueError(f"{len(values)} values for {len(readers)} columns")
            batch.append(
                [None if v is None else read(v) for v, read in zip(values, readers, strict=True)]
            )
            if len(batch) == ROWS_PER_INSERT:
                cursor.executemany(sql, batch)
                rows, batch = rows + len(batch), []
    except (ValueError, ArithmeticError) as error:  # incl. UnicodeDecodeError, bad decimals
        raise RestoreRefused(
            "rows",
            _("Table %(table)s cannot be read from the backup: %(error)s")
            % {"table": table.name, "error": error},
        ) from error
    if batch:
        cursor.executemany(sql, batch)
    return rows + len(batch)


def reset_sequences(cursor: Any, tables: list[Table]) -> None:
    """Let the next new row of each table take an id after the loaded ones (PostgreSQL;
    SQLite keeps its own count of the highest id)."""
    for sql in connection.ops.sequence_reset_sql(no_style(), [t.model for t in tables]):
        cursor.execute(sql)


# --- the tests' snapshot --------------------------------------------------------------------


def snapshot_take() -> Any:
    """The whole database kept in memory, to put back with snapshot_restore in this process:
    a SQLite copy made with the backup API, or every PostgreSQL table's COPY text."""
    connection.ensure_connection()
    if connection.vendor == "sqlite":
        copy = sqlite3.connect(":memory:", check_same_thread=False)
        connection.connection.backup(copy)
        return copy
    tables = app_tables()
    with _postgresql_reading() as cursor:
        return [(table, b"".join(_copy_out(cursor, table))) for table in tables]


def snapshot_restore(snapshot: Any) -> None:
    """Put the database back as snapshot_take found it."""
    if connection.vendor == "sqlite":
        snapshot.backup(connection.connection)
        return
    tables = [table for table, _data in snapshot]
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("SET CONSTRAINTS ALL DEFERRED")
        for setting in POSTGRESQL_SETTINGS:
            cursor.execute(setting)
        empty_tables(cursor, tables)
        for table, data in snapshot:
            if data:
                load_table(cursor, table, table.columns, [data])
        reset_sequences(cursor, tables)
    ContentType.objects.clear_cache()

"""Restore a backup (binnenwerk.backup) into this database: `binnenwerk restore PATH`.

Checked before anything is touched: the file is a backup of this format and version, made with
the same migrations as this code, into a migrated database, with the same tables and columns,
and every member matches its SHA-256. Then, in one transaction: the database must hold no data
(or, asked, is emptied first), every table is loaded (PostgreSQL: COPY; SQLite: inserts of the
values translated from the format), the row counts and foreign keys are checked, sequences are
reset, and an audit entry names the operating-system user. Any failure rolls it all back.
"""

from __future__ import annotations

import hashlib
import json
import zipfile
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

import psycopg
from auditlog.models import LogEntry
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.db import DatabaseError, IntegrityError, connection, transaction
from django.utils.translation import gettext as _

from binnenwerk.backup import (
    CHUNK,
    FORMAT,
    FORMAT_VERSION,
    MANIFEST,
    POSTGRESQL_SETTINGS,
    Progress,
    RestoreRefused,
    Table,
    app_tables,
    audit_database,
    code_migrations,
    empty_tables,
    load_table,
    reset_sequences,
    unapplied_migrations,
)
from binnenwerk.imports.archive import ZipBounds, ZipRefused, open_checked

# A backup holds a manifest and a member per table: far fewer entries than this, and a
# manifest far smaller.
MAX_ENTRIES = 10_000
MAX_MANIFEST_BYTES = 16 * 1024 * 1024

# Tables that `migrate` fills by itself: they do not make a database non-empty, and a restore
# replaces them with the backup's (their ids are referenced by the audit log).
FILLED_BY_MIGRATE = frozenset({"django_content_type", "auth_permission"})


def backup_restore(
    path: str | Path, *, by: str, replace: bool = False, progress: Progress = None
) -> dict[str, Any]:
    """Restore the backup at `path` into this (migrated) database, in one transaction.

    The database must hold no data unless `replace`: then it is emptied first. Refuses
    (RestoreRefused, nothing changed) a file that is not a backup of this format, made with
    other migrations, or whose checksums or row counts do not match. Returns the manifest."""
    try:
        handle = open(path, "rb")  # noqa: SIM115 (closed with the archive below)
    except OSError as error:
        raise RestoreRefused(
            "not_a_backup",
            _("'%(path)s' cannot be read as a backup: %(error)s") % {"path": path, "error": error},
        ) from error
    with handle, _checked_archive(handle, path) as archive:
        manifest = _read_manifest(archive)
        _check_migrations(manifest)
        tables = _check_tables(manifest)
        _check_checksums(archive, manifest)
        with transaction.atomic():
            _load_all(archive, manifest, tables, replace, progress)
            audit_database(
                action=LogEntry.Action.CREATE,  # the data came in
                what=_("database restored from a backup"),
                data={
                    "bron": "restore",
                    "os_gebruiker": by,
                    "bestand": str(Path(path).resolve()),
                    "gemaakt_op": manifest.get("created_at"),
                    "database_van_herkomst": manifest.get("vendor"),
                    "vervangen": replace,
                },
            )
    # Figures are cached per version of the audit log (binnenwerk.dataversion); a restored log
    # may repeat a version of the data it replaced.
    cache.clear()
    return manifest


def _checked_archive(handle: IO[bytes], path: str | Path) -> zipfile.ZipFile:
    """The backup's zip, once its entries and the sizes they declare have passed (nothing is
    unpacked before): at most RESTORE_MAX_BYTES together, no member that unpacks to more than
    RESTORE_MAX_ZIP_RATIO times its packed size, no password, no unsafe name."""
    bounds = ZipBounds(
        entries=MAX_ENTRIES,
        total_bytes=settings.RESTORE_MAX_BYTES,
        ratio=settings.RESTORE_MAX_ZIP_RATIO,
    )
    try:
        return open_checked(handle, bounds)
    except ZipRefused as refusal:
        if refusal.damaged:
            raise RestoreRefused(
                "not_a_backup",
                _("'%(path)s' cannot be read as a backup: %(error)s")
                % {"path": path, "error": refusal},
            ) from refusal
        raise RestoreRefused(
            "bounds",
            _(
                "The backup is refused before anything was unpacked: %(reason)s (%(member)s). "
                "Nothing has been restored."
            )
            % {"reason": refusal, "member": (refusal.member or Path(path).name)[:100]},
        ) from refusal


def _read_manifest(archive: zipfile.ZipFile) -> dict[str, Any]:
    try:
        if archive.getinfo(MANIFEST).file_size > MAX_MANIFEST_BYTES:
            raise ValueError("manifest too large")
        manifest = json.loads(archive.read(MANIFEST))
    except (KeyError, ValueError, zipfile.BadZipFile) as error:
        raise RestoreRefused(
            "not_a_backup", _("This file is not a Binnenwerk backup: it has no readable manifest.")
        ) from error
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise RestoreRefused("not_a_backup", _("This file is not a Binnenwerk backup."))
    if manifest.get("format_version") != FORMAT_VERSION:
        raise RestoreRefused(
            "format",
            _(
                "This backup has format version %(found)s; this version of Binnenwerk reads "
                "format version %(known)s."
            )
            % {"found": manifest.get("format_version"), "known": FORMAT_VERSION},
        )
    return manifest


def _check_migrations(manifest: dict[str, Any]) -> None:
    theirs = set(manifest.get("migrations", []))
    ours = set(code_migrations())
    if theirs != ours:
        missing = ", ".join(sorted(ours - theirs)) or "-"
        extra = ", ".join(sorted(theirs - ours)) or "-"
        raise RestoreRefused(
            "migrations",
            _(
                "The backup was made with other migrations than this version of Binnenwerk has. "
                "Missing in the backup: %(missing)s. Unknown here: %(extra)s. Restore it with "
                "the version that made it, then migrate."
            )
            % {"missing": missing, "extra": extra},
        )
    if pending := unapplied_migrations():
        raise RestoreRefused(
            "not_migrated",
            _(
                "This database is not migrated yet: run `binnenwerk migrate` first "
                "(missing: %(migrations)s)."
            )
            % {"migrations": ", ".join(pending)},
        )


def _check_tables(manifest: dict[str, Any]) -> dict[str, Table]:
    tables = {t.name: t for t in app_tables()}
    entries = {e["name"]: e for e in manifest.get("tables", [])}
    differ = sorted(
        name
        for name in set(entries) | set(tables)
        if name not in entries
        or name not in tables
        or sorted(entries[name]["columns"]) != sorted(tables[name].columns)
    )
    if differ:
        raise RestoreRefused(
            "tables",
            _("The tables in the backup differ from this database's: %(tables)s.")
            % {"tables": ", ".join(differ)},
        )
    return tables


def _check_checksums(archive: zipfile.ZipFile, manifest: dict[str, Any]) -> None:
    for entry in manifest["tables"]:
        digest = hashlib.sha256()
        try:
            with archive.open(entry["member"]) as member:
                while chunk := member.read(CHUNK):
                    digest.update(chunk)
        except (KeyError, TypeError, zipfile.BadZipFile, zlib.error, EOFError) as error:
            raise _checksum_refusal(entry["name"]) from error
        if digest.hexdigest() != entry["sha256"]:
            raise _checksum_refusal(entry["name"])


def _checksum_refusal(table: str) -> RestoreRefused:
    return RestoreRefused(
        "checksum",
        _(
            "The backup is damaged or has been changed: the contents of table %(table)s do not "
            "match its checksum. Nothing has been restored."
        )
        % {"table": table},
    )


def _load_all(
    archive: zipfile.ZipFile,
    manifest: dict[str, Any],
    tables: dict[str, Table],
    replace: bool,
    progress: Progress,
) -> None:
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SET CONSTRAINTS ALL DEFERRED")
            for setting in POSTGRESQL_SETTINGS:
                cursor.execute(setting)
        if not replace:
            _require_empty(cursor, list(tables.values()))
        empty_tables(cursor, list(tables.values()))
        for entry in manifest["tables"]:
            table = tables[entry["name"]]
            try:
                with archive.open(entry["member"]) as member:
                    rows = load_table(cursor, table, entry["columns"], _chunks(member))
            except (DatabaseError, psycopg.Error) as error:  # a value the database refuses
                raise RestoreRefused(
                    "rows",
                    _("Table %(table)s cannot be read from the backup: %(error)s")
                    % {"table": table.name, "error": error},
                ) from error
            if rows != entry["rows"]:
                raise RestoreRefused(
                    "rows",
                    _("Table %(table)s has %(found)s rows in the backup, not %(expected)s.")
                    % {"table": table.name, "found": rows, "expected": entry["rows"]},
                )
            if progress:
                progress(table.name, rows)
        try:
            connection.check_constraints(table_names=list(tables))
        except IntegrityError as error:
            raise RestoreRefused(
                "rows",
                _("The backup's data do not fit together: %(error)s") % {"error": error},
            ) from error
        reset_sequences(cursor, list(tables.values()))
    ContentType.objects.clear_cache()


def _chunks(member: IO[bytes]) -> Iterator[bytes]:
    while chunk := member.read(CHUNK):
        yield chunk


def _require_empty(cursor: Any, tables: list[Table]) -> None:
    quote = connection.ops.quote_name
    filled = []
    for table in tables:
        if table.name in FILLED_BY_MIGRATE:
            continue
        # bandit B608: a model's own table, quoted.
        cursor.execute(f"SELECT 1 FROM {quote(table.name)} LIMIT 1")  # nosec B608
        if cursor.fetchone():
            filled.append(table.name)
    if filled:
        raise RestoreRefused(
            "not_empty",
            _(
                "This database already holds data (in %(tables)s). Restore into an empty, "
                "migrated database, or give --vervang to delete everything in it first."
            )
            % {"tables": ", ".join(filled[:5]) + (", …" if len(filled) > 5 else "")},
        )

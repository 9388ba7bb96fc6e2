"""The demo organisation for tests: loaded through the importer once per test process, then
restored from a copy of the database for every further module (a load takes seconds; a copy
milliseconds). Each module still starts from exactly the demo and its changes end with it.

SQLite (in memory) is copied with its backup API; PostgreSQL table by table with COPY.
"""

from __future__ import annotations

import sqlite3
from typing import Any

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.core.management.color import no_style
from django.db import connection, transaction

_copy: Any = None  # per process: a sqlite3 connection, or {table: COPY text} on PostgreSQL


def load_demo() -> None:
    global _copy
    if _copy is None:
        from binnenwerk.demo.services import demo_load

        demo_load()
        _copy = _take()
    else:
        _restore(_copy)
    ContentType.objects.clear_cache()


def _take() -> Any:
    connection.ensure_connection()
    if connection.vendor == "sqlite":
        copy = sqlite3.connect(":memory:", check_same_thread=False)
        connection.connection.backup(copy)
        return copy
    tables = {}
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names(cursor):
            if table == "django_migrations":  # flush keeps it: not part of the data
                continue
            with cursor.cursor.copy(f"COPY {connection.ops.quote_name(table)} TO STDOUT") as out:
                tables[table] = b"".join(bytes(chunk) for chunk in out)
    return tables


def _restore(copy: Any) -> None:
    if connection.vendor == "sqlite":
        copy.backup(connection.connection)
        return
    call_command("flush", interactive=False, verbosity=0, inhibit_post_migrate=True)
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("SET CONSTRAINTS ALL DEFERRED")
        for table, data in copy.items():
            if data:
                with cursor.cursor.copy(
                    f"COPY {connection.ops.quote_name(table)} FROM STDIN"
                ) as inp:
                    inp.write(data)
        for sql in connection.ops.sequence_reset_sql(no_style(), apps.get_models()):
            cursor.execute(sql)

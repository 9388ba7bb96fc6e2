"""The demo organisation for tests: loaded through the importer once per test process, then
restored from a copy of the database for every further module (a load takes seconds; a copy
milliseconds). Each module still starts from exactly the demo and its changes end with it.

The copy is binnenwerk.backup's snapshot: SQLite (in memory) with its backup API; PostgreSQL
table by table with COPY, the dump and load of `binnenwerk backup` / `restore`.
"""

from __future__ import annotations

from typing import Any

from django.contrib.contenttypes.models import ContentType

from binnenwerk.backup import snapshot_restore, snapshot_take

_copy: Any = None  # per process: binnenwerk.backup.snapshot_take()


def load_demo() -> None:
    global _copy
    if _copy is None:
        from binnenwerk.demo.services import demo_load

        demo_load()
        _copy = snapshot_take()
    else:
        snapshot_restore(_copy)
    ContentType.objects.clear_cache()

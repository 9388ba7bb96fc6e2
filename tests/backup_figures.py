"""The figures a backup must keep, computed the same way in the test process and in a fresh
process on the database a backup was restored into (tests/test_backup.py).

    python -m tests.backup_figures restore BACKUP [backup AGAIN]

migrates the database of DATABASE_URL (which must be new), restores BACKUP into it with the
`restore` command, optionally writes a backup of the result to AGAIN, and prints the figures
as one JSON object on stdout.
"""

from __future__ import annotations

import json
import sys
from typing import Any


def figures() -> dict[str, Any]:
    """Every figure of the annual overviews 2016-2023 and Table 1 of 2023Q4, the rows of every
    table, and the publications; as plain JSON values (so both processes compare equal)."""
    from django.db import connection

    from binnenwerk.backup import app_tables
    from binnenwerk.reports.models import Publicatie
    from binnenwerk.reports.selectors import jaaroverzicht_cijfers

    quote = connection.ops.quote_name
    rows = {}
    with connection.cursor() as cursor:
        for table in app_tables():
            cursor.execute(f"SELECT COUNT(*) FROM {quote(table.name)}")
            rows[table.name] = cursor.fetchone()[0]
    result = {
        "jaaroverzicht": {
            str(jaar): jaaroverzicht_cijfers(jaar).as_json() for jaar in range(2016, 2024)
        },
        "tabel1": jaaroverzicht_cijfers(2023, 4).as_json(),
        "rijen": rows,
        "publicaties": list(Publicatie.objects.order_by("id").values()),
    }
    return json.loads(json.dumps(result, default=str, sort_keys=True))


def main(argv: list[str]) -> None:
    import io

    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    steps = iter(argv)
    for step in steps:
        path = next(steps)
        quiet = io.StringIO()
        if step == "restore":
            call_command("restore", path, stdout=quiet, stderr=quiet)
        elif step == "backup":
            call_command("backup", path, stdout=quiet, stderr=quiet)
        else:
            raise SystemExit(f"unknown step {step}")
    sys.stdout.write(json.dumps(figures()))


if __name__ == "__main__":
    main(sys.argv[1:])

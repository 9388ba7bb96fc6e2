from argparse import ArgumentParser
from typing import Any

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from binnenwerk.backup import RestoreRefused, operating_system_user
from binnenwerk.restore import backup_restore


class Command(BaseCommand):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # In the active language; argparse needs a plain str, not a lazy one.
        self.help = _(
            "Restore a backup made with `binnenwerk backup` into this database: a migrated "
            "database without data (run `binnenwerk migrate` first), from SQLite or "
            "PostgreSQL into either. Checks the backup's migrations and checksums first; all "
            "or nothing. The backup holds personal data: delete copies you no longer need."
        )

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("path", help=_("the backup file, e.g. backup.zip"))
        parser.add_argument(
            "--vervang",
            action="store_true",
            help=_("first delete everything in this database, then restore the backup"),
        )

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            manifest = backup_restore(
                options["path"],
                by=operating_system_user(),
                replace=options["vervang"],
                progress=self._progress,
            )
        except RestoreRefused as refused:
            raise CommandError(str(refused), returncode=1) from refused
        rows = sum(table["rows"] for table in manifest["tables"])
        self.stdout.write(
            _("Backup restored: %(tables)s tables, %(rows)s rows (made on %(created)s).")
            % {
                "tables": len(manifest["tables"]),
                "rows": rows,
                "created": manifest.get("created_at", "?"),
            }
        )

    def _progress(self, table: str, rows: int) -> None:
        self.stderr.write(_("%(table)s: %(rows)s rows") % {"table": table, "rows": rows})

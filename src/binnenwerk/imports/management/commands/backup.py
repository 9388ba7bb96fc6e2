from argparse import ArgumentParser
from typing import Any

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from binnenwerk.backup import BackupError, backup_write, operating_system_user
from binnenwerk.coaching.services import export_log


class Command(BaseCommand):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # In the active language; argparse needs a plain str, not a lazy one.
        self.help = _(
            "Write a backup of the whole database to PATH (a .zip), consistent at one moment, "
            "from SQLite or PostgreSQL. The file holds personal data, special-category data "
            "among them (target-group indication, absence, coaching): only its owner may read "
            "it (permissions 0600); keep it as safe as the database itself. Restore it with "
            "`binnenwerk restore`."
        )

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("path", help=_("the backup file to write, e.g. backup.zip"))

    def handle(self, *args: Any, **options: Any) -> None:
        user = operating_system_user()
        try:
            manifest = backup_write(options["path"], by=user, progress=self._progress)
        except BackupError as error:
            raise CommandError(str(error), returncode=1) from error
        rows = sum(table["rows"] for table in manifest["tables"])
        # Personal data of everyone: logged in the access log too, as `exporteren` is.
        people = next(t["rows"] for t in manifest["tables"] if t["name"] == "people_medewerker")
        export_log(
            actor=None,
            naam=f"binnenwerk backup {options['path']}",
            aantal=people,
            scope=f"opdrachtregel, systeemgebruiker {user}",
        )
        self.stdout.write(
            _("Backup written: %(path)s (%(tables)s tables, %(rows)s rows).")
            % {"path": options["path"], "tables": len(manifest["tables"]), "rows": rows}
        )

    def _progress(self, table: str, rows: int) -> None:
        self.stderr.write(_("%(table)s: %(rows)s rows") % {"table": table, "rows": rows})

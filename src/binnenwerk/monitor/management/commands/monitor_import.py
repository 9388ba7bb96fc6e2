from argparse import ArgumentParser
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from binnenwerk.imports.dataset import ImportFailed
from binnenwerk.imports.readers import ReadError
from binnenwerk.monitor.importing import error_count, import_kwartaalcijfers, read_sheet


class Command(BaseCommand):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.help = _(
            "Import quarterly figures "
            "(ministerie, jaar, kwartaal, formeel_excl_binnenwerk, inleen)."
        )

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("path", help=".xlsx of .csv")
        parser.add_argument("--dry-run", action="store_true", help=_("check only"))

    def handle(self, *args: Any, **options: Any) -> None:
        path = Path(options["path"])
        if not path.is_file():
            raise CommandError(_("'%(path)s' does not exist") % {"path": path})
        try:
            # Read from the open file: the bounded reader checks the size before it reads.
            with path.open("rb") as handle:
                sheet = read_sheet(path.name, handle)
            report = import_kwartaalcijfers(actor=None, sheet=sheet, dry_run=options["dry_run"])
        except ReadError as error:
            raise CommandError(str(error)) from error
        except ImportFailed as failure:
            for line in failure.listed:  # the first IMPORT_ERRORS_LISTED, then a count
                self.stderr.write(line)
            raise CommandError(
                _("%(errors)s; nothing was saved.") % {"errors": error_count(failure.errors)}
            ) from failure
        self.stdout.write(report.summary())

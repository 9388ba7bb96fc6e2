import sys
from argparse import ArgumentParser
from typing import Any

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from tqdm import tqdm

from binnenwerk.imports.dataset import ImportFailed
from binnenwerk.imports.readers import ReadError, read_path
from binnenwerk.imports.services import import_dataset


class Command(BaseCommand):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # In the active language; argparse needs a plain str, not a lazy one.
        self.help = _("Import an .xlsx workbook, a folder of .csv files or a .zip of them.")

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("path", help=_("file or folder"))
        parser.add_argument(
            "--dry-run", action="store_true", help=_("only check and count, save nothing")
        )

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            dataset = read_path(options["path"])
            rows = sum(len(sheet.rows) for sheet in dataset.values())
            with tqdm(
                total=rows,
                desc=_("saving"),
                unit=" " + _("rows"),
                file=sys.stderr,
                disable=options["dry_run"] or not sys.stderr.isatty(),
            ) as bar:
                report = import_dataset(
                    actor=None, dataset=dataset, dry_run=options["dry_run"], progress=bar.update
                )
        except ReadError as error:
            raise CommandError(str(error), returncode=1) from error
        except ImportFailed as failure:
            for line in failure.listed:  # the first IMPORT_ERRORS_LISTED, then a count
                self.stderr.write(line)
            count = failure.total
            raise CommandError(
                ngettext(
                    "Import refused: %(count)s error; nothing has been changed.",
                    "Import refused: %(count)s errors; nothing has been changed.",
                    count,
                )
                % {"count": count},
                returncode=1,
            ) from failure
        self.stdout.write(report.summary())

from argparse import ArgumentParser
from typing import Any

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from binnenwerk.formatting import parse_iso_date
from binnenwerk.jobs import presenters
from binnenwerk.jobs.constants import Per
from binnenwerk.jobs.selectors import banen

FORMATS = ("table", "csv", "json")


class Command(BaseCommand):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # In the active language; argparse needs a plain str, not a lazy one.
        self.help = _("Jobs (25.5 hours a week) on a reference date, optionally per group.")

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("--peildatum", required=True, help=_("YYYY-MM-DD"))
        parser.add_argument("--per", choices=[p.value for p in Per])
        parser.add_argument("--format", choices=FORMATS, default="table")

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            peildatum = parse_iso_date(options["peildatum"])
        except ValueError as error:
            raise CommandError(str(error)) from error
        result = banen(peildatum, per=options["per"])
        render = {
            "json": presenters.banen_json,
            "csv": presenters.banen_csv,
            "table": presenters.banen_table,
        }[options["format"]]
        self.stdout.write(render(result).rstrip("\n"))

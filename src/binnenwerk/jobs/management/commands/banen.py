from argparse import ArgumentParser
from typing import Any

from django.core.management.base import BaseCommand, CommandError

from binnenwerk.formatting import parse_iso_date
from binnenwerk.jobs import presenters
from binnenwerk.jobs.constants import Per
from binnenwerk.jobs.selectors import banen

FORMATS = ("table", "csv", "json")


class Command(BaseCommand):
    help = "Banen (25,5 uur per week) op een peildatum, eventueel per groep."

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("--peildatum", required=True, help="JJJJ-MM-DD")
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

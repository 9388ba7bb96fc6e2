from argparse import ArgumentParser
from typing import Any

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from binnenwerk.formatting import parse_iso_date
from binnenwerk.organisation import presenters
from binnenwerk.organisation.models import Team
from binnenwerk.organisation.selectors import open_places_overview


class Command(BaseCommand):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.help = _("Open places per team on a reference date, teams below their minimum size.")

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("--peildatum", required=True, help=_("YYYY-MM-DD"))
        parser.add_argument("--format", choices=("table", "csv", "json"), default="table")

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            peildatum = parse_iso_date(options["peildatum"])
        except ValueError as error:
            raise CommandError(str(error)) from error
        rows = open_places_overview(Team.objects.all(), peildatum)
        if options["format"] == "json":
            output = presenters.plaatsen_json(peildatum, rows)
        elif options["format"] == "csv":
            output = presenters.plaatsen_csv(rows)
        else:
            output = presenters.plaatsen_table(peildatum, rows)
        self.stdout.write(output.rstrip("\n"))

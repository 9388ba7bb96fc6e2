from argparse import ArgumentParser
from typing import Any

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from binnenwerk.formatting import parse_iso_date
from binnenwerk.jobs import presenters
from binnenwerk.jobs.selectors import TEAM_GROUP_PATH, medewerkers_binnenwerk, teams


class Command(BaseCommand):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # In the active language; argparse needs a plain str, not a lazy one.
        self.help = _(
            "Binnenwerk teams on a reference date, optionally per work type, province or location."
        )

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("--peildatum", required=True, help=_("YYYY-MM-DD"))
        parser.add_argument("--per", choices=list(TEAM_GROUP_PATH))
        parser.add_argument("--format", choices=("table", "csv", "json"), default="table")

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            peildatum = parse_iso_date(options["peildatum"])
        except ValueError as error:
            raise CommandError(str(error)) from error
        result = teams(peildatum, per=options["per"])
        if options["format"] == "json":
            output = presenters.teams_json(result, medewerkers_binnenwerk(peildatum))
        elif options["format"] == "csv":
            output = presenters.teams_csv(result)
        else:
            output = presenters.teams_table(result)
        self.stdout.write(output.rstrip("\n"))

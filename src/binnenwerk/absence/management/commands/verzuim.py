from argparse import ArgumentParser
from typing import Any

from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from binnenwerk.absence import presenters
from binnenwerk.absence.constants import Per
from binnenwerk.absence.selectors import periode, verzuim_cijfers

FORMATS = ("table", "json")


class Command(BaseCommand):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # In the active language; argparse needs a plain str, not a lazy one.
        self.help = _(
            "Absence of a year: rate, reporting frequency, average duration and people, "
            "optionally per team or work type."
        )

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("--jaar", type=int, required=True, help=_("the year, e.g. 2023"))
        parser.add_argument("--per", choices=[Per.TEAM.value, Per.WERKSOORT.value])
        parser.add_argument("--format", choices=FORMATS, default="table")

    def handle(self, *args: Any, **options: Any) -> None:
        cijfers = verzuim_cijfers(periode(options["jaar"]), options["per"])
        regels = presenters.rows(cijfers, _("Whole organisation"))
        if options["format"] == "json":
            self.stdout.write(presenters.cijfers_json(cijfers, regels))
        else:
            self.stdout.write(presenters.cijfers_table(regels))

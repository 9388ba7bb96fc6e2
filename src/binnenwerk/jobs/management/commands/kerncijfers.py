from argparse import ArgumentParser
from typing import Any

from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from binnenwerk.jobs import presenters
from binnenwerk.jobs.selectors import kerncijfers


class Command(BaseCommand):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # In the active language; argparse needs a plain str, not a lazy one.
        self.help = _("The key figures of the annual overview, on 31 December of the year.")

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("--jaar", type=int, required=True)
        parser.add_argument("--format", choices=("table", "json"), default="table")

    def handle(self, *args: Any, **options: Any) -> None:
        result = kerncijfers(options["jaar"])
        if options["format"] == "json":
            self.stdout.write(presenters.kerncijfers_json(result))
        else:
            self.stdout.write(presenters.kerncijfers_table(result))

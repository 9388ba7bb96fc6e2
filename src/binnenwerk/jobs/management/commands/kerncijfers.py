from argparse import ArgumentParser
from typing import Any

from django.core.management.base import BaseCommand

from binnenwerk.jobs import presenters
from binnenwerk.jobs.selectors import kerncijfers


class Command(BaseCommand):
    help = "De kerncijfers van het jaaroverzicht, op 31 december van het jaar."

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("--jaar", type=int, required=True)
        parser.add_argument("--format", choices=("table", "json"), default="table")

    def handle(self, *args: Any, **options: Any) -> None:
        result = kerncijfers(options["jaar"])
        if options["format"] == "json":
            self.stdout.write(presenters.kerncijfers_json(result))
        else:
            self.stdout.write(presenters.kerncijfers_table(result))

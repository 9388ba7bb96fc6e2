import time
from argparse import ArgumentParser
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from binnenwerk.demo.synthetic import write_synthetic


class Command(BaseCommand):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.help = _(
            "Write a synthetic organisation in the import format (a folder of CSV files or a "
            ".zip), for benchmarks and load tests; the same seed gives the same files."
        )

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("path", help=_("a folder, or a file ending in .zip"))
        parser.add_argument("--medewerkers", type=int, required=True, help=_("number of people"))
        parser.add_argument("--seed", type=int, default=1)

    def handle(self, *args: Any, **options: Any) -> None:
        if options["medewerkers"] < 10:
            raise CommandError(_("give at least 10 people"))
        started = time.perf_counter()
        path = Path(options["path"])
        write_synthetic(path, options["medewerkers"], options["seed"])
        self.stdout.write(
            _("%(count)s people written to %(path)s in %(seconds).1f s")
            % {
                "count": options["medewerkers"],
                "path": path,
                "seconds": time.perf_counter() - started,
            }
        )

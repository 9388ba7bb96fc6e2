import sys
from argparse import ArgumentParser
from typing import Any

from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from binnenwerk.imports.dataset import ImportFailed
from binnenwerk.imports.readers import ReadError, read_path
from binnenwerk.imports.services import import_dataset


class Command(BaseCommand):
    help = "Importeer een .xlsx-werkmap, een map met .csv-bestanden of een .zip daarvan."

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("path", help="bestand of map")
        parser.add_argument(
            "--dry-run", action="store_true", help="alleen controleren en tellen, niets opslaan"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            dataset = read_path(options["path"])
            rows = sum(len(sheet.rows) for sheet in dataset.values())
            with tqdm(
                total=rows,
                desc="opslaan",
                unit=" rijen",
                file=sys.stderr,
                disable=options["dry_run"] or not sys.stderr.isatty(),
            ) as bar:
                report = import_dataset(
                    actor=None, dataset=dataset, dry_run=options["dry_run"], progress=bar.update
                )
        except ReadError as error:
            raise CommandError(str(error), returncode=1) from error
        except ImportFailed as failure:
            for problem in failure.errors:
                self.stderr.write(str(problem))
            raise CommandError(
                f"Import geweigerd: {len(failure.errors)} fout(en); er is niets gewijzigd.",
                returncode=1,
            ) from failure
        self.stdout.write(report.summary())

from argparse import ArgumentParser
from typing import Any

from django.core.management.base import BaseCommand

from binnenwerk.imports.exporters import export_path


class Command(BaseCommand):
    help = "Exporteer de hele organisatie in het importformaat (.xlsx of een map met .csv)."

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("path", help="PAD.xlsx, of een map voor .csv-bestanden")

    def handle(self, *args: Any, **options: Any) -> None:
        written = export_path(options["path"])
        self.stdout.write(f"Geschreven: {', '.join(str(p) for p in written)}")

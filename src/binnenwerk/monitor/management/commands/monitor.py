from argparse import ArgumentParser
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from binnenwerk.monitor import presenters
from binnenwerk.monitor.quarters import Kwartaal
from binnenwerk.monitor.selectors import tabel1

TEXT_FORMATS = {
    "table": presenters.tabel1_table,
    "csv": presenters.tabel1_csv,
    "json": presenters.tabel1_json,
}


class Command(BaseCommand):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # In the active language; argparse needs a plain str, not a lazy one.
        self.help = _("Table 1 of the Job Agreement monitor for a quarter.")

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("--kwartaal", required=True, help="JJJJQn, bv. 2023Q4")
        parser.add_argument("--format", choices=[*TEXT_FORMATS, "xlsx"], default="table")
        parser.add_argument("--output", help=_("file to write (required for xlsx)"))

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            kwartaal = Kwartaal.parse(options["kwartaal"])
        except ValueError as error:
            raise CommandError(str(error)) from error
        result = tabel1(kwartaal)
        output = options["output"]
        if options["format"] == "xlsx":
            if not output:
                raise CommandError(_("--format xlsx needs --output PATH.xlsx"))
            Path(output).write_bytes(presenters.tabel1_xlsx(result))
            return
        text = TEXT_FORMATS[options["format"]](result).rstrip("\n")
        if output:
            Path(output).write_text(text + "\n", encoding="utf-8")
        else:
            self.stdout.write(text)

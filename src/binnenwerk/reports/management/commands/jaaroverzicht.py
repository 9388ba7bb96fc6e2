from argparse import ArgumentParser
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError
from django.template.loader import render_to_string
from django.utils.translation import gettext as _

from binnenwerk.reports.views import overview_context, pdf_bytes


class Command(BaseCommand):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.help = _(
            "Write the annual overview of a year as PDF or HTML (the published figures when "
            "the year is published, else today's)."
        )

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("--jaar", type=int, required=True, help=_("the year, e.g. 2023"))
        parser.add_argument(
            "--output", required=True, help=_("the file to write: ending in .pdf or .html")
        )

    def handle(self, *args: Any, **options: Any) -> None:
        path = Path(options["output"])
        jaar = options["jaar"]
        suffix = path.suffix.lower()
        if suffix == ".pdf":
            path.write_bytes(pdf_bytes(jaar))
        elif suffix in (".html", ".htm"):
            html = render_to_string("reports/jaaroverzicht_pdf.html", overview_context(jaar))
            path.write_text(html, encoding="utf-8")
        else:
            raise CommandError(_("The output file must end in .pdf or .html."))
        self.stdout.write(_("Written: %(path)s") % {"path": path})

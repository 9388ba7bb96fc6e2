"""binnenwerk inzageverzoek --nummer N --output PATH.zip --reden TEXT [--door NAME]"""

from __future__ import annotations

import getpass
from argparse import ArgumentParser
from pathlib import Path
from typing import Any

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from binnenwerk.files import write_private
from binnenwerk.people.models import Medewerker
from binnenwerk.privacy_export.services import inzageverzoek_export


def _os_user() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):  # no name for the process's uid (a container)
        return "?"


class Command(BaseCommand):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.help = _(
            "Subject access (AVG art. 15): everything stored about one person as a zip file "
            "with a PDF and one JSON and CSV file per category. Logged in the access log."
        )

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("--nummer", required=True, help=_("the personnel number"))
        parser.add_argument("--output", required=True, help=_("the zip file to write"))
        parser.add_argument(
            "--reden", required=True, help=_("the reason or reference of the request")
        )
        parser.add_argument(
            "--door", help=_("who runs it, for the audit log (default: the operating system user)")
        )

    def handle(self, *args: Any, **options: Any) -> None:
        person = Medewerker.objects.filter(personeelsnummer=options["nummer"]).first()
        if person is None:
            raise CommandError(
                _("no employee with personnel number %(number)s") % {"number": options["nummer"]}
            )
        output = Path(options["output"])
        if not output.parent.is_dir():
            raise CommandError(_("the folder %(path)s does not exist") % {"path": output.parent})
        try:
            export = inzageverzoek_export(
                actor=None,
                medewerker=person,
                reden=options["reden"],
                door=options["door"] or _os_user(),
            )
        except ValidationError as error:
            raise CommandError(" ".join(error.messages)) from error
        # Special personal data: readable by the one who made it only (0600).
        write_private(output, export.content)
        self.stdout.write(
            _("Written %(path)s: %(count)s categories, %(records)s records.")
            % {
                "path": output,
                "count": len(export.categories),
                "records": sum(len(c.records) for c in export.categories),
            }
        )

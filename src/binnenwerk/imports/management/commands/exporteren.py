import getpass
from argparse import ArgumentParser
from typing import Any

from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from binnenwerk.coaching.services import export_log
from binnenwerk.imports.exporters import export_path
from binnenwerk.people.models import Medewerker


class Command(BaseCommand):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # In the active language; argparse needs a plain str, not a lazy one.
        self.help = _(
            "Export the whole organisation in the import format (.xlsx or a folder of .csv files)."
        )

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("path", help=_("PATH.xlsx, or a folder for .csv files"))

    def handle(self, *args: Any, **options: Any) -> None:
        written = export_path(options["path"])
        # Personal data of everyone: logged in the access log, with no signed-in user.
        export_log(
            actor=None,
            naam=f"binnenwerk exporteren {options['path']}",
            aantal=Medewerker.objects.count(),
            scope=f"opdrachtregel, systeemgebruiker {getpass.getuser()}",
        )
        self.stdout.write(_("Written: %(files)s") % {"files": ", ".join(str(p) for p in written)})

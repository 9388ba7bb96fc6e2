from argparse import ArgumentParser
from typing import Any

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone
from django.utils.translation import gettext as _

from binnenwerk.accounts.constants import Rol
from binnenwerk.demo.services import (
    DEMO_ACCOUNTS,
    DEMO_PASSWORD,
    DemoRefused,
    demo_load,
    demo_loaded,
)
from binnenwerk.formatting import decimal_nl
from binnenwerk.jobs.selectors import kerncijfers


class Command(BaseCommand):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # In the active language; argparse needs a plain str, not a lazy one.
        self.help = _(
            "Load the demo organisation (fictitious people, 2016 until now) and start the app."
        )

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("--no-serve", action="store_true", help=_("only load, do not start"))
        parser.add_argument("--addrport", default="127.0.0.1:8000")

    def handle(self, *args: Any, **options: Any) -> None:
        call_command("migrate", interactive=False, verbosity=0)
        loaded = demo_loaded()
        if loaded is not None:
            self.stdout.write(
                _("This database holds the demo organisation already (loaded %(when)s).")
                % {"when": timezone.localtime(loaded.geladen_op).strftime("%d-%m-%Y %H:%M")}
            )
        else:
            self.stdout.write(_("Loading the demo organisation …"))
            try:
                report = demo_load()
            except DemoRefused as refused:
                raise CommandError(str(refused), returncode=1) from refused
            self.stdout.write(report.summary())
        for jaar in (2021, 2023):
            k = kerncijfers(jaar)
            self.stdout.write(
                _(
                    "%(year)s: %(jobs)s jobs, %(employees)s employees, "
                    "%(new)s new colleagues, %(teams)s teams"
                )
                % {
                    "year": jaar,
                    "jobs": decimal_nl(k.banen),
                    "employees": k.medewerkers_binnenwerk,
                    "new": k.nieuwe_collegas,
                    "teams": k.teams,
                }
            )
        self.stdout.write(
            "\n"
            + _("Demo accounts (password for all: %(password)s):") % {"password": DEMO_PASSWORD}
        )
        for username, rol in DEMO_ACCOUNTS:
            self.stdout.write(f"  {username:<16} {Rol(rol).label}")
        if not options["no_serve"]:
            call_command("collectstatic", interactive=False, verbosity=0)
            self.stdout.write(
                "\n" + _("The app runs at http://%(address)s/") % {"address": options["addrport"]}
            )
            call_command("runserver", options["addrport"], use_reloader=False)

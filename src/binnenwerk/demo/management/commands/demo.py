from argparse import ArgumentParser
from typing import Any

from django.core.management import call_command
from django.core.management.base import BaseCommand

from binnenwerk.accounts.constants import Rol
from binnenwerk.demo.services import DEMO_PASSWORD, demo_load
from binnenwerk.formatting import decimal_nl
from binnenwerk.jobs.selectors import kerncijfers


class Command(BaseCommand):
    help = "Laad de demo-organisatie (fictieve mensen, 2016 tot nu) en start de app."

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("--no-serve", action="store_true", help="alleen laden, niet starten")
        parser.add_argument("--addrport", default="127.0.0.1:8000")

    def handle(self, *args: Any, **options: Any) -> None:
        call_command("migrate", interactive=False, verbosity=0)
        call_command("collectstatic", interactive=False, verbosity=0)
        self.stdout.write("Demo-organisatie laden …")
        report = demo_load()
        self.stdout.write(report.summary() if hasattr(report, "summary") else str(report))
        for jaar in (2021, 2023):
            k = kerncijfers(jaar)
            self.stdout.write(
                f"{jaar}: {decimal_nl(k.banen)} banen, {k.medewerkers_binnenwerk} medewerkers, "
                f"{k.nieuwe_collegas} nieuwe collega's, {k.teams} teams"
            )
        self.stdout.write(f"\nDemo-accounts (wachtwoord voor alle: {DEMO_PASSWORD}):")
        for rol in Rol:
            self.stdout.write(f"  {rol.value:<16} {rol.label}")
        if not options["no_serve"]:
            self.stdout.write(f"\nDe app draait op http://{options['addrport']}/")
            call_command("runserver", options["addrport"], use_reloader=False)

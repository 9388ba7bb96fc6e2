"""The `binnenwerk` command: Django's manage.py with the project's own command names.

    binnenwerk migrate
    binnenwerk import PATH [--dry-run]
    binnenwerk export PATH
    binnenwerk banen --peildatum YYYY-MM-DD [--per …] [--format table|csv|json]
    binnenwerk teams --peildatum YYYY-MM-DD [--per werksoort|provincie|locatie] [--format …]
    binnenwerk kerncijfers --jaar YYYY [--format table|json]
    binnenwerk verzuim --jaar YYYY [--per team|werksoort] [--format table|json]
    binnenwerk jaaroverzicht --jaar YYYY --output PATH.pdf|PATH.html
    binnenwerk demo [--no-serve]
    binnenwerk serve [--allow-sqlite]       (production: gunicorn, see the README)
    binnenwerk backup PATH.zip
    binnenwerk restore PATH.zip [--vervang]
    binnenwerk opschonen [--dry-run] [--peildatum YYYY-MM-DD]
    binnenwerk inzageverzoek --nummer N --output PATH.zip --reden TEXT
    binnenwerk bsn-sleutels-roteren

The README lists every command. Any other Django command (createsuperuser, runserver, …)
passes through unchanged.
"""

from __future__ import annotations

import os
import sys

# Commands whose English or Python-reserved name maps to the Django command.
ALIASES = {
    "import": "importeren",
    "export": "exporteren",
    "monitor-import": "monitor_import",
    "api-token": "api_token",
    "bsn-sleutels-roteren": "bsn_sleutels_roteren",
}


def main(argv: list[str] | None = None) -> None:
    args = list(sys.argv[1:] if argv is None else argv)
    command = ALIASES.get(args[0], args[0]) if args else "help"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "binnenwerk.settings")
    serving = command in ("runserver", "serve") or (command == "demo" and "--no-serve" not in args)
    if serving and command == "demo":
        # The demo serves the app in debug mode on 127.0.0.1 with a demo key.
        os.environ.setdefault("DJANGO_DEBUG", "1")
    if not serving:
        # Command-line work signs nothing: a throw-away secret key is enough.
        os.environ.setdefault("BINNENWERK_CLI", "1")
    from django.core.exceptions import ImproperlyConfigured
    from django.core.management import execute_from_command_line
    from django.db.utils import OperationalError, ProgrammingError
    from django.utils.translation import gettext as _

    try:
        execute_from_command_line(["binnenwerk", command, *args[1:]])
    except ImproperlyConfigured as error:  # e.g. serving without SECRET_KEY: the message says it
        sys.stderr.write(f"{error}\n")
        sys.exit(1)
    except (OperationalError, ProgrammingError) as error:
        if not _missing_table(error):
            raise
        sys.stderr.write(
            _("The database has not been set up yet: run `binnenwerk migrate` first.") + "\n"
        )
        sys.exit(1)


def _missing_table(error: Exception) -> bool:
    text = str(error).lower()
    return "no such table" in text or ("relation" in text and "does not exist" in text)


if __name__ == "__main__":
    main()

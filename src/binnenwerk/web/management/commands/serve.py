"""`binnenwerk serve`: the app in production, with gunicorn (binnenwerk/web/serving.py).

Refuses to start in debug mode, without a SECRET_KEY from the environment, or on SQLite
unless asked for with --allow-sqlite (PostgreSQL from DATABASE_URL is the production database).
Static files are served by whitenoise from STATIC_ROOT: run `binnenwerk collectstatic` first.
"""

from __future__ import annotations

import os
from argparse import ArgumentParser
from collections.abc import Mapping
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from binnenwerk.web.serving import GunicornApplication, ServeConfig, with_health_check


def refusals(
    *, debug: bool, engine: str, environ: Mapping[str, str], allow_sqlite: bool
) -> list[str]:
    """Why the app may not be served in production like this (empty: it may)."""
    reasons = []
    if debug:
        reasons.append(_("DJANGO_DEBUG is on: debug mode is for the demo only."))
    if not environ.get("SECRET_KEY"):
        reasons.append(_("SECRET_KEY is not set in the environment."))
    sqlite = engine == "django.db.backends.sqlite3"
    if not allow_sqlite and (sqlite or not environ.get("DATABASE_URL")):
        reasons.append(
            _(
                "No PostgreSQL database: set DATABASE_URL (postgres://…), or pass --allow-sqlite"
                " to serve from a SQLite file."
            )
        )
    return reasons


class Command(BaseCommand):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.help = _(
            "Serve the app in production with gunicorn (HOST, PORT, WEB_CONCURRENCY, WEB_TIMEOUT)."
        )

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("--bind", help=_("address:port, instead of HOST and PORT"))
        parser.add_argument(
            "--workers", type=int, help=_("number of worker processes (WEB_CONCURRENCY)")
        )
        parser.add_argument(
            "--allow-sqlite", action="store_true", help=_("serve from a SQLite database file")
        )

    def handle(self, *args: Any, **options: Any) -> None:
        reasons = refusals(
            debug=settings.DEBUG,
            engine=settings.DATABASES["default"]["ENGINE"],
            environ=os.environ,
            allow_sqlite=options["allow_sqlite"],
        )
        if reasons:
            raise CommandError(" ".join([_("Not starting:"), *reasons]))
        from django.core.wsgi import get_wsgi_application

        config = ServeConfig.from_environment(options["bind"], options["workers"])
        self.stdout.write(
            _("Serving on %(bind)s with %(workers)s workers.")
            % {"bind": config.bind, "workers": config.workers}
        )
        self.stdout.flush()
        application = with_health_check(get_wsgi_application())
        GunicornApplication(application, config.gunicorn_options()).run()

"""binnenwerk opschonen [--dry-run] [--peildatum YYYY-MM-DD] [--door NAME]"""

from __future__ import annotations

import datetime as dt
import getpass
from argparse import ArgumentParser
from typing import Any

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone
from django.utils.translation import gettext as _

from binnenwerk.formatting import date_nl, parse_iso_date, table
from binnenwerk.retention import selectors, services
from binnenwerk.retention.constants import Soort, termijn


def rule(soort: Soort) -> str:
    """The retention period of a kind, in words."""
    if soort == Soort.KANDIDATEN:
        return _("%(weeks)s weeks after leaving (%(years)s year(s) with consent)") % {
            "weeks": termijn("kandidaat_weken"),
            "years": termijn("kandidaat_toestemming_jaren"),
        }
    if soort == Soort.INZAGEN:
        return _("%(years)s years after the read") % {"years": termijn("inzage_jaren")}
    name = {
        Soort.COACHINGNOTITIES: "coaching_jaren",
        Soort.ONTWIKKELDOELEN: "coaching_jaren",
        Soort.POORTWACHTERSTAPPEN: "verzuim_jaren",
        Soort.MEDEWERKERS: "medewerker_jaren",
    }[soort]
    return _("%(years)s years after employment ends") % {"years": termijn(name)}


def _os_user() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):  # no name for the process's uid (a container)
        return "?"


class Command(BaseCommand):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.help = _(
            "Retention: delete or anonymise the personal data that is past its retention "
            "period. Figures of the past do not change."
        )

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("--dry-run", action="store_true", help=_("only show what would happen"))
        parser.add_argument("--peildatum", help=_("reference date YYYY-MM-DD (default today)"))
        parser.add_argument(
            "--door", help=_("who runs it, for the audit log (default: the operating system user)")
        )

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            peildatum = (
                parse_iso_date(options["peildatum"]) if options["peildatum"] else dt.date.today()
            )
        except ValueError as error:
            raise CommandError(str(error)) from error
        regels = selectors.overzicht(peildatum)
        self.stdout.write(_("Retention on %(date)s:") % {"date": date_nl(peildatum)})
        self.stdout.write(
            table(
                [_("Kind"), _("Retention period"), _("Past retention"), _("Action")],
                [
                    [str(r.soort.label), rule(r.soort), str(r.aantal), str(r.actie.label)]
                    for r in regels
                ],
                [False, False, True, False],
            )
        )
        if options["dry_run"]:
            self.stdout.write(_("Dry run: nothing has been changed."))
            return
        left = services.leftovers_remove(now=timezone.now())
        self.stdout.write(
            _(
                "Left behind by work in progress: %(sessions)s expired sessions and "
                "%(uploads)s unconfirmed import files removed."
            )
            % {"sessions": left.sessies, "uploads": left.uploads}
        )
        door = options["door"] or _os_user()
        actor = get_user_model().objects.filter(username=door).first()
        run = services.opschoning_run(peildatum=peildatum, door=door, actor=actor)
        if run is None:
            self.stdout.write(_("Nothing is past retention: nothing has been changed."))
        else:
            self.stdout.write(
                _("Done: %(count)s records deleted or anonymised (run %(id)s).")
                % {"count": sum(run.aantallen.values()), "id": run.pk}
            )

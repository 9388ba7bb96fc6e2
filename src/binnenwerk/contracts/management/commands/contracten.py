import datetime as dt
import re
from argparse import ArgumentParser
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from binnenwerk.contracts import presenters
from binnenwerk.contracts.selectors import werklijst
from binnenwerk.formatting import date_nl, parse_iso_date

WEEKS = re.compile(r"^\s*(\d{1,3})\s*w?\s*$", re.IGNORECASE)


def parse_weeks(text: str) -> int:
    """'8w' or '8' → 8."""
    match = WEEKS.match(text or "")
    if not match:
        raise CommandError(
            _("invalid number of weeks '%(value)s': use for example 8w or 8") % {"value": text}
        )
    return int(match.group(1))


class Command(BaseCommand):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.help = _(
            "The contract clock: fixed-term contracts whose one-year mark or end date falls "
            "within the coming weeks, or has passed without a decision."
        )

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument(
            "--binnen",
            default=f"{settings.CONTRACTKLOK_WEKEN}w",
            help=_("weeks ahead, for example 8w"),
        )
        parser.add_argument("--peildatum", help=_("reference date YYYY-MM-DD (default today)"))
        parser.add_argument("--format", choices=["table", "json"], default="table")

    def handle(self, *args: Any, **options: Any) -> None:
        weken = parse_weeks(options["binnen"])
        try:
            peildatum = (
                parse_iso_date(options["peildatum"]) if options["peildatum"] else dt.date.today()
            )
        except ValueError as error:
            raise CommandError(str(error)) from error
        items = werklijst(None, peildatum, weken)  # the whole organisation
        if options["format"] == "json":
            self.stdout.write(presenters.werklijst_json(peildatum, weken, items))
            return
        summary = _(
            "Contract clock on %(date)s, %(weeks)s weeks ahead: "
            "%(count)s contracts, %(late)s overdue."
        )
        self.stdout.write(
            summary
            % {
                "date": date_nl(peildatum),
                "weeks": weken,
                "count": len(items),
                "late": sum(1 for i in items if i.te_laat),
            }
        )
        if items:
            self.stdout.write(presenters.werklijst_table(items))

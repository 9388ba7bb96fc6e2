"""binnenwerk account GEBRUIKERSNAAM [--rol R …] [--medewerker N] [--organisatie CODE]
[--eenmalig-wachtwoord] [--uit | --aan]

The server operator's way to make and change accounts: the only one that grants the privacy
officer's role, and the first administrator's account on a new installation. Every run is in
the audit log with the operating-system user.
"""

from __future__ import annotations

from argparse import ArgumentParser
from typing import Any

from auditlog.models import LogEntry
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils.translation import gettext as _

from binnenwerk.accounts.constants import Rol
from binnenwerk.accounts.models import Profiel
from binnenwerk.accounts.selectors import roles_of
from binnenwerk.accounts.services import (
    account_active_set,
    account_password_reset,
    account_set,
)
from binnenwerk.backup import audit_database, operating_system_user
from binnenwerk.organisation.models import Organisatie
from binnenwerk.people.models import Medewerker


class Command(BaseCommand):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # In the active language; argparse needs a plain str, not a lazy one.
        self.help = _(
            "Make or change an account on the server: roles, links, a one-time password, "
            "switched on or off. The only way to grant the privacy officer's role."
        )

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("gebruikersnaam", help=_("the username"))
        parser.add_argument(
            "--rol",
            action="append",
            choices=[r.value for r in Rol],
            help=_("a role (repeat for more); replaces the account's roles"),
        )
        parser.add_argument("--medewerker", help=_("personnel number of the staff member"))
        parser.add_argument("--organisatie", help=_("code of the client organisation"))
        parser.add_argument(
            "--eenmalig-wachtwoord",
            action="store_true",
            help=_("give a one-time password (printed once; changed at the next sign-in)"),
        )
        state = parser.add_mutually_exclusive_group()
        state.add_argument("--uit", action="store_true", help=_("switch the account off"))
        state.add_argument("--aan", action="store_true", help=_("switch the account on again"))

    def handle(self, *args: Any, **options: Any) -> None:
        username = options["gebruikersnaam"]
        try:
            with transaction.atomic():
                password = self._apply(username, options)
                audit_database(
                    action=LogEntry.Action.UPDATE,
                    what=_("account %(username)s changed on the command line")
                    % {"username": username},
                    data={"bron": "account", "os_gebruiker": operating_system_user()},
                )
        except ValidationError as refused:
            raise CommandError(" ".join(refused.messages), returncode=1) from refused
        user = get_user_model().objects.get(username=username)
        roles = ", ".join(sorted(str(Rol(r).label) for r in roles_of(user))) or "-"
        self.stdout.write(
            _("Account %(username)s: %(roles)s; %(state)s.")
            % {
                "username": username,
                "roles": roles,
                "state": _("active") if user.is_active else _("switched off"),
            }
        )
        if password:
            self.stdout.write(
                _("One-time password (shown once; hand it over in person): %(password)s")
                % {"password": password}
            )

    def _apply(self, username: str, options: dict[str, Any]) -> str:
        user = get_user_model().objects.filter(username=username).first()
        if user is None and not options["rol"]:
            raise CommandError(_("A new account needs at least one --rol."), returncode=1)
        if options["rol"] or options["medewerker"] or options["organisatie"]:
            profile = Profiel.objects.filter(user=user).first() if user else None
            account_set(
                actor=None,
                username=username,
                roles=options["rol"] or sorted(roles_of(user)),
                medewerker=self._person(options["medewerker"])
                if options["medewerker"]
                else getattr(profile, "medewerker", None),
                organisatie=self._organisation(options["organisatie"])
                if options["organisatie"]
                else getattr(profile, "organisatie", None),
            )
        if options["uit"] or options["aan"]:
            account_active_set(actor=None, username=username, active=bool(options["aan"]))
        if options["eenmalig_wachtwoord"]:
            return account_password_reset(actor=None, username=username)
        return ""

    @staticmethod
    def _person(number: str) -> Medewerker:
        person = Medewerker.objects.filter(personeelsnummer=number).first()
        if person is None:
            raise CommandError(
                _("There is no employee with personnel number %(number)s.") % {"number": number},
                returncode=1,
            )
        return person

    @staticmethod
    def _organisation(code: str) -> Organisatie:
        organisation = Organisatie.objects.filter(code=code).first()
        if organisation is None:
            raise CommandError(
                _("There is no organisation with code %(code)s.") % {"code": code}, returncode=1
            )
        return organisation

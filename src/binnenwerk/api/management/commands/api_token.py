from argparse import ArgumentParser
from typing import Any

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from binnenwerk.api.services import api_token_create


class Command(BaseCommand):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.help = _(
            "Create a personal API token for a user (for an operator's scripts); "
            "the token is printed once."
        )

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("--gebruiker", required=True, help=_("username"))
        parser.add_argument("--naam", required=True, help=_("what the token is for"))
        parser.add_argument(
            "--dagen", type=int, default=90, help=_("days valid (at most API_TOKEN_MAX_DAGEN)")
        )

    def handle(self, *args: Any, **options: Any) -> None:
        user = get_user_model().objects.filter(username=options["gebruiker"]).first()
        if user is None:
            raise CommandError(_("unknown user: %(name)s") % {"name": options["gebruiker"]})
        try:
            # No signed-in actor on the command line: the audit entry names the token's owner.
            created = api_token_create(
                actor=user, user=user, naam=options["naam"], geldig_dagen=options["dagen"]
            )
        except ValidationError as error:
            raise CommandError(" ".join(error.messages)) from error
        self.stderr.write(
            _("Token %(name)s for %(user)s, valid until %(date)s (max %(max)s days):")
            % {
                "name": created.token.naam,
                "user": user.username,
                "date": f"{created.token.verloopt_op:%d-%m-%Y}",
                "max": settings.API_TOKEN_MAX_DAGEN,
            }
        )
        self.stdout.write(created.secret)

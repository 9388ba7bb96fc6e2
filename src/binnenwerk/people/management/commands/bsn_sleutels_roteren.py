from argparse import ArgumentParser
from typing import Any

from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from binnenwerk.people.services import bsn_keys_rotate


class Command(BaseCommand):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.help = _(
            "Encrypt every stored BSN again with the first key in BSN_SLEUTELS (after adding a "
            "new key in front); all or nothing, recorded in the audit log."
        )

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("--batch", type=int, default=2000, help=_("Rows per batch"))

    def handle(self, *args: Any, **options: Any) -> None:
        count = bsn_keys_rotate(actor=None, batch=options["batch"])
        self.stdout.write(_("Encrypted again: %(count)s BSNs.") % {"count": count})

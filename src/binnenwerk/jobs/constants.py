from decimal import ROUND_HALF_UP, Decimal

from django.db import models
from django.utils.translation import gettext_lazy as _

# One job (baan) is 25.5 hours a week: the only place this number lives.
BAAN_UREN = Decimal("25.5")
NIET_GEPLAATST = "niet_geplaatst"
CENT = Decimal("0.01")


class Per(models.TextChoices):
    OPDRACHTGEVER = "opdrachtgever", _("Client")
    WERKSOORT = "werksoort", _("Work type")
    TEAM = "team", _("Team")
    PROVINCIE = "provincie", _("Province")
    LOCATIE = "locatie", _("Location")


class Interval(models.TextChoices):
    MAAND = "maand", _("Month")
    KWARTAAL = "kwartaal", _("Quarter")
    JAAR = "jaar", _("Year")


def round_banen(value: Decimal) -> Decimal:
    """Half-up to 2 decimals: only ever for showing, never before summing."""
    return value.quantize(CENT, rounding=ROUND_HALF_UP)

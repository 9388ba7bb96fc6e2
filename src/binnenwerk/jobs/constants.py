from decimal import ROUND_HALF_UP, Decimal

from django.db import models

# One job (baan) is 25.5 hours a week: the only place this number lives.
BAAN_UREN = Decimal("25.5")
NIET_GEPLAATST = "niet_geplaatst"
CENT = Decimal("0.01")


class Per(models.TextChoices):
    OPDRACHTGEVER = "opdrachtgever", "Opdrachtgever"
    WERKSOORT = "werksoort", "Werksoort"
    TEAM = "team", "Team"
    PROVINCIE = "provincie", "Provincie"
    LOCATIE = "locatie", "Locatie"


class Interval(models.TextChoices):
    MAAND = "maand", "Maand"
    KWARTAAL = "kwartaal", "Kwartaal"
    JAAR = "jaar", "Jaar"


def round_banen(value: Decimal) -> Decimal:
    """Half-up to 2 decimals: only ever for showing, never before summing."""
    return value.quantize(CENT, rounding=ROUND_HALF_UP)

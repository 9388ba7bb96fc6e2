from django.db import models
from django.utils.translation import gettext_lazy as _


class OrganisatieSoort(models.TextChoices):
    MINISTERIE = "ministerie", _("Ministry")
    UITVOERINGSORGANISATIE = "uitvoeringsorganisatie", _("Executive agency")
    HOOG_COLLEGE = "hoog_college", _("High Council of State")
    PARTNER = "partner", _("Partner")
    OVERIG = "overig", _("Other")


class Provincie(models.TextChoices):
    """The twelve provinces, official spelling (the value is the name; not translated)."""

    DRENTHE = "Drenthe"
    FLEVOLAND = "Flevoland"
    FRYSLAN = "Fryslân"
    GELDERLAND = "Gelderland"
    GRONINGEN = "Groningen"
    LIMBURG = "Limburg"
    NOORD_BRABANT = "Noord-Brabant"
    NOORD_HOLLAND = "Noord-Holland"
    OVERIJSSEL = "Overijssel"
    UTRECHT = "Utrecht"
    ZEELAND = "Zeeland"
    ZUID_HOLLAND = "Zuid-Holland"


# Spellings people use that mean an official province.
PROVINCIE_ALIASSEN = {"friesland": Provincie.FRYSLAN, "fryslan": Provincie.FRYSLAN}


def parse_provincie(value: str) -> Provincie | None:
    key = value.strip().casefold()
    for provincie in Provincie:
        if provincie.value.casefold() == key:
            return provincie
    return PROVINCIE_ALIASSEN.get(key)


class TeamRolSoort(models.TextChoices):
    LEIDINGGEVENDE = "leidinggevende", _("Supervisor")
    JOBCOACH = "jobcoach", _("Job coach")

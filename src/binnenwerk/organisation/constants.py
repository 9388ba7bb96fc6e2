from django.db import models


class OrganisatieSoort(models.TextChoices):
    MINISTERIE = "ministerie", "Ministerie"
    UITVOERINGSORGANISATIE = "uitvoeringsorganisatie", "Uitvoeringsorganisatie"
    HOOG_COLLEGE = "hoog_college", "Hoog College van Staat"
    PARTNER = "partner", "Partner"
    OVERIG = "overig", "Overig"


class Provincie(models.TextChoices):
    """The twelve provinces, official spelling (the value is the name)."""

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
    LEIDINGGEVENDE = "leidinggevende", "Leidinggevende"
    JOBCOACH = "jobcoach", "Jobcoach"

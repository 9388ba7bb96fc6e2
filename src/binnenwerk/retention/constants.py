"""The kinds of data with a retention period, what happens to each, and the periods.

The periods are settings (settings.RETENTION, from the environment); the defaults follow
issue 11 and Dutch practice: coaching and absence details 2 years after employment ends,
candidates 4 weeks after rejection or withdrawal (1 year with their consent, the NVP
Sollicitatiecode), the access log 5 years, people 7 years after employment ends (the fiscal
retention of payroll data, art. 52 AWR). "Employment ends" is the last day of a person's last
contract, when none is open.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

# What an anonymised name or text reads afterwards (data, not UI: stored as is).
ANONIEM = "Geanonimiseerd"

DEFAULTS = {
    "coaching_jaren": 2,
    "verzuim_jaren": 2,
    "kandidaat_weken": 4,
    "kandidaat_toestemming_jaren": 1,
    "inzage_jaren": 5,
    "medewerker_jaren": 7,
}


def termijn(name: str) -> int:
    """A retention period from settings.RETENTION, or its default."""
    configured = getattr(settings, "RETENTION", {}) or {}
    return int(configured.get(name, DEFAULTS[name]))


class Soort(models.TextChoices):
    """The kinds of data, in the order a run handles them."""

    COACHINGNOTITIES = "coachingnotities", _("Coaching notes")
    ONTWIKKELDOELEN = "ontwikkeldoelen", _("Development goals")
    POORTWACHTERSTAPPEN = "poortwachterstappen", _("Poortwachter steps")
    KANDIDATEN = "kandidaten", _("Candidates")
    INZAGEN = "inzagen", _("Access log")
    MEDEWERKERS = "medewerkers", _("Employees")


class Actie(models.TextChoices):
    VERWIJDEREN = "verwijderen", _("delete")
    ANONIMISEREN = "anonimiseren", _("anonymise")


ACTIE = {
    Soort.COACHINGNOTITIES: Actie.VERWIJDEREN,
    Soort.ONTWIKKELDOELEN: Actie.VERWIJDEREN,
    Soort.POORTWACHTERSTAPPEN: Actie.VERWIJDEREN,
    Soort.KANDIDATEN: Actie.ANONIMISEREN,
    Soort.INZAGEN: Actie.VERWIJDEREN,
    Soort.MEDEWERKERS: Actie.ANONIMISEREN,
}

# Fields of a person that are cleared when they are anonymised, if the model has them: names
# become ANONIEM, the rest empty. Every field whose name starts with "bsn" is cleared too.
MEDEWERKER_NAMEN = ("voornaam", "achternaam")
MEDEWERKER_LEEG = (
    "geboortedatum",
    "email",
    "telefoon",
    "adres",
    "postcode",
    "woonplaats",
    "iban",
    "notities",
    "opmerkingen",
)

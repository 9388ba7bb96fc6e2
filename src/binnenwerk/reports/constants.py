from django.db import models
from django.utils.translation import gettext_lazy as _

from binnenwerk.accounts.constants import Rol

# A figure about fewer people than this is shown as "<5" in anything published or shown to
# clients (jobs and team counts excepted).
KLEINE_GROEP = 5
SUPPRESSED = "<5"

# The years a report, a text or a page address may be about (others: 404 or a form error).
MIN_JAAR, MAX_JAAR = 2000, 2100

# Who sees the annual overview (and its difference view, PDF); who publishes it.
SEES_REPORT = {Rol.BEHEERDER, Rol.MANAGEMENT, Rol.PERSONEELSZAKEN}
PUBLISHES = {Rol.BEHEERDER}

# Kinds of figure: how a value is stored and shown.
BANEN = "banen"  # Decimal jobs, 2 decimals when shown
AANTAL = "aantal"  # an integer count
PERCENTAGE = "percentage"  # Decimal, 2 decimals
CIJFER = "cijfer"  # a survey mark, 1 decimal
PROCENT_1 = "procent_1"  # Decimal percentage shown with 1 decimal (the survey's response)

# The columns of Table 1 of the monitor that a quarter's snapshot holds, in their order.
TABEL1_KOLOMMEN = (
    "doel",
    "formeel_excl_binnenwerk",
    "binnenwerk",
    "inleen",
    "totaal",
    "realisatie_pct",
)


class TekstSoort(models.TextChoices):
    """The free-text sections of the annual overview: one foreword, any number of stories."""

    VOORWOORD = "voorwoord", _("Foreword")
    VERHAAL = "verhaal", _("Story")


# The longest text a section holds (characters): a foreword or story is a page at most.
MAX_INHOUD = 6000
MAX_TITEL = 200

from django.db import models
from django.utils.translation import gettext_lazy as _

from binnenwerk.accounts.constants import Rol


class Reden(models.TextChoices):
    """Why someone's employment ended (the annual overview counts the move-ons)."""

    DOORSTROOM = "doorstroom_rijk", _("Moved on within the Rijk")
    REGULIER_WERK = "regulier_werk", _("Regular work elsewhere")
    OPLEIDING = "opleiding", _("Education")
    PENSIOEN = "pensioen", _("Retirement")
    EIGEN_VERZOEK = "eigen_verzoek", _("At own request")
    EINDE_CONTRACT = "einde_contract", _("End of contract")
    GEZONDHEID = "gezondheid", _("Health")
    OVERLIJDEN = "overlijden", _("Death")
    ANDERS = "anders", _("Other reason")


# Reasons that name a new employer: required for a move-on, allowed for regular work.
MET_WERKGEVER = {Reden.DOORSTROOM, Reden.REGULIER_WERK}
# A reason that says something about a person's health: shown per person to HR only.
BIJZONDER = {Reden.GEZONDHEID}
# Roles that record an outflow; roles that see the figures; roles that see per-person lists.
RECORDS_OUTFLOW = {Rol.PERSONEELSZAKEN}
SEES_FIGURES = {Rol.PERSONEELSZAKEN, Rol.MANAGEMENT, Rol.BEHEERDER}
SEES_LIST = {Rol.PERSONEELSZAKEN, Rol.MANAGEMENT}
SEES_SPECIAL = {Rol.PERSONEELSZAKEN}

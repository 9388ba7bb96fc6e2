from django.db import models
from django.utils.translation import gettext_lazy as _

from binnenwerk.accounts.constants import Rol


class Fase(models.TextChoices):
    IDEE = "idee", _("Idea")
    VERKENNING = "verkenning", _("Exploration")
    AKKOORD = "akkoord", _("Agreed")
    GESTART = "gestart", _("Started")
    VERVALLEN = "vervallen", _("Dropped")


# Who sees the pipeline and the forecast, and who changes the ideas.
SEES_OPPORTUNITIES = {Rol.BEHEERDER, Rol.MANAGEMENT, Rol.WERVING}
CHANGES_OPPORTUNITIES = {Rol.BEHEERDER}

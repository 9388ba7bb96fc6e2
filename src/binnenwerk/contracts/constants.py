from django.db import models
from django.utils.translation import gettext_lazy as _


class Besluit(models.TextChoices):
    """What a supervisor (or HR) decides when a fixed-term contract reaches its mark or end."""

    VAST = "vast", _("Permanent appointment")
    VERLENGEN = "verlengen", _("Extend the contract")
    BEEINDIGEN = "beeindigen", _("End the contract")


class Signaal(models.TextChoices):
    """Why a contract is on the worklist: its one-year mark or its end date."""

    JAARGRENS = "jaargrens", _("One-year mark")
    EINDE = "einde", _("End date")

from decimal import Decimal

from django.db import models
from django.utils.translation import gettext_lazy as _


class ContractSoort(models.TextChoices):
    BEPAALD = "bepaald", _("Fixed term")
    ONBEPAALD = "onbepaald", _("Permanent")


MAX_UREN_PER_WEEK = Decimal("40")

from decimal import Decimal

from django.db import models


class ContractSoort(models.TextChoices):
    BEPAALD = "bepaald", "Bepaalde tijd"
    ONBEPAALD = "onbepaald", "Onbepaalde tijd"


MAX_UREN_PER_WEEK = Decimal("40")

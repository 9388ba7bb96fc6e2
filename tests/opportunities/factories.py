import datetime as dt
from decimal import Decimal

import factory

from binnenwerk.opportunities.models import Kans


class KansFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Kans

    titel = factory.Sequence(lambda n: f"Idee {n}")
    verwachte_banen = Decimal(10)
    fase = "verkenning"
    verwachte_start = dt.date(2025, 1, 1)
    kans_pct = 50

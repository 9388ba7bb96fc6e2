"""The forecast of jobs: realised jobs from the job counter up to the reference date, then
that figure plus the probability-weighted jobs of every idea (not dropped) that is expected
to start after it, from its expected start, against the jobs goal.

An idea expected to start on or before the reference date is taken to be in the realised
jobs already, so it adds nothing to the forecast.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from django.conf import settings
from django.db.models import QuerySet

from binnenwerk.jobs.constants import Interval
from binnenwerk.jobs.dates import period_ends
from binnenwerk.jobs.selectors import banen_op_data
from binnenwerk.opportunities.constants import Fase
from binnenwerk.opportunities.models import Kans
from binnenwerk.periods import add_years

ZERO = Decimal(0)


@dataclass(frozen=True)
class Punt:
    """One date on the chart: realised jobs (up to the reference date) or forecast (from it)."""

    datum: dt.date
    gerealiseerd: Decimal | None
    prognose: Decimal | None


@dataclass(frozen=True)
class Bijdrage:
    kans: Kans
    gewogen: Decimal


@dataclass(frozen=True)
class Prognose:
    peildatum: dt.date
    tot: dt.date
    basis: Decimal
    doel: int
    punten: list[Punt]
    bijdragen: list[Bijdrage]

    @property
    def gewogen(self) -> Decimal:
        """The weighted jobs of the ideas in the forecast."""
        return sum((b.gewogen for b in self.bijdragen), ZERO)

    @property
    def eind(self) -> Decimal:
        return self.basis + self.gewogen

    @property
    def doel_bereikt(self) -> dt.date | None:
        """The first date on which the forecast reaches the goal, if it does."""
        return next(
            (p.datum for p in self.punten if p.prognose is not None and p.prognose >= self.doel),
            None,
        )

    @property
    def tekort(self) -> Decimal:
        """Jobs still missing at the end of the forecast (never negative)."""
        return max(Decimal(self.doel) - self.eind, ZERO)


def kansen_in_prognose(peildatum: dt.date, tot: dt.date) -> QuerySet[Kans]:
    return (
        Kans.objects.exclude(fase=Fase.VERVALLEN)
        .filter(verwachte_start__gt=peildatum, verwachte_start__lte=tot)
        .select_related("opdrachtgever", "werksoort")
        .order_by("verwachte_start", "titel")
    )


def prognose(peildatum: dt.date, jaren: int = 3, terug: int = 3) -> Prognose:
    """Realised jobs at each month end of the `terug` years before `peildatum` and on it,
    then the forecast at each month end up to `jaren` years after it (three queries)."""
    van, tot = add_years(peildatum, -terug), add_years(peildatum, jaren)
    past = [d for d in period_ends(van, peildatum, Interval.MAAND) if d < peildatum]
    counted = banen_op_data([*past, peildatum])
    basis = counted[-1].totaal
    bijdragen = [Bijdrage(k, k.gewogen_banen) for k in kansen_in_prognose(peildatum, tot)]
    punten = [Punt(b.peildatum, b.totaal, None) for b in counted[:-1]]
    punten.append(Punt(peildatum, basis, basis))
    for day in period_ends(peildatum + dt.timedelta(days=1), tot, Interval.MAAND):
        added = sum((b.gewogen for b in bijdragen if b.kans.verwachte_start <= day), ZERO)
        punten.append(Punt(day, None, basis + added))
    return Prognose(peildatum, tot, basis, settings.BANEN_DOEL, punten, bijdragen)


def kansen_lijst() -> QuerySet[Kans]:
    """Every idea with its client and work type, by stage and expected start."""
    return Kans.objects.select_related("opdrachtgever", "werksoort").order_by(
        "verwachte_start", "titel"
    )

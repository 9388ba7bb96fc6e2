"""Reads about recruitment: the board (candidates per stage with time in stage), a
candidate's history, and the funnel per year (aggregates only, no names)."""

from __future__ import annotations

import datetime as dt
import statistics
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from django.db.models import Count, Max, OuterRef, QuerySet, Subquery
from django.db.models.functions import ExtractYear

from binnenwerk.recruitment.constants import EINDFASEN, OPEN, PAD, Fase
from binnenwerk.recruitment.models import Kandidaat, Kandidaatfase, Proefplaatsing


def board_candidates(
    kandidaten: QuerySet[Kandidaat], *, with_closed: bool = False
) -> QuerySet[Kandidaat]:
    """Candidates with the day they entered their current stage (`fase_sinds`), in one query."""
    qs = kandidaten.annotate(fase_sinds=Max("fasen__vanaf")).select_related("werksoort", "team")
    if not with_closed:
        qs = qs.filter(fase__in=OPEN)
    return qs.order_by("fase_sinds", "achternaam", "voornaam", "pk")


@dataclass(frozen=True)
class BoardRow:
    kandidaat: Kandidaat
    sinds: dt.date
    # Whole days since entering the stage; 0 while the stage is still ahead.
    dagen: int


@dataclass(frozen=True)
class BoardColumn:
    fase: Fase
    kandidaten: list[BoardRow]


def board(
    kandidaten: QuerySet[Kandidaat], today: dt.date, *, with_closed: bool = False
) -> list[BoardColumn]:
    """The board: one column per stage (open stages, and the closed ones when asked),
    each candidate with the day they entered the stage and the whole days since."""
    stages = [*OPEN, *EINDFASEN] if with_closed else list(OPEN)
    columns: dict[str, list[BoardRow]] = {fase: [] for fase in stages}
    for kandidaat in board_candidates(kandidaten, with_closed=with_closed):
        sinds: dt.date = kandidaat.fase_sinds  # type: ignore[attr-defined]
        row = BoardRow(kandidaat=kandidaat, sinds=sinds, dagen=max(0, (today - sinds).days))
        columns[kandidaat.fase].append(row)
    return [BoardColumn(Fase(fase), rows) for fase, rows in columns.items()]


def history_of(kandidaat: Kandidaat) -> QuerySet[Kandidaatfase]:
    return kandidaat.fasen.select_related("door").order_by("vanaf", "pk")


def trial_placements_of(kandidaat: Kandidaat) -> QuerySet[Proefplaatsing]:
    return kandidaat.proefplaatsingen.select_related("team").order_by("start")


@dataclass(frozen=True)
class FunnelStage:
    fase: Fase
    aantal: int
    # Share of the previous stage that reached this one, and of all registered (percent).
    conversie: Decimal | None
    van_aangemeld: Decimal | None


@dataclass(frozen=True)
class Funnel:
    """The candidates registered in `jaar` (a cohort): how far they got."""

    jaar: int
    stappen: list[FunnelStage]
    afgewezen: int
    teruggetrokken: int
    lopend: int
    # Days from registration to hiring, over the cohort's hires.
    dagen_tot_aanname_mediaan: Decimal | None
    dagen_tot_aanname_gemiddeld: Decimal | None


def _percent(part: int, whole: int) -> Decimal | None:
    if not whole:
        return None
    return (Decimal(100) * part / whole).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)


def funnel_years() -> list[int]:
    """Years in which candidates registered, latest first."""
    years = (
        Kandidaatfase.objects.filter(fase=Fase.AANGEMELD)
        .annotate(jaar=ExtractYear("vanaf"))
        .values_list("jaar", flat=True)
        .distinct()
    )
    return sorted(set(years), reverse=True)


def funnel(jaar: int) -> Funnel:
    """Per stage how many of the year's registrations reached it, the conversion from the
    stage before, and the time to hire. Three queries, whatever the number of candidates."""
    cohort = Kandidaatfase.objects.filter(fase=Fase.AANGEMELD, vanaf__year=jaar).values("kandidaat")
    reached = dict(
        Kandidaatfase.objects.filter(kandidaat__in=cohort)
        .values("fase")
        .annotate(n=Count("kandidaat", distinct=True))
        .values_list("fase", "n")
    )
    current = dict(
        Kandidaat.objects.filter(pk__in=cohort)
        .values("fase")
        .annotate(n=Count("pk"))
        .values_list("fase", "n")
    )
    hires = Kandidaatfase.objects.filter(kandidaat__in=cohort, fase=Fase.AANGENOMEN).annotate(
        aangemeld=_aangemeld_of()
    )
    days = [(h.vanaf - h.aangemeld).days for h in hires]
    registered = reached.get(Fase.AANGEMELD, 0)
    stages = []
    previous = None
    for fase in PAD:
        count = reached.get(fase, 0)
        stages.append(
            FunnelStage(
                fase=fase,
                aantal=count,
                conversie=None if previous is None else _percent(count, previous),
                van_aangemeld=_percent(count, registered),
            )
        )
        previous = count
    return Funnel(
        jaar=jaar,
        stappen=stages,
        afgewezen=current.get(Fase.AFGEWEZEN, 0),
        teruggetrokken=current.get(Fase.TERUGGETROKKEN, 0),
        lopend=sum(current.get(f, 0) for f in OPEN),
        dagen_tot_aanname_mediaan=Decimal(str(statistics.median(days))) if days else None,
        dagen_tot_aanname_gemiddeld=(
            (Decimal(sum(days)) / len(days)).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)
            if days
            else None
        ),
    )


def _aangemeld_of() -> Subquery:
    rows = Kandidaatfase.objects.filter(kandidaat=OuterRef("kandidaat"), fase=Fase.AANGEMELD)
    return Subquery(rows.values("vanaf")[:1])

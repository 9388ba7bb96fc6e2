"""Reads about absence: the figures of a period (a bounded number of queries, whatever the
number of people), the monthly series of a year against the norm, the open sick reports
and the Poortwachter worklist of a user's scope."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Q, QuerySet
from django.utils.translation import gettext as _

from binnenwerk.absence import figures, poortwachter
from binnenwerk.absence.constants import (
    WERKLIJST_DAGEN,
    Per,
    StapStatus,
    ZiekmeldingSoort,
)
from binnenwerk.absence.figures import NIET_GEPLAATST, Figures, Period
from binnenwerk.absence.models import Herstelperiode, Poortwachterstap, Verzuimnorm, Ziekmelding
from binnenwerk.absence.scope import ORGANISATION, FigureScope
from binnenwerk.people.models import Dienstverband, Plaatsing

# Binnenwerk's target-group employees (not those employed by a partner such as RSO).
POPULATION = {"medewerker__doelgroepindicatie": True, "medewerker__werkgever__isnull": True}


def _overlapping(period: Period, prefix: str = "") -> Q:
    return Q(**{f"{prefix}start__lte": period.tot}) & (
        Q(**{f"{prefix}einde__isnull": True}) | Q(**{f"{prefix}einde__gte": period.van})
    )


@dataclass(frozen=True)
class Rows:
    """Everything the arithmetic needs for a period, and the groups' names."""

    people: dict[int, figures.Person]
    namen: dict[str, dict[str, str]]


def fetch_rows(period: Period) -> Rows:
    """All rows touching the period, in four queries."""
    people: dict[int, figures.Person] = defaultdict(figures.Person)
    namen: dict[str, dict[str, str]] = {p: {} for p in Per.values}
    contracts = Dienstverband.objects.filter(_overlapping(period), **POPULATION).values_list(
        "medewerker_id", "start", "einde", "uren_per_week"
    )
    for pid, start, einde, uren in contracts.order_by():
        people[pid].contracts.append(figures.Contract(start, einde, uren))
    placements = Plaatsing.objects.filter(_overlapping(period), **POPULATION).values_list(
        "medewerker_id",
        "start",
        "einde",
        "team__code",
        "team__naam",
        "team__werksoort__code",
        "team__werksoort__naam",
        "opdrachtgever__code",
        "opdrachtgever__naam",
    )
    for pid, start, einde, team, team_naam, ws, ws_naam, og, og_naam in placements.order_by():
        if pid in people:
            people[pid].placements.append(figures.Placement(start, einde, team, ws, og))
            namen[Per.TEAM][team] = team_naam
            namen[Per.WERKSOORT][ws] = ws_naam
            namen[Per.OPDRACHTGEVER][og] = og_naam
    sick = Ziekmelding.objects.filter(
        _overlapping(period), soort=ZiekmeldingSoort.ZIEK, **POPULATION
    )
    herstel: dict[int, list[figures.Recovery]] = defaultdict(list)
    for zid, start, einde, procent in (
        Herstelperiode.objects.filter(ziekmelding__in=sick.values("pk"))
        .values_list("ziekmelding_id", "start", "einde", "werkt_procent")
        .order_by()
    ):
        herstel[zid].append(figures.Recovery(start, einde, procent))
    for zid, pid, start, einde in sick.values_list(
        "pk", "medewerker_id", "start", "einde"
    ).order_by():
        if pid in people:
            people[pid].absences.append(figures.Absence(start, einde, tuple(herstel[zid])))
    return Rows(dict(people), namen)


def _group_of(per: str | None) -> figures.GroupOf | None:
    if per in (None, Per.ORGANISATIE):
        return None
    attribute = {Per.TEAM: "team", Per.WERKSOORT: "werksoort", Per.OPDRACHTGEVER: "opdrachtgever"}[
        Per(per)
    ]
    return lambda p: NIET_GEPLAATST if p is None else str(getattr(p, attribute))


def _includes(scope: FigureScope) -> figures.Includes | None:
    if scope.whole_organisation:
        return None
    return lambda p: p is not None and scope.includes(p.team, p.opdrachtgever)


@dataclass(frozen=True)
class Groep:
    sleutel: str
    naam: str
    cijfers: Figures


@dataclass(frozen=True)
class Verzuimcijfers:
    periode: Period
    per: str
    totaal: Figures
    groepen: list[Groep]


def _label(namen: dict[str, dict[str, str]], per: str, sleutel: str) -> str:
    if sleutel == NIET_GEPLAATST:
        return _("not placed")
    return namen.get(per, {}).get(sleutel, sleutel)


def verzuim_cijfers(
    period: Period, per: str | None = None, scope: FigureScope = ORGANISATION
) -> Verzuimcijfers:
    """The rate, frequency and average duration of the period, in total and per group."""
    rows = fetch_rows(period)
    return _cijfers(rows, period, per, scope)


def _cijfers(rows: Rows, period: Period, per: str | None, scope: FigureScope) -> Verzuimcijfers:
    total, groups = figures.compute(rows.people, period, _group_of(per), _includes(scope))
    per = per or Per.ORGANISATIE
    groepen = sorted(
        (Groep(k, _label(rows.namen, per, k), f) for k, f in groups.items()),
        key=lambda g: (g.sleutel == NIET_GEPLAATST, g.naam.lower(), g.sleutel),
    )
    return Verzuimcijfers(period, per, total, groepen)


def periode(jaar: int, kwartaal: int | None = None, maand: int | None = None) -> Period:
    """A calendar month, quarter or year."""
    if maand:
        return figures.month_periods(jaar)[maand - 1]
    if kwartaal:
        months = figures.month_periods(jaar)[3 * (kwartaal - 1) : 3 * kwartaal]
        return Period(months[0].van, months[-1].tot)
    return Period(dt.date(jaar, 1, 1), dt.date(jaar, 12, 31))


@dataclass(frozen=True)
class Maandpunt:
    maand: dt.date
    cijfers: Figures


def maandreeks(jaar: int, scope: FigureScope = ORGANISATION) -> list[Maandpunt]:
    """The rate per month of a year (one fetch of the year's rows, twelve computations)."""
    rows = fetch_rows(periode(jaar))
    includes = _includes(scope)
    return [
        Maandpunt(p.van, figures.compute(rows.people, p, None, includes)[0])
        for p in figures.month_periods(jaar)
    ]


def norm_of(jaar: int) -> Decimal | None:
    return Verzuimnorm.objects.filter(jaar=jaar).values_list("percentage", flat=True).first()


def norms() -> QuerySet[Verzuimnorm]:
    return Verzuimnorm.objects.order_by("-jaar")


# Details (the caller has scoped the queryset and logs each read) -------------------------


def open_reports(meldingen: QuerySet[Ziekmelding]) -> QuerySet[Ziekmelding]:
    return (
        meldingen.filter(einde__isnull=True)
        .select_related("medewerker")
        .order_by("start", "medewerker__personeelsnummer")
    )


@dataclass(frozen=True)
class Werkregel:
    stap: Poortwachterstap
    week: int
    te_laat: bool


def worklist(meldingen: QuerySet[Ziekmelding], today: dt.date) -> list[Werkregel]:
    """Open steps overdue or due within the next 2 weeks, by due date."""
    steps = (
        Poortwachterstap.objects.filter(
            ziekmelding__in=meldingen,
            status=StapStatus.OPEN,
            uiterlijk__lte=today + dt.timedelta(days=WERKLIJST_DAGEN),
        )
        .select_related("ziekmelding__medewerker")
        .order_by("uiterlijk", "id")
    )
    return [
        Werkregel(
            s,
            poortwachter.week_of(s.ziekmelding.start, s.uiterlijk),
            poortwachter.is_overdue(s.uiterlijk, today),
        )
        for s in steps
    ]


def timeline(melding: Ziekmelding) -> list[tuple[Poortwachterstap, int]]:
    steps = melding.stappen.select_related("gedaan_door").order_by("uiterlijk", "id")
    return [(s, poortwachter.week_of(melding.start, s.uiterlijk)) for s in steps]

"""The client statement (opdrachtgeversrapportage): the jobs one client funds, for a year or a
quarter of it. An organisation counts with its sub-organisations (hoort_bij).

Every job figure comes from the job counter (jobs.selectors) with the client's filter; nothing
is recounted here. Values stay unrounded: the presenters round them when they are shown.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Exists, Min, OuterRef

from binnenwerk.jobs.constants import NIET_GEPLAATST, Interval, Per
from binnenwerk.jobs.dates import year_end
from binnenwerk.jobs.presenters import group_names
from binnenwerk.jobs.selectors import (
    Filters,
    banen_per,
    banen_reeks,
    organisation_with_parts,
)
from binnenwerk.monitor.quarters import Kwartaal
from binnenwerk.organisation.models import Organisatie, Team
from binnenwerk.people.models import Plaatsing
from binnenwerk.periods import active_on
from binnenwerk.reports.models import Publicatie
from binnenwerk.reports.selectors import huidige_publicatie, snapshot

ZERO = Decimal(0)


@dataclass(frozen=True)
class Punt:
    """Jobs on one date (a month end, a year end)."""

    peildatum: dt.date
    banen: Decimal


@dataclass(frozen=True)
class Groep:
    """Jobs of one work type or team at the period end."""

    code: str
    naam: str
    banen: Decimal


@dataclass(frozen=True)
class Partnerteam:
    """A team at a partner's site with a placement funded by the client on the period end."""

    code: str
    naam: str
    partner: str
    werksoort: str
    banen: Decimal


@dataclass(frozen=True)
class Opdrachtgeverrapportage:
    opdrachtgever: Organisatie
    codes: frozenset[str]  # the client and its sub-organisations
    onderdelen: tuple[str, ...]  # names of the sub-organisations counted with it
    jaar: int
    kwartaal: int | None
    van: dt.date  # first day of the period
    peildatum: dt.date  # last day of the period: the figures are counted on it
    banen: Decimal
    mensen: int  # Binnenwerk's own employees in the client's jobs on the peildatum
    per_maand: tuple[Punt, ...]
    groei: tuple[Punt, ...]
    per_werksoort: tuple[Groep, ...]
    per_team: tuple[Groep, ...]
    partnerteams: tuple[Partnerteam, ...]
    vastgesteld: Decimal | None = None  # the published figure, when the year is published
    publicatie: Publicatie | None = None

    @property
    def leeg(self) -> bool:
        """No jobs funded at any month end of the period."""
        return not self.banen and not any(p.banen for p in self.per_maand)


def period(jaar: int, kwartaal: int | None = None) -> tuple[dt.date, dt.date]:
    """First and last day of the year, or of its quarter."""
    if kwartaal is None:
        return dt.date(jaar, 1, 1), year_end(jaar)
    if not 1 <= kwartaal <= 4:
        raise ValueError(f"quarter {kwartaal} is not 1..4")
    return dt.date(jaar, 3 * kwartaal - 2, 1), Kwartaal(jaar, kwartaal).last_day


def first_placement(codes: frozenset[str] | None = None) -> dt.date | None:
    """The start of the first placement any of these organisations funded (None: any)."""
    placements = Plaatsing.objects.all()
    if codes is not None:
        placements = placements.filter(opdrachtgever__code__in=codes)
    return placements.aggregate(eerste=Min("start"))["eerste"]


def clients() -> list[Organisatie]:
    """Organisations with a statement: each that ever funded a placement, and the
    organisations above it (a ministry counts with its agencies)."""
    codes = set(
        Plaatsing.objects.values_list("opdrachtgever__code", flat=True).distinct().order_by()
    )
    parents = dict(Organisatie.objects.values_list("code", "hoort_bij__code"))
    frontier = set(codes)
    while frontier:
        above = {parents[c] for c in frontier if parents.get(c)} - codes
        codes |= above
        frontier = above
    return list(Organisatie.objects.filter(code__in=codes).order_by("naam"))


def _groups(per: str, groepen: dict[str, Decimal]) -> tuple[Groep, ...]:
    names = group_names(per, list(groepen))
    rows = [
        Groep(code, names.get(code, code), value)
        for code, value in groepen.items()
        if code != NIET_GEPLAATST  # a client's jobs are placed: the filter is on placements
    ]
    return tuple(sorted(rows, key=lambda g: g.naam.lower()))


def _partner_teams(
    codes: frozenset[str], peildatum: dt.date, per_team: dict[str, Decimal]
) -> tuple[Partnerteam, ...]:
    funded = Plaatsing.objects.filter(
        active_on(peildatum), team=OuterRef("pk"), opdrachtgever__code__in=codes
    )
    teams = (
        Team.objects.filter(partner__isnull=False)
        .filter(Exists(funded))
        .select_related("partner", "werksoort")
        .order_by("partner__naam", "naam")
    )
    return tuple(
        Partnerteam(
            team.code,
            team.naam,
            team.partner.naam if team.partner else "",
            team.werksoort.naam,
            per_team.get(team.code, ZERO),
        )
        for team in teams
    )


def _published(
    codes: frozenset[str], jaar: int, peildatum: dt.date
) -> tuple[Decimal | None, Publicatie | None]:
    """The figure published for this client (its codes' per-client figures added up), when the
    year is published and the period ends on the year end (the snapshot counts on that day)."""
    if peildatum != year_end(jaar):
        return None, None
    publicatie = huidige_publicatie(jaar)
    if publicatie is None:
        return None, None
    published = snapshot(publicatie).section("per_opdrachtgever")
    if not published:
        return None, publicatie
    values = [c.getal for c in published if c.sleutel.split(".", 1)[1] in codes]
    return sum(values, ZERO), publicatie


def opdrachtgever_rapportage(
    code: str, jaar: int, kwartaal: int | None = None
) -> Opdrachtgeverrapportage:
    """The statement of client `code` (with its sub-organisations) for the year or quarter.
    Raises Organisatie.DoesNotExist for an unknown code."""
    client = Organisatie.objects.get(code=code)
    codes = organisation_with_parts(code)
    filters = Filters(opdrachtgevers=codes)
    van, peildatum = period(jaar, kwartaal)
    on_end = banen_per(peildatum, [None, Per.WERKSOORT, Per.TEAM], filters)
    per_team = on_end[Per.TEAM].groepen
    months = banen_reeks(van, peildatum, Interval.MAAND, filters=filters)
    first = first_placement(codes)
    growth = (
        banen_reeks(year_end(first.year), peildatum, Interval.JAAR, filters=filters)
        if first is not None and first <= peildatum
        else []
    )
    vastgesteld, publicatie = _published(codes, jaar, peildatum)
    onderdelen = Organisatie.objects.filter(code__in=codes - {code}).order_by("naam")
    return Opdrachtgeverrapportage(
        opdrachtgever=client,
        codes=codes,
        onderdelen=tuple(onderdelen.values_list("naam", flat=True)),
        jaar=jaar,
        kwartaal=kwartaal,
        van=van,
        peildatum=peildatum,
        banen=on_end[None].totaal,
        mensen=on_end[None].medewerkers_binnenwerk,
        per_maand=tuple(Punt(b.peildatum, b.totaal) for b in months),
        groei=tuple(Punt(b.peildatum, b.totaal) for b in growth),
        per_werksoort=_groups(Per.WERKSOORT, on_end[Per.WERKSOORT].groepen),
        per_team=_groups(Per.TEAM, per_team),
        partnerteams=_partner_teams(codes, peildatum, per_team),
        vastgesteld=vastgesteld,
        publicatie=publicatie,
    )

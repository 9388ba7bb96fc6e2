"""The job counter: the one place that turns contracts into jobs (banen).

Rules (DOMAIN.md): a job is 25.5 contract hours a week of an employee with a
target-group indication; a record is active on d when start ≤ d ≤ einde (einde
empty = open). Jobs are attributed through the placement active on d; contracts
without one count as `niet_geplaatst`. Everything is Decimal and unrounded here.
"""

from __future__ import annotations

import bisect
import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal

from django.core.exceptions import EmptyResultSet
from django.db import connection
from django.db.models import (
    CharField,
    Count,
    DateField,
    Exists,
    F,
    FilteredRelation,
    Min,
    OuterRef,
    Q,
    QuerySet,
    Sum,
    Value,
)
from django.db.models.functions import Coalesce, Greatest, Least
from django.utils.translation import gettext as _

from binnenwerk.jobs.constants import BAAN_UREN, NIET_GEPLAATST, Interval, Per
from binnenwerk.jobs.dates import period_ends, year_end
from binnenwerk.organisation.models import Organisatie, Team
from binnenwerk.people.models import Dienstverband, Medewerker, Plaatsing
from binnenwerk.periods import OPEN_END, active_on

# Path from a placement to the key of each grouping.
GROUP_PATH: dict[str, str] = {
    Per.OPDRACHTGEVER: "opdrachtgever__code",
    Per.WERKSOORT: "team__werksoort__code",
    Per.TEAM: "team__code",
    Per.PROVINCIE: "team__locatie__provincie",
    Per.LOCATIE: "team__locatie__code",
}
TEAM_GROUP_PATH: dict[str, str] = {
    Per.WERKSOORT: "werksoort__code",
    Per.PROVINCIE: "locatie__provincie",
    Per.LOCATIE: "locatie__code",
}
ZERO = Decimal(0)


@dataclass(frozen=True)
class Filters:
    """Restrict counting to placements matching these codes (None = no restriction)."""

    opdrachtgevers: frozenset[str] | None = None
    werksoorten: frozenset[str] | None = None
    teams: frozenset[str] | None = None

    @property
    def active(self) -> bool:
        return any(v is not None for v in (self.opdrachtgevers, self.werksoorten, self.teams))

    def placement_q(self, prefix: str) -> Q:
        q = Q()
        if self.opdrachtgevers is not None:
            q &= Q(**{f"{prefix}opdrachtgever__code__in": self.opdrachtgevers})
        if self.werksoorten is not None:
            q &= Q(**{f"{prefix}team__werksoort__code__in": self.werksoorten})
        if self.teams is not None:
            q &= Q(**{f"{prefix}team__code__in": self.teams})
        return q


NO_FILTERS = Filters()


@dataclass(frozen=True)
class Banen:
    """Jobs on one peildatum, unrounded; `groepen` only when grouped."""

    peildatum: dt.date
    per: str | None
    totaal: Decimal
    medewerkers_binnenwerk: int
    groepen: dict[str, Decimal] = field(default_factory=dict)


def organisation_with_parts(code: str) -> frozenset[str]:
    """The organisation's code and those of every sub-organisation below it (hoort_bij)."""
    codes = {code}
    frontier = {code}
    while frontier:
        children = set(
            Organisatie.objects.filter(hoort_bij__code__in=frontier).values_list("code", flat=True)
        )
        frontier = children - codes
        codes |= children
    return frozenset(codes)


def _to_banen(uren: Decimal | None) -> Decimal:
    return (uren or ZERO) / BAAN_UREN


def banen(peildatum: dt.date, per: str | None = None, filters: Filters = NO_FILTERS) -> Banen:
    """Jobs on `peildatum`, optionally per group, in one aggregate query."""
    return banen_per(peildatum, [per] if per else [None], filters)[per]


def banen_per(
    peildatum: dt.date, pers: Sequence[str | None], filters: Filters = NO_FILTERS
) -> dict[str | None, Banen]:
    """`banen` on one date for several groupings at once (None = ungrouped), from ONE query
    grouped by all of them: the dashboard asks per client and per work type."""
    groupings = [per for per in pers if per is not None]
    for per in groupings:
        if per not in GROUP_PATH:
            raise ValueError(_("unknown grouping: %(per)s") % {"per": per})
    group_by: dict[str, F | Value] = {
        f"groep_{i}": F(f"pl__{GROUP_PATH[per]}") for i, per in enumerate(groupings)
    } or {"groep": Value("", output_field=CharField())}
    rows = (
        Medewerker.objects.filter(doelgroepindicatie=True)
        .annotate(
            dv=FilteredRelation(
                "dienstverbanden", condition=active_on(peildatum, "dienstverbanden__")
            ),
            pl=FilteredRelation("plaatsingen", condition=active_on(peildatum, "plaatsingen__")),
        )
        .filter(dv__id__isnull=False)
        .filter(filters.placement_q("pl__"))
        .values(**group_by)
        .annotate(
            uren=Sum("dv__uren_per_week"), binnenwerk=Count("id", filter=Q(werkgever__isnull=True))
        )
        .values_list(*group_by, "uren", "binnenwerk")
        .order_by()
    )
    hours: dict[str, dict[str, Decimal]] = {per: defaultdict(Decimal) for per in groupings}
    total_hours = ZERO
    headcount = 0
    for *groups, uren, binnenwerk in rows:
        total_hours += uren or ZERO
        headcount += binnenwerk
        if not uren:
            continue
        for per, key in zip(groupings, groups, strict=False):  # none without a grouping
            hours[per][key if key is not None else NIET_GEPLAATST] += uren
    return {
        per: Banen(
            peildatum,
            per,
            _to_banen(total_hours),
            headcount,
            {k: _to_banen(h) for k, h in sorted(hours[per].items())} if per else {},
        )
        for per in pers
    }


def banen_per_medewerker(peildatum: dt.date, medewerker_ids: Iterable[int]) -> dict[int, Decimal]:
    """The jobs each of these people counts for on the date (0 without indication or contract)."""
    rows = (
        Dienstverband.objects.filter(
            active_on(peildatum),
            medewerker_id__in=list(medewerker_ids),
            medewerker__doelgroepindicatie=True,
        )
        .values("medewerker_id")
        .annotate(uren=Sum("uren_per_week"))
        .order_by()
    )
    return {row["medewerker_id"]: _to_banen(row["uren"]) for row in rows}


# --- time series ---------------------------------------------------------------

FAR_FUTURE = Value(OPEN_END, output_field=DateField())


class _Steps:
    """A step function of whole numbers from events: value(d) = Σ added on or before d − Σ
    removed before d."""

    def __init__(self) -> None:
        self.adds: dict[dt.date, int] = defaultdict(int)
        self.removes: dict[dt.date, int] = defaultdict(int)

    def at(self, dates: Sequence[dt.date]) -> list[int]:
        add_days, add_cum = _cumulative(self.adds)
        rem_days, rem_cum = _cumulative(self.removes)
        values = []
        for d in dates:
            added = add_cum[bisect.bisect_right(add_days, d)]
            # `removes` are keyed by the last active day: removed when that day < d.
            removed = rem_cum[bisect.bisect_left(rem_days, d)]
            values.append(added - removed)
        return values


def _cumulative(events: dict[dt.date, int]) -> tuple[list[dt.date], list[int]]:
    days = sorted(events)
    cum = [0]
    for day in days:
        cum.append(cum[-1] + events[day])
    return days, cum


def _contracts() -> QuerySet:
    """Each contract of a target-group employee as a segment (the total, placed or not)."""
    return Dienstverband.objects.filter(medewerker__doelgroepindicatie=True).annotate(
        seg_start=F("start"),
        seg_end=Coalesce(F("einde"), FAR_FUTURE),
        seg_uren=F("uren_per_week"),
        seg_werkgever=F("medewerker__werkgever"),
    )


def _segments(filters: Filters) -> QuerySet:
    """Each (contract ∩ placement) of a target-group employee, with its own start and end."""
    return (
        Plaatsing.objects.filter(medewerker__doelgroepindicatie=True)
        .filter(filters.placement_q(""))
        .filter(
            Q(medewerker__dienstverbanden__start__lte=Coalesce(F("einde"), FAR_FUTURE))
            & Q(start__lte=Coalesce(F("medewerker__dienstverbanden__einde"), FAR_FUTURE))
        )
        .annotate(
            seg_start=Greatest(F("start"), F("medewerker__dienstverbanden__start")),
            seg_end=Least(
                Coalesce(F("einde"), FAR_FUTURE),
                Coalesce(F("medewerker__dienstverbanden__einde"), FAR_FUTURE),
            ),
            seg_uren=F("medewerker__dienstverbanden__uren_per_week"),
            seg_werkgever=F("medewerker__werkgever"),
        )
    )


# Both halves of a step function come from one query: summed once per start day and once per
# last day. The (contract ∩ placement) join is most of a series' time, so it is evaluated once,
# MATERIALIZED (PostgreSQL 12+, SQLite 3.35+); plain contracts are cheaper read twice. Hours are
# summed in hundredths, as integers, so that SQLite's floating-point SUM cannot round them;
# Binnenwerk's own people (no partner employer) are counted beside them for the headcount.
_SUMS = (
    "SUM(CAST(ROUND(seg_uren * 100) AS INTEGER)),"
    " SUM(CASE WHEN seg_werkgever IS NULL THEN 1 ELSE 0 END)"
)
# bandit B608: only the constant above and (later) the ORM's compiled segments go in; the
# values are parameters.
_SEGMENT_SUMS = f"""
WITH seg AS {{materialized}} ({{segments}})
SELECT 0, seg_start, groep, {_SUMS} FROM seg GROUP BY seg_start, groep
UNION ALL
SELECT 1, seg_end, groep, {_SUMS} FROM seg WHERE seg_end < %s GROUP BY seg_end, groep
"""  # nosec B608


def _steps(
    segments: QuerySet, group_path: str | None, materialized: bool
) -> tuple[dict[str, _Steps], _Steps]:
    """Hours in hundredths per group (key "" without a group) and Binnenwerk's headcount over
    time, from segments annotated seg_start, seg_end, seg_uren and seg_werkgever: one query."""
    columns = segments.values(
        "seg_start",
        "seg_end",
        "seg_uren",
        "seg_werkgever",
        groep=F(group_path) if group_path else Value(""),
    ).order_by()
    hours: dict[str, _Steps] = defaultdict(_Steps)
    heads = _Steps()
    try:
        inner, params = columns.query.sql_with_params()
    except EmptyResultSet:  # filtered on an empty set of codes: nothing to count
        return hours, heads
    sql = _SEGMENT_SUMS.format(
        materialized="MATERIALIZED" if materialized else "NOT MATERIALIZED", segments=inner
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [*params, connection.ops.adapt_datefield_value(OPEN_END)])
        for ended, day, groep, hundredths, binnenwerk in cursor.fetchall():
            day = _as_date(day)
            if ended:  # `removes` are keyed by the last active day
                hours[groep].removes[day] += hundredths
                heads.removes[day] += binnenwerk
            else:
                hours[groep].adds[day] += hundredths
                heads.adds[day] += binnenwerk
    return hours, heads


def _as_date(value: dt.date | str) -> dt.date:
    # SQLite hands back computed dates (MAX/MIN of two dates) as ISO strings.
    return value if isinstance(value, dt.date) else dt.date.fromisoformat(value)


def banen_op_data(
    peildata: Iterable[dt.date], per: str | None = None, filters: Filters = NO_FILTERS
) -> list[Banen]:
    """`banen` on many dates at once: one or two aggregate queries, never one per date."""
    dates = sorted(set(peildata))
    if per is not None and per not in GROUP_PATH:
        raise ValueError(_("unknown grouping: %(per)s") % {"per": per})
    if filters.active:
        # Filters restrict to placed jobs: the total is the sum of the matching segments.
        group_steps, head_steps = _steps(
            _segments(filters), GROUP_PATH[per or Per.OPDRACHTGEVER], materialized=True
        )
        by_group = {key: s.at(dates) for key, s in group_steps.items()}
        totals = [sum(v[i] for v in by_group.values()) for i in range(len(dates))]
    else:
        total_steps, head_steps = _steps(_contracts(), None, materialized=False)
        totals = total_steps[""].at(dates)
        by_group = {}
        if per:
            placed_steps, _heads = _steps(_segments(filters), GROUP_PATH[per], materialized=True)
            by_group = {key: s.at(dates) for key, s in placed_steps.items()}
    heads = head_steps.at(dates)
    result = []
    for i, d in enumerate(dates):
        groepen: dict[str, Decimal] = {}
        if per is not None:
            placed = 0
            for key, hundredths in by_group.items():
                if hundredths[i]:
                    groepen[key] = _hundredths_to_banen(hundredths[i])
                    placed += hundredths[i]
            if not filters.active and totals[i] - placed:
                groepen[NIET_GEPLAATST] = _hundredths_to_banen(totals[i] - placed)
        result.append(
            Banen(d, per, _hundredths_to_banen(totals[i]), heads[i], dict(sorted(groepen.items())))
        )
    return result


def _hundredths_to_banen(hundredths: int) -> Decimal:
    return _to_banen(Decimal(hundredths) / 100)


def banen_reeks(
    van: dt.date,
    tot: dt.date,
    interval: str = Interval.MAAND,
    per: str | None = None,
    filters: Filters = NO_FILTERS,
) -> list[Banen]:
    """Jobs at the end of every month, quarter or year from `van` to `tot`."""
    return banen_op_data(period_ends(van, tot, interval), per, filters)


# --- people and teams ---------------------------------------------------------


def medewerkers_binnenwerk(peildatum: dt.date) -> int:
    """Target-group employees of Binnenwerk itself (not a partner) with a contract on the date."""
    return (
        Medewerker.objects.filter(doelgroepindicatie=True, werkgever__isnull=True)
        .filter(
            Exists(Dienstverband.objects.filter(active_on(peildatum), medewerker=OuterRef("pk")))
        )
        .count()
    )


def nieuwe_collegas(jaar: int) -> int:
    """Binnenwerk's target-group employees whose first contract starts in `jaar`."""
    return (
        Medewerker.objects.filter(doelgroepindicatie=True, werkgever__isnull=True)
        .annotate(eerste=Min("dienstverbanden__start"))
        .filter(eerste__year=jaar)
        .count()
    )


def nieuwe_banen(jaar: int) -> Decimal:
    """Growth in jobs over the year: jobs at its end minus jobs at the end of the year before."""
    before, after = banen_op_data([year_end(jaar - 1), year_end(jaar)])
    return after.totaal - before.totaal


def binnenwerk_teams(peildatum: dt.date) -> QuerySet[Team]:
    """Teams within their lifetime on the date, less those staffed only by a partner's employees.

    A team whose members on the date are all employed by a partner (the RSO's cleaning
    teams) is the partner's team: its jobs count, the team is not a Binnenwerk team.
    """
    placed = Plaatsing.objects.filter(active_on(peildatum), team=OuterRef("pk"))
    partner_only = Exists(placed.filter(medewerker__werkgever__isnull=False)) & ~Exists(
        placed.filter(medewerker__werkgever__isnull=True)
    )
    return Team.objects.filter(active_on(peildatum)).exclude(partner_only)


@dataclass(frozen=True)
class Teams:
    peildatum: dt.date
    per: str | None
    totaal: int
    groepen: dict[str, int]


def teams(peildatum: dt.date, per: str | None = None, among: QuerySet[Team] | None = None) -> Teams:
    """Binnenwerk teams on the date, optionally per work type, province or location.

    `among` restricts the count to the teams a user may see (accounts.selectors.teams_for).
    """
    qs = binnenwerk_teams(peildatum)
    if among is not None:
        qs = qs.filter(pk__in=among.values("pk"))
    if per is None:
        return Teams(peildatum, None, qs.count(), {})
    if per not in TEAM_GROUP_PATH:
        raise ValueError(_("teams cannot be grouped per %(per)s") % {"per": per})
    groepen = {
        row["groep"]: row["n"]
        for row in qs.values(groep=F(TEAM_GROUP_PATH[per])).annotate(n=Count("id")).order_by()
    }
    return Teams(peildatum, per, sum(groepen.values()), dict(sorted(groepen.items())))


@dataclass(frozen=True)
class Kerncijfers:
    jaar: int
    banen: Decimal
    nieuwe_banen: Decimal
    medewerkers_binnenwerk: int
    nieuwe_collegas: int
    teams: int


def kerncijfers(jaar: int) -> Kerncijfers:
    """The annual overview's key figures at the end of `jaar`."""
    before, after = banen_op_data([year_end(jaar - 1), year_end(jaar)])
    return Kerncijfers(
        jaar=jaar,
        banen=after.totaal,
        nieuwe_banen=after.totaal - before.totaal,
        medewerkers_binnenwerk=after.medewerkers_binnenwerk,
        nieuwe_collegas=nieuwe_collegas(jaar),
        teams=binnenwerk_teams(year_end(jaar)).count(),
    )

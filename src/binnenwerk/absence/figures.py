"""Absence figures as pure interval arithmetic: no database, no loop per calendar day.

For each person the period is cut at every date where something changes (a contract, a
placement, a sick report or a partial recovery starts or ends); within each piece all is
constant, so a piece of `d` days adds `d × hours` to the employment and
`d × hours × incapacity` to the absence. The rate is

    Σ(sick calendar days × part-time factor × incapacity)
    / Σ(employment calendar days × part-time factor) × 100

with part-time factor = contract hours / VOLTIJD_UREN (36). Everything is Decimal; the
factor's division is done once per sum, so the sums stay exact (hour-days).
Only `ziek` reports count (pregnancy and maternity leave is excluded by the caller).
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from decimal import Decimal

from binnenwerk.absence.constants import MIN_GROEP, VOLTIJD_UREN

ONE_DAY = dt.timedelta(days=1)
FAR = dt.date.max - ONE_DAY  # an open end, still one day short of the maximum
HUNDRED = Decimal(100)
NIET_GEPLAATST = ""


def end_excl(einde: dt.date | None) -> dt.date:
    """The day after the last day (an open end stands for 'far away')."""
    return FAR if einde is None else einde + ONE_DAY


@dataclass(frozen=True)
class Contract:
    start: dt.date
    einde: dt.date | None
    uren: Decimal


@dataclass(frozen=True)
class Placement:
    start: dt.date
    einde: dt.date | None
    team: str
    werksoort: str
    opdrachtgever: str


@dataclass(frozen=True)
class Recovery:
    start: dt.date
    einde: dt.date | None  # empty = until the sick report ends
    werkt_procent: int


@dataclass(frozen=True)
class Absence:
    start: dt.date
    einde: dt.date | None
    herstel: tuple[Recovery, ...] = ()


@dataclass
class Person:
    contracts: list[Contract] = field(default_factory=list)
    placements: list[Placement] = field(default_factory=list)
    absences: list[Absence] = field(default_factory=list)


@dataclass(frozen=True)
class Period:
    van: dt.date
    tot: dt.date  # inclusive

    @property
    def days(self) -> int:
        return (self.tot - self.van).days + 1

    @property
    def year_scale(self) -> Decimal:
        """Multiplies a count in the period to a count per year (1 for a calendar year)."""
        year_days = (dt.date(self.van.year + 1, 1, 1) - dt.date(self.van.year, 1, 1)).days
        return Decimal(year_days) / Decimal(self.days)


@dataclass
class Figures:
    """One group's figures in a period (unrounded)."""

    mensen: set[int] = field(default_factory=set)
    werkdagen: int = 0  # employment calendar days (people × days)
    dienst_uren: Decimal = Decimal(0)  # Σ employment days × contract hours
    verzuim_uren: Decimal = Decimal(0)  # Σ sick days × contract hours × incapacity
    nieuwe_meldingen: int = 0
    duren: list[int] = field(default_factory=list)
    dagen: int = 0  # days in the period
    schaal: Decimal = Decimal(1)  # to a year

    @property
    def aantal_mensen(self) -> int:
        return len(self.mensen)

    @property
    def te_weinig(self) -> bool:
        return self.aantal_mensen < MIN_GROEP

    @property
    def percentage(self) -> Decimal | None:
        if not self.dienst_uren:
            return None
        return self.verzuim_uren / self.dienst_uren * HUNDRED

    @property
    def verzuimdagen(self) -> Decimal:
        """Sick calendar days × part-time factor × incapacity (full-time equivalent days)."""
        return self.verzuim_uren / VOLTIJD_UREN

    @property
    def gemiddeld_mensen(self) -> Decimal | None:
        return Decimal(self.werkdagen) / Decimal(self.dagen) if self.dagen else None

    @property
    def frequentie(self) -> Decimal | None:
        """New sick reports per average employee, per year."""
        if not self.werkdagen:
            return None
        return Decimal(self.nieuwe_meldingen) * Decimal(self.dagen) / self.werkdagen * self.schaal

    @property
    def gemiddelde_duur(self) -> Decimal | None:
        if not self.duren:
            return None
        return Decimal(sum(self.duren)) / Decimal(len(self.duren))


def _at(periods: Iterable[Placement], day: dt.date) -> Placement | None:
    for p in periods:
        if p.start <= day < end_excl(p.einde):
            return p
    return None


def _hours(contracts: Iterable[Contract], day: dt.date) -> Decimal:
    return sum((c.uren for c in contracts if c.start <= day < end_excl(c.einde)), Decimal(0))


def _incapacity(absences: Iterable[Absence], day: dt.date) -> Decimal:
    """1 on a sick day, 1 − works% during partial recovery, 0 otherwise."""
    for a in absences:
        stop = end_excl(a.einde)
        if a.start <= day < stop:
            for h in a.herstel:
                if h.start <= day < min(end_excl(h.einde), stop):
                    return (HUNDRED - h.werkt_procent) / HUNDRED
            return Decimal(1)
    return Decimal(0)


def _breakpoints(person: Person, period: Period) -> list[dt.date]:
    stop = period.tot + ONE_DAY
    points = {period.van, stop}
    for rows in (person.contracts, person.placements, person.absences):
        for r in rows:
            points.update((r.start, end_excl(r.einde)))
    for a in person.absences:
        for h in a.herstel:
            points.update((h.start, end_excl(h.einde)))
    return sorted(p for p in points if period.van <= p <= stop)


GroupOf = Callable[[Placement | None], str]
Includes = Callable[[Placement | None], bool]


def compute(
    people: dict[int, Person],
    period: Period,
    group_of: GroupOf | None = None,
    includes: Includes | None = None,
) -> tuple[Figures, dict[str, Figures]]:
    """The figures of the whole (within `includes`) and per group (`group_of` a day's
    placement; None = no groups). A day counts where `includes(placement of the day)`."""
    total = Figures(dagen=period.days, schaal=period.year_scale)
    groups: dict[str, Figures] = defaultdict(
        lambda: Figures(dagen=period.days, schaal=period.year_scale)
    )

    def targets(placement: Placement | None) -> list[Figures]:
        if includes is not None and not includes(placement):
            return []
        return [total] if group_of is None else [total, groups[group_of(placement)]]

    for pid, person in people.items():
        points = _breakpoints(person, period)
        for a, b in itertools.pairwise(points):
            hours = _hours(person.contracts, a)
            if not hours:
                continue
            figures = targets(_at(person.placements, a))
            if not figures:
                continue
            days = (b - a).days
            sick = Decimal(days) * hours * _incapacity(person.absences, a)
            for f in figures:
                f.mensen.add(pid)
                f.werkdagen += days
                f.dienst_uren += Decimal(days) * hours
                f.verzuim_uren += sick
        for absence in person.absences:
            # A new report belongs to the group of its first sick day, an ended one to the
            # group of its last day; each counts when the person is employed on that day.
            if period.van <= absence.start <= period.tot and _hours(
                person.contracts, absence.start
            ):
                for f in targets(_at(person.placements, absence.start)):
                    f.nieuwe_meldingen += 1
            einde = absence.einde
            ended = einde is not None and period.van <= einde <= period.tot
            if einde is not None and ended and _hours(person.contracts, einde):
                for f in targets(_at(person.placements, einde)):
                    f.duren.append((einde - absence.start).days + 1)
    # The durations are a multiset: sorted, the figures do not depend on the rows' order.
    for f in (total, *groups.values()):
        f.duren.sort()
    return total, dict(groups)


def month_periods(jaar: int) -> list[Period]:
    starts = [dt.date(jaar, m, 1) for m in range(1, 13)] + [dt.date(jaar + 1, 1, 1)]
    return [Period(a, b - ONE_DAY) for a, b in itertools.pairwise(starts)]

"""The demo's absence: sick reports for the demo's target-group employees from 2021 up to
today, through the services, deterministic (fixed seed) and fast.

The published absence rate of 2023 (the seeds' annual overview) is the construction target:
spells are drawn at random until 2023's rate comes near it, then one last spell's length is
chosen so that the rate, rounded half-up to 2 decimals, equals it. The rate is computed with
the same arithmetic as the figures page (`figures.compute`), person by person (the sums are
exact, so the parts add up to what the selector computes); the page and the CLI always show
what the selector computes from the stored reports, never this target.

Also: partial recovery periods, pregnancy and maternity leaves (excluded from the rate),
absences across a year boundary, a few open absences today with Poortwachter steps done,
overdue and due soon in the demo supervisor's teams, and a norm per year.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import replace
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from django.contrib.auth import get_user_model
from django.db import transaction

from binnenwerk.absence import figures, services
from binnenwerk.absence.constants import StapSoort, ZiekmeldingSoort
from binnenwerk.absence.figures import Absence, Period, Recovery
from binnenwerk.absence.models import Ziekmelding
from binnenwerk.absence.scope import readable_people
from binnenwerk.absence.selectors import fetch_rows

SEED = 20230101
# The seeds' annual overview 2023: the construction target, not a figure to show.
GEPUBLICEERD_2023 = Decimal("11.39")
# Demo input, not a published figure: the norm of each year.
DEMO_NORM = Decimal("12.5")
NORM_JAREN = range(2021, 2027)
VAN_JAAR = 2022
# Rough rates the other years are filled to (demo inputs: only 2023 is published).
ANDERE_JAREN = {
    2022: Decimal("10.6"),
    2024: Decimal("10.9"),
    2025: Decimal("10.2"),
    2026: Decimal("9.4"),
}
ONE_DAY = dt.timedelta(days=1)
CENT = Decimal("0.01")


def _spell_length(rng: random.Random) -> int:
    """Mostly short absences, some long ones (which make most of the rate)."""
    roll = rng.random()
    if roll < 0.45:
        return rng.randint(2, 10)
    if roll < 0.7:
        return rng.randint(11, 45)
    return rng.randint(46, 420)


class Planner:
    """Spells per person, with each person's and each year's absence hour-days kept up to date."""

    def __init__(self, people: dict[int, figures.Person], today: dt.date) -> None:
        self.people = people
        self.today = today
        self.years = {
            y: Period(dt.date(y, 1, 1), dt.date(y, 12, 31)) for y in range(VAN_JAAR, today.year + 1)
        }
        self.employment = {y: Decimal(0) for y in self.years}
        self.absent = {y: Decimal(0) for y in self.years}
        self.part: dict[tuple[int, int], Decimal] = {}
        for y, period in self.years.items():
            total, _ = figures.compute(people, period)
            self.employment[y] = total.dienst_uren
        self.spells: list[tuple[int, str, Absence]] = []  # (person, kind, spell)
        self.pregnancies: list[tuple[int, Absence]] = []
        self.ids = sorted(people)

    def rate(self, year: int) -> Decimal:
        return self.absent[year] / self.employment[year] * 100

    def _refresh(self, pid: int, years: list[int]) -> None:
        for y in years:
            if y not in self.years:
                continue
            total, _ = figures.compute({pid: self.people[pid]}, self.years[y])
            old = self.part.get((pid, y), Decimal(0))
            self.part[(pid, y)] = total.verzuim_uren
            self.absent[y] += total.verzuim_uren - old

    def run_end(self, pid: int, day: dt.date) -> dt.date | None:
        """The last day of the person's uninterrupted employment from `day` (None: open);
        raises LookupError when they have no contract on `day`."""
        contracts = sorted(self.people[pid].contracts, key=lambda c: c.start)
        end: dt.date | None = None
        found = False
        for c in contracts:
            if not found:
                if c.start <= day <= (c.einde or dt.date.max):
                    found, end = True, c.einde
                continue
            if end is not None and c.start == end + ONE_DAY:
                end = c.einde
        if not found:
            raise LookupError
        return end

    def free(self, pid: int, start: dt.date, einde: dt.date | None) -> bool:
        """No other spell of the person within a week of this one."""
        stop = einde or dt.date.max - dt.timedelta(days=8)
        for other in self.people[pid].absences:
            o_end = other.einde or dt.date.max - dt.timedelta(days=8)
            if start <= o_end + dt.timedelta(days=7) and other.start <= stop + dt.timedelta(days=7):
                return False
        return all(
            not (start <= (p.einde or dt.date.max) and p.start <= (einde or dt.date.max))
            for q, p in self.pregnancies
            if q == pid
        )

    def candidate(
        self, rng: random.Random, van: dt.date, tot: dt.date, length: int
    ) -> tuple[int, Absence] | None:
        """A person employed on a random day in [van, tot] and free for a spell from it."""
        for _ in range(50):
            pid = rng.choice(self.ids)
            start = van + dt.timedelta(days=rng.randint(0, (tot - van).days))
            try:
                run = self.run_end(pid, start)
            except LookupError:
                continue
            einde: dt.date | None = start + dt.timedelta(days=length - 1)
            if run is not None and einde is not None and einde > run:
                einde = run
            if einde is not None and einde >= self.today:
                einde = None  # still absent today
            if self.free(pid, start, einde):
                return pid, Absence(start, einde)
        return None

    def add(self, pid: int, spell: Absence, kind: str = ZiekmeldingSoort.ZIEK) -> None:
        if kind == ZiekmeldingSoort.ZWANGERSCHAP:
            self.pregnancies.append((pid, spell))
            self.spells.append((pid, kind, spell))
            return
        self.people[pid].absences.append(spell)
        self.spells.append((pid, kind, spell))
        last = (spell.einde or self.today).year
        self._refresh(pid, list(range(spell.start.year, last + 1)))

    def replace_last(self, pid: int, spell: Absence) -> None:
        self.people[pid].absences[-1] = spell
        self.spells[-1] = (pid, ZiekmeldingSoort.ZIEK, spell)
        self._refresh(pid, [spell.start.year])


def _with_recovery(rng: random.Random, spell: Absence) -> Absence:
    """A long absence often ends in partial recovery: working 30–80% for its last part."""
    if spell.einde is None or (spell.einde - spell.start).days < 60 or rng.random() < 0.4:
        return spell
    days = (spell.einde - spell.start).days
    start = spell.start + dt.timedelta(days=int(days * rng.uniform(0.5, 0.8)))
    return replace(spell, herstel=(Recovery(start, None, rng.choice([30, 50, 50, 60, 80])),))


def _fill_year(planner: Planner, rng: random.Random, year: int, target: Decimal) -> None:
    van = dt.date(year, 1, 1)
    tot = min(dt.date(year, 12, 31), planner.today - ONE_DAY)
    while planner.rate(year) < target:
        found = planner.candidate(rng, van, tot, _spell_length(rng))
        if found:
            planner.add(found[0], _with_recovery(rng, found[1]))


def _hit_2023(planner: Planner, rng: random.Random) -> None:
    """Random spells up to half a point below the published rate, then spells wholly in 2023
    whose last one's length makes the rounded rate equal it."""
    year = 2023
    _fill_year(planner, rng, year, GEPUBLICEERD_2023 - Decimal("0.5"))
    while True:
        found = planner.candidate(rng, dt.date(year, 1, 1), dt.date(year, 6, 30), 120)
        if found is None:
            continue
        pid, spell = found
        einde = spell.einde
        if einde is None or einde.year != year:
            continue
        planner.add(pid, spell)
        rounded = planner.rate(year).quantize(CENT, rounding=ROUND_HALF_UP)
        if rounded < GEPUBLICEERD_2023:
            continue
        low, high = 1, (einde - spell.start).days + 1  # rounded(high) ≥ target
        while low < high:
            mid = (low + high) // 2
            planner.replace_last(
                pid, replace(spell, einde=spell.start + dt.timedelta(days=mid - 1))
            )
            if planner.rate(year).quantize(CENT, rounding=ROUND_HALF_UP) >= GEPUBLICEERD_2023:
                high = mid
            else:
                low = mid + 1
        planner.replace_last(pid, replace(spell, einde=spell.start + dt.timedelta(days=low - 1)))
        return


def _pregnancies(planner: Planner, rng: random.Random) -> None:
    """Pregnancy and maternity leave (16 weeks), one across a year boundary."""
    for start in (dt.date(2022, 11, 14), dt.date(2023, 3, 6), dt.date(2024, 9, 2)):
        for _ in range(50):
            pid = rng.choice(planner.ids)
            einde = start + dt.timedelta(weeks=16) - ONE_DAY
            try:
                run = planner.run_end(pid, start)
            except LookupError:
                continue
            if (run is None or run >= einde) and planner.free(pid, start, einde):
                planner.add(pid, Absence(start, einde), ZiekmeldingSoort.ZWANGERSCHAP)
                break


def _supervisor_cases(
    planner: Planner, supervisor: Any, today: dt.date
) -> list[tuple[int, Absence, int]]:
    """Open absences in the demo supervisor's teams: (person, spell, weeks of steps done)."""
    team_people = list(
        readable_people(supervisor, today)
        .filter(pk__in=planner.ids)
        .order_by("personeelsnummer")
        .values_list("pk", flat=True)
    )
    cases = []
    # days since the first sick day, steps done: week 6 due soon / overdue plan / evaluations
    for days_ago, done in ((33, 0), (58, 1), (104, 2), (300, 3)):
        for pid in team_people:
            start = today - dt.timedelta(days=days_ago)
            if planner.free(pid, start, None):
                try:
                    if planner.run_end(pid, start) is not None:
                        continue
                except LookupError:
                    continue
                planner.add(pid, Absence(start, None))
                cases.append((pid, planner.spells[-1][2], done))
                team_people.remove(pid)
                break
    return cases


@transaction.atomic
def absence_demo_load(*, actor: Any) -> None:
    """Idempotent: does nothing when sick reports exist."""
    if Ziekmelding.objects.exists():
        return
    today = dt.date.today()
    # bandit B311: Random here only draws the demo's fictitious data from a fixed seed, no secret.
    rng = random.Random(SEED)  # nosec B311
    rows = fetch_rows(Period(dt.date(VAN_JAAR, 1, 1), today))
    planner = Planner(rows.people, today)
    _pregnancies(planner, rng)
    _fill_year(planner, rng, 2022, ANDERE_JAREN[2022])
    _hit_2023(planner, rng)
    supervisor = get_user_model().objects.filter(username="leidinggevende").first()
    cases = _supervisor_cases(planner, supervisor, today) if supervisor else []
    for year in range(2024, today.year + 1):
        _fill_year(planner, rng, year, ANDERE_JAREN.get(year, Decimal(10)))

    nieuwe = [
        services.NieuweZiekmelding(
            medewerker_id=pid,
            soort=kind,
            start=spell.start,
            einde=spell.einde,
            herstel=tuple((h.start, h.einde, h.werkt_procent) for h in spell.herstel),
        )
        for pid, kind, spell in sorted(planner.spells, key=lambda s: (s[2].start, s[0]))
    ]
    meldingen = services.ziekmeldingen_bulk_create(actor=actor, meldingen=nieuwe)
    created = {(z.medewerker_id, z.start): z for z in meldingen}
    for pid, spell, done in cases:
        _steps_done(created[(pid, spell.start)], done, supervisor)
    for jaar in NORM_JAREN:
        services.verzuimnorm_set(actor=actor, jaar=jaar, percentage=DEMO_NORM)


def _steps_done(melding: Ziekmelding, done: int, supervisor: Any) -> None:
    """Mark the first steps done a few days before they were due (and evaluations after)."""
    order = [StapSoort.PROBLEEMANALYSE, StapSoort.PLAN_VAN_AANPAK, StapSoort.EVALUATIE]
    for soort in order[:done]:
        stap = melding.stappen.filter(soort=soort, status="open").order_by("uiterlijk").first()
        if stap is not None:
            services.poortwachterstap_afronden(
                actor=supervisor, stap=stap, gedaan_op=stap.uiterlijk - dt.timedelta(days=3)
            )

"""Generate the demo organisation: deterministic, fictitious, 2016 to GENERATED_UNTIL.

The plan (scenario.py) fixes where the organisation stands at each year end; this
module invents people, teams and histories that get there, in the import format.
Loading goes through the importer, the same path as real data, and the figures
come back out of the job counter.
"""

from __future__ import annotations

import datetime as dt
import random
from collections import Counter, defaultdict
from collections.abc import Iterator
from decimal import Decimal

from faker import Faker

from binnenwerk.demo import scenario as plan
from binnenwerk.demo.hours import fit_margins, jobs_to_hundredths, split
from binnenwerk.demo.people import ONE_DAY, DemoPerson, DemoTeam, Staff
from binnenwerk.people.bsn import bsn_is_valid

YEAR_END = {year: dt.date(year, 12, 31) for year in range(2016, 2027)}
# Names from the source documents are real people: the demo never uses them.
SEED_NAMES = ("scholten", "barendse", "uitermark", "knops", "van der wal")


class DemoPlan:
    def __init__(self, seed: int = plan.SEED) -> None:
        # bandit B311: Random only draws the demo's fictitious data (fixed seed), no secret.
        self.rng = random.Random(seed)  # nosec B311
        self.teams: list[DemoTeam] = []
        self.people: list[DemoPerson] = []
        self.staff: list[Staff] = []
        self._numbers = iter(range(1_000_001, 9_000_000))
        self._build_teams()
        self._plan_2023()
        self._plan_hire_years()
        self._plan_leavers()
        self._plan_moves_and_gaps()
        self._calibrate_years()
        self._plan_after_2023()
        self._plan_staff()

    # --- teams ------------------------------------------------------------
    def _build_teams(self) -> None:
        locations = {code: (naam, plaats) for code, naam, plaats, _ in plan.LOCATIES}
        for wt in plan.WERKSOORTEN:
            seq = 0
            for year, count in sorted(wt.teams_started.items()):
                for i in range(count):
                    month = 11 if year == 2016 else 2 + (i * 9) // count
                    locatie = plan.TEAM_LOCATIONS[wt.code][seq % len(plan.TEAM_LOCATIONS[wt.code])]
                    seq += 1
                    self.teams.append(
                        DemoTeam(
                            code=f"{wt.code}-{seq:02d}",
                            naam=f"{wt.naam} {locations[locatie][1]} {seq}",
                            werksoort=wt.code,
                            locatie=locatie,
                            partner=wt.partner,
                            start=dt.date(year, month, 1 + self.rng.randrange(0, 20)),
                        )
                    )

    def teams_of(self, werksoort: str, on: dt.date) -> list[DemoTeam]:
        return [t for t in self.teams if t.werksoort == werksoort and t.start <= on]

    # --- the end of 2023: jobs per client and work type -------------------
    def _plan_2023(self) -> None:
        rows = {c: jobs_to_hundredths(j) for c, j in plan.JOBS_PER_CLIENT_2023.items()}
        cols = {w: jobs_to_hundredths(j) for w, j in plan.JOBS_PER_WORK_TYPE_2023.items()}
        # Both lists add up to the same total; rounding to hundredths may not.
        total = jobs_to_hundredths(sum(plan.JOBS_PER_CLIENT_2023.values(), Decimal(0)))
        rows[max(rows, key=lambda c: rows[c])] += total - sum(rows.values())
        cols[max(cols, key=lambda w: cols[w])] += total - sum(cols.values())
        funding = {
            w: {c: float(v) for c, v in weights.items()} for w, weights in plan.FUNDING.items()
        }
        while True:
            matrix = fit_margins(funding, rows, cols)
            # A client funding less than one small contract in a work type funds none there.
            tiny = [(c, w) for c in rows for w in cols if 0 < matrix[c][w] < 2000]
            if not tiny:
                break
            for c, w in tiny:
                funding[w].pop(c, None)
        for wt in plan.WERKSOORTEN:
            cells = {c: matrix[c][wt.code] for c in rows if matrix[c][wt.code] > 0}
            counts = self._apportion(cells, plan.PEOPLE_2023[wt.code])
            members: list[tuple[str, int]] = []
            for client in sorted(cells, key=lambda c: -cells[c]):
                for hours in split(cells[client], counts[client], self.rng):
                    members.append((client, hours))
            self._fill_teams(wt.code, members)

    @staticmethod
    def _apportion(cells: dict[str, int], people: int) -> dict[str, int]:
        """People per client in proportion to hours (largest remainder, at least one each)."""
        total = sum(cells.values())
        quotas = {c: v * people / total for c, v in cells.items()}
        counts = {c: max(1, int(q)) for c, q in quotas.items()}
        for c in sorted(quotas, key=lambda c: quotas[c] - int(quotas[c]), reverse=True):
            if sum(counts.values()) >= people:
                break
            counts[c] += 1
        while sum(counts.values()) > people:
            c = max(counts, key=lambda c: counts[c])
            counts[c] -= 1
        # Nobody works more than 38 hours: give an overfull cell a person from the emptiest.
        while True:
            fullest = max(counts, key=lambda c: cells[c] / counts[c])
            if cells[fullest] / counts[fullest] <= 3800:
                return counts
            donors = [c for c in counts if counts[c] > 1 and c != fullest]
            emptiest = min(donors, key=lambda c: cells[c] / (counts[c] - 1))
            counts[emptiest] -= 1
            counts[fullest] += 1

    def _fill_teams(self, werksoort: str, members: list[tuple[str, int]]) -> None:
        teams = self.teams_of(werksoort, YEAR_END[2023])
        base, extra = divmod(len(members), len(teams))
        sizes = [base + (1 if i < extra else 0) for i in range(len(teams))]
        queue = iter(members)
        employer = plan.PARTNER_EMPLOYED_WORK.get(werksoort)
        for team, size in zip(teams, sizes, strict=True):
            team.size_2023 = size
            crew = [next(queue) for _ in range(size)]
            team.client = Counter(c for c, _ in crew).most_common(1)[0][0]
            for client, hours in crew:
                self.people.append(
                    DemoPerson(
                        nummer="",
                        team=team,
                        client=client,
                        hired=team.start,  # planned properly in _plan_hire_years
                        werkgever=employer,
                        hours=hours,
                    )
                )

    # --- when the people of 2023 were hired --------------------------------
    def _plan_hire_years(self) -> None:
        by_team: dict[str, list[DemoPerson]] = defaultdict(list)
        for person in self.people:
            by_team[person.team.code].append(person)
        movable: list[DemoPerson] = []
        for members in by_team.values():
            team = members[0].team
            founders = round(len(members) * 0.6)
            for i, person in enumerate(members):
                if i < founders:
                    person.hired = team.start + dt.timedelta(days=self.rng.randrange(0, 40))
                else:
                    year = self.rng.randint(team.start.year, 2023)
                    person.hired = self._date_in(year, team.start)
                    movable.append(person)
        own = [p for p in self.people if p.werkgever is None]
        self._rebalance(own, [p for p in movable if p.werkgever is None])
        for person in self.people:  # the RSO stopped hiring for these teams in 2023
            if person.werkgever and person.hired.year == 2023:
                person.hired = self._date_in(2022, person.team.start)

    def _rebalance(self, own: list[DemoPerson], movable: list[DemoPerson]) -> None:
        """Move non-founders between hire years until the 2023 headcount splits as planned."""
        targets = {
            "2021": plan.HIRED_BY_2021,
            "2022": plan.HIRED_IN_2022,
            "2023": plan.HIRED_IN_2023,
        }

        def klass(p: DemoPerson) -> str:
            return "2021" if p.hired.year <= 2021 else str(p.hired.year)

        for _ in range(5000):
            counts = Counter(klass(p) for p in own)
            surplus = [k for k in targets if counts[k] > targets[k]]
            deficit = [k for k in targets if counts[k] < targets[k]]
            if not surplus:
                return
            for p in self.rng.sample(movable, len(movable)):
                if klass(p) in surplus:
                    options = [k for k in deficit if p.team.start.year <= int(k)]
                    if options:
                        k = options[0]
                        low = p.team.start.year if k == "2021" else int(k)
                        p.hired = self._date_in(self.rng.randint(low, int(k)), p.team.start)
                        break
            else:
                raise ValueError("demo-plan: aannamejaren zijn niet te verdelen")
        raise ValueError("demo-plan: aannamejaren convergeren niet")

    def _date_in(self, year: int, not_before: dt.date, last: dt.date | None = None) -> dt.date:
        first = max(dt.date(year, 1, 1), not_before)
        last = min(last or dt.date(year, 12, 15), dt.date(year, 12, 15))
        if last < first:
            return first
        return first + dt.timedelta(days=self.rng.randrange(0, (last - first).days + 1))

    # --- people who left before the end of 2023 ----------------------------
    def _plan_leavers(self) -> None:
        for table, employer in ((plan.LEAVERS, None), (plan.RSO_LEAVERS, "RSO")):
            for (hire_year, leave_year), count in sorted(table.items()):
                for _ in range(count):
                    self.people.append(self._leaver(hire_year, leave_year, employer))

    def _leaver(self, hire_year: int, leave_year: int, employer: str | None) -> DemoPerson:
        candidates = [
            t
            for t in self.teams
            if t.start.year <= hire_year
            and (t.werksoort in plan.PARTNER_EMPLOYED_WORK) == (employer is not None)
        ]
        team = self.rng.choice(candidates)
        hired = self._date_in(hire_year, team.start, dt.date(hire_year, 10, 31))
        earliest = max(hired + dt.timedelta(days=60), dt.date(leave_year, 1, 1))
        leaves = self._date_in(leave_year, earliest, dt.date(leave_year, 12, 30))
        typical = plan.work_type(team.werksoort).hours
        hours = int(typical * 100) + self.rng.choice([-600, -400, -200, 0, 0, 200, 400])
        return DemoPerson(
            nummer="",
            team=team,
            client=team.client,
            hired=hired,
            leaves=leaves,
            werkgever=employer,
            hours=min(hours, 3800),
        )

    def _plan_moves_and_gaps(self) -> None:
        for person in self.people:
            roll = self.rng.random()
            if roll < 0.06 and person.hired.year <= 2021 and person.werkgever is None:
                # Some moved to their present team in 2022 from another that existed then.
                others = [
                    t
                    for t in self.teams
                    if t.start <= person.hired
                    and t is not person.team
                    and t.werksoort not in plan.PARTNER_EMPLOYED_WORK
                ]
                moved_on = max(person.team.start, dt.date(2022, 3, 1)) + dt.timedelta(
                    days=self.rng.randrange(0, 200)
                )
                if (
                    others
                    and moved_on < dt.date(2023, 12, 1)
                    and (person.leaves is None or moved_on < person.leaves)
                ):
                    person.earlier_team, person.moved_on = self.rng.choice(others), moved_on
            elif roll > 0.95 and person.hired <= dt.date(2023, 11, 1):
                person.placement_delay = 14  # started with an introduction before the team
            person.extended = self.rng.random() < 0.15

    # --- the year ends before 2023: fit the first-year hours ----------------
    def _calibrate_years(self) -> None:
        """First-year hours of each year's new starters make the year-end totals."""
        goals: list[tuple[int, str | None, int]] = [
            (2020, None, jobs_to_hundredths(plan.JOBS_2020)),
            (2021, "own", jobs_to_hundredths(plan.JOBS_2021_BINNENWERK)),
            (2021, "RSO", jobs_to_hundredths(plan.JOBS_2021_RSO)),
            (2022, None, jobs_to_hundredths(plan.JOBS_2022)),
        ]
        year_end = YEAR_END
        for person in self.people:
            if person.hired.year == 2023:
                person.first_hours = person.hours
            elif person.hired.year not in (2020, 2021, 2022) or (
                person.leaves is not None and person.leaves < year_end[person.hired.year]
            ):
                person.first_hours = max(
                    1200, person.hours - self.rng.choice([0, 0, 200, 400, 800])
                )
        for year, pool, goal in goals:
            members = [
                p for p in self.people if self._in_pool(p, pool) and p.hired <= year_end[year]
            ]
            starters = [
                p
                for p in members
                if p.hired.year == year
                and p.first_hours is None
                and p.first_contract_end >= year_end[year]
            ]
            fixed = sum(p.hours_on(year_end[year])[0] for p in members if p not in starters)
            for person, hours in zip(
                starters, split(goal - fixed, len(starters), self.rng), strict=True
            ):
                person.first_hours = hours

    @staticmethod
    def _in_pool(person: DemoPerson, pool: str | None) -> bool:
        if pool == "own":
            return person.werkgever is None
        if pool == "RSO":
            return person.werkgever == "RSO"
        return True

    # --- after 2023: new teams, new people, leavers -------------------------
    def _plan_after_2023(self) -> None:
        present = [p for p in self.people if p.leaves is None]
        for year, count in sorted(plan.LATER_LEAVERS.items()):
            last = plan.GENERATED_UNTIL - ONE_DAY if year == plan.GENERATED_UNTIL.year else None
            for person in self.rng.sample([p for p in present if p.leaves is None], count):
                person.leaves = self._date_in(year, person.hired + dt.timedelta(days=90), last)
        for team in self.teams:
            if team.start.year < 2024:
                continue
            team.client = self._funder(team.werksoort)
            team.size_2023 = self.rng.randint(7, 11)
            for i in range(team.size_2023):
                hired = team.start + dt.timedelta(
                    days=self.rng.randrange(0, 40) if i < 6 else self.rng.randrange(30, 200)
                )
                self._add_new(team, min(hired, plan.GENERATED_UNTIL - ONE_DAY))
        for year, count in sorted(plan.LATER_REPLACEMENTS.items()):
            for _ in range(count):
                team = self.rng.choice([t for t in self.teams if t.start.year < year])
                end = plan.GENERATED_UNTIL - ONE_DAY if year == plan.GENERATED_UNTIL.year else None
                self._add_new(team, self._date_in(year, team.start, end))

    def _funder(self, werksoort: str) -> str:
        weights = plan.FUNDING[werksoort]
        return self.rng.choices(list(weights), weights=list(weights.values()))[0]

    def _add_new(self, team: DemoTeam, hired: dt.date) -> None:
        typical = int(plan.work_type(team.werksoort).hours * 100)
        hours = typical + self.rng.choice([-600, -400, -200, 0, 0, 200, 400])
        self.people.append(
            DemoPerson(
                nummer="",
                team=team,
                client=team.client,
                hired=hired,
                werkgever=plan.PARTNER_EMPLOYED_WORK.get(team.werksoort),
                first_hours=max(1200, hours - self.rng.choice([0, 200, 400])),
                hours=hours,
                extended=self.rng.random() < 0.15,
            )
        )

    # --- supervisors and job coaches ---------------------------------------
    def _plan_staff(self) -> None:
        """Each supervisor leads up to four teams, each coach coaches up to three."""
        own_teams = sorted(
            (t for t in self.teams if t.werksoort not in plan.PARTNER_EMPLOYED_WORK),
            key=lambda t: t.start,
        )
        for role, per_person in (("leidinggevende", 4), ("jobcoach", 3)):
            holders: list[Staff] = []
            for i, team in enumerate(own_teams):
                if i % per_person == 0:
                    holders.append(Staff(nummer="", since=team.start - dt.timedelta(days=30)))
                holder = holders[-1]
                # Every seventh team changed hands on 1 April 2022, to a newer colleague.
                handover = dt.date(2022, 4, 1)
                if i % 7 == 3 and team.start < handover and len(holders) > 1:
                    successor = holders[(holders.index(holder) + 1) % len(holders)]
                    if successor.since < handover:
                        holder.roles.append((team.code, role, team.start, handover - ONE_DAY))
                        successor.roles.append((team.code, role, handover, None))
                        continue
                holder.roles.append((team.code, role, team.start, None))
            self.staff.extend(holders)
        for team in self.teams:
            low, high = plan.work_type(team.werksoort).size
            team.capaciteit = min(high, max(low, team.size_2023) + self.rng.randint(0, 3))

    # --- numbering ----------------------------------------------------------
    def assign_numbers(self) -> None:
        for person in sorted(self.people, key=lambda p: (p.hired, p.team.code)):
            person.nummer = str(next(self._numbers))
        for staff in self.staff:
            staff.nummer = str(next(self._numbers))


def fake_names(seed: int) -> Iterator[tuple[str, str]]:
    """Endless fictitious (voornaam, achternaam), never a name from the seeds."""
    fake = Faker("nl_NL")
    fake.seed_instance(seed)
    while True:
        first, last = fake.first_name(), fake.last_name()
        if not any(name in f"{first} {last}".lower() for name in SEED_NAMES):
            yield first, last


def test_bsns() -> Iterator[str]:
    """BSNs from the test range (9999…) that pass the 11-proef: never a real person's."""
    for number in range(999_900_000, 999_999_999):
        if bsn_is_valid(str(number)):
            yield str(number)

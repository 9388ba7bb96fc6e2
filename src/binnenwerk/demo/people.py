"""The demo's people as plain records, before they become import rows."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from binnenwerk.periods import add_months, add_years

ONE_DAY = dt.timedelta(days=1)


@dataclass(eq=False)
class DemoTeam:
    code: str
    naam: str
    werksoort: str
    locatie: str
    partner: str | None
    start: dt.date
    client: str = ""  # the client that funds most of its people
    size_2023: int = 0
    capaciteit: int = 0


@dataclass(eq=False)
class DemoPerson:
    """One employee's planned history: hired on `hired`, leaving after `leaves` (or never)."""

    nummer: str
    team: DemoTeam
    client: str
    hired: dt.date
    leaves: dt.date | None = None
    werkgever: str | None = None
    indicatie: bool = True
    first_hours: int | None = None  # hundredths; None until planned
    hours: int = 0  # hundredths, from the first anniversary on
    extended: bool = False  # a second fixed-term contract before the permanent one
    earlier_team: DemoTeam | None = None
    moved_on: dt.date | None = None
    placement_delay: int = 0  # days between contract start and placement start

    @property
    def first_contract_end(self) -> dt.date:
        return add_years(self.hired, 1) - ONE_DAY

    def contracts(self) -> list[tuple[dt.date, dt.date | None, int, str]]:
        """(start, einde, hundredths, soort): a year fixed-term, maybe 6 months more, permanent."""
        assert self.first_hours is not None, self.nummer
        if self.leaves is not None and self.leaves <= self.first_contract_end:
            return [(self.hired, self.leaves, self.first_hours, "bepaald")]
        result = [(self.hired, self.first_contract_end, self.first_hours, "bepaald")]
        start = self.first_contract_end + ONE_DAY
        if self.extended:
            end = add_months(start, 6) - ONE_DAY
            if self.leaves is not None and self.leaves <= end:
                return [*result, (start, self.leaves, self.hours, "bepaald")]
            result.append((start, end, self.hours, "bepaald"))
            start = end + ONE_DAY
        return [*result, (start, self.leaves, self.hours, "onbepaald")]

    def hours_on(self, day: dt.date) -> tuple[int, bool]:
        """Hours on `day` (0 when not employed) and whether they are the first contract's."""
        for start, einde, hours, _ in self.contracts():
            if start <= day and (einde is None or day <= einde):
                return hours, start == self.hired
        return 0, False

    def placements(self) -> list[tuple[str, str, dt.date, dt.date | None]]:
        start = self.hired + dt.timedelta(days=self.placement_delay)
        if self.earlier_team is not None and self.moved_on is not None:
            return [
                (self.earlier_team.code, self.earlier_team.client, start, self.moved_on - ONE_DAY),
                (self.team.code, self.client, self.moved_on, self.leaves),
            ]
        return [(self.team.code, self.client, start, self.leaves)]


@dataclass(eq=False)
class Staff:
    nummer: str
    since: dt.date
    roles: list[tuple[str, str, dt.date, dt.date | None]] = field(default_factory=list)

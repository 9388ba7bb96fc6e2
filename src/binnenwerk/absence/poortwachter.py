"""The Wet verbetering poortwachter schedule: pure date arithmetic, no database.

Weeks are calendar weeks counted from the first sick day: week 1 is the first sick day and
the six days after it. A step "in week N" is due at the latest on the last day of week N:
first sick day + 7·N − 1 days (first day 05-01-2026 → week 6 due 15-02-2026).
"""

from __future__ import annotations

import datetime as dt

from binnenwerk.absence.constants import EVALUATIE_INTERVAL_WEKEN, StapSoort

# The steps created with a sick report, with the week they are due in.
STAPPEN: tuple[tuple[StapSoort, int], ...] = (
    (StapSoort.PROBLEEMANALYSE, 6),
    (StapSoort.PLAN_VAN_AANPAK, 8),
    (StapSoort.EVALUATIE, 14),
    (StapSoort.ZIEKMELDING_UWV, 42),
    (StapSoort.EERSTEJAARSEVALUATIE, 52),
    (StapSoort.WIA_AANVRAAG, 91),
)


def end_of_week(start: dt.date, week: int) -> dt.date:
    """The last day of calendar week `week` counted from the first sick day."""
    if week < 1:
        raise ValueError("weeks are counted from 1")
    return start + dt.timedelta(days=7 * week - 1)


def week_of(start: dt.date, day: dt.date) -> int:
    """The calendar week (from 1) counted from the first sick day in which `day` falls."""
    return (day - start).days // 7 + 1


def initial_steps(start: dt.date) -> list[tuple[StapSoort, dt.date]]:
    """The steps created with a sick report and their due dates."""
    return [(soort, end_of_week(start, week)) for soort, week in STAPPEN]


def next_evaluation(gedaan_op: dt.date) -> dt.date:
    """An evaluation done on `gedaan_op` is followed by the next one at most 6 weeks later."""
    return gedaan_op + dt.timedelta(weeks=EVALUATIE_INTERVAL_WEKEN)


def lapses(uiterlijk: dt.date, einde: dt.date | None) -> bool:
    """An open step lapses when the absence ended before it was due."""
    return einde is not None and uiterlijk > einde


def is_overdue(uiterlijk: dt.date, today: dt.date) -> bool:
    return uiterlijk < today


def is_due_within(uiterlijk: dt.date, today: dt.date, days: int) -> bool:
    """Overdue, or due within the next `days` days."""
    return uiterlijk <= today + dt.timedelta(days=days)

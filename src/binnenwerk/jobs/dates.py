"""Calendar helpers for series: the last day of each month, quarter or year."""

from __future__ import annotations

import calendar
import datetime as dt

from binnenwerk.jobs.constants import Interval

_MONTHS_PER_STEP = {Interval.MAAND: 1, Interval.KWARTAAL: 3, Interval.JAAR: 12}


def year_end(jaar: int) -> dt.date:
    return dt.date(jaar, 12, 31)


def month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def period_ends(van: dt.date, tot: dt.date, interval: str) -> list[dt.date]:
    """Every last day of a month/quarter/year that falls within [van, tot]."""
    step = _MONTHS_PER_STEP[Interval(interval)]
    year, month = van.year, van.month
    # Align quarters and years to the calendar (March, June, …; December).
    month += (-month) % step if step > 1 else 0
    if month == 0:
        month = step
    ends: list[dt.date] = []
    while True:
        end = month_end(year, month)
        if end > tot:
            return ends
        if end >= van:
            ends.append(end)
        month += step
        while month > 12:
            month -= 12
            year += 1

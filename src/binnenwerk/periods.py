"""Effective dating: a record is active from `start` up to and including `einde`.

`einde` empty means open-ended. These helpers are the one place that spells the
rule out, for querysets (`active_on`) and for plain values (`overlaps`, `covers`).
"""

from __future__ import annotations

import calendar
import datetime as dt
import itertools
from collections.abc import Iterable, Sequence
from typing import Protocol

from django.db.models import Q
from django.utils.translation import gettext as _

# Stands in for an open end when two periods are compared.
OPEN_END = dt.date.max


def active_on(peildatum: dt.date, prefix: str = "") -> Q:
    """Q for records active on `peildatum`; `prefix` names a relation ('plaatsingen__')."""
    return Q(**{f"{prefix}start__lte": peildatum}) & (
        Q(**{f"{prefix}einde__isnull": True}) | Q(**{f"{prefix}einde__gte": peildatum})
    )


class Period(Protocol):
    start: dt.date
    einde: dt.date | None


def end_or_open(einde: dt.date | None) -> dt.date:
    return OPEN_END if einde is None else einde


def is_active(period: Period, peildatum: dt.date) -> bool:
    return period.start <= peildatum <= end_or_open(period.einde)


def overlaps(a: Period, b: Period) -> bool:
    return a.start <= end_or_open(b.einde) and b.start <= end_or_open(a.einde)


def covers(outer: Period, inner: Period) -> bool:
    """True when `inner` lies wholly within `outer`."""
    return outer.start <= inner.start and end_or_open(inner.einde) <= end_or_open(outer.einde)


def first_overlap(periods: Iterable[Period]) -> tuple[Period, Period] | None:
    """The first pair of overlapping periods in start order, or None."""
    ordered: Sequence[Period] = sorted(periods, key=lambda p: (p.start, end_or_open(p.einde)))
    for earlier, later in itertools.pairwise(ordered):
        if overlaps(earlier, later):
            return earlier, later
    return None


def format_period(period: Period) -> str:
    einde = period.einde.strftime("%d-%m-%Y") if period.einde else _("open end")
    # Translators: a period from its first to its last day, both inclusive.
    return _("%(start)s to %(end)s") % {"start": period.start.strftime("%d-%m-%Y"), "end": einde}


def add_months(day: dt.date, months: int) -> dt.date:
    """The same day `months` later, or the month's last day when it is shorter (31-01 → 28-02)."""
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def add_years(day: dt.date, years: int) -> dt.date:
    """The same day `years` later; 29 February becomes 28 February in a common year."""
    return add_months(day, 12 * years)

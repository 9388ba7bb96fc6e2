"""A person's contracts and placements as bars on one time axis (SVG drawn by the template:
x and width in percent of the axis; no script and no style attributes)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.utils.translation import gettext as _


@dataclass(frozen=True)
class Bar:
    label: str
    start: dt.date
    einde: dt.date | None
    left: float  # percent of the axis
    width: float


@dataclass(frozen=True)
class Timeline:
    first: dt.date
    last: dt.date
    contracts: list[Bar]
    placements: list[Bar]
    marker: float  # where the peildatum is, percent


def timeline(contracts: list[Any], placements: list[Any], peildatum: dt.date) -> Timeline | None:
    records = [*contracts, *placements]
    if not records:
        return None
    first = min(r.start for r in records)
    last = max([peildatum, *(r.einde or peildatum for r in records)])
    span = max((last - first).days, 1)

    def bar(record: Any, label: str) -> Bar:
        end = record.einde or last
        left = 100 * (record.start - first).days / span
        width = max(100 * ((end - record.start).days + 1) / span, 0.8)
        return Bar(
            label, record.start, record.einde, round(left, 2), round(min(width, 100 - left), 2)
        )

    return Timeline(
        first=first,
        last=last,
        contracts=[
            bar(
                c,
                _("%(kind)s, %(hours)s hours")
                % {"kind": c.get_soort_display(), "hours": c.uren_per_week},
            )
            for c in contracts
        ],
        placements=[bar(p, f"{p.team.naam} ({p.opdrachtgever.code})") for p in placements],
        marker=round(100 * (peildatum - first).days / span, 2),
    )

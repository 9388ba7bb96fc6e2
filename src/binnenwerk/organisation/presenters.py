"""The open-places overview for the command line and downloads (JSON, CSV, a text table)."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from django.utils.translation import gettext as _

from binnenwerk.formatting import csv_text, date_nl, table
from binnenwerk.organisation.selectors import OpenPlaatsen

FIELDS = (
    "team",
    "naam",
    "werksoort",
    "provincie",
    "capaciteit",
    "bezetting",
    "open_plaatsen",
    "teamgrootte_min",
    "teamgrootte_max",
    "onder_minimum",
)


def _row(row: OpenPlaatsen) -> dict[str, Any]:
    team = row.team
    return {
        "team": team.code,
        "naam": team.naam,
        "werksoort": team.werksoort.code,
        "provincie": team.locatie.provincie,
        "capaciteit": team.capaciteit,
        "bezetting": row.bezetting,
        "open_plaatsen": row.open_plaatsen,
        "teamgrootte_min": row.minimum,
        "teamgrootte_max": row.maximum,
        "onder_minimum": row.onder_minimum,
    }


def plaatsen_json(peildatum: dt.date, rows: list[OpenPlaatsen]) -> str:
    return json.dumps(
        {
            "peildatum": peildatum.isoformat(),
            "open_plaatsen": sum(r.open_plaatsen or 0 for r in rows if (r.open_plaatsen or 0) > 0),
            "teams_onder_minimum": sum(1 for r in rows if r.onder_minimum),
            "teams": [_row(r) for r in rows],
        },
        ensure_ascii=False,
    )


def plaatsen_csv(rows: list[OpenPlaatsen]) -> str:
    def cell(value: Any) -> str:
        if isinstance(value, bool):
            return "ja" if value else "nee"
        return "" if value is None else str(value)

    return csv_text(FIELDS, [[cell(v) for v in _row(r).values()] for r in rows])


def plaatsen_table(peildatum: dt.date, rows: list[OpenPlaatsen]) -> str:
    headers = [
        _("Team"),
        _("Work type"),
        _("Province"),
        _("Capacity"),
        _("Occupancy"),
        _("Open places"),
        _("Team size"),
        _("Below minimum"),
    ]
    body = [
        [
            r.team.code,
            r.team.werksoort.code,
            r.team.locatie.provincie,
            "–" if r.team.capaciteit is None else str(r.team.capaciteit),
            str(r.bezetting),
            "–" if r.open_plaatsen is None else str(r.open_plaatsen),
            _size(r),
            _("yes") if r.onder_minimum else "",
        ]
        for r in rows
    ]
    title = _("Open places on %(date)s") % {"date": date_nl(peildatum)}
    text = table(headers, body, [False, False, False, True, True, True, True, False])
    total = sum(r.open_plaatsen for r in rows if r.open_plaatsen and r.open_plaatsen > 0)
    below = sum(1 for r in rows if r.onder_minimum)
    summary = _("%(open)s open places; %(below)s teams below the minimum size.") % {
        "open": total,
        "below": below,
    }
    return f"{title}\n\n{text}\n\n{summary}"


def _size(row: OpenPlaatsen) -> str:
    if row.minimum is None and row.maximum is None:
        return "–"
    return f"{row.minimum or ''}–{row.maximum or ''}"

"""Turn the counter's results into the command line's JSON, CSV and tables."""

from __future__ import annotations

import json
from typing import Any

from django.utils.translation import gettext as _

from binnenwerk.formatting import csv_text, date_nl, decimal_nl, decimal_str, table
from binnenwerk.jobs.constants import NIET_GEPLAATST, Per
from binnenwerk.jobs.selectors import Banen, Kerncijfers, Teams
from binnenwerk.organisation.models import Locatie, Organisatie, Team, Werksoort

_NAMED_MODELS: dict[str, Any] = {
    Per.OPDRACHTGEVER: Organisatie,
    Per.WERKSOORT: Werksoort,
    Per.TEAM: Team,
    Per.LOCATIE: Locatie,
}


def group_names(per: str | None, keys: list[str]) -> dict[str, str]:
    """A readable name per group key (provinces are their own name)."""
    names = {NIET_GEPLAATST: _("not placed")}
    model = _NAMED_MODELS.get(per or "")
    if model is not None:
        names.update(dict(model.objects.filter(code__in=keys).values_list("code", "naam")))
    return names


def banen_json(result: Banen) -> str:
    return json.dumps(
        {
            "peildatum": result.peildatum.isoformat(),
            "per": result.per,
            "groepen": {key: decimal_str(value) for key, value in result.groepen.items()},
            "totaal": decimal_str(result.totaal),
            "medewerkers_binnenwerk": result.medewerkers_binnenwerk,
        },
        ensure_ascii=False,
    )


# The CSV forms are for machines: their headers and the "totaal" row are not translated.
def banen_csv(result: Banen) -> str:
    rows = [[key, decimal_str(value)] for key, value in result.groepen.items()]
    rows.append(["totaal", decimal_str(result.totaal)])
    return csv_text(["groep", "banen"], rows)


def _group_table(per: str | None, rows: list[tuple[str, str]], total: str, unit: str) -> str:
    """Group key, its name where it has one (not for provinces), and the figure."""
    names = group_names(per, [key for key, _value in rows])
    named = per in _NAMED_MODELS
    headers = [_group_label(per), *([_("Name")] if named else []), unit]
    body = [[key, *([names.get(key, "")] if named else []), value] for key, value in rows]
    body.append([_("Total"), *([""] if named else []), total])
    return table(headers, body, [False, *([False] if named else []), True])


def _group_label(per: str | None) -> str:
    return str(Per(per).label) if per else ""


def banen_table(result: Banen) -> str:
    values = {"date": date_nl(result.peildatum), "per": _group_label(result.per).lower()}
    title = (_("Jobs on %(date)s per %(per)s") if result.per else _("Jobs on %(date)s")) % values
    rows = [(key, decimal_nl(value)) for key, value in result.groepen.items()]
    body = _group_table(result.per, rows, decimal_nl(result.totaal), _("Jobs"))
    footer = _("Binnenwerk employees (target group, employed): %(count)s") % {
        "count": result.medewerkers_binnenwerk
    }
    note = _("Total calculated from unrounded values; rounded rows do not always add up.")
    return f"{title}\n\n{body}\n\n{footer}\n{note}"


def teams_json(result: Teams, medewerkers: int) -> str:
    return json.dumps(
        {
            "peildatum": result.peildatum.isoformat(),
            "per": result.per,
            "groepen": result.groepen,
            "totaal": result.totaal,
            "medewerkers_binnenwerk": medewerkers,
        },
        ensure_ascii=False,
    )


def teams_csv(result: Teams) -> str:
    rows = [[key, str(value)] for key, value in result.groepen.items()]
    rows.append(["totaal", str(result.totaal)])
    return csv_text(["groep", "teams"], rows)


def teams_table(result: Teams) -> str:
    values = {"date": date_nl(result.peildatum), "per": _group_label(result.per).lower()}
    title = (_("Teams on %(date)s per %(per)s") if result.per else _("Teams on %(date)s")) % values
    rows = [(key, str(value)) for key, value in result.groepen.items()]
    return f"{title}\n\n" + _group_table(result.per, rows, str(result.totaal), _("Teams"))


def kerncijfers_json(result: Kerncijfers) -> str:
    return json.dumps(
        {
            "jaar": result.jaar,
            "banen": decimal_str(result.banen),
            "nieuwe_banen": decimal_str(result.nieuwe_banen),
            "medewerkers_binnenwerk": result.medewerkers_binnenwerk,
            "nieuwe_collegas": result.nieuwe_collegas,
            "teams": result.teams,
        }
    )


def kerncijfers_table(result: Kerncijfers) -> str:
    rows = [
        [_("Jobs on 31-12"), decimal_nl(result.banen)],
        [_("New jobs in the year"), decimal_nl(result.nieuwe_banen)],
        [_("Binnenwerk employees (target group)"), str(result.medewerkers_binnenwerk)],
        [_("New colleagues"), str(result.nieuwe_collegas)],
        [_("Teams"), str(result.teams)],
    ]
    title = _("Key figures %(year)s") % {"year": result.jaar}
    return f"{title}\n\n" + table([_("Figure"), _("Value")], rows, [False, True])

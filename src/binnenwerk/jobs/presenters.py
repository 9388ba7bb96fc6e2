"""Turn the counter's results into the command line's JSON, CSV and tables."""

from __future__ import annotations

import json
from typing import Any

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
    names = {NIET_GEPLAATST: "niet geplaatst"}
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


def banen_csv(result: Banen) -> str:
    rows = [[key, decimal_str(value)] for key, value in result.groepen.items()]
    rows.append(["totaal", decimal_str(result.totaal)])
    return csv_text(["groep", "banen"], rows)


def _group_table(per: str | None, rows: list[tuple[str, str]], total: str, unit: str) -> str:
    """Group key, its name where it has one (not for provinces), and the figure."""
    names = group_names(per, [key for key, _ in rows])
    named = per in _NAMED_MODELS
    headers = [(per or "").capitalize(), *(["Naam"] if named else []), unit]
    body = [[key, *([names.get(key, "")] if named else []), value] for key, value in rows]
    body.append(["Totaal", *([""] if named else []), total])
    return table(headers, body, [False, *([False] if named else []), True])


def banen_table(result: Banen) -> str:
    title = f"Banen op {date_nl(result.peildatum)}" + (f" per {result.per}" if result.per else "")
    rows = [(key, decimal_nl(value)) for key, value in result.groepen.items()]
    body = _group_table(result.per, rows, decimal_nl(result.totaal), "Banen")
    footer = f"Medewerkers Binnenwerk (doelgroep, in dienst): {result.medewerkers_binnenwerk}"
    note = "Totaal berekend uit onafgeronde waarden; afgeronde regels tellen niet altijd op."
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
    title = f"Teams op {date_nl(result.peildatum)}" + (f" per {result.per}" if result.per else "")
    rows = [(key, str(value)) for key, value in result.groepen.items()]
    return f"{title}\n\n" + _group_table(result.per, rows, str(result.totaal), "Teams")


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
        ["Banen op 31-12", decimal_nl(result.banen)],
        ["Nieuwe banen in het jaar", decimal_nl(result.nieuwe_banen)],
        ["Medewerkers Binnenwerk (doelgroep)", str(result.medewerkers_binnenwerk)],
        ["Nieuwe collega's", str(result.nieuwe_collegas)],
        ["Teams", str(result.teams)],
    ]
    return f"Kerncijfers {result.jaar}\n\n" + table(["Cijfer", "Waarde"], rows, [False, True])

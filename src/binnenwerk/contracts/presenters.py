"""The worklist for people (CSV with Dutch dates) and machines (JSON, the command line)."""

from __future__ import annotations

import json
from typing import Any

from django.utils.translation import gettext as _

from binnenwerk.contracts.selectors import TeamTelling, WerklijstItem
from binnenwerk.formatting import csv_text, date_nl, table

CSV_HEADERS = [
    "personeelsnummer",
    "naam",
    "team",
    "contract_start",
    "contract_einde",
    "signaal",
    "datum",
    "weken",
    "te_laat",
    "vervolgcontract",
]


def _date(value: Any) -> str:
    return date_nl(value) if value else ""


def _follow_up(item: WerklijstItem) -> str:
    if item.vervolg is None:
        return ""
    return _("%(kind)s from %(date)s") % {
        "kind": item.vervolg.get_soort_display(),
        "date": date_nl(item.vervolg.start),
    }


def _cells(item: WerklijstItem) -> list[str]:
    person = item.medewerker
    return [
        person.personeelsnummer,
        f"{person.voornaam} {person.achternaam}",
        item.team_naam or "",
        _date(item.dienstverband.start),
        _date(item.dienstverband.einde),
        item.signaal_label,
        _date(item.datum),
        str(item.weken),
        _("yes") if item.te_laat else _("no"),
        _follow_up(item),
    ]


def werklijst_csv(items: list[WerklijstItem]) -> str:
    return csv_text(CSV_HEADERS, [_cells(i) for i in items])


def tellingen_csv(counts: list[TeamTelling]) -> str:
    return csv_text(
        ["team", "aantal", "te_laat"], [[c.team, str(c.aantal), str(c.te_laat)] for c in counts]
    )


def werklijst_table(items: list[WerklijstItem]) -> str:
    headers = [
        _("Personnel number"),
        _("Name"),
        _("Team"),
        _("Contract from"),
        _("Until"),
        _("Signal"),
        _("Date"),
        _("Weeks"),
        _("Overdue"),
        _("Follow-up contract"),
    ]
    numeric = [False] * 7 + [True, False, False]
    return table(headers, [_cells(i) for i in items], numeric)


def werklijst_json(peildatum: Any, weken: int, items: list[WerklijstItem]) -> str:
    def row(item: WerklijstItem) -> dict[str, Any]:
        contract = item.dienstverband
        return {
            "personeelsnummer": item.medewerker.personeelsnummer,
            "naam": f"{item.medewerker.voornaam} {item.medewerker.achternaam}",
            "team": item.team_code,
            "dienstverband": {
                "start": contract.start.isoformat(),
                "einde": contract.einde.isoformat() if contract.einde else None,
                "uren_per_week": str(contract.uren_per_week),
            },
            "signaal": item.signaal,
            "datum": item.datum.isoformat(),
            "dagen": item.dagen,
            "te_laat": item.te_laat,
            "jaargrens": item.jaargrens.isoformat(),
            "keten": {"contracten": item.keten.aantal, "start": item.keten.start.isoformat()},
            "vervolg": {
                "start": item.vervolg.start.isoformat(),
                "soort": item.vervolg.soort,
            }
            if item.vervolg
            else None,
        }

    payload = {
        "peildatum": peildatum.isoformat(),
        "binnen_weken": weken,
        "aantal": len(items),
        "te_laat": sum(1 for i in items if i.te_laat),
        "items": [row(i) for i in items],
    }
    return json.dumps(payload, ensure_ascii=False, indent=2)

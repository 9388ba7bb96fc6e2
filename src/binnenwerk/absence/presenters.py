"""Absence figures for people and machines: rows with suppression, CSV, JSON, a text table.

A group with fewer than MIN_GROEP distinct people employed in the period shows no numbers
("te weinig medewerkers"), in the CSV and JSON too.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.utils.translation import gettext as _

from binnenwerk.absence.figures import Figures
from binnenwerk.absence.selectors import Verzuimcijfers
from binnenwerk.formatting import csv_text, decimal_nl, decimal_str, table


@dataclass(frozen=True)
class Regel:
    sleutel: str
    naam: str
    cijfers: Figures

    @property
    def te_weinig(self) -> bool:
        return self.cijfers.te_weinig


def rows(cijfers: Verzuimcijfers, total_label: str) -> list[Regel]:
    out = [Regel(g.sleutel, g.naam, g.cijfers) for g in cijfers.groepen]
    out.append(Regel("totaal", total_label, cijfers.totaal))
    return out


def _num(value: Decimal | None, places: int = 2) -> str:
    return "" if value is None else decimal_str(value, places)


def machine_row(r: Regel) -> dict[str, Any]:
    f = r.cijfers
    if f.te_weinig:
        return {
            "groep": r.sleutel,
            "naam": r.naam,
            "te_weinig_medewerkers": True,
            "verzuimpercentage": None,
            "meldingsfrequentie": None,
            "gemiddelde_duur": None,
            "medewerkers": None,
        }
    return {
        "groep": r.sleutel,
        "naam": r.naam,
        "te_weinig_medewerkers": False,
        "verzuimpercentage": _num(f.percentage) or None,
        "meldingsfrequentie": _num(f.frequentie) or None,
        "gemiddelde_duur": _num(f.gemiddelde_duur, 1) or None,
        "medewerkers": f.aantal_mensen,
    }


CSV_HEADERS = [
    "groep",
    "naam",
    "verzuimpercentage",
    "meldingsfrequentie_per_jaar",
    "gemiddelde_duur_dagen",
    "medewerkers",
]


def cijfers_csv(regels: list[Regel]) -> str:
    lines = []
    for r in regels:
        m = machine_row(r)
        if m["te_weinig_medewerkers"]:
            lines.append(
                [r.sleutel or "niet_geplaatst", r.naam, "te weinig medewerkers", "", "", ""]
            )
        else:
            lines.append(
                [
                    r.sleutel or "niet_geplaatst",
                    r.naam,
                    m["verzuimpercentage"] or "",
                    m["meldingsfrequentie"] or "",
                    m["gemiddelde_duur"] or "",
                    str(m["medewerkers"]),
                ]
            )
    return csv_text(CSV_HEADERS, lines)


def cijfers_json(cijfers: Verzuimcijfers, regels: list[Regel]) -> str:
    data = {
        "van": cijfers.periode.van.isoformat(),
        "tot": cijfers.periode.tot.isoformat(),
        "per": cijfers.per,
        "groepen": [machine_row(r) for r in regels],
    }
    return json.dumps(data, ensure_ascii=False, indent=2)


def cijfers_table(regels: list[Regel]) -> str:
    headers = [
        _("Group"),
        _("Absence rate (%)"),
        _("Frequency per year"),
        _("Average duration (days)"),
        _("People"),
    ]
    lines = []
    for r in regels:
        f = r.cijfers
        if f.te_weinig:
            lines.append([r.naam, _("too few employees"), "", "", ""])
            continue
        lines.append(
            [
                r.naam,
                decimal_nl(f.percentage) if f.percentage is not None else "–",
                decimal_nl(f.frequentie) if f.frequentie is not None else "–",
                decimal_nl(f.gemiddelde_duur, 1) if f.gemiddelde_duur is not None else "–",
                str(f.aantal_mensen),
            ]
        )
    return table(headers, lines, [False, True, True, True, True])

"""The forecast and the ideas for machines (CSV, decimal point, unrounded to 2 places)."""

from __future__ import annotations

from collections.abc import Iterable

from binnenwerk.formatting import csv_text, decimal_str
from binnenwerk.opportunities.models import Kans
from binnenwerk.opportunities.selectors import Prognose


def prognose_csv(result: Prognose) -> str:
    rows = [
        [
            p.datum.isoformat(),
            decimal_str(p.gerealiseerd) if p.gerealiseerd is not None else "",
            decimal_str(p.prognose) if p.prognose is not None else "",
            str(result.doel),
        ]
        for p in result.punten
    ]
    return csv_text(["datum", "gerealiseerd", "prognose", "doel"], rows)


def kansen_csv(kansen: Iterable[Kans]) -> str:
    rows = [
        [
            k.titel,
            k.opdrachtgever.code if k.opdrachtgever else "",
            k.werksoort.code if k.werksoort else "",
            decimal_str(k.verwachte_banen),
            k.fase,
            k.verwachte_start.isoformat(),
            str(k.kans_pct),
            decimal_str(k.gewogen_banen),
            k.eigenaar,
        ]
        for k in kansen
    ]
    headers = [
        "titel",
        "opdrachtgever",
        "werksoort",
        "verwachte_banen",
        "fase",
        "verwachte_start",
        "kans_pct",
        "gewogen_banen",
        "eigenaar",
    ]
    return csv_text(headers, rows)

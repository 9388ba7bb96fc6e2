"""Outflow for machines: CSV of the figures per reason and of the per-person list."""

from __future__ import annotations

from binnenwerk.formatting import csv_text, decimal_str
from binnenwerk.outflow.constants import Reden
from binnenwerk.outflow.selectors import Regel, Uitstroomcijfers


def cijfers_csv(cijfers: Uitstroomcijfers) -> str:
    rows = [[reden, str(cijfers.per_reden[reden])] for reden in Reden.values]
    rows.append(["totaal", str(cijfers.totaal)])
    return csv_text(["reden", "aantal"], rows)


def lijst_csv(rows: list[Regel], with_notes: bool) -> str:
    headers = ["personeelsnummer", "naam", "laatste_werkdag", "reden", "nieuwe_werkgever"]
    headers.append("dienstjaren")
    if with_notes:
        headers.append("toelichting")
    lines = []
    for r in rows:
        line = [
            r.personeelsnummer,
            r.naam,
            r.datum.isoformat(),
            r.reden or "afgeschermd",
            r.nieuwe_werkgever,
            decimal_str(r.dienstjaren, 1) if r.dienstjaren is not None else "",
        ]
        if with_notes:
            line.append(r.toelichting or "")
        lines.append(line)
    return csv_text(headers, lines)

"""Showing the overview: small-group suppression, Dutch numbers, sections, charts."""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from binnenwerk.formatting import decimal_nl
from binnenwerk.reports.constants import AANTAL, KLEINE_GROEP, SUPPRESSED, TABEL1_KOLOMMEN
from binnenwerk.reports.selectors import PLACES, Cijfer, Jaaroverzicht
from binnenwerk.web.charts import bar_chart, province_tiles


def suppress(value: Any, people: int | None) -> Any:
    """ "<5" for a figure about fewer than KLEINE_GROEP people; else the value itself.
    `people` None means the figure is not about people (jobs, teams): never suppressed."""
    if people is not None and people < KLEINE_GROEP:
        return SUPPRESSED
    return value


def shown(cijfer: Cijfer) -> str:
    """The figure in Dutch form, suppressed when it is about a small group."""
    if cijfer.soort == AANTAL:
        text = f"{int(cijfer.waarde):,}".replace(",", ".")
    else:
        text = decimal_nl(Decimal(cijfer.waarde), PLACES[cijfer.soort])
    return str(suppress(text, cijfer.mensen))


_ID = re.compile(r'(\bid="|url\(#|href="#)([^"\)]+)')


def unique_ids(svg: str, prefix: str) -> str:
    """Prefix the ids of a chart (and their references): matplotlib numbers them the same in
    every chart, and one page or PDF holds several."""
    return _ID.sub(lambda m: f"{m.group(1)}{prefix}-{m.group(2)}", svg)


@dataclass(frozen=True)
class Regel:
    sleutel: str
    label: str
    tekst: str


def rows(cijfers: list[Cijfer]) -> list[Regel]:
    return [Regel(c.sleutel, c.label, shown(c)) for c in cijfers]


def texts(overzicht: Jaaroverzicht) -> dict[str, Any]:
    """The foreword (or None) and the stories in their order, as the overview holds them
    (a snapshot's own copy when published). The template escapes them: never HTML."""
    ordered = sorted(overzicht.teksten, key=lambda t: t.volgorde)
    voorwoord = next((t for t in ordered if t.is_voorwoord), None)
    return {"voorwoord": voorwoord, "verhalen": [t for t in ordered if not t.is_voorwoord]}


def context(overzicht: Jaaroverzicht) -> dict[str, Any]:
    """Everything the template shows: key figures, tables and their charts."""
    figures = overzicht.by_key()

    def row(key: str) -> Regel | None:
        c = figures.get(key)
        return Regel(c.sleutel, c.label, shown(c)) if c else None

    per_client = overzicht.section("per_opdrachtgever")
    per_type = overzicht.section("per_werksoort")
    teams_type = overzicht.section("teams_per_werksoort")
    teams_province = overzicht.section("teams_per_provincie")
    growth = overzicht.section("groei")
    result: dict[str, Any] = {
        "kern": [
            r
            for r in map(
                row,
                [
                    "banen",
                    "nieuwe_banen",
                    "medewerkers",
                    "nieuwe_collegas",
                    "teams",
                    "uitstroom.doorstroom",
                    "verzuim.percentage",
                    "tevredenheid.totaalcijfer",
                    "tevredenheid.respons",
                ],
            )
            if r is not None
        ],
        "per_opdrachtgever": rows(per_client),
        "per_werksoort": rows(per_type),
        "teams_per_werksoort": rows(teams_type),
        "teams_per_provincie": rows(teams_province),
        "groei": rows(growth),
        "uitstroom": rows(overzicht.section("uitstroom")),
        "verzuim": rows(overzicht.section("verzuim")),
        "tevredenheid": rows(overzicht.section("tevredenheid")),
        "doel": rows([c for c in overzicht.cijfers if c.sleutel.startswith(("doel.", "kansen."))]),
        "totaal_banen": row("banen"),
        "totaal_teams": row("teams"),
        "tabel1": overzicht.tabel1,
        **texts(overzicht),
    }
    if per_client:
        result["grafiek_opdrachtgever"] = unique_ids(
            bar_chart(tuple((c.label, c.getal) for c in per_client)), "og"
        )
    if per_type:
        result["grafiek_werksoort"] = unique_ids(
            bar_chart(tuple((c.label, c.getal) for c in per_type)), "ws"
        )
    if teams_province:
        result["grafiek_provincie"] = unique_ids(
            province_tiles({c.label: int(c.waarde) for c in teams_province}), "pr"
        )
    if len(growth) > 1:
        # Bars per year: a line over year-end dates reads as the next year's value.
        result["grafiek_groei"] = unique_ids(
            bar_chart(tuple((c.label, c.getal) for c in growth)), "gr"
        )
    return result


@dataclass(frozen=True)
class Tabel1Regel:
    code: str
    label: str
    cellen: list[str]
    totaal: bool


def tabel1_cell(kolom: str, value: str | None) -> str:
    """A published cell of Table 1 in Dutch form, to the 2 decimals the snapshot keeps."""
    if value is None:
        return "–"
    return decimal_nl(Decimal(value), 2) + ("%" if kolom == "realisatie_pct" else "")


def tabel1_rows(rows: list[dict[str, Any]]) -> list[Tabel1Regel]:
    """Table 1 as a snapshot holds it (the total last), ready to show."""
    return [
        Tabel1Regel(
            code=row["code"],
            label=str(row.get("naam") or row["code"]),
            cellen=[tabel1_cell(k, row.get(k)) for k in TABEL1_KOLOMMEN],
            totaal=not row["code"],
        )
        for row in rows
    ]

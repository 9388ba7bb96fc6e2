"""Showing the overview: small-group suppression, Dutch numbers, sections, charts."""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from binnenwerk.formatting import decimal_nl
from binnenwerk.reports.constants import AANTAL, KLEINE_GROEP, SUPPRESSED
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

"""Helpers for the retention tests: a checksum of every table and the figures of the past."""

from __future__ import annotations

import hashlib
from dataclasses import asdict
from typing import Any

from django.db import connection

from binnenwerk.absence.constants import Per
from binnenwerk.absence.figures import Figures
from binnenwerk.absence.selectors import Verzuimcijfers, periode, verzuim_cijfers
from binnenwerk.reports.models import Publicatie
from binnenwerk.reports.selectors import jaaroverzicht_cijfers

YEARS = range(2016, 2024)


def _cell(value: Any) -> Any:
    return bytes(value) if isinstance(value, memoryview) else value


def table_checksums() -> dict[str, tuple[int, str]]:
    """Per table: the number of rows and a digest of all of them (in a fixed order)."""
    sums: dict[str, tuple[int, str]] = {}
    with connection.cursor() as cursor:
        for table in sorted(connection.introspection.table_names()):
            cursor.execute(f"SELECT * FROM {connection.ops.quote_name(table)}")
            rows = sorted(repr(tuple(_cell(v) for v in row)) for row in cursor.fetchall())
            digest = hashlib.sha256("\n".join(rows).encode()).hexdigest()
            sums[table] = (len(rows), digest)
    return sums


def _figures(f: Figures) -> dict[str, Any]:
    """Every value of one group's absence figures, and the ones shown. `duren` (the lengths of
    the ended reports) is a list in the order the database happened to return the rows:
    on PostgreSQL an UPDATE of the people moves them, so it is compared as a sorted list."""
    values = asdict(f)
    values["duren"] = sorted(f.duren)
    values["shown"] = (f.percentage, f.frequentie, f.gemiddelde_duur, f.aantal_mensen)
    return values


def absence(cijfers: Verzuimcijfers) -> dict[str, Any]:
    return {
        "periode": cijfers.periode,
        "per": cijfers.per,
        "totaal": _figures(cijfers.totaal),
        "groepen": [(g.sleutel, g.naam, _figures(g.cijfers)) for g in cijfers.groepen],
    }


def figures() -> dict[str, Any]:
    """Every published kind of figure: the annual overviews, Table 1 of 2023Q4, the absence
    figures per year (in total and per work type) and the publications."""
    result: dict[str, Any] = {}
    for year in YEARS:
        result[f"jaaroverzicht.{year}"] = jaaroverzicht_cijfers(year).as_json()
        result[f"verzuim.{year}"] = absence(verzuim_cijfers(periode(year)))
        result[f"verzuim.{year}.werksoort"] = absence(verzuim_cijfers(periode(year), Per.WERKSOORT))
    result["kwartaal.2023.4"] = jaaroverzicht_cijfers(2023, 4).as_json()
    result["publicaties"] = list(
        Publicatie.objects.order_by("pk").values_list("pk", "jaar", "kwartaal", "cijfers")
    )
    return result

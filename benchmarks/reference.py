"""The job counter's questions answered by DuckDB: the reference that bench_scale.py compares with.

    .venv/bin/python benchmarks/reference.py DIR [--peildatum 2026-06-30] [--repeat 5]

DIR is a folder of import-format CSV files (IMPORT-FORMAT.md). They are loaded into an in-memory
DuckDB database (load time reported apart), then every question is answered in SQL written from
DOMAIN.md alone, not from the application's code:

- a record is active on d when start ≤ d and (einde empty or d ≤ einde); an empty einde is
  compared as 9999-12-31, which says the same and lets DuckDB plan a range join;
- only contracts of employees with doelgroepindicatie count; jobs = Σ uren_per_week / 25.5;
- a contract's hours go to the group of the placement active on d (team → werksoort, team →
  locatie → provincie, opdrachtgever), else to `niet_geplaatst`;
- headcount = target-group employees of Binnenwerk itself (werkgever empty) with a contract on d.

SQL returns HOURS as exact decimals; jobs are computed here in Decimal the way the counter does
(hours / Decimal("25.5"), unrounded), so the comparison is exact equality. The series is one
query over a table of dates (a range join), never one query per date. Prints one JSON object.
"""

from __future__ import annotations

import argparse
import calendar
import datetime as dt
import functools
import json
import statistics
import time
from collections import defaultdict
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # bench_scale.py's runs import this module: they must not load DuckDB
    import duckdb

BAAN_UREN = Decimal("25.5")
NIET_GEPLAATST = "niet_geplaatst"
PEILDATUM = dt.date(2026, 6, 30)
MONTHS = 120
# Official spellings, and the aliases the import format accepts.
PROVINCES = [
    "Drenthe",
    "Flevoland",
    "Fryslân",
    "Gelderland",
    "Groningen",
    "Limburg",
    "Noord-Brabant",
    "Noord-Holland",
    "Overijssel",
    "Utrecht",
    "Zeeland",
    "Zuid-Holland",
]
ALIASES = {"friesland": "Fryslân", "fryslan": "Fryslân"}

# Cells as text, then typed the way the import format reads them (ISO or DD-MM-YYYY dates,
# decimal point or comma); unknown cells are the importer's business, not the reference's.
DATE = "coalesce(try_cast(trim({c}) AS DATE), try_strptime(trim({c}), '%d-%m-%Y')::DATE)"
LOAD = {
    "medewerkers": """
        SELECT trim(personeelsnummer) AS nr,
               lower(trim(doelgroepindicatie)) = 'ja' AS doelgroep,
               nullif(trim(werkgever), '') IS NULL AS binnenwerk
        FROM {src}""",
    "dienstverbanden": f"""
        SELECT trim(personeelsnummer) AS nr, {DATE.format(c="start")} AS start,
               coalesce({DATE.format(c="einde")}, DATE '9999-12-31') AS einde,
               CAST(replace(trim(uren_per_week), ',', '.') AS DECIMAL(5, 2)) AS uren
        FROM {{src}}""",
    "plaatsingen": f"""
        SELECT trim(personeelsnummer) AS nr, trim(team) AS team,
               trim(opdrachtgever) AS opdrachtgever, {DATE.format(c="start")} AS start,
               coalesce({DATE.format(c="einde")}, DATE '9999-12-31') AS einde
        FROM {{src}}""",
    "teams": "SELECT trim(code) AS code, trim(werksoort) AS werksoort, trim(locatie) AS locatie "
    "FROM {src}",
    "locaties": """
        SELECT trim(l.code) AS code, p.naam AS provincie
        FROM {src} l LEFT JOIN provincies p ON p.sleutel = lower(trim(l.provincie))""",
}

# Placement → group key, per grouping.
GROUP = {
    "opdrachtgever": ("pl.opdrachtgever", ""),
    "werksoort": ("t.werksoort", "JOIN teams t ON t.code = pl.team"),
    "provincie": (
        "l.provincie",
        "JOIN teams t ON t.code = pl.team JOIN locaties l ON l.code = t.locatie",
    ),
}

BANEN = """
WITH dv AS (
    SELECT dv.nr, dv.uren, m.binnenwerk
    FROM dienstverbanden dv JOIN medewerkers m ON m.nr = dv.nr
    WHERE m.doelgroep AND dv.start <= $d AND $d <= dv.einde
), pl AS (
    SELECT pl.nr, {key} AS groep
    FROM plaatsingen pl {joins}
    WHERE pl.start <= $d AND $d <= pl.einde
)
SELECT pl.groep, sum(dv.uren) AS uren, count(*) FILTER (WHERE dv.binnenwerk) AS binnenwerk
FROM dv LEFT JOIN pl ON pl.nr = dv.nr
GROUP BY pl.groep
"""

REEKS = """
WITH dv AS (
    SELECT p.d, dv.nr, dv.uren, m.binnenwerk
    FROM peildata p
    JOIN dienstverbanden dv ON dv.start <= p.d AND p.d <= dv.einde
    JOIN medewerkers m ON m.nr = dv.nr
    WHERE m.doelgroep
), pl AS (
    SELECT p.d, pl.nr, {key} AS groep
    FROM peildata p
    JOIN plaatsingen pl ON pl.start <= p.d AND p.d <= pl.einde
    {joins}
)
SELECT dv.d, pl.groep, sum(dv.uren) AS uren, count(*) FILTER (WHERE dv.binnenwerk) AS binnenwerk
FROM dv LEFT JOIN pl ON pl.d = dv.d AND pl.nr = dv.nr
GROUP BY dv.d, pl.groep
"""

HEADCOUNT = """
SELECT count(*) FROM medewerkers m
WHERE m.doelgroep AND m.binnenwerk AND EXISTS (
    SELECT 1 FROM dienstverbanden dv WHERE dv.nr = m.nr AND dv.start <= $d AND $d <= dv.einde
)
"""


def month_ends(last: dt.date, count: int = MONTHS) -> list[dt.date]:
    """The `count` month-ends up to and including `last` (itself a month-end)."""
    ends, year, month = [], last.year, last.month
    for _ in range(count):
        ends.append(dt.date(year, month, calendar.monthrange(year, month)[1]))
        year, month = (year, month - 1) if month > 1 else (year - 1, 12)
    return sorted(ends)


def load(folder: Path) -> duckdb.DuckDBPyConnection:
    import duckdb

    db = duckdb.connect(":memory:")
    keys = [(p.casefold(), p) for p in PROVINCES] + list(ALIASES.items())
    db.execute("CREATE TABLE provincies (sleutel VARCHAR, naam VARCHAR)")
    db.executemany("INSERT INTO provincies VALUES (?, ?)", keys)
    for table, select in LOAD.items():
        path = str(folder / f"{table}.csv").replace("'", "''")
        source = f"read_csv('{path}', header = true, all_varchar = true)"
        db.execute(f"CREATE TABLE {table} AS {select.format(src=source)}")
    return db


def _jobs(hours_per_group: dict[str | None, Decimal], heads: int, per: bool) -> dict[str, Any]:
    """Hours per group → the counter's result: jobs unrounded, groups without jobs left out."""
    total = sum(hours_per_group.values(), Decimal(0))
    groepen = {}
    if per:
        for key, hours in hours_per_group.items():
            if hours:
                groepen[NIET_GEPLAATST if key is None else key] = hours / BAAN_UREN
    return {
        "totaal": total / BAAN_UREN,
        "medewerkers_binnenwerk": heads,
        "groepen": dict(sorted(groepen.items())),
    }


def banen(db: duckdb.DuckDBPyConnection, peildatum: dt.date, per: str) -> dict[str, Any]:
    key, joins = GROUP[per]
    rows = db.execute(BANEN.format(key=key, joins=joins), {"d": peildatum}).fetchall()
    hours = {groep: uren for groep, uren, _ in rows}
    return _jobs(hours, sum(n for _, _, n in rows), per=True)


def banen_reeks(db: duckdb.DuckDBPyConnection, dates: list[dt.date], per: str) -> dict[str, Any]:
    key, joins = GROUP[per]
    db.execute(
        "CREATE OR REPLACE TEMP TABLE peildata AS SELECT unnest($dates::DATE[]) AS d",
        {"dates": dates},
    )
    rows = db.execute(REEKS.format(key=key, joins=joins)).fetchall()
    hours: dict[dt.date, dict[str | None, Decimal]] = defaultdict(dict)
    heads: dict[dt.date, int] = defaultdict(int)
    for d, groep, uren, n in rows:
        hours[d][groep] = uren
        heads[d] += n
    return {d.isoformat(): _jobs(hours[d], heads[d], per=True) for d in dates}


def medewerkers_binnenwerk(db: duckdb.DuckDBPyConnection, peildatum: dt.date) -> int:
    row = db.execute(HEADCOUNT, {"d": peildatum}).fetchone()
    assert row is not None
    return int(row[0])


def timed(call: Callable[[], Any], repeat: int) -> tuple[float, Any]:
    """Median milliseconds of `repeat` calls after one warm-up, and the last result."""
    result = call()
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        result = call()
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times), result


def figures(peildatum: dt.date) -> dict[str, tuple[str, Any]]:
    """The benchmark's questions: name → (function name, arguments after the connection)."""
    return {
        "banen per opdrachtgever": ("banen", (peildatum, "opdrachtgever")),
        "banen per provincie": ("banen", (peildatum, "provincie")),
        "banen_reeks 120 maanden per werksoort": (
            "banen_reeks",
            (month_ends(peildatum), "werksoort"),
        ),
        "medewerkers_binnenwerk": ("medewerkers_binnenwerk", (peildatum,)),
    }


def run(folder: Path, peildatum: dt.date, repeat: int) -> dict[str, Any]:
    started = time.perf_counter()
    db = load(folder)
    load_s = time.perf_counter() - started
    functions: dict[str, Callable[..., Any]] = {
        "banen": banen,
        "banen_reeks": banen_reeks,
        "medewerkers_binnenwerk": medewerkers_binnenwerk,
    }
    import duckdb

    out: dict[str, Any] = {
        "duckdb": duckdb.__version__,
        "threads": db.execute("SELECT current_setting('threads')").fetchone()[0],  # type: ignore[index]
        "load_s": load_s,
        "figures": {},
    }
    for name, (function, args) in figures(peildatum).items():
        ms, result = timed(functools.partial(functions[function], db, *args), repeat)
        out["figures"][name] = {"ms": ms, "result": result}
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--peildatum", type=dt.date.fromisoformat, default=PEILDATUM)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    print(json.dumps(run(args.folder, args.peildatum, args.repeat), default=str))


if __name__ == "__main__":
    main()

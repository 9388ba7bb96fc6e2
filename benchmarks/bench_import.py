"""Time the import of a synthetic organisation (CSV, import format) into a fresh database.

    .venv/bin/python benchmarks/bench_import.py [--medewerkers 10000] [--database URL]

Prints the seconds for reading + validating + writing, and the peak memory. Runs on a
temporary SQLite file; with --postgres URL (a server, e.g. postgres://postgres@127.0.0.1:5432/test)
it (re)creates a scratch database `binnenwerk_bench` there for the run.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import os
import random
import resource
import sys
import tempfile
import time
from pathlib import Path

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


def write(folder: Path, name: str, header: list[str], rows: list[list[object]]) -> None:
    with (folder / f"{name}.csv").open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(header)
        writer.writerows(rows)


def synthetic(folder: Path, people: int, seed: int = 1) -> None:
    """People with 1–4 contracts and placements each, in teams of about twelve."""
    rng = random.Random(seed)
    teams = max(1, people // 12)
    write(
        folder,
        "organisaties",
        ["code", "naam", "soort"],
        [[f"M{i}", f"Ministerie {i}", "ministerie"] for i in range(12)],
    )
    write(folder, "werksoorten", ["code", "naam"], [[f"W{i}", f"Werksoort {i}"] for i in range(7)])
    write(
        folder,
        "locaties",
        ["code", "naam", "provincie"],
        [[f"L{i}", f"Locatie {i}", PROVINCES[i % 12]] for i in range(60)],
    )
    write(
        folder,
        "teams",
        ["code", "naam", "werksoort", "locatie", "start"],
        [[f"T{i}", f"Team {i}", f"W{i % 7}", f"L{i % 60}", "2014-01-01"] for i in range(teams)],
    )
    staff, contracts, placements = [], [], []
    for n in range(people):
        nummer = str(1_000_000 + n)
        staff.append([nummer, "Voornaam", f"Achternaam{n}", "ja" if rng.random() < 0.95 else "nee"])
        day = dt.date(2015, 1, 1) + dt.timedelta(days=rng.randrange(0, 3000))
        for k in range(rng.randint(1, 4)):
            length = rng.randint(180, 900)
            end = day + dt.timedelta(days=length)
            last = k == 3 or rng.random() < 0.3
            contracts.append(
                [
                    nummer,
                    day,
                    "" if last else end,
                    rng.choice(["16", "20", "24", "25.5", "28", "32", "36"]),
                ]
            )
            placements.append(
                [
                    nummer,
                    f"T{rng.randrange(teams)}",
                    f"M{rng.randrange(12)}",
                    day,
                    "" if last else end,
                ]
            )
            if last:
                break
            day = end + dt.timedelta(days=rng.randint(1, 60))
    write(
        folder,
        "medewerkers",
        ["personeelsnummer", "voornaam", "achternaam", "doelgroepindicatie"],
        staff,
    )
    write(
        folder,
        "dienstverbanden",
        ["personeelsnummer", "start", "einde", "uren_per_week"],
        contracts,
    )
    write(
        folder,
        "plaatsingen",
        ["personeelsnummer", "team", "opdrachtgever", "start", "einde"],
        placements,
    )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--medewerkers", type=int, default=10_000)
    parser.add_argument("--postgres", help="URL of a PostgreSQL server to use instead of SQLite")
    args = parser.parse_args()
    scratch = Path(tempfile.mkdtemp(prefix="bench-import-"))
    if args.postgres:
        os.environ["DATABASE_URL"] = _scratch_postgres(args.postgres)
    else:
        os.environ["DATABASE_URL"] = f"sqlite:///{scratch / 'bench.sqlite3'}"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "binnenwerk.settings")
    os.environ.setdefault("BINNENWERK_CLI", "1")
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))
    import django
    from django.core.management import call_command

    django.setup()
    from binnenwerk.imports.readers import read_path
    from binnenwerk.imports.services import import_dataset
    from binnenwerk.jobs.selectors import banen

    call_command("migrate", verbosity=0)
    synthetic(scratch, args.medewerkers)
    started = time.perf_counter()
    report = import_dataset(actor=None, dataset=read_path(scratch))
    seconds = time.perf_counter() - started
    peak_mib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    engine = os.environ["DATABASE_URL"].split(":", 1)[0]
    print(
        f"import of {args.medewerkers} employees ({report.created_total} records) on {engine}: "
        f"{seconds:.1f} s, peak memory {peak_mib:.0f} MiB"
    )
    started = time.perf_counter()
    result = banen(dt.date(2020, 12, 31), per="opdrachtgever")
    print(
        f"banen on one date per client: {time.perf_counter() - started:.3f} s "
        f"({result.totaal:.2f} jobs)"
    )


def _scratch_postgres(server: str) -> str:
    import psycopg

    url = server.replace("postgres://", "postgresql://")
    with psycopg.connect(url, autocommit=True) as connection:
        connection.execute("DROP DATABASE IF EXISTS binnenwerk_bench")
        connection.execute("CREATE DATABASE binnenwerk_bench")
    return server.rsplit("/", 1)[0] + "/binnenwerk_bench"


if __name__ == "__main__":
    main()

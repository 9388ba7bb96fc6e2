"""The scale benchmark: import, job counter and dashboard at 1,000 to 100,000 people, beside DuckDB.

    .venv/bin/python benchmarks/bench_scale.py [--sizes 1000,10000,100000] [--postgres URL]
                                               [--output benchmarks/RESULTS.md] [--seed 1]

Per size, a synthetic organisation (binnenwerk.demo.synthetic, cached in the temp folder per
size, seed and generator version) is answered once by DuckDB (reference.py) and then, per
database, by ONE subprocess (`bench_scale.py run ...`) so that peak memory and Django's state
belong to that run: migrate, import, then each counter figure (median of 5 after a warm-up) and
the dashboard as a management user. SQLite runs in a temporary file; PostgreSQL, when --postgres
answers, in a scratch database `binnenwerk_bench` recreated per run and ANALYZEd after the import
(autovacuum would do so within a minute; the benchmark should not depend on when). SQLite gets
no ANALYZE: the application never runs it. The counter's answers must equal DuckDB's exactly.
"""

from __future__ import annotations

import argparse
import cProfile
import datetime as dt
import hashlib
import json
import os
import platform
import pstats
import re
import resource
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
SRC = HERE.parent / "src"
sys.path.insert(0, str(SRC))
sys.path.insert(0, str(HERE))

import reference  # noqa: E402  (benchmarks/ is not a package)

REPEAT = 5
SCRATCH_DB = "binnenwerk_bench"
CACHE = Path(tempfile.gettempdir()) / "binnenwerk-bench"
FIGURES = list(reference.figures(reference.PEILDATUM))
REEKS = "banen_reeks 120 maanden per werksoort"
ONE_DATE = ["banen per opdrachtgever", "banen per provincie"]


# --- one run: a fresh database in its own process -------------------------------------------


class SqlTimer:
    """A Django execute wrapper that adds up the time spent inside cursor.execute."""

    def __init__(self) -> None:
        self.seconds = 0.0
        self.count = 0

    def __call__(self, execute: Callable[..., Any], sql: str, params: Any, many: bool, ctx: Any):
        started = time.perf_counter()
        try:
            return execute(sql, params, many, ctx)
        finally:
            self.seconds += time.perf_counter() - started
            self.count += 1


def run_one(data: Path, database: str, peildatum: dt.date) -> dict[str, Any]:
    os.environ["DATABASE_URL"] = database
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "binnenwerk.settings")
    os.environ["BINNENWERK_CLI"] = "1"
    os.environ["BINNENWERK_ONTWIKKELSLEUTELS"] = "1"  # synthetic people: the development keys
    os.environ["ALLOWED_HOSTS"] = "testserver"
    os.environ["SECURE_SSL_REDIRECT"] = "0"  # the test client speaks plain HTTP
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    call_command("migrate", verbosity=0)
    out: dict[str, Any] = {"vendor": connection.vendor, "import": import_once(data)}
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    out["figures"] = counter_figures(peildatum)
    out["dashboard"] = dashboard(peildatum)
    return out


class Stopwatch:
    """Adds up the time spent in the functions it wraps (a phase of the import)."""

    def __init__(self) -> None:
        self.seconds = 0.0

    def wrap(self, function: Callable[..., Any]) -> Callable[..., Any]:
        def call(*args: Any, **kwargs: Any) -> Any:
            started = time.perf_counter()
            try:
                return function(*args, **kwargs)
            finally:
                self.seconds += time.perf_counter() - started

        return call


def import_once(data: Path) -> dict[str, Any]:
    """Read + validate + write, split into its phases; peak memory of the process after it.

    The phases are timed by wrapping the importer's write_changes, the commit and the audit
    log's log_bulk* functions for this one process: instrumentation, not a change to the importer.
    """
    from django.db import connection

    from binnenwerk.imports import services, writer
    from binnenwerk.imports.readers import read_path

    writing, commit, audit, sql = Stopwatch(), Stopwatch(), Stopwatch(), SqlTimer()
    services.write_changes = writing.wrap(services.write_changes)
    connection.commit = commit.wrap(connection.commit)  # type: ignore[method-assign]
    for name in [n for n in vars(writer) if n.startswith("log_bulk")]:  # the audit log
        setattr(writer, name, audit.wrap(getattr(writer, name)))
    started = time.perf_counter()
    dataset = read_path(data)
    read_s = time.perf_counter() - started
    with connection.execute_wrapper(sql):
        report = services.import_dataset(actor=None, dataset=dataset)
    seconds = time.perf_counter() - started
    return {
        "seconds": seconds,
        "read_s": read_s,
        "check_s": seconds - read_s - writing.seconds - commit.seconds,
        "write_s": writing.seconds,
        "commit_s": commit.seconds,
        "audit_s": audit.seconds,
        "sql_s": sql.seconds,
        "statements": sql.count,
        "records": report.created_total,
        "peak_mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    }


def counter_figures(peildatum: dt.date) -> dict[str, Any]:
    from binnenwerk.jobs import selectors

    van = reference.month_ends(peildatum)[0].replace(day=1)
    calls: dict[str, Callable[[], Any]] = {
        "banen per opdrachtgever": lambda: selectors.banen(peildatum, per="opdrachtgever"),
        "banen per provincie": lambda: selectors.banen(peildatum, per="provincie"),
        REEKS: lambda: selectors.banen_reeks(van, peildatum, per="werksoort"),
        "medewerkers_binnenwerk": lambda: selectors.medewerkers_binnenwerk(peildatum),
    }
    assert list(calls) == FIGURES
    return {name: measure(call) for name, call in calls.items()}


def as_json(result: Any) -> Any:
    """The counter's answer in reference.py's shape (Decimals as exact strings)."""
    if isinstance(result, list):
        return {b.peildatum.isoformat(): as_json(b) for b in result}
    if hasattr(result, "groepen"):
        return {
            "totaal": str(result.totaal),
            "medewerkers_binnenwerk": result.medewerkers_binnenwerk,
            "groepen": {k: str(v) for k, v in result.groepen.items()},
        }
    return result


def measure(call: Callable[[], Any]) -> dict[str, Any]:
    """Median of REPEAT calls after a warm-up, the SQL share, then the slowest query's plan."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    call()
    times, sql_times, queries, result = [], [], 0, None
    for _ in range(REPEAT):
        sql = SqlTimer()
        with connection.execute_wrapper(sql):
            started = time.perf_counter()
            result = call()
            times.append((time.perf_counter() - started) * 1000)
        sql_times.append(sql.seconds * 1000)
        queries = sql.count
    with CaptureQueriesContext(connection) as captured:
        call()
    slowest = max(captured.captured_queries, key=lambda q: float(q["time"]))
    return {
        "ms": statistics.median(times),
        "sql_ms": statistics.median(sql_times),
        "queries": queries,
        "result": as_json(result),
        "slowest_ms": float(slowest["time"]) * 1000,
        "plan": explain(slowest["sql"]),
        "hot": hot_spots(call),
    }


def hot_spots(call: Callable[[], Any], top: int = 4) -> list[str]:
    """Where one more call spends its time by cProfile: the functions with the most time of
    their own (any library, and the database driver), as shares of the profiled total."""
    profile = cProfile.Profile()
    profile.runcall(call)
    stats: dict[tuple[str, int, str], tuple[Any, ...]] = pstats.Stats(profile).stats  # type: ignore[attr-defined]
    total = sum(row[2] for row in stats.values()) or 1.0
    own = sorted(((row[2], key) for key, row in stats.items()), reverse=True)[:top]
    named = []
    for seconds, (filename, _, function) in own:
        where = "/".join(Path(filename).parts[-2:]) + ":" if filename != "~" else ""
        # "<method 'execute' of 'sqlite3.Cursor' objects>" → "sqlite3.Cursor.execute"
        function = re.sub(r"<method '(\w+)' of '([\w.]+)' objects>", r"\2.\1", function)
        function = re.sub(r"^<(?:function|built-in method) | at 0x\w+|>$", "", function)
        named.append(f"{where}{function} {seconds / total:.0%}")
    return named


def explain(sql: str) -> list[str]:
    """PostgreSQL: EXPLAIN ANALYZE's three nodes with the most time of their own (rows and
    times summed over parallel workers), and JIT. SQLite: EXPLAIN QUERY PLAN's steps."""
    from django.db import connection

    with connection.cursor() as cursor:
        if connection.vendor != "postgresql":
            cursor.execute(f"EXPLAIN QUERY PLAN {sql}")
            return [row[-1] for row in cursor.fetchall()]
        cursor.execute(f"EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) {sql}")
        document = cursor.fetchone()[0]
    plan = (json.loads(document) if isinstance(document, str) else document)[0]
    nodes: list[tuple[float, str]] = []

    def walk(node: dict[str, Any]) -> float:
        spent = node["Actual Total Time"] * node["Actual Loops"]
        children = sum(walk(child) for child in node.get("Plans", []))
        what = node["Node Type"]
        if "Relation Name" in node:
            what += f" on {node['Relation Name']}"
        if "Index Name" in node:
            what += f" using {node['Index Name']}"
        rows = node["Actual Rows"] * node["Actual Loops"]
        nodes.append((spent - children, f"{what} ({rows:,} rows)"))
        return spent

    walk(plan["Plan"])
    top = sorted(nodes, reverse=True)[:3]
    summary = [f"execution {ms(plan['Execution Time'])}"]
    if "JIT" in plan:  # compiling the query can cost more than running it
        summary.append(f"of which JIT compilation {ms(plan['JIT']['Timing']['Total'])}")
    return summary + [f"{what} {ms(t)}" for t, what in top]


def dashboard(peildatum: dt.date) -> dict[str, Any]:
    """The dashboard page as a management user: the first view; then the median of REPEAT
    views with an empty cache (as after any change of the data: every figure computed), and of
    REPEAT views of unchanged data (the figures from the cache, binnenwerk.dataversion)."""
    from django.contrib.auth import get_user_model
    from django.core.cache import cache
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from binnenwerk.accounts.constants import Rol
    from binnenwerk.accounts.models import Roltoekenning

    user = get_user_model().objects.create_user("bench-management")
    Roltoekenning.objects.create(user=user, rol=Rol.MANAGEMENT)
    client = Client()
    client.force_login(user)
    url = f"/?peildatum={peildatum.isoformat()}"
    started = time.perf_counter()
    response = client.get(url)
    first = (time.perf_counter() - started) * 1000
    assert response.status_code == 200, response.status_code

    def views(computed: bool) -> tuple[list[float], list[float], list[dict[str, Any]]]:
        times, sql_times, captured_queries = [], [], []
        for _ in range(REPEAT):
            if computed:
                cache.clear()
            with CaptureQueriesContext(connection) as captured:
                started = time.perf_counter()
                response = client.get(url)
                times.append((time.perf_counter() - started) * 1000)
            assert response.status_code == 200, response.status_code
            sql_times.append(sum(float(q["time"]) for q in captured.captured_queries) * 1000)
            captured_queries = captured.captured_queries
        return times, sql_times, captured_queries

    times, sql_times, queries = views(computed=True)
    cached_times, _, cached_queries = views(computed=False)
    slowest = max(queries, key=lambda q: float(q["time"]))
    return {
        "first_ms": first,
        "ms": statistics.median(times),
        "sql_ms": statistics.median(sql_times),
        "queries": len(queries),
        "cached_ms": statistics.median(cached_times),
        "cached_queries": len(cached_queries),
        "slowest_ms": float(slowest["time"]) * 1000,
        "slowest_sql": slowest["sql"][:120] + "…",
        "plan": explain(slowest["sql"]),
        "hot": hot_spots(lambda: (cache.clear(), client.get(url))),
    }


# --- the driver: data, reference, one subprocess per (size, database) -----------------------


def dataset(size: int, seed: int) -> Path:
    """The synthetic organisation's CSV folder, generated once per size, seed and generator."""
    from binnenwerk.demo import synthetic

    version = hashlib.sha256(Path(synthetic.__file__).read_bytes()).hexdigest()[:10]
    folder = CACHE / f"synthetic-{size}-{seed}-{version}"
    if not folder.exists():
        for stale in CACHE.glob(f"synthetic-{size}-{seed}-*"):  # an older generator's data
            shutil.rmtree(stale)
        partial = folder.with_name(folder.name + ".partial")
        shutil.rmtree(partial, ignore_errors=True)
        synthetic.write_synthetic(partial, size, seed)
        partial.rename(folder)
    return folder


def postgres_version(server: str) -> str | None:
    """The server's version, or None when it does not answer."""
    import psycopg

    try:
        with psycopg.connect(_libpq(server), connect_timeout=5) as connection:
            row = connection.execute("SHOW server_version").fetchone()
            return str(row[0]) if row else "?"
    except psycopg.Error:
        return None


def _libpq(url: str) -> str:
    return url.replace("postgres://", "postgresql://", 1)


def scratch_postgres(server: str) -> str:
    import psycopg

    with psycopg.connect(_libpq(server), autocommit=True) as connection:
        connection.execute(f"DROP DATABASE IF EXISTS {SCRATCH_DB} WITH (FORCE)")
        connection.execute(f"CREATE DATABASE {SCRATCH_DB}")
    return server.rsplit("/", 1)[0] + f"/{SCRATCH_DB}"


def subprocess_json(command: list[str]) -> dict[str, Any]:
    """Run a child that prints one JSON object as its last line; an error becomes {'error'}."""
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        sys.stderr.write(done.stderr)
        last = (done.stderr.strip().splitlines() or [f"exit {done.returncode}"])[-1]
        return {"error": last[:200]}
    return json.loads(done.stdout.strip().splitlines()[-1])


def run_size(size: int, seed: int, peildatum: dt.date, postgres: str | None) -> dict[str, Any]:
    def log(text: str) -> None:
        print(f"[{time.strftime('%H:%M:%S')}] {size:,} people: {text}", file=sys.stderr, flush=True)

    log("generating (or reusing) the synthetic organisation")
    data = dataset(size, seed)
    log("DuckDB reference")
    ref = subprocess_json(
        [sys.executable, str(HERE / "reference.py"), str(data), f"--peildatum={peildatum}"]
    )
    runs: dict[str, Any] = {}
    databases = ["sqlite"] + (["postgresql"] if postgres else [])
    for name in databases:
        with tempfile.TemporaryDirectory(prefix="bench-scale-") as scratch:
            url = (
                scratch_postgres(postgres)
                if name == "postgresql" and postgres
                else (f"sqlite:///{Path(scratch) / 'bench.sqlite3'}")
            )
            log(f"{name}: migrate, import, counter, dashboard")
            command = [sys.executable, __file__, "run", f"--data={data}", f"--database={url}"]
            runs[name] = subprocess_json([*command, f"--peildatum={peildatum}"])
    return {"size": size, "reference": ref, "runs": runs}


def differences(counter: Any, duckdb: Any, where: str = "") -> list[str]:
    """Where the counter and DuckDB disagree (exact Decimal equality), as readable paths."""
    if isinstance(counter, dict) and isinstance(duckdb, dict):
        found = []
        for key in sorted(set(counter) | set(duckdb)):
            if key not in counter or key not in duckdb:
                side = "DuckDB only" if key not in counter else "counter only"
                found.append(f"{where}{key}: {side}")
            else:
                found += differences(counter[key], duckdb[key], f"{where}{key}.")
        return found
    if Decimal(str(counter)) != Decimal(str(duckdb)):
        return [f"{where.rstrip('.')}: counter {counter} ≠ DuckDB {duckdb}"]
    return []


def main() -> None:
    if sys.argv[1:2] == ["run"]:
        parser = argparse.ArgumentParser(prog="bench_scale.py run")
        parser.add_argument("--data", type=Path, required=True)
        parser.add_argument("--database", required=True)
        parser.add_argument("--peildatum", type=dt.date.fromisoformat, default=reference.PEILDATUM)
        args = parser.parse_args(sys.argv[2:])
        print(json.dumps(run_one(args.data, args.database, args.peildatum)))
        return
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", default="1000,10000,100000")
    parser.add_argument(
        "--postgres", help="a PostgreSQL server URL; skipped when it does not answer"
    )
    parser.add_argument("--output", type=Path, help="write the report here (e.g. RESULTS.md)")
    parser.add_argument("--json", type=Path, help="raw measurements (default: the cache)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--peildatum", type=dt.date.fromisoformat, default=reference.PEILDATUM)
    args = parser.parse_args()
    pg_version = postgres_version(args.postgres) if args.postgres else None
    if args.postgres and pg_version is None:
        print(f"PostgreSQL at {args.postgres} does not answer: SQLite only", file=sys.stderr)
    postgres = args.postgres if pg_version else None
    info, started = machine(pg_version), time.time()
    sizes = [run_size(int(n), args.seed, args.peildatum, postgres) for n in args.sizes.split(",")]
    seconds = time.time() - started
    raw = {"machine": info, "seconds": seconds, "sizes": sizes}
    (args.json or CACHE / "last-run.json").write_text(json.dumps(raw, indent=1), encoding="utf-8")
    text = render(sizes, args, info, seconds)
    print(text)
    if args.output:
        args.output.write_text(text, encoding="utf-8")


def source_version() -> str:
    """The commit and a digest of the application's source: the lead works in the same tree."""
    digest = hashlib.sha256()
    for path in sorted((SRC / "binnenwerk").rglob("*.py")):
        digest.update(str(path.relative_to(SRC)).encode() + b"\0" + path.read_bytes())
    try:
        git = ["git", "-C", str(HERE.parent), "describe", "--always", "--dirty"]
        commit = subprocess.run(git, capture_output=True, text=True, check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        commit = "?"
    return f"git {commit}, source digest {digest.hexdigest()[:12]}"


def load_now() -> str:
    return " / ".join(f"{x:.1f}" for x in os.getloadavg())


def machine(pg_version: str | None) -> dict[str, str]:
    cpuinfo = Path("/proc/cpuinfo").read_text() if Path("/proc/cpuinfo").exists() else ""
    models = [
        line.split(":", 1)[1].strip() for line in cpuinfo.splitlines() if "model name" in line
    ]
    meminfo = Path("/proc/meminfo").read_text() if Path("/proc/meminfo").exists() else ""
    kib = next((int(line.split()[1]) for line in meminfo.splitlines() if "MemTotal" in line), 0)
    import duckdb

    return {
        "code": source_version(),
        "load": load_now(),
        "cores": str(os.cpu_count()),
        "ram": f"{kib / 1024 / 1024:.1f} GiB",
        "cpu": models[0] if models else platform.processor() or "?",
        "python": platform.python_version(),
        "sqlite": sqlite3.sqlite_version,
        "postgresql": pg_version or "not measured",
        "duckdb": duckdb.__version__,
        "os": platform.platform(),
    }


# --- the report ----------------------------------------------------------------------------

NAMES = {"sqlite": "SQLite", "postgresql": "PostgreSQL"}


def plural(n: int, one: str, many: str) -> str:
    return f"{n:,} {one if n == 1 else many}"


def ms(value: float) -> str:
    return f"{value:.1f} ms" if value < 10 else f"{value:,.0f} ms"


def render(
    sizes: list[dict[str, Any]], args: argparse.Namespace, info: dict[str, str], seconds: float
) -> str:
    threads = next(
        (s["reference"].get("threads") for s in sizes if "threads" in s["reference"]), "?"
    )
    databases = [db for db in NAMES if any(db in s["runs"] for s in sizes)]
    command = "python benchmarks/bench_scale.py " + " ".join(sys.argv[1:])
    out = [
        "# Scale benchmark: import, job counter and dashboard beside DuckDB",
        "",
        f"Measured on {dt.date.today().isoformat()} in {seconds / 60:.0f} min with `{command}`"
        " (written by benchmarks/bench_scale.py; rerun `make bench` rather than editing).",
        "",
        "## Machine",
        "",
        f"- {info['cores']} cores, {info['ram']} RAM, CPU {info['cpu']} ({info['os']})",
        f"- load average {info['load']} (1/5/15 min) when the run started, {load_now()} when it"
        " ended: other work on the machine makes the times noisier",
        f"- code: {info['code']}"
        + (
            ""
            if info["code"] == source_version()
            else f"; WARNING: the source changed during the run ({source_version()} at the"
            " end): the runs may mix versions"
        ),
        f"- Python {info['python']}, SQLite {info['sqlite']}, PostgreSQL {info['postgresql']}, "
        f"DuckDB {info['duckdb']} ({threads} threads)",
        "",
        "## Method",
        "",
        f"- Data: `binnenwerk.demo.synthetic.write_synthetic(size, seed={args.seed})`, ten years"
        f" of history up to 2026-06-30; peildatum {args.peildatum} (the last month-end of the"
        " data); the series is the 120 month-ends up to it.",
        "- One process per size and database: migrate, import (read_path + import_dataset), then"
        f" each figure as the median of {REPEAT} calls after one warm-up, then the dashboard"
        f" `/?peildatum=` as a management user: the first view, the median of {REPEAT} views"
        " with an empty cache (*computed*: every figure counted, as after any change of the"
        f" data) and of {REPEAT} views of unchanged data (*cached*: the figures cached per data"
        " version, binnenwerk/dataversion.py; the page's four charts use the same entry).",
        "- PostgreSQL: a scratch database, ANALYZEd after the import; SQLite: a temporary file,"
        " no ANALYZE (the application never runs it).",
        "- DuckDB (benchmarks/reference.py): the same CSV files in memory, SQL written from"
        " DOMAIN.md; hours as exact decimals, jobs computed in Decimal; load time apart. *equal*"
        " = exact equality of every group, total and headcount on every date.",
        "- ratio = counter time / DuckDB time.",
    ]
    for db in databases:
        out += ["", f"## {NAMES[db]}", "", *table(sizes, db)]
    out += ["", "## Goals (issue 8)", "", *goals(sizes, databases)]
    out += ["", "## What limits each figure", "", *limits(sizes, databases)]
    wrong = [
        f"- {NAMES[db]}, {s['size']:,} people, {name}: {line}"
        for s in sizes
        for db, run in s["runs"].items()
        for name in FIGURES
        for line in diff_of(s, run, name)[:5]
    ]
    if wrong:
        out += ["", "## Differences between the counter and DuckDB", "", *wrong]
    return "\n".join(out) + "\n"


def diff_of(size: dict[str, Any], run: dict[str, Any], name: str) -> list[str]:
    ref = size["reference"].get("figures", {}).get(name)
    mine = run.get("figures", {}).get(name)
    if ref is None or mine is None:
        return ["not measured"]
    return differences(mine["result"], ref["result"])


def table(sizes: list[dict[str, Any]], db: str) -> list[str]:
    rows = [
        "| people | figure | counter | DuckDB | ratio | equal |",
        "|---:|---|---:|---:|---:|---|",
    ]
    for size in sizes:
        n, run, ref = f"{size['size']:,}", size["runs"].get(db, {}), size["reference"]
        if "error" in run or "error" in ref:
            rows.append(f"| {n} | failed | {run.get('error', '')} | {ref.get('error', '')} | | |")
            continue
        imp = run["import"]
        rows.append(
            f"| {n} | import ({imp['records']:,} records) | {imp['seconds']:.1f} s, peak"
            f" {imp['peak_mib']:,.0f} MiB | load {ref['load_s']:.1f} s | | |"
        )
        for name in FIGURES:
            mine, theirs = run["figures"][name], ref["figures"][name]
            equal = "VERSCHIL" if diff_of(size, run, name) else "gelijk"
            rows.append(
                f"| {n} | {name} | {ms(mine['ms'])} | {ms(theirs['ms'])} |"
                f" {mine['ms'] / theirs['ms']:.1f}× | {equal} |"
            )
        page = run["dashboard"]
        rows.append(
            f"| {n} | dashboard: first view / computed / cached | {page['first_ms']:,.0f} /"
            f" {ms(page['ms'])} ({page['queries']} queries) / {ms(page['cached_ms'])}"
            f" ({page['cached_queries']} queries) | | | |"
        )
    return rows


GOALS = [
    *(f"{name} ≤ 3× DuckDB" for name in ONE_DATE),
    f"{REEKS} < 2 s",
    f"{REEKS} ≤ 5× DuckDB",
    "import < 3 min",
    "import peak memory < 1 GiB",
    "dashboard < 500 ms, computed (median, as after any change of the data)",
    "dashboard < 500 ms, unchanged data (median, figures from the cache)",
    "dashboard queries bounded (same at every size)",
    "counter equals DuckDB on every figure and size",
]


def verdicts(sizes: list[dict[str, Any]], db: str) -> list[str]:
    """One cell per goal in GOALS for one database: pass/MISS and the measured value."""
    largest = max(sizes, key=lambda s: s["size"])
    run, ref = largest["runs"].get(db, {"error": 1}), largest["reference"]
    if "error" in run or "error" in ref:
        return ["not measured"] * len(GOALS)
    figure, imp, page = run["figures"], run["import"], run["dashboard"]
    ratio = {name: figure[name]["ms"] / ref["figures"][name]["ms"] for name in FIGURES}
    counts = [s["runs"][db]["dashboard"]["queries"] for s in sizes if "error" not in s["runs"][db]]
    wrong = sum(bool(diff_of(s, s["runs"][db], name)) for s in sizes for name in FIGURES)
    checks = [
        *((ratio[name] <= 3, f"{ratio[name]:.1f}×") for name in ONE_DATE),
        (figure[REEKS]["ms"] < 2000, ms(figure[REEKS]["ms"])),
        (ratio[REEKS] <= 5, f"{ratio[REEKS]:.1f}×"),
        (imp["seconds"] < 180, f"{imp['seconds']:.0f} s"),
        (imp["peak_mib"] < 1024, f"{imp['peak_mib']:,.0f} MiB"),
        (page["ms"] < 500, ms(page["ms"])),
        (page["cached_ms"] < 500, ms(page["cached_ms"])),
        (len(set(counts)) == 1, " → ".join(map(str, counts)) + " queries"),
        (wrong == 0, f"{wrong} figures differ"),
    ]
    return [f"{'pass' if ok else 'MISS'} ({shown})" for ok, shown in checks]


def goals(sizes: list[dict[str, Any]], databases: list[str]) -> list[str]:
    """Pass/miss per goal at 100,000 people (or the largest size measured, flagged)."""
    largest = max(s["size"] for s in sizes)
    out = []
    if largest < 100_000:
        out += [f"Measured at {largest:,} people only: the goals are for 100,000.", ""]
    out += ["| goal | " + " | ".join(NAMES[db] for db in databases) + " |"]
    out += ["|---|" + "---|" * len(databases)]
    cells = [verdicts(sizes, db) for db in databases]
    for i, goal in enumerate(GOALS):
        out.append(f"| {goal} | " + " | ".join(column[i] for column in cells) + " |")
    return out


def limits(sizes: list[dict[str, Any]], databases: list[str]) -> list[str]:
    """Where the time goes at the largest size: phases, SQL versus Python, the slowest plan."""
    largest = max(sizes, key=lambda s: s["size"])
    out = [
        f"At {largest['size']:,} people. *SQL* is the time inside cursor.execute; the rest is"
        " Python (ORM, the counter's own arithmetic, templates)."
    ]
    for db in databases:
        run = largest["runs"].get(db, {})
        if "error" in run:
            continue
        imp = run["import"]
        out += [
            "",
            f"**{NAMES[db]}**",
            "",
            f"- import {imp['seconds']:.1f} s: reading the files {imp['read_s']:.1f} s, parsing and"
            f" checking {imp['check_s']:.1f} s, writing {imp['write_s']:.1f} s (of which the"
            f" audit log {imp['audit_s']:.1f} s), commit {imp['commit_s']:.1f} s; SQL statements"
            f" together {imp['sql_s']:.1f} s in {imp['statements']:,}; peak"
            f" {imp['peak_mib']:,.0f} MiB.",
        ]
        for name in FIGURES:
            f = run["figures"][name]
            side = "the database" if f["sql_ms"] >= 0.5 * f["ms"] else "Python"
            plan, queries = "; ".join(f["plan"]), plural(f["queries"], "query", "queries")
            out.append(
                f"- {name}: {ms(f['ms'])}, SQL {ms(f['sql_ms'])} in {queries},"
                f" so mostly {side}; slowest query {ms(f['slowest_ms'])}, plan: {plan}."
                f" Own time by cProfile: {', '.join(f['hot'])}."
            )
        page = run["dashboard"]
        out.append(
            f"- dashboard computed: median {ms(page['ms'])}, SQL {ms(page['sql_ms'])} in"
            f" {page['queries']} queries; slowest query {ms(page['slowest_ms'])}"
            f" (`{page['slowest_sql']}`), plan: {'; '.join(page['plan'])}."
            f" Own time by cProfile: {', '.join(page['hot'])}."
        )
    ref = largest["reference"]
    if "load_s" in ref:
        out += [
            "",
            f"DuckDB loads the CSV files in {ref['load_s']:.1f} s (not counted in its times).",
        ]
    return out


if __name__ == "__main__":
    main()

"""Server time per page on the demo organisation (Django test client, no network).

    .venv/bin/python benchmarks/bench_pages.py

Loads the demo into a temporary SQLite database, then requests each main page as the
role that uses it and prints the median of several requests and the query count.
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

PAGES = [
    ("management", "/?peildatum=2023-12-31"),
    ("opdrachtgever", "/?peildatum=2023-12-31"),
    ("leidinggevende", "/?peildatum=2023-12-31"),
    ("werving", "/teams/?peildatum=2023-12-31"),
    ("personeelszaken", "/teams/BOS-01/?peildatum=2023-12-31"),
    ("personeelszaken", "/medewerkers/?peildatum=2023-12-31"),
    ("personeelszaken", "/medewerkers/1000074/?peildatum=2023-12-31"),
    ("management", "/dashboard/per_maand.svg?peildatum=2023-12-31"),
    ("monitor", "/monitor/?kwartaal=2023Q4"),
    ("opdrachtgever", "/monitor/?kwartaal=2023Q4"),
    ("werving", "/teams/open-plaatsen/?peildatum=2023-12-31"),
    ("werving", "/werving/"),
    ("management", "/werving/trechter/"),
    ("personeelszaken", "/contracten/"),
    ("jobcoach", "/coaching/"),
    ("management", "/uitstroom/?jaar=2023"),
    ("management", "/kansen/"),
]
REPEAT = 7


def main() -> None:
    scratch = Path(tempfile.mkdtemp(prefix="bench-pages-"))
    os.environ["DATABASE_URL"] = f"sqlite:///{scratch / 'demo.sqlite3'}"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "binnenwerk.settings")
    os.environ.setdefault("BINNENWERK_CLI", "1")
    os.environ["ALLOWED_HOSTS"] = "testserver"
    os.environ["SECURE_SSL_REDIRECT"] = "0"  # the test client speaks plain HTTP
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))
    import django

    django.setup()
    from django.contrib.auth import get_user_model
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from binnenwerk.demo.services import demo_load

    call_command("migrate", verbosity=0)
    demo_load()
    print(f"{'page':<45} {'role':<16} {'first ms':>8} {'median ms':>9} {'queries':>7}")
    client = Client()
    client.force_login(get_user_model().objects.get(username="beheerder"))
    client.get("/inloggen/")  # warm up the process: imports, fonts
    for username, url in PAGES:
        client = Client()
        client.force_login(get_user_model().objects.get(username=username))
        started = time.perf_counter()
        client.get(url)  # the first view: charts are drawn, later views reuse them
        first = (time.perf_counter() - started) * 1000
        times = []
        for _ in range(REPEAT):
            with CaptureQueriesContext(connection) as queries:
                started = time.perf_counter()
                response = client.get(url)
                times.append((time.perf_counter() - started) * 1000)
            assert response.status_code == 200, (url, response.status_code)
        median = statistics.median(times)
        print(f"{url:<45} {username:<16} {first:>8.0f} {median:>9.0f} {len(queries):>7}")


if __name__ == "__main__":
    main()

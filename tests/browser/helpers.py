"""What every browser test needs: the demo app in its own process, a login, an axe check."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from axe_playwright_python.sync_playwright import Axe

CHROMIUM = "/usr/bin/chromium"
PASSWORD = "binnenwerk-demo"


@dataclass(frozen=True)
class DemoApp:
    url: str
    setup_output: str  # what the module's set-up code printed (e.g. ids as JSON)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


_loaded: list[Path] = []  # per test process: the demo loaded once, copied for every module


def _demo_database(tmp_path_factory, binnenwerk: str) -> Path:
    """A fresh SQLite file holding the demo: loaded through `binnenwerk demo` once per test
    process, then copied (a load takes ~15 s, a copy milliseconds), so every module still
    starts from exactly the demo and its changes end with it."""
    if not _loaded:
        first = tmp_path_factory.mktemp("demo") / "demo.sqlite3"
        env = {**os.environ, "DATABASE_URL": f"sqlite:///{first}", "DJANGO_DEBUG": "1"}
        env.pop("DJANGO_SETTINGS_MODULE", None)
        subprocess.run([binnenwerk, "demo", "--no-serve"], env=env, check=True, capture_output=True)
        _loaded.append(first)
    database = tmp_path_factory.mktemp("browser") / "demo.sqlite3"
    for suffix in ("", "-wal"):  # a write-ahead log the loading process left, if any
        source = _loaded[0].with_name(_loaded[0].name + suffix)
        if source.exists():
            shutil.copyfile(source, database.with_name(database.name + suffix))
    return database


def serve_demo(
    tmp_path_factory, setup: str = "", extra_env: dict[str, str] | None = None
) -> Iterator[DemoApp]:
    """Serve the demo from a fresh copy, after running `setup` (Python, in `binnenwerk
    shell`), on a free port until the module's tests are done. `extra_env` adds settings from
    the environment (e.g. TWEE_FACTOR_VERPLICHT=1)."""
    binnenwerk = str(Path(sys.executable).parent / "binnenwerk")
    database = _demo_database(tmp_path_factory, binnenwerk)
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{database}", "DJANGO_DEBUG": "1"}
    env.update(extra_env or {})
    env.pop("DJANGO_SETTINGS_MODULE", None)
    output = ""
    if setup:
        done = subprocess.run(
            [binnenwerk, "shell", "-c", setup], env=env, check=True, capture_output=True, text=True
        )
        output = done.stdout
    port = _free_port()
    server = subprocess.Popen(
        [binnenwerk, "runserver", f"127.0.0.1:{port}", "--noreload"],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            break
        except OSError:
            time.sleep(0.2)
    yield DemoApp(f"http://127.0.0.1:{port}", output)
    server.terminate()
    server.wait(timeout=10)


def login(browser, app_url: str, username: str, lands_on: str = "/", password: str = PASSWORD):
    page = browser.new_page(locale="nl-NL")
    page.goto(f"{app_url}/inloggen/")
    page.get_by_label("Gebruikersnaam").fill(username)
    page.get_by_label("Wachtwoord").fill(password)
    page.get_by_role("button", name="Inloggen").click()
    page.wait_for_url(f"{app_url}{lands_on}")
    return page


def assert_accessible(page) -> None:
    result = Axe().run(page)
    assert result.violations_count == 0, result.generate_report()

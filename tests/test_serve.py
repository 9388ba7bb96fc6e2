"""`binnenwerk serve`: gunicorn with production settings, in its own process on a free port.
It serves the login page with the security headers, static files through whitenoise and the
health check; it logs requests without their query strings, stops gracefully on SIGTERM, and
refuses to start in debug mode, without a SECRET_KEY or (without --allow-sqlite) on SQLite."""

from __future__ import annotations

import http.client
import os
import secrets
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
from cryptography.fernet import Fernet

from binnenwerk.web.management.commands.serve import refusals
from binnenwerk.web.serving import ACCESS_LOG_FORMAT, ServeConfig

BINNENWERK = str(Path(sys.executable).parent / "binnenwerk")


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _env(tmp_path: Path, **changes: str) -> dict[str, str]:
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("DJANGO_", "SECURE_", "WEB_", "BSN_"))
        and k not in ("BINNENWERK_CLI", "HOST", "PORT")
    }
    return {
        **env,
        "SECRET_KEY": secrets.token_urlsafe(50),
        "BSN_SLEUTELS": Fernet.generate_key().decode(),
        "BSN_ZOEKSLEUTEL": secrets.token_urlsafe(32),
        "ALLOWED_HOSTS": "127.0.0.1",
        "SECURE_SSL_REDIRECT": "0",  # the test speaks plain HTTP; production keeps it on
        "SECURE_PROXY_SSL_HEADER": "1",  # as behind a TLS proxy that sets X-Forwarded-Proto
        "DATABASE_URL": f"sqlite:///{tmp_path / 'serve.sqlite3'}",
        "STATIC_ROOT": str(tmp_path / "static"),
        "WEB_CONCURRENCY": "1",
        **changes,
    }


def _get(port: int, path: str, headers: dict[str, str] | None = None):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    connection.request("GET", path, headers=headers or {})
    response = connection.getresponse()
    body = response.read()
    connection.close()
    return response, body


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    tmp_path = tmp_path_factory.mktemp("serve")
    port = _free_port()
    env = _env(tmp_path, PORT=str(port))
    for command in (["migrate", "-v0"], ["collectstatic", "--no-input", "-v0"]):
        subprocess.run([BINNENWERK, *command], env=env, check=True, timeout=300)
    log = (tmp_path / "server.log").open("w+")
    process = subprocess.Popen(
        [BINNENWERK, "serve", "--allow-sqlite"], env=env, stdout=log, stderr=subprocess.STDOUT
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and process.poll() is None:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            break
        except OSError:
            time.sleep(0.2)
    try:
        assert process.poll() is None, (tmp_path / "server.log").read_text()
        yield port, process, tmp_path / "server.log"
    finally:
        if process.poll() is None:
            process.terminate()
            process.wait(timeout=60)
        log.close()


@pytest.mark.slow
def test_serves_the_login_page_with_the_security_headers(server):
    port, _, _ = server
    response, body = _get(port, "/inloggen/", {"X-Forwarded-Proto": "https"})
    assert response.status == 200 and b'name="password"' in body
    assert response.getheader("Server", "").startswith("gunicorn")
    policy = response.getheader("Content-Security-Policy")
    assert "default-src 'self'" in policy and "unsafe-inline" not in policy
    assert response.getheader("Strict-Transport-Security") == (
        "max-age=31536000; includeSubDomains; preload"
    )
    assert response.getheader("X-Frame-Options") == "DENY"
    assert response.getheader("X-Content-Type-Options") == "nosniff"
    assert response.getheader("Referrer-Policy") == "same-origin"
    assert response.getheader("Cross-Origin-Opener-Policy") == "same-origin"
    assert "camera=()" in response.getheader("Permissions-Policy")
    cookie = response.getheader("Set-Cookie")
    assert "Secure" in cookie and "HttpOnly" in cookie and "SameSite=Lax" in cookie


@pytest.mark.slow
def test_serves_static_files_through_whitenoise(server):
    port, _, _ = server
    response, body = _get(port, "/static/web/binnenwerk.css")
    assert response.status == 200
    assert response.getheader("Content-Type").startswith("text/css")
    assert b"--lintblauw" in body
    assert "public" in response.getheader("Cache-Control")  # whitenoise, not Django
    response, _ = _get(port, "/static/api/redoc.js")
    assert response.status == 200


@pytest.mark.slow
def test_refuses_unknown_hosts_and_answers_the_health_check(server):
    port, _, _ = server
    response, _ = _get(port, "/inloggen/", {"Host": "evil.example"})
    assert response.status == 400
    # The health check answers whatever the Host (a probe uses the container's own address).
    response, body = _get(port, "/gezond", {"Host": "10.0.0.7:8000"})
    assert response.status == 200 and body == b"ok\n"
    assert response.getheader("Cache-Control") == "no-store"


@pytest.mark.slow
def test_logs_requests_without_query_strings_then_stops_gracefully(server):
    port, process, log = server
    _get(port, "/inloggen/?peildatum=2023-12-31&zoek=geheim", {"Referer": "http://x/?bsn=1"})
    process.send_signal(signal.SIGTERM)
    assert process.wait(timeout=60) == 0
    lines = [line for line in log.read_text().splitlines() if "GET /inloggen/" in line]
    assert lines, log.read_text()
    assert all("peildatum" not in line and "geheim" not in line for line in lines)
    assert all("bsn" not in line for line in lines)
    assert '"GET /inloggen/ HTTP/1.1" 200' in lines[-1]


@pytest.mark.slow
@pytest.mark.parametrize(
    ("changes", "arguments"),
    [
        ({"DJANGO_DEBUG": "1"}, ["--allow-sqlite"]),
        ({"SECRET_KEY": ""}, ["--allow-sqlite"]),
        ({}, []),  # SQLite without --allow-sqlite
    ],
)
def test_refuses_to_start(tmp_path, changes, arguments):
    port = _free_port()
    env = _env(tmp_path, PORT=str(port), **changes)
    done = subprocess.run(
        [BINNENWERK, "serve", *arguments], env=env, capture_output=True, text=True, timeout=120
    )
    assert done.returncode != 0
    assert "Traceback" not in done.stderr
    with pytest.raises(OSError):
        socket.create_connection(("127.0.0.1", port), timeout=1).close()


POSTGRES = "django.db.backends.postgresql"
SQLITE = "django.db.backends.sqlite3"
READY = {"SECRET_KEY": "x" * 60, "DATABASE_URL": "postgres://db/binnenwerk"}


@pytest.mark.parametrize(
    ("debug", "engine", "environ", "allow_sqlite", "reasons"),
    [
        (False, POSTGRES, READY, False, 0),
        (True, POSTGRES, READY, False, 1),
        (False, POSTGRES, {"DATABASE_URL": READY["DATABASE_URL"]}, False, 1),
        (False, SQLITE, {**READY, "DATABASE_URL": "sqlite:///x"}, False, 1),
        (False, SQLITE, {**READY, "DATABASE_URL": "sqlite:///x"}, True, 0),
        (False, SQLITE, {"SECRET_KEY": "x" * 60}, False, 1),  # the default SQLite file
        (True, SQLITE, {}, False, 3),
    ],
)
def test_refusals(debug, engine, environ, allow_sqlite, reasons):
    found = refusals(debug=debug, engine=engine, environ=environ, allow_sqlite=allow_sqlite)
    assert len(found) == reasons


def test_config_from_the_environment(monkeypatch):
    monkeypatch.setenv("HOST", "0.0.0.0")
    monkeypatch.setenv("PORT", "8123")
    monkeypatch.setenv("WEB_CONCURRENCY", "3")
    monkeypatch.setenv("WEB_TIMEOUT", "90")
    config = ServeConfig.from_environment()
    assert (config.bind, config.workers, config.timeout) == ("0.0.0.0:8123", 3, 90)
    options = config.gunicorn_options()
    assert options["bind"] == ["0.0.0.0:8123"] and options["access_log_format"] == (
        ACCESS_LOG_FORMAT
    )
    assert "%(r)s" not in ACCESS_LOG_FORMAT and "%(q)s" not in ACCESS_LOG_FORMAT
    assert "%(f)s" not in ACCESS_LOG_FORMAT  # the referrer holds the previous page's query
    assert ServeConfig.from_environment("127.0.0.1:9000", 2).bind == "127.0.0.1:9000"

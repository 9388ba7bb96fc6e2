"""Production settings: `manage.py check --deploy` is clean with a production environment, each
switch from the environment does what the README says, and every response carries the
security headers (Content-Security-Policy, Permissions-Policy, …)."""

from __future__ import annotations

import json
import os
import re
import secrets
import subprocess
import sys
from pathlib import Path

import pytest
from cryptography.fernet import Fernet

PROJECT = Path(__file__).resolve().parent.parent
PRODUCTION = {
    "SECRET_KEY": secrets.token_urlsafe(50),  # 67 random characters
    "DJANGO_DEBUG": "0",
    "ALLOWED_HOSTS": "binnenwerk.example.nl",
    "BSN_SLEUTELS": Fernet.generate_key().decode(),
    "BSN_ZOEKSLEUTEL": secrets.token_urlsafe(32),
}


def production_env(**changes: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "SECURE_"))}
    for name in ("SECRET_KEY", "ALLOWED_HOSTS", "CSRF_TRUSTED_ORIGINS", "BINNENWERK_CLI", "HOST"):
        env.pop(name, None)
    return {**env, **PRODUCTION, **changes}


def check_deploy(**changes: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=PROJECT,
        env=production_env(**changes),
        capture_output=True,
        text=True,
        timeout=120,
    )


def settings_in(*names: str, **changes: str) -> dict[str, object]:
    """The named settings as a fresh process with this environment sees them."""
    script = (
        "import json, django; from django.conf import settings; django.setup(); "
        f"print(json.dumps({{n: getattr(settings, n, None) for n in {list(names)!r}}}))"
    )
    done = subprocess.run(
        [sys.executable, "-c", script],
        cwd=PROJECT / "src",
        env={**production_env(**changes), "DJANGO_SETTINGS_MODULE": "binnenwerk.settings"},
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    return json.loads(done.stdout)


@pytest.mark.slow
def test_check_deploy_is_clean_in_production():
    done = check_deploy()
    assert done.returncode == 0, done.stdout + done.stderr
    assert "no issues (0 silenced)" in done.stdout


@pytest.mark.slow
@pytest.mark.parametrize(
    ("changes", "warning"),
    [
        ({"DJANGO_DEBUG": "1"}, "security.W018"),
        ({"SECURE_SSL_REDIRECT": "0"}, "security.W008"),
        ({"SECURE_HSTS_SECONDS": "0"}, "security.W004"),
        ({"SECRET_KEY": "kort"}, "security.W009"),
    ],
)
def test_check_deploy_finds_what_an_operator_switches_off(changes, warning):
    done = check_deploy(**changes)
    assert done.returncode != 0
    assert warning in done.stdout + done.stderr


@pytest.mark.slow
def test_production_settings_from_the_environment():
    names = (
        "SECURE_SSL_REDIRECT",
        "SECURE_PROXY_SSL_HEADER",
        "SECURE_HSTS_SECONDS",
        "SECURE_HSTS_INCLUDE_SUBDOMAINS",
        "SECURE_HSTS_PRELOAD",
        "SESSION_COOKIE_SECURE",
        "CSRF_COOKIE_SECURE",
        "SESSION_COOKIE_HTTPONLY",
        "CSRF_COOKIE_HTTPONLY",
        "SESSION_COOKIE_SAMESITE",
        "CSRF_TRUSTED_ORIGINS",
        "X_FRAME_OPTIONS",
    )
    production = settings_in(*names)
    assert production == {
        "SECURE_SSL_REDIRECT": True,
        "SECURE_PROXY_SSL_HEADER": None,  # not trusted unless the proxy is said to set it
        "SECURE_HSTS_SECONDS": 31536000,
        "SECURE_HSTS_INCLUDE_SUBDOMAINS": True,
        "SECURE_HSTS_PRELOAD": True,
        "SESSION_COOKIE_SECURE": True,
        "CSRF_COOKIE_SECURE": True,
        "SESSION_COOKIE_HTTPONLY": True,
        "CSRF_COOKIE_HTTPONLY": True,
        "SESSION_COOKIE_SAMESITE": "Lax",
        "CSRF_TRUSTED_ORIGINS": [],
        "X_FRAME_OPTIONS": "DENY",
    }
    behind_proxy = settings_in(
        *names,
        SECURE_PROXY_SSL_HEADER="1",
        SECURE_HSTS_PRELOAD="0",
        CSRF_TRUSTED_ORIGINS="https://binnenwerk.example.nl,https://bw.example.nl",
    )
    assert behind_proxy["SECURE_PROXY_SSL_HEADER"] == ["HTTP_X_FORWARDED_PROTO", "https"]
    assert behind_proxy["SECURE_HSTS_PRELOAD"] is False
    assert behind_proxy["CSRF_TRUSTED_ORIGINS"] == [
        "https://binnenwerk.example.nl",
        "https://bw.example.nl",
    ]
    demo = settings_in(*names, DJANGO_DEBUG="1")
    assert demo["SECURE_SSL_REDIRECT"] is False and demo["SECURE_HSTS_SECONDS"] == 0
    assert demo["SESSION_COOKIE_SECURE"] is False


@pytest.mark.slow
def test_no_secret_key_no_server():
    env = production_env()
    del env["SECRET_KEY"]
    done = subprocess.run(
        [sys.executable, "-c", "import binnenwerk.settings"],
        cwd=PROJECT / "src",
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode != 0 and "ImproperlyConfigured" in done.stderr


def test_every_page_carries_the_security_headers(client):
    response = client.get("/inloggen/")
    assert response.status_code == 200
    policy = response["Content-Security-Policy"]
    directives = dict(part.strip().split(" ", 1) for part in policy.split(";"))
    assert directives == {
        "default-src": "'self'",
        "script-src": "'self'",
        "style-src": "'self'",
        "img-src": "'self'",
        "object-src": "'none'",
        "base-uri": "'self'",
        "frame-ancestors": "'none'",
        "form-action": "'self'",
    }
    permissions = response["Permissions-Policy"]
    for feature in ("camera=()", "microphone=()", "geolocation=()", "payment=()"):
        assert feature in permissions.split(", ")
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"
    cookie = response.cookies["csrftoken"]
    assert cookie["httponly"] and cookie["secure"] and cookie["samesite"] == "Lax"


def test_the_api_docs_get_only_what_they_need(client):
    swagger = client.get("/api/v1/docs")
    redoc = client.get("/api/v1/redoc")
    assert swagger.status_code == redoc.status_code == 200
    for response in (swagger, redoc):
        policy = response["Content-Security-Policy"]
        assert "unsafe-inline" not in policy and "unsafe-eval" not in policy
        assert "script-src 'self';" in policy + ";"
    assert "img-src 'self' data:" in swagger["Content-Security-Policy"]
    nonce = re.search(r"'nonce-([^']+)'", redoc["Content-Security-Policy"]).group(1)
    assert f'nonce="{nonce}"' in redoc.content.decode()
    for response in (swagger, redoc):  # nothing inline left in the pages, nothing from a CDN
        html = response.content.decode()
        assert "<style" not in html and "googleapis" not in html
        assert all(" src=" in tag for tag in html.split("<script")[1:])

"""Serving in production: gunicorn in front of the Django application (`binnenwerk serve`).

Bind address, workers and timeout come from the environment (HOST, PORT, WEB_CONCURRENCY,
WEB_TIMEOUT). The access log leaves out query strings (a peildatum, a search term), referrers
and user agents: method, path, status, size and duration are what operations need. SIGTERM
stops gracefully: workers finish their requests (up to WEB_GRACEFUL_TIMEOUT seconds).
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from gunicorn.app.base import BaseApplication
from gunicorn.glogging import Logger

from binnenwerk.client_address import address_from_meta

# Client address, time, method, path without the query string, protocol, status, bytes,
# duration in ms.
ACCESS_LOG_FORMAT = '%(h)s %(t)s "%(m)s %(U)s %(H)s" %(s)s %(b)s %(M)sms'
HEALTH_PATH = "/gezond"

StartResponse = Callable[..., Any]
WsgiApp = Callable[[dict[str, Any], StartResponse], Iterable[bytes]]


@dataclass(frozen=True)
class ServeConfig:
    bind: str
    workers: int
    timeout: int
    graceful_timeout: int

    @classmethod
    def from_environment(cls, bind: str | None = None, workers: int | None = None) -> ServeConfig:
        host = os.environ.get("HOST", "127.0.0.1")
        port = int(os.environ.get("PORT", "8000"))
        default_workers = 2 * (os.cpu_count() or 1) + 1
        return cls(
            bind=bind or f"{host}:{port}",
            workers=workers or int(os.environ.get("WEB_CONCURRENCY", default_workers)),
            timeout=int(os.environ.get("WEB_TIMEOUT", "60")),
            graceful_timeout=int(os.environ.get("WEB_GRACEFUL_TIMEOUT", "30")),
        )

    def gunicorn_options(self) -> dict[str, Any]:
        options: dict[str, Any] = {
            "bind": [self.bind],
            "workers": self.workers,
            "timeout": self.timeout,
            "graceful_timeout": self.graceful_timeout,
            "accesslog": "-",
            "errorlog": "-",
            "access_log_format": ACCESS_LOG_FORMAT,
            "logger_class": AccessLogger,
            # Load Django once in the master: a broken set-up fails at start, not per worker,
            # and workers share the imported code's memory.
            "preload_app": True,
            "proc_name": "binnenwerk",
            # No control socket in $HOME: nothing here uses gunicornc, and two servers on one
            # machine would share its path.
            "control_socket_disable": True,
        }
        if os.path.isdir("/dev/shm"):  # the workers' heartbeat files in memory (containers)
            options["worker_tmp_dir"] = "/dev/shm"
        return options


class AccessLogger(Logger):
    """gunicorn's logger with the client's address in %(h)s instead of the proxy's: the same
    rule as the login lockout (binnenwerk.client_address, TRUSTED_PROXY_COUNT)."""

    def atoms(self, resp: Any, req: Any, environ: dict[str, Any], request_time: Any) -> Any:
        atoms = super().atoms(resp, req, environ, request_time)
        atoms["h"] = address_from_meta(environ) or "-"
        return atoms


def with_health_check(application: WsgiApp) -> WsgiApp:
    """Answer GET /gezond before Django: 200 when the database answers, else 503.

    Outside Django on purpose: a container's or load balancer's probe reaches the process by its
    own address, which ALLOWED_HOSTS need not list, and over plain HTTP, which the HTTPS
    redirect would turn away. The answer holds no data.
    """

    def health_then_app(environ: dict[str, Any], start_response: StartResponse) -> Iterable[bytes]:
        if environ.get("PATH_INFO") != HEALTH_PATH:
            return application(environ, start_response)
        from django.db import connection

        try:
            with connection.cursor() as cursor:
                cursor.execute("SELECT 1")
            status, body = "200 OK", b"ok\n"
        except Exception:  # any failure to reach the database means "not healthy"
            status, body = "503 Service Unavailable", b"database unavailable\n"
        finally:
            connection.close()
        headers = [
            ("Content-Type", "text/plain; charset=utf-8"),
            ("Content-Length", str(len(body))),
            ("Cache-Control", "no-store"),
        ]
        start_response(status, headers)
        return [body]

    return health_then_app


class GunicornApplication(BaseApplication):
    def __init__(self, application: WsgiApp, options: dict[str, Any]) -> None:
        self.application = application
        self.options = options
        super().__init__()

    def load_config(self) -> None:
        for key, value in self.options.items():
            self.cfg.set(key, value)

    def load(self) -> WsgiApp:
        return self.application

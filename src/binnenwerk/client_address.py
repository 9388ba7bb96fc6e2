"""The address of the client that sent a request: the one rule every part of the app uses.

Behind a reverse proxy every request comes from the proxy (REMOTE_ADDR); the proxy adds the
address it received the request from to X-Forwarded-For (nginx: `$proxy_add_x_forwarded_for`).
Only what trusted proxies appended can be believed: whatever a client sends in the header
itself stands to the left of it. So with `TRUSTED_PROXY_COUNT` = N proxies in front of the
app, the client is the N-th address counted from the right; with 0 (the default, no proxy)
REMOTE_ADDR is the client and the header is ignored. A header that is missing, shorter than N
addresses or not an address at that place falls back to REMOTE_ADDR: never to a value the
client chose. The same rule as Django REST framework's NUM_PROXIES (settings.py sets both).

Used by the lockout after failed logins (django-axes, AXES_CLIENT_IP_CALLABLE), the survey's
limit on wrong codes and gunicorn's access log (web/serving.py).
"""

from __future__ import annotations

import ipaddress
from collections.abc import Mapping
from typing import Any

from django.conf import settings
from django.http import HttpRequest


def address_from_meta(meta: Mapping[str, Any], trusted_proxies: int | None = None) -> str:
    """The client's address from a request's META (or a WSGI environ); '' when unknown.

    `trusted_proxies` defaults to settings.TRUSTED_PROXY_COUNT.
    """
    if trusted_proxies is None:
        trusted_proxies = int(getattr(settings, "TRUSTED_PROXY_COUNT", 0))
    raw_remote = meta.get("REMOTE_ADDR")
    remote = _address(raw_remote) or (raw_remote.strip() if isinstance(raw_remote, str) else "")
    if trusted_proxies <= 0:
        return remote
    forwarded = meta.get("HTTP_X_FORWARDED_FOR")
    if not isinstance(forwarded, str):
        return remote
    hops = forwarded.split(",")
    if len(hops) < trusted_proxies:
        return remote
    return _address(hops[-trusted_proxies]) or remote


def client_address(request: HttpRequest) -> str:
    """The client's address of a request (see the module's text); django-axes calls this."""
    return address_from_meta(request.META)


def _address(value: object) -> str | None:
    """The address in its canonical form, or None when `value` is not one IPv4/IPv6 address."""
    if not isinstance(value, str):
        return None
    try:
        return str(ipaddress.ip_address(value.strip()))
    except ValueError:
        return None

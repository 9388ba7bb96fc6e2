"""A limit on wrong survey codes: per client address and per browser session.

Without it, anyone could try hundreds of codes a minute until one fits. After
ONDERZOEK_CODE_POGINGEN_ADRES wrong codes from one address (behind the proxy: the client's,
binnenwerk.client_address), or ONDERZOEK_CODE_POGINGEN_SESSIE in one session, within
ONDERZOEK_CODE_WACHTTIJD_MINUTEN, no code is checked from there until the oldest of those
attempts is that long ago; the page says to wait and nothing about the code.

The address's attempts are counted in Django's cache (shared by every worker only when
CACHE_URL names a shared cache, as production sets it), under a hash of the address; the
session's in the session itself. Counting is a read and a write, not atomic: requests that
arrive at the same moment may each be let through, a few attempts beyond the limit at most.
"""

from __future__ import annotations

import hashlib
import time

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest

from binnenwerk.client_address import client_address

SESSION_KEY = "onderzoek_codefouten"


def window_seconds() -> int:
    return int(settings.ONDERZOEK_CODE_WACHTTIJD_MINUTEN) * 60


def _address_key(request: HttpRequest) -> str:
    address = client_address(request)
    return "onderzoek:codefouten:" + hashlib.sha256(address.encode()).hexdigest()


def _recent(stamps: object, now: float) -> list[float]:
    if not isinstance(stamps, list):
        return []
    return [t for t in stamps if isinstance(t, int | float) and now - window_seconds() < t <= now]


def blocked(request: HttpRequest) -> bool:
    """True when the address or the session has used up its wrong codes for now."""
    now = time.time()
    by_address = _recent(cache.get(_address_key(request)), now)
    by_session = _recent(request.session.get(SESSION_KEY), now)
    address_full = len(by_address) >= _limit("ONDERZOEK_CODE_POGINGEN_ADRES")
    return address_full or len(by_session) >= _limit("ONDERZOEK_CODE_POGINGEN_SESSIE")


def record_failure(request: HttpRequest) -> None:
    """Count a wrong code for the address and the session (the latest `limit` of each)."""
    now = time.time()
    key = _address_key(request)
    by_address = [*_recent(cache.get(key), now), now]
    cache.set(key, by_address[-_limit("ONDERZOEK_CODE_POGINGEN_ADRES") :], window_seconds())
    by_session = [*_recent(request.session.get(SESSION_KEY), now), now]
    request.session[SESSION_KEY] = by_session[-_limit("ONDERZOEK_CODE_POGINGEN_SESSIE") :]


def _limit(name: str) -> int:
    return max(int(getattr(settings, name)), 1)

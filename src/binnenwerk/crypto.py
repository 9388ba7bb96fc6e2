"""The BSN at rest: Fernet encryption (MultiFernet: first key encrypts, every key decrypts) and a
keyed hash (HMAC-SHA256 with a separate key) that is the only way to look a BSN up.

The keys come from settings.BSN_SLEUTELS and settings.BSN_ZOEKSLEUTEL (the environment; see the
end of settings.py). The ciphertext is random per write, so two rows with the same BSN look
different in the database; the search value is the same for the same BSN, and without the key
it tells nothing.
"""

from __future__ import annotations

import functools
import hashlib
import hmac
from typing import Any

from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.core.signals import setting_changed
from django.dispatch import receiver


class BSNSleutelFout(ImproperlyConfigured):
    """A stored BSN that none of the keys can decrypt: the wrong or a missing key."""


@functools.cache
def _fernet() -> MultiFernet:
    keys = list(getattr(settings, "BSN_SLEUTELS", []) or [])
    if not keys:
        raise ImproperlyConfigured(
            "BSN_SLEUTELS ontbreekt: zet de omgevingsvariabele BSN_SLEUTELS (Fernet-sleutels, "
            "gescheiden door komma's)."
        )
    try:
        return MultiFernet([Fernet(key) for key in keys])
    except (ValueError, TypeError) as error:
        raise ImproperlyConfigured(
            "BSN_SLEUTELS bevat een ongeldige sleutel: elke sleutel is een Fernet-sleutel "
            "(32 bytes, url-safe base64), zie de README."
        ) from error


@functools.cache
def _search_key() -> bytes:
    key = str(getattr(settings, "BSN_ZOEKSLEUTEL", "") or "")
    if not key:
        raise ImproperlyConfigured(
            "BSN_ZOEKSLEUTEL ontbreekt: zet de omgevingsvariabele BSN_ZOEKSLEUTEL."
        )
    return key.encode()


@receiver(setting_changed)
def _forget_keys(*, setting: str, **kwargs: Any) -> None:
    if setting in ("BSN_SLEUTELS", "BSN_ZOEKSLEUTEL"):
        forget_keys()


def forget_keys() -> None:
    """Read the keys from the settings again (tests, after a change of the environment)."""
    _fernet.cache_clear()
    _search_key.cache_clear()


def encrypt(plain: str) -> str:
    """The ciphertext of a BSN (empty stays empty: no BSN is not a secret)."""
    if not plain:
        return ""
    return _fernet().encrypt(plain.encode()).decode("ascii")


def decrypt(token: str) -> str:
    if not token:
        return ""
    try:
        return _fernet().decrypt(token.encode("ascii")).decode()
    except InvalidToken as error:
        raise BSNSleutelFout(
            "Een opgeslagen BSN kan niet worden ontsleuteld: geen van de sleutels in "
            "BSN_SLEUTELS past. Staat de goede (oude) sleutel nog in de lijst?"
        ) from error


def rotate(token: str) -> str:
    """The same BSN encrypted again with the first key (MultiFernet.rotate)."""
    if not token:
        return ""
    try:
        return _fernet().rotate(token.encode("ascii")).decode("ascii")
    except InvalidToken as error:
        raise BSNSleutelFout(
            "Een opgeslagen BSN kan niet worden ontsleuteld: geen van de sleutels in "
            "BSN_SLEUTELS past; er is niets gewijzigd."
        ) from error


def search_value(plain: str) -> str:
    """The keyed hash to look a BSN up by (hex HMAC-SHA256); empty for no BSN."""
    if not plain:
        return ""
    return hmac.new(_search_key(), plain.encode(), hashlib.sha256).hexdigest()


def development_keys(seed: str) -> tuple[list[str], str]:
    """Fixed keys derived from `seed`, for the demo, the tests and command-line work on a
    development machine only: anyone can derive them, so they protect nothing."""
    import base64

    fernet_key = base64.urlsafe_b64encode(hashlib.sha256(f"{seed}:fernet".encode()).digest())
    search_key = hashlib.sha256(f"{seed}:zoek".encode()).hexdigest()
    return [fernet_key.decode("ascii")], search_key

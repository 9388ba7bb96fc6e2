"""Cache figures until the data behind them changes.

Every change to the data is audited (audit.py: auditlog's signals for single writes, log_bulk for
imports), so the audit log tells whether anything changed: its highest id and its number of
entries. The count matters on PostgreSQL, where ids are handed out before commit: a transaction
holding a lower id may commit after one holding a higher id, which leaves the highest id as it was
but not the count. A figure cached under the version of the data it was computed from is
therefore never served after a change; one query asks the version.

Use it for pages that recompute much from little (the dashboard at 100,000 people takes seconds,
and its page and its four charts ask the same numbers), keyed on everything else they depend on.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable
from typing import Any, TypeVar

from auditlog.models import LogEntry
from django.core.cache import cache
from django.db.models import Count, Max
from django.utils import translation

T = TypeVar("T")
TIMEOUT_SECONDS = 15 * 60
_MISSING = object()


def data_version() -> tuple[int, int]:
    """(highest audit entry id, number of entries): different after every committed change."""
    row = LogEntry.objects.aggregate(last=Max("id"), n=Count("id"))
    return row["last"] or 0, row["n"]


def cached(name: str, parts: Iterable[Any], compute: Callable[[], T]) -> T:
    """`compute()`, or its earlier result for the same name, parts, language and data version."""
    key_text = repr((name, tuple(parts), translation.get_language(), data_version()))
    key = f"binnenwerk:{name}:{hashlib.sha256(key_text.encode()).hexdigest()}"
    value = cache.get(key, _MISSING)
    if value is _MISSING:
        value = compute()
        cache.set(key, value, TIMEOUT_SECONDS)
    return value

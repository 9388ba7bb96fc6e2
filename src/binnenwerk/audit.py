"""Audit records: who changed what, when (django-auditlog).

Single writes are logged by auditlog itself (the models are registered in each
app's `apps.py`); services wrap their work in `acting_as(actor)` so the entry
names the user. Bulk writes (the importer) bypass model signals and record their
entries with `log_bulk`.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from auditlog.context import set_actor
from auditlog.models import LogEntry
from django.contrib.contenttypes.models import ContentType
from django.db import models


@contextlib.contextmanager
def acting_as(actor: Any) -> Iterator[None]:
    """Attribute the audit entries written inside the block to `actor` (a User or None)."""
    if actor is None or not getattr(actor, "pk", None):
        yield
        return
    with set_actor(actor):
        yield


def log_bulk(
    *,
    actor: Any,
    action: int,
    objects: Iterable[models.Model],
    changes: dict[int, dict[str, list[Any]]] | None = None,
    note: str = "",
    describe: Callable[[Any], str] = str,
) -> None:
    """One LogEntry per object; `changes` maps pk → {field: [old, new]}.

    `describe` names an object for the log without touching its relations (one
    query per object would make a bulk write slow).
    """
    objects = list(objects)
    if not objects:
        return
    content_type = ContentType.objects.get_for_model(objects[0].__class__)
    actor_id = actor.pk if actor is not None and getattr(actor, "pk", None) else None
    entries = [
        LogEntry(
            content_type=content_type,
            object_pk=str(obj.pk),
            object_id=obj.pk,
            object_repr=describe(obj)[:500],
            action=action,
            changes=(changes or {}).get(obj.pk, {}),
            actor_id=actor_id,
            additional_data={"bron": note} if note else None,
        )
        for obj in objects
    ]
    LogEntry.objects.bulk_create(entries, batch_size=2000)


def recent_entries(*, actor: str = "", model: str = "") -> Any:
    """The audit log, newest first, optionally for one user (username) or one kind of object
    (content type model name). A queryset: the caller paginates."""
    entries = LogEntry.objects.select_related("actor", "content_type").order_by("-timestamp")
    if actor:
        entries = entries.filter(actor__username=actor)
    if model:
        entries = entries.filter(content_type__model=model)
    return entries


def logged_models() -> list[tuple[str, str]]:
    """(model name, verbose name) of every kind of object the log holds, for a filter."""
    ids = LogEntry.objects.values_list("content_type", flat=True).distinct()
    types = ContentType.objects.filter(pk__in=ids).order_by("model")
    return [(t.model, _verbose_name(t)) for t in types]


def _verbose_name(content_type: ContentType) -> str:
    model = content_type.model_class()
    return str(model._meta.verbose_name) if model else content_type.model

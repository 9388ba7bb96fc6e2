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
from django.db import connection, models
from django.utils import timezone

from binnenwerk.bulk import insert_values


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
    if objects:
        log_bulk_ids(
            actor=actor,
            action=action,
            model=type(objects[0]),
            names={obj.pk: describe(obj) for obj in objects},
            changes=changes,
            note=note,
        )


def log_bulk_ids(
    *,
    actor: Any,
    action: int,
    model: type[models.Model],
    names: dict[int, str],
    changes: dict[int, dict[str, list[Any]]] | None = None,
    note: str = "",
) -> None:
    """One LogEntry per id in `names` (id → how the log names the object).

    The entries go in as multi-row INSERTs of values prepared here (binnenwerk.bulk): an import of
    100,000 people writes half a million of them, and Django's bulk_create would spend
    most of the import's time preparing each value again.
    """
    if not names:
        return
    content_type = ContentType.objects.get_for_model(model)
    actor_id = actor.pk if actor is not None and getattr(actor, "pk", None) else None
    fields = {f.name: f for f in LogEntry._meta.concrete_fields}
    json = fields["changes"]

    def prepared(field: str, value: Any) -> Any:
        return fields[field].get_db_prep_save(value, connection)

    timestamp = prepared("timestamp", timezone.now())
    additional = prepared("additional_data", {"bron": note} if note else None)
    changes = changes or {}
    rows = [
        (
            content_type.pk,
            str(pk),
            pk,
            name[:500],
            action,
            "",
            json.get_db_prep_save(changes.get(pk, {}), connection),
            actor_id,
            timestamp,
            additional,
        )
        for pk, name in names.items()
    ]
    columns = (
        "content_type",
        "object_pk",
        "object_id",
        "object_repr",
        "action",
        "changes_text",
        "changes",
        "actor",
        "timestamp",
        "additional_data",
    )
    insert_values(LogEntry._meta.db_table, [str(fields[name].column) for name in columns], rows)


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

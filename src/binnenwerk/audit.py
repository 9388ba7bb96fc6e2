"""Audit records: who changed what, when (django-auditlog).

Single writes are logged by auditlog itself (the models are registered in each
app's `apps.py`); services wrap their work in `acting_as(actor)` so the entry
names the user. Bulk writes (the importer) bypass model signals and record their
entries with `log_bulk`.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
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


# --- Special-category data in the log -----------------------------------------------------------
# An audit entry repeats what changed. Where that is special-category data (health, absence,
# coaching, the target-group indication) the log must not show it to someone whose role may not
# see the data itself: each app names its special data here (in its AppConfig.ready, beside its
# auditlog registration), and every page that shows entries goes through `shown_entries`.


@dataclass(frozen=True)
class Special:
    roles: frozenset[str]  # the roles that may see it
    fields: frozenset[str] | None  # None: the whole record (that it exists says too much)


_SPECIAL: dict[str, Special] = {}


def register_special(
    model: type[models.Model], *, roles: Iterable[str], fields: Iterable[str] | None = None
) -> None:
    """Declare `fields` of `model` (or, without fields, every record of it) special-category
    data that only `roles` may read in the audit log."""
    _SPECIAL[model._meta.label_lower] = Special(
        roles=frozenset(str(r) for r in roles),
        fields=frozenset(fields) if fields is not None else None,
    )


@dataclass(frozen=True)
class ShownChange:
    field: str
    old: Any
    new: Any
    hidden: bool


@dataclass(frozen=True)
class ShownEntry:
    """An audit entry as one user may see it."""

    entry: LogEntry
    hidden: bool  # the whole record is special data the user may not see
    changes: list[ShownChange]
    # The user was shown special-category values of this record (the read is access-logged).
    reveals_special: bool

    @property
    def object_repr(self) -> str:
        return "" if self.hidden else self.entry.object_repr


def _special_of(entry: LogEntry) -> Special | None:
    content_type = entry.content_type
    return _SPECIAL.get(f"{content_type.app_label}.{content_type.model}")


def shown_entry(entry: LogEntry, roles: frozenset[str]) -> ShownEntry:
    special = _special_of(entry)
    allowed = special is None or bool(special.roles & roles)
    changes = entry.changes_dict if isinstance(entry.changes_dict, dict) else {}
    if special is not None and special.fields is None and not allowed:
        return ShownEntry(entry, hidden=True, changes=[], reveals_special=False)
    shown, reveals = [], False
    for field, change in changes.items():
        old, new = [*change, None, None][:2] if isinstance(change, list) else (None, None)
        is_special = special is not None and (special.fields is None or field in special.fields)
        hide = is_special and not allowed
        reveals = reveals or (is_special and allowed)
        shown.append(ShownChange(field, None if hide else old, None if hide else new, hide))
    return ShownEntry(entry, hidden=False, changes=shown, reveals_special=reveals)


def shown_entries(entries: Iterable[LogEntry], roles: frozenset[str]) -> list[ShownEntry]:
    """The entries with what `roles` may not see of special-category data left out."""
    return [shown_entry(entry, roles) for entry in entries]

"""Everything the system holds about one person (AVG art. 15), found generically.

The records are discovered from the model graph, not listed by hand: every model with a
foreign key or one-to-one field to `people.Medewerker` (`Medewerker._meta.related_objects`),
then every model that points at those records (contract decisions on a contract, Poortwachter
steps on a sick report, the phases of the candidate record that led to the person), and so on
down the reverse relations. A new app's data about a person is therefore never forgotten.
Besides the records: the person's own fields (with the BSN and the indication: their own data)
and the audit-log entries about every record found.

Nothing here writes or logs: the service (`services.inzageverzoek_export`) logs the request.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from auditlog.models import LogEntry
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from binnenwerk.formatting import date_nl, decimal_nl
from binnenwerk.people.models import Medewerker

# How far down the reverse relations the discovery goes (person → contract → decision → …).
MAX_DEPTH = 4
# Fields that are no one's personal data but keys or secrets of the system: never exported.
# The BSN's keyed hash (bsn_zoekwaarde) is a search aid, not data about the person.
SECRET_FIELD = re.compile(r"zoekwaarde|digest|password|secret|token|sleutel", re.IGNORECASE)
# The key of the person's own details and of the audit log among the categories.
PERSON_KEY = "people.medewerker"
AUDIT_KEY = "auditlog.logentry"


@dataclass
class Category:
    """One kind of data about the person: a heading and a table (and one file in the zip)."""

    key: str  # the model label in lower case, e.g. "absence.ziekmelding"
    title: str
    columns: list[tuple[str, str]]  # (field name, column heading)
    records: list[dict[str, Any]] = field(default_factory=list)  # machine values (JSON)
    shown: list[list[str]] = field(default_factory=list)  # values as people read them (PDF)

    @property
    def filename(self) -> str:
        return self.key.replace(".", "_")


@dataclass
class Found:
    """The records of one model that are about the person."""

    model: type[models.Model]
    ids: list[int]


def _reverse_relations(model: type[models.Model]) -> Iterable[Any]:
    """The relations of other models pointing at `model` (FK, one-to-one, many-to-many)."""
    return [rel for rel in model._meta.related_objects if rel.related_model is not None]


def related_records(person: Medewerker) -> dict[str, Found]:
    """Every record about `person`, by model label (lower case), breadth first."""
    found: dict[str, Found] = {}
    frontier: list[tuple[type[models.Model], list[int]]] = [(Medewerker, [person.pk])]
    seen = {Medewerker._meta.label_lower}
    for _depth in range(MAX_DEPTH):
        queries: dict[str, tuple[type[models.Model], Q]] = {}
        for parent, parent_ids in frontier:
            for rel in _reverse_relations(parent):
                child = rel.related_model
                label = child._meta.label_lower
                if label in seen:
                    continue
                _, query = queries.get(label, (child, Q()))
                queries[label] = (child, query | Q(**{f"{rel.field.name}__in": parent_ids}))
        frontier = []
        for label, (child, query) in queries.items():
            seen.add(label)
            ids = sorted(child._base_manager.filter(query).values_list("pk", flat=True).distinct())
            found[label] = Found(model=child, ids=ids)
            # Also without records: their children are categories too (shown as empty).
            frontier.append((child, ids))
        if not frontier:
            break
    return found


def _fields(model: type[models.Model]) -> list[models.Field]:
    """The fields shown: not the link to the person (always the same), nor keys or secrets."""
    return [
        f
        for f in model._meta.concrete_fields
        if f.related_model is not Medewerker and not SECRET_FIELD.search(f.name)
    ]


def _heading(f: models.Field) -> str:
    name = str(f.verbose_name)
    return name[:1].upper() + name[1:]


def _machine(obj: models.Model, f: models.Field) -> Any:
    if f.is_relation:
        target = getattr(obj, f.name)
        return None if target is None else str(target)
    value = getattr(obj, f.attname)
    if f.choices and value not in (None, ""):
        return str(dict(f.flatchoices).get(value, value))
    if isinstance(value, dt.datetime):
        return timezone.localtime(value).isoformat(timespec="seconds")
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    return value


def _shown(value: Any, f: models.Field | None = None) -> str:
    if value is None or value == "":
        return "–"
    if isinstance(value, bool):
        return _("yes") if value else _("no")
    if isinstance(f, models.DateTimeField):
        return timezone.localtime(dt.datetime.fromisoformat(value)).strftime("%d-%m-%Y %H:%M")
    if isinstance(f, models.DateField):
        return date_nl(dt.date.fromisoformat(value))
    if isinstance(f, models.DecimalField):
        return decimal_nl(Decimal(value), f.decimal_places or 0)
    return str(value)


def _category(
    key: str, title: str, model: type[models.Model], objects: Iterable[models.Model]
) -> Category:
    fields = _fields(model)
    category = Category(key=key, title=title, columns=[(f.name, _heading(f)) for f in fields])
    for obj in objects:
        record = {f.name: _machine(obj, f) for f in fields}
        category.records.append(record)
        category.shown.append([_shown(record[f.name], f) for f in fields])
    return category


def _title(model: type[models.Model]) -> str:
    name = str(model._meta.verbose_name_plural)
    return name[:1].upper() + name[1:]


def _changes(entry: LogEntry) -> str:
    parts = []
    for name, change in (entry.changes_dict or {}).items():
        if isinstance(change, list | tuple) and len(change) == 2:
            parts.append(f"{name}: {change[0]} → {change[1]}")
        else:
            parts.append(f"{name}: {change}")
    return "; ".join(parts)


def _audit(found: dict[str, Found], person: Medewerker) -> Category:
    """The audit-log entries about the person and every record found (changes only as the log
    holds them: special-category texts and the BSN are masked there)."""
    query = Q(content_type=ContentType.objects.get_for_model(Medewerker), object_id=person.pk)
    for item in found.values():
        if item.ids:
            query |= Q(content_type=ContentType.objects.get_for_model(item.model)) & Q(
                object_id__in=item.ids
            )
    entries = (
        LogEntry.objects.filter(query)
        .select_related("actor", "content_type")
        .order_by("timestamp", "id")
    )
    columns = [
        ("timestamp", _("When")),
        ("actor", _("By")),
        ("action", _("Action")),
        ("record_type", _("Kind of record")),
        ("record", _("Record")),
        ("changes", _("Changes")),
    ]
    category = Category(key=AUDIT_KEY, title=_("Change history (audit log)"), columns=columns)
    for entry in entries:
        model = entry.content_type.model_class()
        record = {
            "timestamp": timezone.localtime(entry.timestamp).isoformat(timespec="seconds"),
            "actor": entry.actor.get_username() if entry.actor else None,
            "action": str(entry.get_action_display()),
            "record_type": str(model._meta.verbose_name) if model else entry.content_type.model,
            "record": entry.object_repr,
            "changes": _changes(entry),
        }
        category.records.append(record)
        category.shown.append(
            [
                timezone.localtime(entry.timestamp).strftime("%d-%m-%Y %H:%M"),
                *(_shown(record[name]) for name, _heading in columns[1:]),
            ]
        )
    return category


def subject_access(person: Medewerker) -> list[Category]:
    """The person's own details, then one category per kind of record about them (also the
    empty ones: the document says there are none), then the audit log about them."""
    person = Medewerker.objects.select_related("werkgever").get(pk=person.pk)
    own = _category(PERSON_KEY, _("Personal details"), Medewerker, [person])
    found = related_records(person)
    categories = [own]
    for label, item in found.items():
        objects = item.model._base_manager.filter(pk__in=item.ids).order_by("pk")
        categories.append(_category(label, _title(item.model), item.model, objects))
    categories.append(_audit(found, person))
    return categories

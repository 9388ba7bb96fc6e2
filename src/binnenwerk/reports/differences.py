"""The difference view: a publication's frozen figures against today's, with the audit
entries (made after the publication, touching its year) of the records that changed them.
BSN is never shown; absence records are not named."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any

from auditlog.models import LogEntry
from django.contrib.contenttypes.models import ContentType
from django.utils.translation import gettext as _

from binnenwerk.absence.models import Herstelperiode, Ziekmelding
from binnenwerk.jobs.dates import year_end
from binnenwerk.organisation.models import Team
from binnenwerk.outflow.models import Uitstroom
from binnenwerk.people.models import Dienstverband, Medewerker, Plaatsing
from binnenwerk.reports.models import Publicatie
from binnenwerk.reports.selectors import Jaaroverzicht, jaaroverzicht_cijfers, snapshot

CAUSE_MODELS: tuple[type, ...] = (
    Dienstverband,
    Plaatsing,
    Medewerker,
    Team,
    Ziekmelding,
    Herstelperiode,
    Uitstroom,
)
MASKED_MODELS: tuple[type, ...] = (Ziekmelding, Herstelperiode)
HIDDEN_FIELDS = {"bsn", "geboortedatum"}
DATE_FIELDS = ("start", "einde", "datum")


@dataclass(frozen=True)
class Verschil:
    sleutel: str
    label: str
    gepubliceerd: str | None
    nu: str | None

    @property
    def verschil(self) -> Decimal | None:
        try:
            return Decimal(self.nu or "0") - Decimal(self.gepubliceerd or "0")
        except InvalidOperation:
            return None


@dataclass(frozen=True)
class Oorzaak:
    """An audit entry made after the publication that touches the year: who, when, what."""

    wanneer: dt.datetime
    wie: str
    soort: str
    object: str
    actie: str
    wijzigingen: list[tuple[str, str, str]]


@dataclass(frozen=True)
class Verschillen:
    publicatie: Publicatie
    cijfers: list[Verschil]
    oorzaken: list[Oorzaak]


def changed_figures(published: Jaaroverzicht, now: Jaaroverzicht) -> list[Verschil]:
    """Every figure whose shown value differs, including figures only one side has."""
    before, after = published.by_key(), now.by_key()
    keys = list(before) + [k for k in after if k not in before]
    result = []
    for key in keys:
        old, new = before.get(key), after.get(key)
        if old is not None and new is not None and old.waarde == new.waarde:
            continue
        label = (new or old).label if (new or old) else key  # type: ignore[union-attr]
        result.append(
            Verschil(key, label, old.waarde if old else None, new.waarde if new else None)
        )
    return result


def _dates_in(changes: dict[str, Any]) -> list[dt.date]:
    found = []
    for name in DATE_FIELDS:
        for value in changes.get(name) or []:
            if value and value != "None":
                try:
                    found.append(dt.date.fromisoformat(str(value)[:10]))
                except ValueError:
                    continue
    return found


def _current_dates(entries: list[LogEntry]) -> dict[tuple[int, str], list[dt.date]]:
    """The dates of the objects as they are now (one query per kind of object)."""
    by_type: dict[int, set[str]] = {}
    for entry in entries:
        by_type.setdefault(entry.content_type_id, set()).add(entry.object_pk)
    dates: dict[tuple[int, str], list[dt.date]] = {}
    for type_id, pks in by_type.items():
        model = ContentType.objects.get_for_id(type_id).model_class()
        if model is None:
            continue
        names = [f for f in DATE_FIELDS if any(x.name == f for x in model._meta.concrete_fields)]
        if not names:
            continue
        for row in model._default_manager.filter(pk__in=pks).values("pk", *names):
            dates[(type_id, str(row["pk"]))] = [row[n] for n in names if row[n]]
    return dates


def _touches(entry: LogEntry, jaar: int, current: dict[tuple[int, str], list[dt.date]]) -> bool:
    """An entry touches the year when one of its dates (before or after the change, or the
    object's today) is on or before the year's end; an entry without dates (a person's
    details) always may."""
    dates = _dates_in(entry.changes_dict or {}) + current.get(
        (entry.content_type_id, entry.object_pk), []
    )
    if not dates:
        return True
    return min(dates) <= year_end(jaar)


def _describe(entry: LogEntry, masked: bool) -> Oorzaak:
    model = entry.content_type.model_class()
    soort = str(model._meta.verbose_name) if model else entry.content_type.model
    changes = []
    for name, values in (entry.changes_dict or {}).items():
        if name in HIDDEN_FIELDS:
            changes.append((name, "•••", "•••"))
            continue
        old, new = [*values, "", ""][:2] if isinstance(values, list) else ("", values)
        changes.append((name, str(old), str(new)))
    return Oorzaak(
        wanneer=entry.timestamp,
        wie=entry.actor.get_username() if entry.actor else _("system"),
        soort=soort,
        object=soort if masked else entry.object_repr,
        actie=entry.get_action_display(),
        wijzigingen=changes,
    )


def oorzaken(publicatie: Publicatie) -> list[Oorzaak]:
    """Audit entries on people, contracts, placements, teams, absence and outflow made after
    the publication whose changes touch its year; BSN never shown, absence records unnamed."""
    types = ContentType.objects.get_for_models(*CAUSE_MODELS)
    masked = {types[m].pk for m in MASKED_MODELS}
    entries = list(
        LogEntry.objects.filter(
            timestamp__gt=publicatie.published_at, content_type__in=list(types.values())
        )
        .select_related("actor", "content_type")
        .order_by("timestamp", "pk")
    )
    current = _current_dates(entries)
    return [
        _describe(e, e.content_type_id in masked)
        for e in entries
        if _touches(e, publicatie.jaar, current)
    ]


def verschillen(publicatie: Publicatie) -> Verschillen:
    """A publication's frozen figures against today's, with the records that changed since."""
    now = jaaroverzicht_cijfers(publicatie.jaar, publicatie.kwartaal)
    return Verschillen(publicatie, changed_figures(snapshot(publicatie), now), oorzaken(publicatie))

"""The difference view: a publication's frozen figures (and texts; for a quarter the cells of
Table 1) against today's, with the audit entries (made after the publication, touching its
period) of the records that changed them. BSN is never shown; absence records are not named."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import Any

from auditlog.models import LogEntry
from django.contrib.contenttypes.models import ContentType
from django.utils.translation import gettext as _

from binnenwerk.absence.models import Herstelperiode, Ziekmelding
from binnenwerk.jobs.dates import year_end
from binnenwerk.monitor.models import Doelstelling, Kwartaalcijfer, Quotumpercentage
from binnenwerk.monitor.quarters import Kwartaal
from binnenwerk.organisation.models import Team
from binnenwerk.outflow.models import Uitstroom
from binnenwerk.people.models import Dienstverband, Medewerker, Plaatsing
from binnenwerk.reports.constants import TABEL1_KOLOMMEN, TekstSoort
from binnenwerk.reports.models import Publicatie
from binnenwerk.reports.selectors import (
    Jaaroverzicht,
    TekstDeel,
    jaaroverzicht_cijfers,
    kwartaal_tabel1,
    snapshot,
)

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
# What else changes Table 1 of a quarter: the monitor's own inputs, per year (and quarter).
MONITOR_MODELS: tuple[type, ...] = (Quotumpercentage, Doelstelling, Kwartaalcijfer)
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
class TekstVerschil:
    """A text changed, added or removed since the publication."""

    GEWIJZIGD = "gewijzigd"
    TOEGEVOEGD = "toegevoegd"
    VERWIJDERD = "verwijderd"

    soort: str
    titel: str
    wijziging: str

    @property
    def omschrijving(self) -> str:
        """'Foreword changed', 'Story “…” added' (in the active language)."""
        if self.soort == TekstSoort.VOORWOORD:
            return {
                self.GEWIJZIGD: _("Foreword changed"),
                self.TOEGEVOEGD: _("Foreword added"),
                self.VERWIJDERD: _("Foreword removed"),
            }[self.wijziging]
        messages = {
            self.GEWIJZIGD: _("Story “%(title)s” changed"),
            self.TOEGEVOEGD: _("Story “%(title)s” added"),
            self.VERWIJDERD: _("Story “%(title)s” removed"),
        }
        return messages[self.wijziging] % {"title": self.titel}


@dataclass(frozen=True)
class CelVerschil:
    """A cell of Table 1 whose published value differs from today's (None: no value)."""

    code: str
    naam: str
    kolom: str
    gepubliceerd: str | None
    nu: str | None

    @property
    def verschil(self) -> Decimal | None:
        if self.gepubliceerd is None or self.nu is None:
            return None
        try:
            return Decimal(self.nu) - Decimal(self.gepubliceerd)
        except InvalidOperation:
            return None


@dataclass(frozen=True)
class Verschillen:
    publicatie: Publicatie
    cijfers: list[Verschil]
    oorzaken: list[Oorzaak]
    teksten: list[TekstVerschil] = field(default_factory=list)
    cellen: list[CelVerschil] = field(default_factory=list)


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


def _text_key(tekst: TekstDeel) -> str:
    """Match a published text with today's: by the Tekst it came from, else the foreword by
    its kind and a story by its title."""
    if tekst.id is not None:
        return f"id:{tekst.id}"
    if tekst.is_voorwoord:
        return TekstSoort.VOORWOORD
    return f"{tekst.soort}:{tekst.titel}"


def changed_texts(published: Jaaroverzicht, now: Jaaroverzicht) -> list[TekstVerschil]:
    """Every text whose title, wording or place differs, or that only one side has. A
    snapshot made before texts were kept has none: today's texts show as added."""
    before = {_text_key(t): t for t in published.teksten}
    after = {_text_key(t): t for t in now.teksten}
    if any(t.id is None for t in published.teksten):
        # An old snapshot without ids: match today's texts the same way.
        after = {
            _text_key(TekstDeel(t.soort, t.titel, t.inhoud, t.volgorde)): t for t in now.teksten
        }
    result = []
    for key, old in before.items():
        new = after.get(key)
        if new is None:
            result.append(TekstVerschil(old.soort, old.titel, TekstVerschil.VERWIJDERD))
        elif (old.titel, old.inhoud, old.volgorde) != (new.titel, new.inhoud, new.volgorde):
            result.append(TekstVerschil(new.soort, new.titel, TekstVerschil.GEWIJZIGD))
    result.extend(
        TekstVerschil(new.soort, new.titel, TekstVerschil.TOEGEVOEGD)
        for key, new in after.items()
        if key not in before
    )
    return result


def changed_cells(published: list[dict[str, Any]], now: list[dict[str, Any]]) -> list[CelVerschil]:
    """Every cell of Table 1 whose value differs, rows matched by their code (the total row
    has the code ""), including rows only one side has."""
    before = {row["code"]: row for row in published}
    after = {row["code"]: row for row in now}
    codes = list(before) + [c for c in after if c not in before]
    result = []
    for code in codes:
        old, new = before.get(code, {}), after.get(code, {})
        naam = str(new.get("naam") or old.get("naam") or code)
        for kolom in TABEL1_KOLOMMEN:
            if old.get(kolom) != new.get(kolom):
                result.append(CelVerschil(code, naam, kolom, old.get(kolom), new.get(kolom)))
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


def _touches(entry: LogEntry, end: dt.date, current: dict[tuple[int, str], list[dt.date]]) -> bool:
    """An entry touches the period when one of its dates (before or after the change, or the
    object's today) is on or before the period's end; an entry without dates (a person's
    details) always may."""
    dates = _dates_in(entry.changes_dict or {}) + current.get(
        (entry.content_type_id, entry.object_pk), []
    )
    if not dates:
        return True
    return min(dates) <= end


def _monitor_periods(entries: list[LogEntry]) -> dict[tuple[int, str], tuple[str, str]]:
    """The year and quarter ("" for a yearly record) of each monitor record as it is now,
    one query per kind."""
    by_type: dict[int, set[str]] = {}
    for entry in entries:
        by_type.setdefault(entry.content_type_id, set()).add(entry.object_pk)
    periods: dict[tuple[int, str], tuple[str, str]] = {}
    for type_id, pks in by_type.items():
        model = ContentType.objects.get_for_id(type_id).model_class()
        if model is None:
            continue
        names = ["jaar", "kwartaal"] if model is Kwartaalcijfer else ["jaar"]
        for row in model._default_manager.filter(pk__in=pks).values("pk", *names):
            periods[(type_id, str(row["pk"]))] = (str(row["jaar"]), str(row.get("kwartaal") or ""))
    return periods


def _logged(changes: dict[str, Any], name: str) -> set[str]:
    """The values a field had before and after the change ("None" left out)."""
    found = changes.get(name)
    if not isinstance(found, list):
        return set()
    return {str(v) for v in found if v not in (None, "None", "")}


def _touches_quarter(
    entry: LogEntry, jaar: int, kwartaal: int, now: dict[tuple[int, str], tuple[str, str]]
) -> bool:
    """A monitor record touches Table 1 of the quarter when it is (or was) about its year,
    and a quarterly figure also about its quarter."""
    changes = entry.changes_dict or {}
    year_now, quarter_now = now.get((entry.content_type_id, entry.object_pk), ("", ""))
    years = _logged(changes, "jaar") | {year_now}
    quarters = _logged(changes, "kwartaal") | ({quarter_now} if quarter_now else set())
    if str(jaar) not in years:
        return False
    return not quarters or str(kwartaal) in quarters


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
    the publication whose changes touch its period (for a quarter also the monitor's targets,
    quotum percentages and quarterly figures of its year); BSN never shown, absence records
    unnamed."""
    kwartaal = publicatie.kwartaal
    models = CAUSE_MODELS + (MONITOR_MODELS if kwartaal else ())
    types = ContentType.objects.get_for_models(*models)
    masked = {types[m].pk for m in MASKED_MODELS}
    monitor = {types[m].pk for m in MONITOR_MODELS if m in types}
    entries = list(
        LogEntry.objects.filter(
            timestamp__gt=publicatie.published_at, content_type__in=list(types.values())
        )
        .select_related("actor", "content_type")
        .order_by("timestamp", "pk")
    )
    end = Kwartaal(publicatie.jaar, kwartaal).last_day if kwartaal else year_end(publicatie.jaar)
    records = [e for e in entries if e.content_type_id not in monitor]
    current = _current_dates(records)
    touching = {e.pk for e in records if _touches(e, end, current)}
    if kwartaal:
        inputs = [e for e in entries if e.content_type_id in monitor]
        periods = _monitor_periods(inputs)
        touching |= {
            e.pk for e in inputs if _touches_quarter(e, publicatie.jaar, kwartaal, periods)
        }
    return [_describe(e, e.content_type_id in masked) for e in entries if e.pk in touching]


def verschillen(publicatie: Publicatie) -> Verschillen:
    """A year's frozen figures and texts against today's, with the records that changed
    since; for a quarter the cells of Table 1 instead of the year's figures."""
    published = snapshot(publicatie)
    if publicatie.kwartaal:
        now_table = kwartaal_tabel1(publicatie.jaar, publicatie.kwartaal)
        return Verschillen(
            publicatie,
            [],
            oorzaken(publicatie),
            cellen=changed_cells(published.tabel1, now_table),
        )
    now = jaaroverzicht_cijfers(publicatie.jaar)
    return Verschillen(
        publicatie,
        changed_figures(published, now),
        oorzaken(publicatie),
        teksten=changed_texts(published, now),
    )

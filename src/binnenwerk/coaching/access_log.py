"""Reads of the access log (Inzage) for the privacy officer: search by user, person, kind and
date range, and the CSV of a search. The BSN is never shown, searched or exported here."""

from __future__ import annotations

import datetime as dt
import io
from dataclasses import dataclass

from django.db.models import Q, QuerySet
from django.utils import timezone

from binnenwerk.coaching.constants import InzageSoort
from binnenwerk.coaching.models import Inzage
from binnenwerk.formatting import csv_writer


@dataclass(frozen=True)
class AccessFilter:
    gebruiker: str = ""  # (part of) a username
    persoon: str = ""  # a personnel number, or (parts of) a name
    soort: str = ""  # an InzageSoort value, or empty for every kind
    van: dt.date | None = None  # first day, inclusive
    tot: dt.date | None = None  # last day, inclusive

    def describe(self) -> str:
        """The filter in one line, for the why-context of the CSV export (no BSN: never
        searched on). Empty when nothing is chosen."""
        parts = [
            f"{name}={value}"
            for name, value in (
                ("gebruiker", self.gebruiker),
                ("persoon", self.persoon),
                ("soort", self.soort),
                ("van", self.van.isoformat() if self.van else ""),
                ("tot", self.tot.isoformat() if self.tot else ""),
            )
            if value
        ]
        return ", ".join(parts)


def _start_of(day: dt.date) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(day, dt.time.min))


def _person_query(term: str) -> Q:
    """A personnel number exactly, or every word in the first or last name."""
    query = Q(medewerker__personeelsnummer__iexact=term)
    words = term.split()
    if words:
        by_name = Q()
        for word in words:
            by_name &= Q(medewerker__voornaam__icontains=word) | Q(
                medewerker__achternaam__icontains=word
            )
        query |= by_name
    return query


def access_log_search(chosen: AccessFilter) -> QuerySet[Inzage]:
    """Newest first; the date range works on whole days in the site's time zone."""
    rows = Inzage.objects.select_related("gebruiker", "medewerker").order_by("-wanneer", "-id")
    if chosen.gebruiker:
        rows = rows.filter(gebruiker__username__icontains=chosen.gebruiker)
    if chosen.persoon:
        rows = rows.filter(_person_query(chosen.persoon))
    if chosen.soort in InzageSoort.values:
        rows = rows.filter(soort=chosen.soort)
    if chosen.van:
        rows = rows.filter(wanneer__gte=_start_of(chosen.van))
    if chosen.tot:
        rows = rows.filter(wanneer__lt=_start_of(chosen.tot + dt.timedelta(days=1)))
    return rows


CSV_COLUMNS = [
    "wanneer",
    "gebruiker",
    "soort",
    "personeelsnummer",
    "record",
    "context",
    "aantal_personen",
]


def access_log_csv(rows: QuerySet[Inzage]) -> str:
    """One line per access record: who, when, what kind, whose (personnel number only), which
    record, why. Never a name or BSN; the file itself is logged as an export."""
    out = io.StringIO()
    writer = csv_writer(out)
    writer.writerow(CSV_COLUMNS)
    for row in rows.iterator(chunk_size=2000):
        writer.writerow(
            [
                timezone.localtime(row.wanneer).isoformat(timespec="seconds"),
                row.gebruiker.username if row.gebruiker else "",
                row.soort,
                row.medewerker.personeelsnummer if row.medewerker else "",
                row.object_id or "",
                row.context,
                "" if row.aantal is None else row.aantal,
            ]
        )
    return out.getvalue()

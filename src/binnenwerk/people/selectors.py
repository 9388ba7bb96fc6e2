"""Reads about people: a filtered list with their situation on a date, and one person's history."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db.models import OuterRef, Q, QuerySet, Subquery

from binnenwerk import crypto
from binnenwerk.people.bsn import normalise_bsn
from binnenwerk.people.models import Dienstverband, Medewerker, Plaatsing
from binnenwerk.periods import active_on


@dataclass(frozen=True)
class PeopleFilter:
    zoek: str = ""
    team: str = ""
    werksoort: str = ""
    opdrachtgever: str = ""
    soort: str = ""
    alleen_actief: bool = True


def _on(model: type[Dienstverband] | type[Plaatsing], peildatum: dt.date, field: str) -> Subquery:
    rows = model.objects.filter(active_on(peildatum), medewerker=OuterRef("pk"))
    return Subquery(rows.values(field)[:1])


def medewerker_list(
    people: QuerySet[Medewerker], peildatum: dt.date, filters: PeopleFilter
) -> QuerySet[Medewerker]:
    """People in scope with their team, client, hours and contract type on the date."""
    qs = people.annotate(
        team_code=_on(Plaatsing, peildatum, "team__code"),
        team_naam=_on(Plaatsing, peildatum, "team__naam"),
        werksoort_code=_on(Plaatsing, peildatum, "team__werksoort__code"),
        opdrachtgever_code=_on(Plaatsing, peildatum, "opdrachtgever__code"),
        uren=_on(Dienstverband, peildatum, "uren_per_week"),
        contractsoort=_on(Dienstverband, peildatum, "soort"),
    )
    if filters.zoek:
        words = filters.zoek.split()
        for word in words:
            qs = qs.filter(
                Q(voornaam__icontains=word)
                | Q(achternaam__icontains=word)
                | Q(personeelsnummer__iexact=word)
            )
    if filters.alleen_actief:
        qs = qs.filter(uren__isnull=False)
    for field, value in (
        ("team_code", filters.team),
        ("werksoort_code", filters.werksoort),
        ("opdrachtgever_code", filters.opdrachtgever),
        ("contractsoort", filters.soort),
    ):
        if value:
            qs = qs.filter(**{field: value})
    return qs.order_by("achternaam", "voornaam", "personeelsnummer")


def contracts_of(medewerker: Medewerker) -> QuerySet[Dienstverband]:
    return medewerker.dienstverbanden.order_by("start")


def placements_of(medewerker: Medewerker) -> QuerySet[Plaatsing]:
    return medewerker.plaatsingen.select_related("team", "opdrachtgever").order_by("start")


def medewerker_by_bsn(people: QuerySet[Medewerker], bsn: str) -> QuerySet[Medewerker]:
    """The people (in `people`, already scoped) with this BSN, found by its keyed hash: the
    column itself holds ciphertext and cannot be searched."""
    digits = normalise_bsn(bsn)
    if not digits:
        return people.none()
    return people.filter(bsn_zoekwaarde=crypto.search_value(digits))

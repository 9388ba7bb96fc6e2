"""Reads about outflow: the year's figures, the years with outflow, the per-person list.

Length of employment runs from the first day of the person's first contract up to and
including the last day of employment, in years of 365.25 days, unrounded.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.db.models import Count, Min, Q, QuerySet
from django.db.models.functions import ExtractYear
from django.utils.translation import gettext as _

from binnenwerk.accounts.selectors import has_role
from binnenwerk.outflow.constants import BIJZONDER, SEES_SPECIAL, Reden
from binnenwerk.outflow.models import Uitstroom

DAYS_PER_YEAR = Decimal("365.25")


@dataclass(frozen=True)
class Uitstroomcijfers:
    """A year's outflow: how many left, why, how many moved on, how long they had worked."""

    jaar: int
    totaal: int
    per_reden: dict[str, int]
    gemiddelde_dienstjaren: Decimal | None

    @property
    def doorstroom(self) -> int:
        return self.per_reden.get(Reden.DOORSTROOM, 0)


def _with_first_start(records: QuerySet[Uitstroom]) -> QuerySet[Uitstroom]:
    return records.annotate(eerste_start=Min("medewerker__dienstverbanden__start"))


def dienstjaren(record: Any) -> Decimal:
    """Years from the first contract's start up to and including the last day."""
    days = (record.datum - record.eerste_start).days + 1  # annotated by _with_first_start
    return Decimal(days) / DAYS_PER_YEAR


def uitstroom_cijfers(jaar: int) -> Uitstroomcijfers:
    """The figures of everyone whose last day of employment falls in `jaar` (two queries)."""
    records = Uitstroom.objects.filter(datum__year=jaar)
    counts = dict(records.values_list("reden").annotate(n=Count("id")).order_by())
    per_reden = {reden: counts.get(reden, 0) for reden in Reden.values}
    lengths = [
        dienstjaren(r)
        for r in _with_first_start(records).only("datum").order_by()
        if getattr(r, "eerste_start", None) is not None
    ]
    average = sum(lengths, Decimal(0)) / len(lengths) if lengths else None
    return Uitstroomcijfers(jaar, sum(per_reden.values()), per_reden, average)


@dataclass(frozen=True)
class Jaarregel:
    jaar: int
    totaal: int
    doorstroom: int


def uitstroom_per_jaar() -> list[Jaarregel]:
    """Every year with outflow: the number who left and who moved on within the Rijk."""
    rows = (
        Uitstroom.objects.annotate(jaar=ExtractYear("datum"))
        .values("jaar")
        .annotate(n=Count("id"), door=Count("id", filter=Q(reden=Reden.DOORSTROOM)))
        .order_by("jaar")
    )
    return [Jaarregel(r["jaar"], r["n"], r["door"]) for r in rows]


@dataclass(frozen=True)
class Regel:
    """One person in the outflow list as the viewer may see it."""

    personeelsnummer: str
    naam: str
    datum: Any
    reden: str
    reden_label: str
    nieuwe_werkgever: str
    toelichting: str | None
    dienstjaren: Decimal | None


def masked_label() -> str:
    return _("Other or not shown")


def uitstroom_lijst(user: Any, jaar: int) -> list[Regel]:
    """The year's outflow per person within the user's scope (one query).

    The reason `gezondheid` is health data: only HR sees it per person. Others see it,
    and the reason `anders`, as one label, so the masked rows cannot be told apart; they
    see no free-text explanation (it may hold health details).
    """
    special = has_role(user, *SEES_SPECIAL)
    records = (
        _with_first_start(Uitstroom.objects.for_user(user).filter(datum__year=jaar))
        .select_related("medewerker")
        .order_by("datum", "medewerker__personeelsnummer")
    )
    rows = []
    for r in records:
        hidden = not special and (r.reden in BIJZONDER or r.reden == Reden.ANDERS)
        rows.append(
            Regel(
                personeelsnummer=r.medewerker.personeelsnummer,
                naam=f"{r.medewerker.voornaam} {r.medewerker.achternaam}",
                datum=r.datum,
                reden="" if hidden else r.reden,
                reden_label=masked_label() if hidden else str(Reden(r.reden).label),
                nieuwe_werkgever=r.nieuwe_werkgever,
                toelichting=r.toelichting if special else None,
                dienstjaren=dienstjaren(r) if getattr(r, "eerste_start", None) else None,
            )
        )
    return rows


def uitstroom_jaren() -> list[int]:
    return [row.jaar for row in uitstroom_per_jaar()]

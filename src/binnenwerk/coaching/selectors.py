"""Reads about coaching and development: the overview of a coach's people, one person's
notes, goals and job profile with the next growth step, and who read the notes."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass

from django.db.models import Count, IntegerField, OuterRef, Q, QuerySet, Subquery, Value
from django.db.models.functions import Coalesce

from binnenwerk.coaching.constants import RECORD_KINDS, DoelStatus
from binnenwerk.coaching.models import (
    Coachingnotitie,
    Functieprofiel,
    Functietoewijzing,
    Inzage,
    Ontwikkeldoel,
)
from binnenwerk.people.models import Medewerker, Plaatsing
from binnenwerk.periods import active_on

ACCESS_LOG_SIZE = 50


def next_steps(profiles: list[Functieprofiel]) -> dict[int, Functieprofiel | None]:
    """Each profile's next growth step: its own `volgende_stap` when set, else the profile
    on the lowest higher level in the same family (the FGR reading of 'next level')."""
    by_id = {p.pk: p for p in profiles}
    families: dict[str, list[Functieprofiel]] = defaultdict(list)
    for profile in profiles:
        families[profile.functiefamilie].append(profile)
    steps: dict[int, Functieprofiel | None] = {}
    for profile in profiles:
        if profile.volgende_stap_id is not None:
            steps[profile.pk] = by_id.get(profile.volgende_stap_id)
            continue
        higher = [p for p in families[profile.functiefamilie] if p.niveau > profile.niveau]
        steps[profile.pk] = min(higher, key=lambda p: (p.niveau, p.code)) if higher else None
    return steps


def all_profiles() -> list[Functieprofiel]:
    return list(Functieprofiel.objects.select_related("werksoort"))


def next_step(profile: Functieprofiel) -> Functieprofiel | None:
    family = Functieprofiel.objects.filter(
        Q(functiefamilie=profile.functiefamilie) | Q(pk=profile.volgende_stap_id)
    )
    return next_steps([profile, *family]).get(profile.pk)


@dataclass(frozen=True)
class Familie:
    naam: str
    profielen: list[tuple[Functieprofiel, Functieprofiel | None]]


def profile_catalogue() -> list[Familie]:
    """The FGR reference set per job family, each profile with its next step."""
    profiles = all_profiles()
    steps = next_steps(profiles)
    families: dict[str, list[tuple[Functieprofiel, Functieprofiel | None]]] = defaultdict(list)
    for profile in profiles:
        families[profile.functiefamilie].append((profile, steps[profile.pk]))
    return [Familie(naam=name, profielen=rows) for name, rows in sorted(families.items())]


def current_assignment(medewerker: Medewerker, peildatum: dt.date) -> Functietoewijzing | None:
    return (
        Functietoewijzing.objects.filter(active_on(peildatum), medewerker=medewerker)
        .select_related("functieprofiel")
        .first()
    )


def assignments_of(medewerker: Medewerker) -> QuerySet[Functietoewijzing]:
    return medewerker.functietoewijzingen.select_related("functieprofiel").order_by("-start")


def notes_of(medewerker: Medewerker) -> QuerySet[Coachingnotitie]:
    """Newest first. Reading them is logged by the caller (inzage_log)."""
    return Coachingnotitie.objects.filter(medewerker=medewerker).select_related("geschreven_door")


def goals_of(medewerker: Medewerker) -> QuerySet[Ontwikkeldoel]:
    return Ontwikkeldoel.objects.filter(medewerker=medewerker).select_related("functieprofiel")


def access_log_of(medewerker: Medewerker) -> list[Inzage]:
    """The latest reads of this person's records: who, when, which record."""
    return list(
        Inzage.objects.filter(medewerker=medewerker, soort__in=RECORD_KINDS).select_related(
            "gebruiker"
        )[:ACCESS_LOG_SIZE]
    )


def coaching_overview(
    people: QuerySet[Medewerker], peildatum: dt.date, zoek: str = ""
) -> QuerySet[Medewerker]:
    """The people in scope placed on the date, with team, job profile, the date of the last
    note and the number of open goals: one query, however many people."""
    placement = Plaatsing.objects.filter(active_on(peildatum), medewerker=OuterRef("pk"))
    profile = Functietoewijzing.objects.filter(active_on(peildatum), medewerker=OuterRef("pk"))
    last_note = Coachingnotitie.objects.filter(medewerker=OuterRef("pk")).order_by("-datum")
    open_goals = (
        Ontwikkeldoel.objects.filter(medewerker=OuterRef("pk"), status=DoelStatus.OPEN)
        .values("medewerker")
        .annotate(n=Count("pk"))
        .values("n")
    )
    qs = people.annotate(
        team_code=Subquery(placement.values("team__code")[:1]),
        team_naam=Subquery(placement.values("team__naam")[:1]),
        profiel_naam=Subquery(profile.values("functieprofiel__naam")[:1]),
        profiel_niveau=Subquery(profile.values("functieprofiel__niveau")[:1]),
        laatste_notitie=Subquery(last_note.values("datum")[:1]),
        open_doelen=Coalesce(Subquery(open_goals, output_field=IntegerField()), Value(0)),
    ).filter(team_code__isnull=False)
    for word in zoek.split():
        qs = qs.filter(
            Q(voornaam__icontains=word)
            | Q(achternaam__icontains=word)
            | Q(personeelsnummer__iexact=word)
        )
    return qs.order_by("team_naam", "achternaam", "voornaam", "personeelsnummer")

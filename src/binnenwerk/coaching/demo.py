"""The demo's coaching data: a small Functiegebouw Rijk reference set for the work types,
a job profile for everyone placed today, and a few notes and goals by the demo job coach.

Deterministic (chosen by personnel number) and idempotent: a second call changes nothing.
It touches no contracts or placements, so the published job figures stay as they are.
Call it after the demo accounts exist (the notes are written by the user `jobcoach`).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from auditlog.models import LogEntry
from django.contrib.auth import get_user_model
from django.db import transaction

from binnenwerk.audit import log_bulk
from binnenwerk.coaching.constants import DoelStatus
from binnenwerk.coaching.models import Coachingnotitie, Functieprofiel, Functietoewijzing
from binnenwerk.coaching.scope import coached_people
from binnenwerk.coaching.selectors import current_assignment, next_step
from binnenwerk.coaching.services import (
    coachingnotitie_create,
    functieprofiel_create,
    ontwikkeldoel_create,
)
from binnenwerk.organisation.models import Werksoort
from binnenwerk.people.models import Plaatsing
from binnenwerk.periods import active_on

# The work types' task packages are classified in the FGR since 2023.
GECLASSIFICEERD_VANAF = dt.date(2023, 1, 1)

FACILITAIR = "Facilitaire dienstverlening"
NATUUR = "Natuur- en terreinbeheer"
ARCHIEF = "Archief en documentaire informatievoorziening"
ADMINISTRATIEF = "Administratieve ondersteuning"
ICT = "ICT-ondersteuning"

# code, family, name, scale, work type, next step (a neighbouring profile; empty = next level).
# Targets of a next step come before the profiles that name them.
PROFIELEN: list[tuple[str, str, str, int, str | None, str | None]] = [
    ("FAC-2", FACILITAIR, "Medewerker facilitaire dienstverlening", 2, "PAND", None),
    ("FAC-3", FACILITAIR, "Allround medewerker facilitaire dienstverlening", 3, None, None),
    ("FAC-4", FACILITAIR, "Coördinerend medewerker facilitaire dienstverlening", 4, None, None),
    ("SCH-2", FACILITAIR, "Medewerker schoonmaakdienstverlening", 2, "SCHOON-RSO", "FAC-3"),
    ("NAT-2", NATUUR, "Medewerker bos- en natuurbeheer", 2, "BOS", None),
    ("NAT-3", NATUUR, "Allround medewerker bos- en natuurbeheer", 3, None, None),
    ("NAT-5", NATUUR, "Voorwerker natuur- en terreinbeheer", 5, None, None),
    ("ADM-3", ADMINISTRATIEF, "Medewerker managementondersteuning", 3, "AMO", None),
    ("ADM-4", ADMINISTRATIEF, "Allround medewerker administratieve ondersteuning", 4, None, None),
    ("ADM-6", ADMINISTRATIEF, "Managementassistent", 6, None, None),
    ("ARC-3", ARCHIEF, "Medewerker archief", 3, "ARCHIEF", None),
    ("ARC-4", ARCHIEF, "Medewerker documentaire informatievoorziening", 4, None, None),
    ("ARC-6", ARCHIEF, "Informatiebeheerder", 6, None, None),
    ("PDO-3", ARCHIEF, "Medewerker personeelsdossiers", 3, "PDOSSIERS", "ADM-4"),
    ("ICT-4", ICT, "Medewerker ICT-servicedesk", 4, None, None),
    ("REC-3", ICT, "Medewerker recycling datadragers", 3, "RECYCLEN", None),
]
# Work type → (entry profile, profile of the more experienced); one in five holds the second.
PER_WERKSOORT = {
    "PAND": ("FAC-2", "FAC-3"),
    "SCHOON-RSO": ("SCH-2", "FAC-3"),
    "BOS": ("NAT-2", "NAT-3"),
    "AMO": ("ADM-3", "ADM-4"),
    "ARCHIEF": ("ARC-3", "ARC-4"),
    "PDOSSIERS": ("PDO-3", "ARC-4"),
    "RECYCLEN": ("REC-3", "ICT-4"),
}

NOTITIES = [
    "Gesprek op de werkplek. Voelt zich thuis in het team en kent de vaste taken goed. "
    "Afgesproken: elke twee weken een kort gesprek.",
    "Werkt zelfstandig aan de vaste taken en vraagt om meer afwisseling. Samen gekeken naar "
    "taken die bij de volgende stap horen.",
    "Werkt prettiger met een vaste dagindeling; die hangt nu op het bord in de teamruimte. "
    "De leidinggevende is op de hoogte.",
    "Heeft een nieuwe collega ingewerkt; dat ging goed. Wil graag een interne training volgen.",
    "Evaluatie van de afgelopen maanden: afspraken nagekomen, tevreden over het werk. "
    "Volgende gesprek over het ontwikkeldoel.",
    "Vraag over reistijd naar de nieuwe locatie besproken; opgelost met een andere begintijd.",
]
DOELEN = [
    "Zelfstandig de weekplanning van de teamtaken bijhouden",
    "Een nieuwe collega inwerken in de vaste taken",
    "De interne training voor de volgende functiestap volgen",
    "Taken van het volgende niveau een maand lang meedraaien",
]
COACHEES = 8


@transaction.atomic
def coaching_demo_load(*, actor: Any = None) -> None:
    today = dt.date.today()
    profiles = _profiles(actor)
    _assignments(actor, profiles, today)
    coach = get_user_model().objects.filter(username="jobcoach").first()
    if coach is not None:
        _notes_and_goals(coach, today)


def _profiles(actor: Any) -> dict[str, Functieprofiel]:
    existing = {p.code: p for p in Functieprofiel.objects.all()}
    werksoorten = {w.code: w for w in Werksoort.objects.all()}
    for code, familie, naam, niveau, werksoort, stap in PROFIELEN:
        if code in existing:
            continue
        existing[code] = functieprofiel_create(
            actor=actor,
            code=code,
            functiefamilie=familie,
            naam=naam,
            niveau=niveau,
            werksoort=werksoorten.get(werksoort) if werksoort else None,
            volgende_stap=existing.get(stap) if stap else None,
        )
    return existing


def _assignments(actor: Any, profiles: dict[str, Functieprofiel], today: dt.date) -> None:
    """A job profile for each person placed today without one (one insert, one log write)."""
    placements = (
        Plaatsing.objects.filter(active_on(today))
        .exclude(medewerker__functietoewijzingen__isnull=False)
        .values_list(
            "medewerker_id", "medewerker__personeelsnummer", "team__werksoort__code", "start"
        )
        .order_by("medewerker__personeelsnummer")
    )
    new = []
    for medewerker_id, nummer, werksoort, start in placements:
        choice = PER_WERKSOORT.get(werksoort)
        if choice is None:
            continue
        code = (
            choice[1] if int("".join(c for c in nummer if c.isdigit()) or 0) % 5 == 0 else choice[0]
        )
        new.append(
            Functietoewijzing(
                medewerker_id=medewerker_id,
                functieprofiel=profiles[code],
                start=max(start, GECLASSIFICEERD_VANAF),
            )
        )
    created = Functietoewijzing.objects.bulk_create(new, batch_size=1000)
    log_bulk(
        actor=actor,
        action=LogEntry.Action.CREATE,
        objects=created,
        note="demo",
        describe=lambda t: f"{t.functieprofiel.code} {t.start:%d-%m-%Y}",
    )


def _notes_and_goals(coach: Any, today: dt.date) -> None:
    if Coachingnotitie.objects.filter(geschreven_door=coach).exists():
        return  # loaded before: the coach's own notes are left as they are
    people = list(coached_people(coach, today).order_by("personeelsnummer")[:COACHEES])
    for index, person in enumerate(people):
        for offset, text in ((70 + 3 * index, index), (14 + index, index + 1)):
            coachingnotitie_create(
                actor=coach,
                medewerker=person,
                datum=today - dt.timedelta(days=offset),
                tekst=NOTITIES[text % len(NOTITIES)],
            )
        current = current_assignment(person, today)
        ontwikkeldoel_create(
            actor=coach,
            medewerker=person,
            omschrijving=DOELEN[index % len(DOELEN)],
            streefdatum=today + dt.timedelta(days=90 + 7 * index),
            functieprofiel=next_step(current.functieprofiel) if current else None,
        )
        if index % 3 == 0:
            ontwikkeldoel_create(
                actor=coach,
                medewerker=person,
                omschrijving=DOELEN[(index + 1) % len(DOELEN)],
                streefdatum=today - dt.timedelta(days=30),
                status=DoelStatus.BEHAALD,
            )

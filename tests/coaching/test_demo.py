"""The demo's coaching data: plausible, idempotent, and the job figures stay as published."""

import datetime as dt

from auditlog.models import LogEntry

from binnenwerk.coaching.demo import coaching_demo_load
from binnenwerk.coaching.models import (
    Coachingnotitie,
    Functieprofiel,
    Functietoewijzing,
    Inzage,
    Ontwikkeldoel,
)
from binnenwerk.jobs.selectors import banen
from binnenwerk.people.models import Plaatsing
from binnenwerk.periods import active_on


def _counts() -> tuple[int, ...]:
    models = (Functieprofiel, Functietoewijzing, Coachingnotitie, Ontwikkeldoel, Inzage, LogEntry)
    return tuple(m.objects.count() for m in models)


def test_the_demo_loads_once_and_leaves_the_job_figures_alone(demo_org):
    before = banen(dt.date(2023, 12, 31)).totaal
    coaching_demo_load()
    first = _counts()
    coaching_demo_load()
    assert _counts() == first
    assert banen(dt.date(2023, 12, 31)).totaal == before

    assert Functieprofiel.objects.filter(functiefamilie="Natuur- en terreinbeheer").count() == 3
    placed = Plaatsing.objects.filter(active_on(dt.date.today())).count()
    assert Functietoewijzing.objects.count() == placed
    notes = Coachingnotitie.objects.select_related("geschreven_door")
    assert notes.count() == 16 and {n.geschreven_door.username for n in notes} == {"jobcoach"}
    assert Ontwikkeldoel.objects.filter(status="open").count() == 8
    assert not Inzage.objects.exists()
    assert LogEntry.objects.filter(content_type__model="functietoewijzing").count() == placed

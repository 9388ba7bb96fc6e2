"""The demo's outflow: a reason for everyone whose employment with Binnenwerk ended.

The generated contracts already end (people who left); this records why, deterministically
(a seeded random choice per person), with exactly nine move-ons within the Rijk in 2023 as
the annual overview reports. The figure on the page is counted from these records.
"""

from __future__ import annotations

import datetime as dt
import random
from typing import Any

from django.db.models import Exists, Max, OuterRef

from binnenwerk.outflow.constants import Reden
from binnenwerk.outflow.services import UitstroomInvoer, uitstroom_record_bulk
from binnenwerk.people.models import Dienstverband, Medewerker

SEED = 2023
UNTIL = dt.date(2026, 11, 1)
DOORSTROOM_2023 = 9
RIJK_WERKGEVERS = [
    "Belastingdienst",
    "Rijkswaterstaat",
    "Dienst Justitiële Inrichtingen",
    "Dienst Uitvoering Onderwijs",
    "Rijksvastgoedbedrijf",
    "P-Direkt",
    "Justitiële Informatiedienst",
    "Immigratie- en Naturalisatiedienst",
]
ANDERE_WERKGEVERS = ["Gemeente Utrecht", "PostNL", "Albert Heijn", "Hoogheemraadschap van Rijnland"]
# Reasons other than the 2023 move-ons, with their weights.
WEIGHTS: dict[str, int] = {
    Reden.EINDE_CONTRACT: 30,
    Reden.EIGEN_VERZOEK: 20,
    Reden.REGULIER_WERK: 15,
    Reden.GEZONDHEID: 9,
    Reden.OPLEIDING: 6,
    Reden.PENSIOEN: 4,
    Reden.OVERLIJDEN: 1,
    Reden.ANDERS: 7,
    Reden.DOORSTROOM: 8,
}


def leavers() -> list[tuple[Medewerker, dt.date]]:
    """Binnenwerk's own employees whose last contract ended on or before UNTIL, with that
    last day, in personnel-number order."""
    open_contract = Dienstverband.objects.filter(medewerker=OuterRef("pk"), einde__isnull=True)
    people = (
        Medewerker.objects.filter(werkgever__isnull=True, dienstverbanden__isnull=False)
        .exclude(Exists(open_contract))
        .annotate(laatste=Max("dienstverbanden__einde"))
        .filter(laatste__lte=UNTIL)
        .order_by("personeelsnummer")
    )
    return [(person, person.laatste) for person in people]


def _plan(people: list[tuple[Medewerker, dt.date]]) -> list[UitstroomInvoer]:
    # bandit B311: Random here only draws the demo's fictitious data from a fixed seed, no secret.
    rng = random.Random(SEED)  # nosec B311
    in_2023 = [p for p, day in people if day.year == 2023]
    moved_on = {p.pk for p in rng.sample(in_2023, min(DOORSTROOM_2023, len(in_2023)))}
    reasons, weights = list(WEIGHTS), list(WEIGHTS.values())
    plan = []
    for person, day in people:
        reden: str
        if person.pk in moved_on:
            reden = Reden.DOORSTROOM
        else:
            reden = rng.choices(reasons, weights)[0]
            while day.year == 2023 and reden == Reden.DOORSTROOM:
                reden = rng.choices(reasons, weights)[0]
        werkgever = ""
        if reden == Reden.DOORSTROOM:
            werkgever = rng.choice(RIJK_WERKGEVERS)
        elif reden == Reden.REGULIER_WERK and rng.random() < 0.6:
            werkgever = rng.choice(ANDERE_WERKGEVERS)
        plan.append(UitstroomInvoer(person, day, reden, werkgever))
    return plan


def outflow_demo_load(*, actor: Any = None) -> int:
    """Record the demo leavers' reasons; a second call changes nothing. Returns how many
    records were written."""
    created = uitstroom_record_bulk(actor=actor, items=_plan(leavers()), note="demo")
    return len(created)

"""The demo's publication: the beheerder publishes 2023, then HR records a late correction.

The correction is a one-day sick report in June 2023 that HR recorded after publishing. It
moves the year's count of new sick reports (shown in the difference view with its audit
entry) and the unrounded absence rate, but not the published rate of 11.39% nor any job,
employee or team figure the seed pins. Idempotent: does nothing once 2023 is published.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.contrib.auth import get_user_model
from django.db.models import Exists, OuterRef

from binnenwerk.absence.models import Ziekmelding
from binnenwerk.absence.services import ziekmelding_create
from binnenwerk.people.models import Dienstverband, Medewerker
from binnenwerk.periods import active_on
from binnenwerk.reports.models import Publicatie
from binnenwerk.reports.services import publicatie_create

JAAR = 2023
CORRECTIE_DAG = dt.date(2023, 6, 14)


def _account(username: str, fallback: Any) -> Any:
    return get_user_model().objects.filter(username=username).first() or fallback


def _correction_person() -> Medewerker | None:
    """A Binnenwerk target-group employee with a contract on the day and no sick report
    anywhere near it (first by personnel number: the same person every time)."""
    near = Ziekmelding.objects.filter(
        medewerker=OuterRef("pk"), start__lte=CORRECTIE_DAG + dt.timedelta(days=30)
    ).exclude(einde__lt=CORRECTIE_DAG - dt.timedelta(days=30))
    contract = Dienstverband.objects.filter(active_on(CORRECTIE_DAG), medewerker=OuterRef("pk"))
    return (
        Medewerker.objects.filter(doelgroepindicatie=True, werkgever__isnull=True)
        .filter(Exists(contract))
        .exclude(Exists(near))
        .order_by("personeelsnummer")
        .first()
    )


def reports_demo_load(*, actor: Any = None) -> None:
    if Publicatie.objects.filter(jaar=JAAR, kwartaal__isnull=True).exists():
        return
    publicatie_create(actor=_account("beheerder", actor), jaar=JAAR)
    person = _correction_person()
    if person is not None:
        ziekmelding_create(
            actor=_account("personeelszaken", actor),
            medewerker=person,
            start=CORRECTIE_DAG,
            einde=CORRECTIE_DAG,
        )

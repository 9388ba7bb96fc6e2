"""Every write to the growth opportunities: validated, atomic and audited."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from binnenwerk.opportunities.models import Kans
from binnenwerk.services_base import assign, save_validated

EARLIEST_START = dt.date(2015, 1, 1)


def _validate(kans: Kans) -> None:
    if kans.verwachte_start is not None and kans.verwachte_start < EARLIEST_START:
        raise ValidationError(
            {"verwachte_start": _("The expected start lies before 2015; check the year.")}
        )
    duplicate = Kans.objects.filter(titel__iexact=(kans.titel or "").strip()).exclude(pk=kans.pk)
    if duplicate.exists():
        raise ValidationError(
            {
                "titel": ValidationError(
                    _("There already is an idea with this title."), code="unique"
                )
            }
        )


@transaction.atomic
def kans_create(*, actor: Any, **fields: Any) -> Kans:
    kans = Kans(**fields)
    kans.titel = (kans.titel or "").strip()
    _validate(kans)
    return save_validated(kans, actor)


@transaction.atomic
def kans_update(*, actor: Any, kans: Kans, **fields: Any) -> Kans:
    assign(kans, fields)
    kans.titel = (kans.titel or "").strip()
    _validate(kans)
    return save_validated(kans, actor)


@transaction.atomic
def kans_set(*, actor: Any, titel: str, **fields: Any) -> Kans:
    """Create the idea with this title, or bring it to these values (the demo's path)."""
    existing = Kans.objects.filter(titel=titel).first()
    if existing is None:
        return kans_create(actor=actor, titel=titel, **fields)
    if all(getattr(existing, name) == value for name, value in fields.items()):
        return existing
    return kans_update(actor=actor, kans=existing, **fields)

"""Every write to the monitor's inputs: validated, atomic and audited."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django.db import transaction

from binnenwerk.monitor.models import Doelstelling, Kwartaalcijfer, Quotumpercentage
from binnenwerk.organisation.models import Organisatie
from binnenwerk.services_base import assign, save_validated


@transaction.atomic
def quotumpercentage_set(*, actor: Any, jaar: int, percentage: Decimal) -> Quotumpercentage:
    """Set (or correct) the quotum percentage of a year."""
    existing = Quotumpercentage.objects.filter(jaar=jaar).first()
    if existing is None:
        return save_validated(Quotumpercentage(jaar=jaar, percentage=percentage), actor)
    return save_validated(assign(existing, {"percentage": percentage}), actor)


@transaction.atomic
def doelstelling_create(*, actor: Any, **fields: Any) -> Doelstelling:
    return save_validated(Doelstelling(**fields), actor)


@transaction.atomic
def doelstelling_update(*, actor: Any, doelstelling: Doelstelling, **fields: Any) -> Doelstelling:
    return save_validated(assign(doelstelling, fields), actor)


@transaction.atomic
def doelstelling_set(
    *, actor: Any, organisatie: Organisatie | None, jaar: int, omschrijving: str = "", **fields: Any
) -> Doelstelling:
    """Create or correct the target of an organisation (or an unallocated one, by description)."""
    found = Doelstelling.objects.filter(organisatie=organisatie, jaar=jaar)
    if organisatie is None:
        found = found.filter(omschrijving=omschrijving)
    target = found.first() or Doelstelling(organisatie=organisatie, jaar=jaar)
    return save_validated(assign(target, {"omschrijving": omschrijving, **fields}), actor)


@transaction.atomic
def kwartaalcijfer_set(
    *,
    actor: Any,
    organisatie: Organisatie,
    jaar: int,
    kwartaal: int,
    formeel_excl_binnenwerk: Decimal,
    inleen: Decimal,
) -> Kwartaalcijfer:
    """Enter or correct a ministry's figures for a quarter (one row per ministry and quarter)."""
    figure = Kwartaalcijfer.objects.filter(
        organisatie=organisatie, jaar=jaar, kwartaal=kwartaal
    ).first() or Kwartaalcijfer(organisatie=organisatie, jaar=jaar, kwartaal=kwartaal)
    values = {"formeel_excl_binnenwerk": formeel_excl_binnenwerk, "inleen": inleen}
    return save_validated(assign(figure, values), actor)

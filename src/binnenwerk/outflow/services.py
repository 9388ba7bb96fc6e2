"""Every write about outflow: validated, atomic and audited.

`medewerker_uitstroom` ends the person's contract and placement through the people
services and records why; `uitstroom_record` records the reason for employment that
has already ended (history, the demo). Both refuse in Dutch and write nothing on error.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from auditlog.models import LogEntry
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from binnenwerk.audit import log_bulk
from binnenwerk.formatting import date_nl
from binnenwerk.outflow.constants import MET_WERKGEVER, Reden
from binnenwerk.outflow.models import Uitstroom
from binnenwerk.people.models import Dienstverband, Medewerker, Plaatsing
from binnenwerk.people.services import dienstverband_end, plaatsing_end
from binnenwerk.periods import active_on
from binnenwerk.services_base import assign, save_validated


def _name(medewerker: Medewerker) -> str:
    return f"{medewerker.voornaam} {medewerker.achternaam}"


def _check_reason(reden: str, nieuwe_werkgever: str) -> None:
    if reden not in Reden.values:
        raise ValidationError({"reden": _("Choose one of the reasons.")})
    if reden == Reden.DOORSTROOM and not nieuwe_werkgever:
        raise ValidationError(
            {"nieuwe_werkgever": _("Fill in the new employer for a move-on within the Rijk.")}
        )
    if nieuwe_werkgever and reden not in MET_WERKGEVER:
        raise ValidationError(
            {
                "nieuwe_werkgever": _(
                    "A new employer is only recorded for a move-on or regular work elsewhere."
                )
            }
        )


def _check_nothing_after(medewerker: Medewerker, datum: dt.date) -> None:
    later = (
        Dienstverband.objects.filter(medewerker=medewerker, start__gt=datum)
        .order_by("start")
        .first()
    )
    if later is not None:
        raise ValidationError(
            {
                "datum": _(
                    "%(name)s has a contract starting on %(start)s, after %(date)s; "
                    "change or remove that contract first."
                )
                % {"name": _name(medewerker), "start": date_nl(later.start), "date": date_nl(datum)}
            }
        )
    placed = Plaatsing.objects.filter(medewerker=medewerker, start__gt=datum).order_by("start")
    if (placement := placed.first()) is not None:
        raise ValidationError(
            {
                "datum": _(
                    "%(name)s has a placement starting on %(start)s, after %(date)s; "
                    "change or remove that placement first."
                )
                % {
                    "name": _name(medewerker),
                    "start": date_nl(placement.start),
                    "date": date_nl(datum),
                }
            }
        )


@transaction.atomic
def uitstroom_record(
    *,
    actor: Any,
    medewerker: Medewerker,
    datum: dt.date,
    reden: str,
    nieuwe_werkgever: str = "",
    toelichting: str = "",
) -> Uitstroom:
    """Record why employment that ended on `datum` (the last day) ended.

    The person must have a contract ending on `datum` and none after it. Recording
    again corrects the person's record; the same values change nothing.
    """
    nieuwe_werkgever = (nieuwe_werkgever or "").strip()
    _check_reason(reden, nieuwe_werkgever)
    if not Dienstverband.objects.filter(medewerker=medewerker, einde=datum).exists():
        raise ValidationError(
            {
                "datum": _("%(name)s has no contract that ends on %(date)s.")
                % {"name": _name(medewerker), "date": date_nl(datum)}
            }
        )
    _check_nothing_after(medewerker, datum)
    values = {
        "datum": datum,
        "reden": reden,
        "nieuwe_werkgever": nieuwe_werkgever,
        "toelichting": toelichting,
    }
    existing = Uitstroom.objects.filter(medewerker=medewerker).first()
    if existing is not None:
        if all(getattr(existing, name) == value for name, value in values.items()):
            return existing
        return save_validated(assign(existing, values), actor)
    return save_validated(Uitstroom(medewerker=medewerker, **values), actor)


@transaction.atomic
def medewerker_uitstroom(
    *,
    actor: Any,
    medewerker: Medewerker,
    datum: dt.date,
    reden: str,
    nieuwe_werkgever: str = "",
    toelichting: str = "",
) -> Uitstroom:
    """End someone's employment on `datum` (the last day): the contract and placement active
    on that date end then, and the reason is recorded. All or nothing."""
    nieuwe_werkgever = (nieuwe_werkgever or "").strip()
    _check_reason(reden, nieuwe_werkgever)
    contract = Dienstverband.objects.filter(active_on(datum), medewerker=medewerker).first()
    if contract is None:
        raise ValidationError(
            {
                "datum": _("%(name)s has no contract running on %(date)s.")
                % {"name": _name(medewerker), "date": date_nl(datum)}
            }
        )
    _check_nothing_after(medewerker, datum)
    if contract.einde != datum:
        dienstverband_end(actor=actor, dienstverband=contract, einde=datum)
    placement = Plaatsing.objects.filter(active_on(datum), medewerker=medewerker).first()
    if placement is not None and placement.einde != datum:
        plaatsing_end(actor=actor, plaatsing=placement, einde=datum)
    return uitstroom_record(
        actor=actor,
        medewerker=medewerker,
        datum=datum,
        reden=reden,
        nieuwe_werkgever=nieuwe_werkgever,
        toelichting=toelichting,
    )


@dataclass(frozen=True)
class UitstroomInvoer:
    """One outflow to record in bulk (employment that has already ended)."""

    medewerker: Medewerker
    datum: dt.date
    reden: str
    nieuwe_werkgever: str = ""
    toelichting: str = ""


def _bulk_errors(items: Sequence[UitstroomInvoer]) -> list[str]:
    """The checks of `uitstroom_record` for many people in two queries."""
    ids = [item.medewerker.pk for item in items]
    contracts: dict[int, list[tuple[dt.date, dt.date | None]]] = defaultdict(list)
    for person_id, start, einde in Dienstverband.objects.filter(medewerker_id__in=ids).values_list(
        "medewerker_id", "start", "einde"
    ):
        contracts[person_id].append((start, einde))
    placement_starts: dict[int, list[dt.date]] = defaultdict(list)
    for person_id, start in Plaatsing.objects.filter(medewerker_id__in=ids).values_list(
        "medewerker_id", "start"
    ):
        placement_starts[person_id].append(start)
    errors = []
    for item in items:
        person = item.medewerker
        try:
            _check_reason(item.reden, item.nieuwe_werkgever)
        except ValidationError as error:
            errors += [f"{person.personeelsnummer}: {m}" for m in error.messages]
        periods = contracts[person.pk]
        if not any(einde == item.datum for _start, einde in periods):
            errors.append(
                f"{person.personeelsnummer}: "
                + _("%(name)s has no contract that ends on %(date)s.")
                % {"name": _name(person), "date": date_nl(item.datum)}
            )
        later = [s for s, _einde in periods if s > item.datum] + [
            s for s in placement_starts[person.pk] if s > item.datum
        ]
        if later:
            errors.append(
                f"{person.personeelsnummer}: "
                + _("%(name)s still works here after %(date)s (from %(start)s).")
                % {"name": _name(person), "date": date_nl(item.datum), "start": date_nl(min(later))}
            )
    return errors


@transaction.atomic
def uitstroom_record_bulk(
    *, actor: Any, items: Sequence[UitstroomInvoer], note: str = ""
) -> list[Uitstroom]:
    """Record many outflows of employment that has already ended (the demo's history).

    The same checks as `uitstroom_record`, set-based; people who already have a record
    keep it (so a second run changes nothing). All or nothing; one audit entry each.
    """
    have = set(
        Uitstroom.objects.filter(medewerker__in=[i.medewerker for i in items]).values_list(
            "medewerker_id", flat=True
        )
    )
    todo = [item for item in items if item.medewerker.pk not in have]
    if not todo:
        return []
    if errors := _bulk_errors(todo):
        raise ValidationError(errors)
    records = []
    for item in todo:
        record = Uitstroom(
            medewerker=item.medewerker,
            datum=item.datum,
            reden=item.reden,
            nieuwe_werkgever=item.nieuwe_werkgever.strip(),
            toelichting=item.toelichting,
        )
        # Field checks here; the reason rules were checked above and the database holds
        # the constraints, so no query per record.
        record.full_clean(validate_unique=False, validate_constraints=False)
        records.append(record)
    created = Uitstroom.objects.bulk_create(records, batch_size=1000)
    if not all(r.pk for r in created):  # databases that return no keys from a bulk insert
        by_person = dict(
            Uitstroom.objects.filter(medewerker__in=[r.medewerker for r in records]).values_list(
                "medewerker_id", "pk"
            )
        )
        for record in created:
            record.pk = by_person[record.medewerker.pk]
    log_bulk(
        actor=actor,
        action=LogEntry.Action.CREATE,
        objects=created,
        note=note,
    )
    return created

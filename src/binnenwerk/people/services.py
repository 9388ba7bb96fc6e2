"""Every write to employees, contracts (dienstverbanden) and placements (plaatsingen)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.db import connection, transaction
from django.utils.translation import gettext as _

from binnenwerk import crypto
from binnenwerk.people.bsn import normalise_bsn
from binnenwerk.people.models import Dienstverband, Medewerker, Plaatsing
from binnenwerk.periods import overlaps
from binnenwerk.services_base import assign, save_validated
from binnenwerk.validation import (
    bsn_error,
    hours_error,
    overlap_error,
    period_error,
    within_team_error,
)


def _validate_medewerker(medewerker: Medewerker) -> None:
    medewerker.bsn = normalise_bsn(medewerker.bsn or "")
    error = bsn_error(medewerker.bsn)
    if error:
        raise ValidationError({"bsn": error})


@transaction.atomic
def medewerker_create(*, actor: Any, **fields: Any) -> Medewerker:
    medewerker = Medewerker(**fields)
    _validate_medewerker(medewerker)
    return save_validated(medewerker, actor)


@transaction.atomic
def medewerker_update(*, actor: Any, medewerker: Medewerker, **fields: Any) -> Medewerker:
    assign(medewerker, fields)
    _validate_medewerker(medewerker)
    return save_validated(medewerker, actor)


def _check_no_overlap(record: Dienstverband | Plaatsing, siblings: Any, kind: str) -> None:
    for other in siblings.exclude(pk=record.pk):
        if overlaps(record, other):
            raise ValidationError({"start": overlap_error(kind, record, other)})


def _validate_dienstverband(dienstverband: Dienstverband) -> None:
    errors: dict[str, str] = {}
    if error := period_error(dienstverband.start, dienstverband.einde):
        errors["einde"] = error
    if dienstverband.uren_per_week is not None:
        dienstverband.uren_per_week = Decimal(dienstverband.uren_per_week)
        if error := hours_error(dienstverband.uren_per_week):
            errors["uren_per_week"] = error
    if errors:
        raise ValidationError(errors)
    _check_no_overlap(
        dienstverband,
        Dienstverband.objects.filter(medewerker=dienstverband.medewerker),
        "dienstverband",
    )


@transaction.atomic
def dienstverband_create(*, actor: Any, **fields: Any) -> Dienstverband:
    dienstverband = Dienstverband(**fields)
    _validate_dienstverband(dienstverband)
    return save_validated(dienstverband, actor)


@transaction.atomic
def dienstverband_update(
    *, actor: Any, dienstverband: Dienstverband, **fields: Any
) -> Dienstverband:
    assign(dienstverband, fields)
    _validate_dienstverband(dienstverband)
    return save_validated(dienstverband, actor)


@transaction.atomic
def dienstverband_end(*, actor: Any, dienstverband: Dienstverband, einde: dt.date) -> Dienstverband:
    """End a contract on `einde`, its last day."""
    return dienstverband_update(actor=actor, dienstverband=dienstverband, einde=einde)


def _validate_plaatsing(plaatsing: Plaatsing) -> None:
    if error := period_error(plaatsing.start, plaatsing.einde):
        raise ValidationError({"einde": error})
    team = plaatsing.team
    if error := within_team_error(team.code, team, plaatsing):
        raise ValidationError({"start": error})
    _check_no_overlap(
        plaatsing, Plaatsing.objects.filter(medewerker=plaatsing.medewerker), "plaatsing"
    )


@transaction.atomic
def plaatsing_create(*, actor: Any, **fields: Any) -> Plaatsing:
    plaatsing = Plaatsing(**fields)
    _validate_plaatsing(plaatsing)
    return save_validated(plaatsing, actor)


@transaction.atomic
def plaatsing_update(*, actor: Any, plaatsing: Plaatsing, **fields: Any) -> Plaatsing:
    assign(plaatsing, fields)
    _validate_plaatsing(plaatsing)
    return save_validated(plaatsing, actor)


@transaction.atomic
def plaatsing_end(*, actor: Any, plaatsing: Plaatsing, einde: dt.date) -> Plaatsing:
    return plaatsing_update(actor=actor, plaatsing=plaatsing, einde=einde)


@transaction.atomic
def plaatsing_move(
    *, actor: Any, medewerker: Medewerker, vanaf: dt.date, team: Any, opdrachtgever: Any
) -> Plaatsing:
    """Move someone to another team or client from `vanaf`; the current placement ends before."""
    current = (
        Plaatsing.objects.filter(medewerker=medewerker, start__lte=vanaf)
        .exclude(einde__lt=vanaf)
        .first()
    )
    if current is not None:
        if current.start == vanaf:
            raise ValidationError(
                {"start": _("a placement already starts on this date; change that one")}
            )
        plaatsing_end(actor=actor, plaatsing=current, einde=vanaf - dt.timedelta(days=1))
    return plaatsing_create(
        actor=actor, medewerker=medewerker, team=team, opdrachtgever=opdrachtgever, start=vanaf
    )


@transaction.atomic
def medewerker_hire(
    *,
    actor: Any,
    medewerker: dict[str, Any],
    start: dt.date,
    uren_per_week: Decimal,
    soort: str,
    einde: dt.date | None,
    team: Any,
    opdrachtgever: Any,
) -> Medewerker:
    """A new person with a first contract and placement from `start`, all or nothing."""
    person = medewerker_create(actor=actor, **medewerker)
    dienstverband_create(
        actor=actor,
        medewerker=person,
        start=start,
        einde=einde,
        uren_per_week=uren_per_week,
        soort=soort,
    )
    plaatsing_create(
        actor=actor,
        medewerker=person,
        team=team,
        opdrachtgever=opdrachtgever,
        start=start,
        einde=einde,
    )
    return person


@transaction.atomic
def dienstverband_extend(
    *,
    actor: Any,
    dienstverband: Dienstverband,
    uren_per_week: Decimal,
    soort: str,
    einde: dt.date | None,
) -> Dienstverband:
    """A follow-up contract from the day after this one ends (a change is a new period)."""
    if dienstverband.einde is None:
        raise ValidationError(
            {"einde": _("this contract has no end; there is no need to extend it")}
        )
    return dienstverband_create(
        actor=actor,
        medewerker=dienstverband.medewerker,
        start=dienstverband.einde + dt.timedelta(days=1),
        einde=einde,
        uren_per_week=uren_per_week,
        soort=soort,
    )


@transaction.atomic
def bsn_keys_rotate(*, actor: Any, batch: int = 2000) -> int:
    """Encrypt every stored BSN again with the first key of BSN_SLEUTELS (MultiFernet.rotate),
    all or nothing; one audit entry says how many. The search values do not change (they use
    BSN_ZOEKSLEUTEL). A value no key can decrypt stops the whole run (crypto.BSNSleutelFout)."""
    from auditlog.models import LogEntry
    from django.contrib.contenttypes.models import ContentType

    table = connection.ops.quote_name(Medewerker._meta.db_table)
    column = connection.ops.quote_name(str(Medewerker._meta.get_field("bsn").column))
    # bandit B608: the model's own table and column, quoted; the values are parameters.
    select = (
        f"SELECT id, {column} FROM {table} WHERE id > %s AND {column} <> '' ORDER BY id LIMIT %s"  # nosec B608
    )
    update = f"UPDATE {table} SET {column} = %s WHERE id = %s"  # nosec B608
    count, last = 0, 0
    with connection.cursor() as cursor:
        while True:
            cursor.execute(select, [last, batch])
            rows = cursor.fetchall()
            if not rows:
                break
            cursor.executemany(update, [(crypto.rotate(token), pk) for pk, token in rows])
            count += len(rows)
            last = rows[-1][0]
    LogEntry.objects.create(
        content_type=ContentType.objects.get_for_model(Medewerker),
        object_pk="",
        object_repr="BSN",
        action=LogEntry.Action.UPDATE,
        changes={},
        actor=actor if getattr(actor, "pk", None) else None,
        additional_data={"bron": "bsn-sleutels-roteren", "aantal": count},
    )
    return count

"""Every write to absence data: validated (Dutch messages at the fields), atomic, audited.

The audit log holds dates, kinds and percentages only; there is no field for the nature or
cause of an illness. Reads of a sick report are logged by the pages with coaching's
`inzage_log` (the access log is shared).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from types import SimpleNamespace
from typing import Any

from auditlog.models import LogEntry
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from binnenwerk.absence import poortwachter
from binnenwerk.absence.constants import StapSoort, StapStatus, ZiekmeldingSoort
from binnenwerk.absence.models import Herstelperiode, Poortwachterstap, Verzuimnorm, Ziekmelding
from binnenwerk.audit import log_bulk, log_bulk_ids
from binnenwerk.bulk import insert_returning_ids
from binnenwerk.people.models import Dienstverband, Medewerker
from binnenwerk.periods import active_on, first_overlap, format_period, is_active, overlaps
from binnenwerk.services_base import assign, save_validated
from binnenwerk.validation import period_error


def _today() -> dt.date:
    return dt.date.today()


def _date(day: dt.date) -> str:
    return f"{day:%d-%m-%Y}"


# Sick reports ------------------------------------------------------------------------------


def _validate_ziekmelding(melding: Ziekmelding) -> None:
    if error := period_error(melding.start, melding.einde):
        raise ValidationError({"einde": error})
    if melding.start > _today():
        raise ValidationError({"start": _("the first sick day cannot be in the future")})
    person = melding.medewerker
    employed = Dienstverband.objects.filter(active_on(melding.start), medewerker=person).exists()
    if person.werkgever_id is not None or not employed:
        raise ValidationError(
            {
                "start": _(
                    "%(name)s has no Binnenwerk contract on %(date)s: a sick report needs one "
                    "on the first sick day"
                )
                % {"name": f"{person.voornaam} {person.achternaam}", "date": _date(melding.start)}
            }
        )
    others = Ziekmelding.objects.filter(medewerker=person).exclude(pk=melding.pk)
    for other in others:
        if overlaps(melding, other):
            raise ValidationError(
                {
                    "start": _("this sick report (%(new)s) overlaps with sick report %(other)s")
                    % {"new": format_period(melding), "other": format_period(other)}
                }
            )


def _sync_steps(melding: Ziekmelding, actor: Any) -> None:
    """Open steps due after the last day of absence lapse; when the absence is reopened or
    lasts longer, they are open again. Done steps stay done."""
    for stap in melding.stappen.exclude(status=StapStatus.GEDAAN):
        status = (
            StapStatus.VERVALLEN if poortwachter.lapses(stap.uiterlijk, melding.einde) else "open"
        )
        if stap.status != status:
            stap.status = status
            save_validated(stap, actor)


@transaction.atomic
def ziekmelding_create(
    *,
    actor: Any,
    medewerker: Medewerker,
    start: dt.date,
    soort: str = ZiekmeldingSoort.ZIEK,
    einde: dt.date | None = None,
) -> Ziekmelding:
    """A sick report from its first sick day; a `ziek` report gets its Poortwachter steps
    (pregnancy and maternity leave has none)."""
    melding = Ziekmelding(medewerker=medewerker, soort=soort, start=start, einde=einde)
    _validate_ziekmelding(melding)
    save_validated(melding, actor)
    if melding.soort == ZiekmeldingSoort.ZIEK:
        stappen = [
            Poortwachterstap(
                ziekmelding=melding,
                soort=stap_soort,
                uiterlijk=uiterlijk,
                status=StapStatus.VERVALLEN
                if poortwachter.lapses(uiterlijk, einde)
                else StapStatus.OPEN,
            )
            for stap_soort, uiterlijk in poortwachter.initial_steps(start)
        ]
        # Six rows in one statement, each with its audit entry (dates and kinds only).
        Poortwachterstap.objects.bulk_create(stappen)
        log_bulk(
            actor=actor, action=LogEntry.Action.CREATE, objects=stappen, describe=_describe_stap
        )
    return melding


@transaction.atomic
def ziekmelding_herstel(
    *, actor: Any, ziekmelding: Ziekmelding, einde: dt.date | None
) -> Ziekmelding:
    """Record recovery: `einde` is the last day of absence (the person is back the day
    after). `einde=None` reopens the absence. Open steps due after it lapse, or open again."""
    if einde is not None:
        later = [
            h
            for h in ziekmelding.herstelperioden.all()
            if h.start > einde or (h.einde or einde) > einde
        ]
        if later:
            raise ValidationError(
                {
                    "einde": _(
                        "a partial recovery (%(period)s) runs after %(date)s; change it first"
                    )
                    % {"period": format_period(later[0]), "date": _date(einde)}
                }
            )
        if einde > _today():
            raise ValidationError({"einde": _("the recovery cannot be recorded in advance")})
    assign(ziekmelding, {"einde": einde})
    _validate_ziekmelding(ziekmelding)
    save_validated(ziekmelding, actor)
    _sync_steps(ziekmelding, actor)
    return ziekmelding


@dataclass(frozen=True)
class NieuweZiekmelding:
    """One row for `ziekmeldingen_bulk_create`; `herstel` holds (start, einde, werkt_procent)."""

    medewerker_id: int
    start: dt.date
    einde: dt.date | None = None
    soort: str = ZiekmeldingSoort.ZIEK
    herstel: tuple[tuple[dt.date, dt.date | None, int], ...] = ()


def _bulk_errors(rows: Sequence[NieuweZiekmelding]) -> list[str]:
    """The same rules as one sick report at a time, checked for all rows in three queries."""
    ids = {r.medewerker_id for r in rows}
    people = Medewerker.objects.in_bulk(ids)
    contracts: dict[int, list[Dienstverband]] = defaultdict(list)
    for c in Dienstverband.objects.filter(medewerker_id__in=ids).order_by():
        contracts[c.medewerker_id].append(c)
    spells: dict[int, list[Any]] = defaultdict(list)
    for z in Ziekmelding.objects.filter(medewerker_id__in=ids).order_by():
        spells[z.medewerker_id].append(z)
    errors = []
    for number, r in enumerate(rows, 1):
        person = people.get(r.medewerker_id)
        if error := period_error(r.start, r.einde):
            errors.append(f"{number}: {error}")
        elif r.start > _today():
            errors.append(f"{number}: " + _("the first sick day cannot be in the future"))
        elif (
            person is None
            or person.werkgever_id is not None
            or not any(is_active(c, r.start) for c in contracts[r.medewerker_id])
        ):
            errors.append(f"{number}: " + _("no Binnenwerk contract on the first sick day"))
        for start, einde, procent in r.herstel:
            inside = r.start <= start and (r.einde is None or (einde or start) <= r.einde)
            if not inside or not 1 <= procent <= 99 or period_error(start, einde):
                errors.append(f"{number}: " + _("a partial recovery lies within the sick report"))
        spells[r.medewerker_id].append(SimpleNamespace(start=r.start, einde=r.einde))
    for person_spells in spells.values():
        if pair := first_overlap(person_spells):
            errors.append(
                _("sick report %(new)s overlaps with sick report %(other)s")
                % {"new": format_period(pair[1]), "other": format_period(pair[0])}
            )
    return errors


@transaction.atomic
def ziekmeldingen_bulk_create(
    *, actor: Any, meldingen: Sequence[NieuweZiekmelding]
) -> list[Ziekmelding]:
    """Many sick reports at once (the demo, an import): the same rules and Poortwachter steps
    as `ziekmelding_create`, written in a few multi-row statements, each row audited."""
    if errors := _bulk_errors(meldingen):
        raise ValidationError(errors)
    ids = insert_returning_ids(
        Ziekmelding,
        [
            {"medewerker_id": r.medewerker_id, "soort": r.soort, "start": r.start, "einde": r.einde}
            for r in meldingen
        ],
    )
    stappen = [
        {
            "ziekmelding_id": pk,
            "soort": soort,
            "uiterlijk": uiterlijk,
            "status": StapStatus.VERVALLEN
            if poortwachter.lapses(uiterlijk, r.einde)
            else StapStatus.OPEN,
        }
        for pk, r in zip(ids, meldingen, strict=True)
        if r.soort == ZiekmeldingSoort.ZIEK
        for soort, uiterlijk in poortwachter.initial_steps(r.start)
    ]
    stap_ids = insert_returning_ids(Poortwachterstap, stappen)
    herstel = [
        {"ziekmelding_id": pk, "start": start, "einde": einde, "werkt_procent": procent}
        for pk, r in zip(ids, meldingen, strict=True)
        for start, einde, procent in r.herstel
    ]
    herstel_ids = insert_returning_ids(Herstelperiode, herstel)
    # Audit entries name dates, kinds and percentages only.
    create = LogEntry.Action.CREATE
    names = {
        pk: f"{r.medewerker_id} {r.start:%d-%m-%Y}" for pk, r in zip(ids, meldingen, strict=True)
    }
    log_bulk_ids(actor=actor, action=create, model=Ziekmelding, names=names)
    log_bulk_ids(
        actor=actor,
        action=create,
        model=Poortwachterstap,
        names={
            pk: f"{s['soort']} {s['uiterlijk']:%d-%m-%Y}"
            for pk, s in zip(stap_ids, stappen, strict=True)
        },
    )
    log_bulk_ids(
        actor=actor,
        action=create,
        model=Herstelperiode,
        names={
            pk: f"{h['werkt_procent']}% {h['start']:%d-%m-%Y}"
            for pk, h in zip(herstel_ids, herstel, strict=True)
        },
    )
    return list(Ziekmelding.objects.filter(pk__in=ids))


def _describe_stap(s: Poortwachterstap) -> str:
    return f"{s.soort} {s.uiterlijk:%d-%m-%Y}"


# Partial recovery --------------------------------------------------------------------------


def _validate_herstelperiode(periode: Herstelperiode) -> None:
    if error := period_error(periode.start, periode.einde):
        raise ValidationError({"einde": error})
    melding = periode.ziekmelding
    # An open end means "until the sick report ends".
    last = periode.einde or periode.start
    if periode.start < melding.start or (melding.einde is not None and last > melding.einde):
        raise ValidationError(
            {
                "start": _("a partial recovery lies within the sick report (%(period)s)")
                % {"period": format_period(melding)}
            }
        )
    for other in melding.herstelperioden.exclude(pk=periode.pk):
        if overlaps(periode, other):
            raise ValidationError(
                {
                    "start": _("partial recovery %(new)s overlaps with %(other)s")
                    % {"new": format_period(periode), "other": format_period(other)}
                }
            )
    if not (1 <= (periode.werkt_procent or 0) <= 99):
        raise ValidationError({"werkt_procent": _("the percentage able to work is from 1 to 99")})


@transaction.atomic
def herstelperiode_create(
    *,
    actor: Any,
    ziekmelding: Ziekmelding,
    start: dt.date,
    werkt_procent: int,
    einde: dt.date | None = None,
) -> Herstelperiode:
    periode = Herstelperiode(
        ziekmelding=ziekmelding, start=start, einde=einde, werkt_procent=werkt_procent
    )
    _validate_herstelperiode(periode)
    return save_validated(periode, actor)


# Poortwachter steps ------------------------------------------------------------------------


@transaction.atomic
def poortwachterstap_afronden(
    *, actor: Any, stap: Poortwachterstap, gedaan_op: dt.date
) -> Poortwachterstap:
    """Mark a step done. After an evaluation the next one is due at most 6 weeks later."""
    if stap.status == StapStatus.GEDAAN:
        raise ValidationError({"gedaan_op": _("this step is already done")})
    if gedaan_op > _today():
        raise ValidationError({"gedaan_op": _("the date done cannot be in the future")})
    melding = stap.ziekmelding
    if gedaan_op < melding.start:
        raise ValidationError(
            {
                "gedaan_op": _("the date done is before the first sick day (%(date)s)")
                % {"date": _date(melding.start)}
            }
        )
    assign(stap, {"status": StapStatus.GEDAAN, "gedaan_op": gedaan_op, "gedaan_door": actor})
    save_validated(stap, actor)
    pending = melding.stappen.filter(soort=StapSoort.EVALUATIE).exclude(status=StapStatus.GEDAAN)
    if stap.soort == StapSoort.EVALUATIE and not pending.exists():
        uiterlijk = poortwachter.next_evaluation(gedaan_op)
        volgende = Poortwachterstap(
            ziekmelding=melding,
            soort=StapSoort.EVALUATIE,
            uiterlijk=uiterlijk,
            status=StapStatus.VERVALLEN
            if poortwachter.lapses(uiterlijk, melding.einde)
            else StapStatus.OPEN,
        )
        save_validated(volgende, actor)
    return stap


# The norm ----------------------------------------------------------------------------------


@transaction.atomic
def verzuimnorm_set(*, actor: Any, jaar: int, percentage: Decimal) -> Verzuimnorm:
    """The norm of a year: created, or changed when the year has one."""
    if not (Decimal(0) <= percentage <= Decimal(100)):
        raise ValidationError({"percentage": _("the norm is a percentage from 0 to 100")})
    norm = Verzuimnorm.objects.filter(jaar=jaar).first() or Verzuimnorm(jaar=jaar)
    norm.percentage = percentage
    return save_validated(norm, actor)

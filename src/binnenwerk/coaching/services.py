"""Every write to coaching data: validated (Dutch messages at the fields), atomic, audited.

The audit log records who changed a note or goal and when; the text itself is masked
there (see apps.py). Reads of notes are recorded with `inzage_log`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from binnenwerk.coaching.constants import MAX_CONTEXT, MAX_NOTITIE, DoelStatus, InzageSoort
from binnenwerk.coaching.models import (
    Coachingnotitie,
    Functieprofiel,
    Functietoewijzing,
    Inzage,
    Ontwikkeldoel,
)
from binnenwerk.people.models import Medewerker
from binnenwerk.periods import format_period, overlaps
from binnenwerk.services_base import assign, save_validated
from binnenwerk.validation import period_error

# Job profiles (FGR reference data) ---------------------------------------------------------


def _validate_functieprofiel(profiel: Functieprofiel) -> None:
    if profiel.volgende_stap_id is not None and profiel.volgende_stap_id == profiel.pk:
        raise ValidationError({"volgende_stap": _("a profile cannot be its own next step")})


@transaction.atomic
def functieprofiel_create(*, actor: Any, **fields: Any) -> Functieprofiel:
    profiel = Functieprofiel(**fields)
    _validate_functieprofiel(profiel)
    return save_validated(profiel, actor)


@transaction.atomic
def functieprofiel_update(*, actor: Any, profiel: Functieprofiel, **fields: Any) -> Functieprofiel:
    assign(profiel, fields)
    _validate_functieprofiel(profiel)
    return save_validated(profiel, actor)


# A person's job profile through time -------------------------------------------------------


def _validate_toewijzing(toewijzing: Functietoewijzing) -> None:
    if error := period_error(toewijzing.start, toewijzing.einde):
        raise ValidationError({"einde": error})
    others = Functietoewijzing.objects.filter(medewerker=toewijzing.medewerker).exclude(
        pk=toewijzing.pk
    )
    for other in others:
        if overlaps(toewijzing, other):
            raise ValidationError(
                {
                    "start": _("job profile %(new)s overlaps with job profile %(existing)s")
                    % {"new": format_period(toewijzing), "existing": format_period(other)}
                }
            )


@transaction.atomic
def functietoewijzing_create(*, actor: Any, **fields: Any) -> Functietoewijzing:
    toewijzing = Functietoewijzing(**fields)
    _validate_toewijzing(toewijzing)
    return save_validated(toewijzing, actor)


@transaction.atomic
def functietoewijzing_update(
    *, actor: Any, toewijzing: Functietoewijzing, **fields: Any
) -> Functietoewijzing:
    assign(toewijzing, fields)
    _validate_toewijzing(toewijzing)
    return save_validated(toewijzing, actor)


@transaction.atomic
def functietoewijzing_set(
    *, actor: Any, medewerker: Medewerker, functieprofiel: Functieprofiel, start: dt.date
) -> Functietoewijzing:
    """The person holds this profile from `start`; the profile they held ends the day before.
    History is kept: a change is a new period."""
    current = (
        Functietoewijzing.objects.filter(medewerker=medewerker, start__lte=start)
        .exclude(einde__lt=start)
        .first()
    )
    if current is not None:
        if current.start == start:
            raise ValidationError(
                {"start": _("a job profile already starts on this date; choose another date")}
            )
        if current.functieprofiel_id == functieprofiel.pk:
            raise ValidationError(
                {"functieprofiel": _("the employee already holds this job profile on this date")}
            )
        functietoewijzing_update(
            actor=actor, toewijzing=current, einde=start - dt.timedelta(days=1)
        )
    later = Functietoewijzing.objects.filter(medewerker=medewerker, start__gt=start).first()
    return functietoewijzing_create(
        actor=actor,
        medewerker=medewerker,
        functieprofiel=functieprofiel,
        start=start,
        einde=later.start - dt.timedelta(days=1) if later else None,
    )


# Coaching notes ----------------------------------------------------------------------------


def _validate_notitie(notitie: Coachingnotitie) -> None:
    errors: dict[str, str] = {}
    notitie.tekst = (notitie.tekst or "").strip()
    if not notitie.tekst:
        errors["tekst"] = _("write what was discussed or observed")
    elif len(notitie.tekst) > MAX_NOTITIE:
        errors["tekst"] = _("a note has at most %(max)s characters, not %(length)s") % {
            "max": MAX_NOTITIE,
            "length": len(notitie.tekst),
        }
    if notitie.datum is not None and notitie.datum > dt.date.today():
        errors["datum"] = _("the date of a note cannot be in the future")
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def coachingnotitie_create(
    *, actor: Any, medewerker: Medewerker, datum: dt.date, tekst: str
) -> Coachingnotitie:
    """A note written by `actor` (the job coach); who may write is the caller's scope."""
    notitie = Coachingnotitie(
        medewerker=medewerker, datum=datum, tekst=tekst, geschreven_door=actor
    )
    _validate_notitie(notitie)
    return save_validated(notitie, actor)


@transaction.atomic
def coachingnotitie_update(
    *, actor: Any, notitie: Coachingnotitie, datum: dt.date, tekst: str
) -> Coachingnotitie:
    """Only the writer corrects their note; the audit log keeps who and when, not the text."""
    if notitie.geschreven_door_id != getattr(actor, "pk", None):
        raise ValidationError({"tekst": _("only the writer of a note can change it")})
    assign(notitie, {"datum": datum, "tekst": tekst})
    _validate_notitie(notitie)
    return save_validated(notitie, actor)


# Development goals -------------------------------------------------------------------------


def _validate_doel(doel: Ontwikkeldoel) -> None:
    doel.omschrijving = (doel.omschrijving or "").strip()
    if not doel.omschrijving:
        raise ValidationError({"omschrijving": _("describe the goal")})


@transaction.atomic
def ontwikkeldoel_create(
    *,
    actor: Any,
    medewerker: Medewerker,
    omschrijving: str,
    streefdatum: dt.date | None = None,
    status: str = DoelStatus.OPEN,
    functieprofiel: Functieprofiel | None = None,
) -> Ontwikkeldoel:
    doel = Ontwikkeldoel(
        medewerker=medewerker,
        omschrijving=omschrijving,
        streefdatum=streefdatum,
        status=status,
        functieprofiel=functieprofiel,
        geschreven_door=actor,
    )
    _validate_doel(doel)
    return save_validated(doel, actor)


@transaction.atomic
def ontwikkeldoel_update(*, actor: Any, doel: Ontwikkeldoel, **fields: Any) -> Ontwikkeldoel:
    allowed = {"omschrijving", "streefdatum", "status", "functieprofiel"}
    if unknown := set(fields) - allowed:
        raise TypeError(f"ontwikkeldoel_update does not change {sorted(unknown)}")
    assign(doel, fields)
    _validate_doel(doel)
    return save_validated(doel, actor)


# Access log --------------------------------------------------------------------------------


def page_context(request: Any) -> str:
    """The why-context of a read on a web page: the page's name (e.g. 'coaching:notitie')."""
    match = getattr(request, "resolver_match", None)
    return match.view_name if match else request.path


def _context(text: str) -> str:
    """The why-context as kept: one line, cut to the field's length."""
    line = " ".join(str(text).split())
    return line[:MAX_CONTEXT]


@transaction.atomic
def inzage_log(
    *,
    actor: Any,
    medewerker: Medewerker,
    soort: str,
    object_ids: Iterable[int],
    context: str = "",
) -> list[Inzage]:
    """Record that `actor` read these records of `medewerker` now: who, when, which record,
    why (`context`: the page). One insert however many records were shown; the content is
    never recorded. Synchronous: when the log cannot be written the read fails with it."""
    if not getattr(actor, "pk", None):
        raise ValidationError(_("only a signed-in user can read coaching data"))
    soort = InzageSoort(soort)
    if soort == InzageSoort.EXPORT:
        raise ValidationError(_("an export is logged with export_log"))
    rows = [
        Inzage(
            gebruiker=actor,
            medewerker=medewerker,
            soort=soort,
            object_id=object_id,
            context=_context(context),
        )
        for object_id in object_ids
    ]
    return Inzage.objects.bulk_create(rows)


@transaction.atomic
def inzage_log_people(
    *, actor: Any, medewerkers: Iterable[Medewerker], soort: str, context: str
) -> list[Inzage]:
    """One access record per person shown on a list page (one insert for the page)."""
    if not getattr(actor, "pk", None):
        raise ValidationError(_("only a signed-in user can read coaching data"))
    soort = InzageSoort(soort)
    if soort == InzageSoort.EXPORT:
        raise ValidationError(_("an export is logged with export_log"))
    rows = [
        Inzage(
            gebruiker=actor,
            medewerker=person,
            soort=soort,
            object_id=person.pk,
            context=_context(context),
        )
        for person in medewerkers
    ]
    return Inzage.objects.bulk_create(rows)


@transaction.atomic
def export_log(*, actor: Any, naam: str, aantal: int, scope: str = "") -> Inzage:
    """Record an export of personal data: who (None: the command line, named in `scope`),
    when, which file (`naam`), its filter or scope, and how many people it covers."""
    if actor is not None and not getattr(actor, "pk", None):
        raise ValidationError(_("only a signed-in user can export personal data"))
    context = f"{naam} ({scope})" if scope else naam
    return Inzage.objects.create(
        gebruiker=actor,
        medewerker=None,
        soort=InzageSoort.EXPORT,
        context=_context(context),
        aantal=max(int(aantal), 0),
    )

"""Every write to candidates: validated (Dutch messages at the fields), atomic and audited.

A candidate walks aangemeld → kennismaking → proefplaatsing → aangenomen, one step at a
time, or leaves as afgewezen / teruggetrokken with a reason. The trial-placement stage is
entered by recording a trial placement, the hired stage only by hiring, which creates the
employee, first contract and placement through people.services.medewerker_hire.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any, cast

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from binnenwerk.formatting import date_nl
from binnenwerk.people.models import Medewerker
from binnenwerk.people.services import medewerker_hire
from binnenwerk.periods import Period, add_months, format_period
from binnenwerk.recruitment.constants import (
    AFGESLOTEN,
    EINDFASEN,
    PAD,
    PROEF_MAX_MAANDEN,
    PROEF_MIN_MAANDEN,
    Fase,
    Indicatie,
)
from binnenwerk.recruitment.models import Kandidaat, Kandidaatfase, Proefplaatsing
from binnenwerk.services_base import assign, save_validated
from binnenwerk.validation import period_error

ONE_DAY = dt.timedelta(days=1)
# The fields a candidate's own form may change; stage, reason and employee are the services'.
EDITABLE = (
    "voornaam",
    "achternaam",
    "email",
    "telefoon",
    "herkomst",
    "indicatie",
    "werksoort",
    "team",
    "toestemming_bewaren",
)


def _validate_kandidaat(kandidaat: Kandidaat) -> None:
    if kandidaat.werksoort_id is None and kandidaat.team_id is None:
        raise ValidationError({"werksoort": _("Choose a team or a work type.")})
    if kandidaat.team is not None and kandidaat.werksoort_id is None:
        kandidaat.werksoort = kandidaat.team.werksoort
    if (
        kandidaat.team is not None
        and kandidaat.werksoort_id is not None
        and kandidaat.team.werksoort_id != kandidaat.werksoort_id
    ):
        raise ValidationError({"team": _("This team does not do the chosen work type.")})


def _last_stage(kandidaat: Kandidaat) -> Kandidaatfase | None:
    return kandidaat.fasen.order_by("-vanaf", "-pk").first()


def _enter(
    kandidaat: Kandidaat, fase: str, op: dt.date, actor: Any, reden: str = ""
) -> Kandidaatfase:
    """Record that the candidate entered `fase` on `op` (never before the current stage)."""
    last = _last_stage(kandidaat)
    if last is not None and op < last.vanaf:
        raise ValidationError(
            {
                "op": _(
                    "The date may not be before %(date)s, when the candidate entered "
                    "the stage '%(stage)s'."
                )
                % {"date": date_nl(last.vanaf), "stage": last.get_fase_display()}
            }
        )
    user = actor if actor is not None and getattr(actor, "pk", None) else None
    stage = save_validated(
        Kandidaatfase(kandidaat=kandidaat, fase=fase, vanaf=op, reden=reden, door=user), actor
    )
    assign(kandidaat, {"fase": fase, "reden": reden})
    save_validated(kandidaat, actor)
    return stage


def _refuse_closed(kandidaat: Kandidaat) -> None:
    if kandidaat.fase in EINDFASEN:
        raise ValidationError(
            {
                "fase": _("The candidate is already '%(stage)s'; nothing can change any more.")
                % {"stage": kandidaat.get_fase_display()}
            }
        )


@transaction.atomic
def kandidaat_create(
    *, actor: Any, aangemeld_op: dt.date | None = None, **fields: Any
) -> Kandidaat:
    """A new candidate in the stage 'aangemeld' from `aangemeld_op` (default today)."""
    kandidaat = Kandidaat(**fields)
    _validate_kandidaat(kandidaat)
    save_validated(kandidaat, actor)
    _enter(kandidaat, Fase.AANGEMELD, aangemeld_op or dt.date.today(), actor)
    return kandidaat


@transaction.atomic
def kandidaat_update(*, actor: Any, kandidaat: Kandidaat, **fields: Any) -> Kandidaat:
    """Change contact details, origin, indication status, team or work type."""
    unknown = set(fields) - set(EDITABLE)
    if unknown:
        raise ValueError(f"not editable: {sorted(unknown)}")
    if kandidaat.fase == Fase.AANGENOMEN:
        raise ValidationError(
            {"fase": _("The candidate has been hired; change the employee instead.")}
        )
    assign(kandidaat, fields)
    _validate_kandidaat(kandidaat)
    return save_validated(kandidaat, actor)


@transaction.atomic
def kandidaat_advance(*, actor: Any, kandidaat: Kandidaat, op: dt.date | None = None) -> Kandidaat:
    """One step along the path. A trial placement is entered by recording one, and
    'aangenomen' only by hiring, so this step is aangemeld → kennismaking."""
    _refuse_closed(kandidaat)
    following = PAD[PAD.index(Fase(kandidaat.fase)) + 1]
    if following == Fase.PROEFPLAATSING:
        raise ValidationError(
            {"fase": _("Record a trial placement to move the candidate to that stage.")}
        )
    if following == Fase.AANGENOMEN:
        raise ValidationError({"fase": _("Hire the candidate to move them to that stage.")})
    _enter(kandidaat, following, op or dt.date.today(), actor)
    return kandidaat


@transaction.atomic
def kandidaat_close(
    *, actor: Any, kandidaat: Kandidaat, fase: str, reden: str, op: dt.date | None = None
) -> Kandidaat:
    """Rejected or withdrawn, with a reason; a running trial placement ends that day."""
    _refuse_closed(kandidaat)
    if fase not in AFGESLOTEN:
        raise ValidationError({"fase": _("Choose rejected or withdrawn.")})
    reden = (reden or "").strip()
    if not reden:
        raise ValidationError({"reden": _("Give the reason.")})
    op = op or dt.date.today()
    _enter(kandidaat, fase, op, actor, reden=reden)
    for proef in kandidaat.proefplaatsingen.filter(start__lte=op, einde__gt=op):
        save_validated(assign(proef, {"einde": op}), actor)
    kandidaat.proefplaatsingen.filter(start__gt=op).delete()
    return kandidaat


def _proef_errors(proef: Proefplaatsing) -> dict[str, str]:
    if error := period_error(proef.start, proef.einde):
        return {"einde": error}
    shortest = add_months(proef.start, PROEF_MIN_MAANDEN) - ONE_DAY
    longest = add_months(proef.start, PROEF_MAX_MAANDEN) - ONE_DAY
    if proef.einde > longest:
        return {
            "einde": _(
                "A trial placement lasts at most 6 months: from %(start)s the last day is "
                "%(longest)s at the latest."
            )
            % {"start": date_nl(proef.start), "longest": date_nl(longest)}
        }
    if proef.einde < shortest:
        return {
            "einde": _(
                "A trial placement lasts at least 2 months: from %(start)s the last day is "
                "%(shortest)s at the earliest."
            )
            % {"start": date_nl(proef.start), "shortest": date_nl(shortest)}
        }
    team = proef.team
    if proef.start < team.start or (team.einde is not None and proef.einde > team.einde):
        return {
            "team": _("Team %(team)s does not exist during the whole trial placement (%(period)s).")
            % {"team": team.code, "period": format_period(team)}
        }
    for other in proef.kandidaat.proefplaatsingen.exclude(pk=proef.pk):
        if proef.start <= other.einde and other.start <= proef.einde:
            return {
                "start": _("This trial placement overlaps with the one of %(period)s.")
                % {"period": format_period(cast(Period, other))}
            }
    return {}


@transaction.atomic
def proefplaatsing_create(
    *, actor: Any, kandidaat: Kandidaat, team: Any, start: dt.date, einde: dt.date
) -> Proefplaatsing:
    """A trial placement of 2 to 6 months in a team, without contract: it counts no jobs.
    The first one moves the candidate from 'kennismaking' to 'proefplaatsing' on its start."""
    _refuse_closed(kandidaat)
    if kandidaat.fase == Fase.AANGEMELD:
        raise ValidationError(
            {"fase": _("First have an introduction with the candidate (stage 'kennismaking').")}
        )
    proef = Proefplaatsing(kandidaat=kandidaat, team=team, start=start, einde=einde)
    if errors := _proef_errors(proef):
        raise ValidationError(errors)
    if kandidaat.fase == Fase.KENNISMAKING:
        try:
            _enter(kandidaat, Fase.PROEFPLAATSING, start, actor)
        except ValidationError as error:
            raise ValidationError({"start": error.message_dict["op"]}) from error
    return save_validated(proef, actor)


@transaction.atomic
def kandidaat_hire(
    *,
    actor: Any,
    kandidaat: Kandidaat,
    personeelsnummer: str,
    start: dt.date,
    uren_per_week: Decimal,
    soort: str,
    team: Any,
    opdrachtgever: Any,
    einde: dt.date | None = None,
    geboortedatum: dt.date | None = None,
    bsn: str = "",
    op: dt.date | None = None,
) -> Medewerker:
    """Hire after the trial placement: the employee, first contract and placement in one
    call, all or nothing. Refused without a confirmed target-group indication."""
    if kandidaat.indicatie != Indicatie.JA:
        raise ValidationError(
            {
                "indicatie": _(
                    "Hiring is refused: the target group indication is not confirmed "
                    "(status: %(status)s). Record 'yes' once UWV has confirmed it."
                )
                % {"status": kandidaat.get_indicatie_display()}
            }
        )
    _refuse_closed(kandidaat)
    if kandidaat.fase != Fase.PROEFPLAATSING:
        raise ValidationError({"fase": _("Only a candidate in a trial placement can be hired.")})
    for proef in kandidaat.proefplaatsingen.filter(einde__gte=start):
        if start <= proef.start:
            raise ValidationError(
                {
                    "start": _(
                        "The first working day must be after the trial placement's "
                        "start (%(date)s)."
                    )
                    % {"date": date_nl(proef.start)}
                }
            )
        save_validated(assign(proef, {"einde": start - ONE_DAY}), actor)
    person = medewerker_hire(
        actor=actor,
        medewerker={
            "personeelsnummer": personeelsnummer,
            "voornaam": kandidaat.voornaam,
            "achternaam": kandidaat.achternaam,
            "geboortedatum": geboortedatum,
            "bsn": bsn or "",
            "doelgroepindicatie": True,
        },
        start=start,
        uren_per_week=uren_per_week,
        soort=soort,
        einde=einde,
        team=team,
        opdrachtgever=opdrachtgever,
    )
    if op is None:
        last = _last_stage(kandidaat)
        op = max(dt.date.today(), last.vanaf) if last is not None else dt.date.today()
    kandidaat.medewerker = person
    _enter(kandidaat, Fase.AANGENOMEN, op, actor)
    return person

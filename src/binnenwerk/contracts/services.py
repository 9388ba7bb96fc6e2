"""The one write of the contract clock: a decision about a fixed-term contract.

The decision changes contracts only through the people services (dienstverband_create,
dienstverband_end, dienstverband_extend, dienstverband_update), all in one transaction:
anything refused leaves nothing written.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from binnenwerk.contracts.chain import waarschuwing
from binnenwerk.contracts.constants import Besluit
from binnenwerk.contracts.models import Contractbesluit
from binnenwerk.contracts.selectors import keten_na
from binnenwerk.formatting import date_nl
from binnenwerk.people import services as people
from binnenwerk.people.constants import ContractSoort
from binnenwerk.people.models import Dienstverband
from binnenwerk.services_base import save_validated

ONE_DAY = dt.timedelta(days=1)


@transaction.atomic
def contractbesluit_create(
    *,
    actor: Any,
    dienstverband: Dienstverband,
    besluit: str,
    ingangsdatum: dt.date | None = None,
    einde: dt.date | None = None,
    uren_per_week: Decimal | None = None,
    reden: str = "",
    keten_bevestigd: bool = False,
    besloten_op: dt.datetime | None = None,
) -> Contractbesluit:
    """Record the decision and make the contracts follow it.

    - vast: a permanent contract from `ingangsdatum`; the fixed-term one ends the day before.
    - verlengen: a new fixed-term contract from the day after this one ends, up to `einde`;
      refused when the chain would pass the chain rule's maximum unless `keten_bevestigd`.
    - beeindigen: this contract ends on its end date, or earlier on `einde`; `reden` required.

    A follow-up contract that is already recorded on the same first day and of the same kind
    is taken as the decided one (its hours and end follow the decision) instead of a second.
    """
    contract = Dienstverband.objects.select_for_update().get(pk=dienstverband.pk)
    _check_decidable(contract, besluit)
    reden = (reden or "").strip()
    decision = Contractbesluit(
        dienstverband=contract,
        besluit=besluit,
        uren_per_week=uren_per_week,
        reden=reden,
        besloten_door=actor if getattr(actor, "pk", None) else None,
    )
    if besloten_op is not None:  # a decision recorded afterwards (the demo's history)
        decision.besloten_op = besloten_op
    if besluit == Besluit.VAST:
        decision.ingangsdatum = ingangsdatum
        decision.nieuw_dienstverband = _permanent(actor, contract, ingangsdatum, uren_per_week)
    elif besluit == Besluit.VERLENGEN:
        decision.ingangsdatum, decision.einde = _extension_period(contract, ingangsdatum, einde)
        chain = keten_na(contract, decision.einde)
        if chain is not None and chain.overschreden:
            if not keten_bevestigd:
                raise ValidationError(
                    {
                        "keten_bevestigd": _(
                            "%(warning)s Confirm that you know this, or choose a permanent "
                            "appointment."
                        )
                        % {"warning": waarschuwing(chain)}
                    }
                )
            decision.ketenwaarschuwing = waarschuwing(chain)
        decision.nieuw_dienstverband = _extension(actor, contract, decision.einde, uren_per_week)
    else:
        decision.einde = _ending(actor, contract, einde, reden)
    return save_validated(decision, actor)


def _check_decidable(contract: Dienstverband, besluit: str) -> None:
    if besluit not in Besluit.values:
        raise ValidationError({"besluit": _("Choose a decision.")})
    if contract.soort != ContractSoort.BEPAALD:
        raise ValidationError({"besluit": _("Only a fixed-term contract needs a decision.")})
    if Contractbesluit.objects.filter(dienstverband=contract).exists():
        raise ValidationError({"besluit": _("This contract already has a decision.")})


def _follow_up(contract: Dienstverband, start: dt.date, soort: str) -> Dienstverband | None:
    """A contract of the same person already recorded from `start`, if it is of this kind."""
    existing = Dienstverband.objects.filter(medewerker_id=contract.medewerker_id, start=start)
    found = existing.first()
    if found is not None and found.soort != soort:
        raise ValidationError(
            {
                "besluit": _(
                    "There is already a contract of another kind from %(date)s; change that "
                    "one first."
                )
                % {"date": date_nl(start)}
            }
        )
    return found


def _permanent(
    actor: Any, contract: Dienstverband, start: dt.date | None, uren: Decimal | None
) -> Dienstverband:
    if start is None:
        raise ValidationError(
            {"ingangsdatum": _("Fill in the first day of the permanent contract.")}
        )
    if start <= contract.start:
        raise ValidationError(
            {
                "ingangsdatum": _("The permanent contract must start after %(date)s.")
                % {"date": date_nl(contract.start)}
            }
        )
    if contract.einde is not None and start > contract.einde + ONE_DAY:
        raise ValidationError(
            {
                "ingangsdatum": _(
                    "The permanent contract must start no later than %(date)s, the day after "
                    "the current contract ends."
                )
                % {"date": date_nl(contract.einde + ONE_DAY)}
            }
        )
    if contract.einde is None or start <= contract.einde:
        people.dienstverband_end(actor=actor, dienstverband=contract, einde=start - ONE_DAY)
    existing = _follow_up(contract, start, ContractSoort.ONBEPAALD)
    if existing is not None:
        if uren is not None and uren != existing.uren_per_week:
            people.dienstverband_update(actor=actor, dienstverband=existing, uren_per_week=uren)
        return existing
    return people.dienstverband_create(
        actor=actor,
        medewerker=contract.medewerker,
        start=start,
        einde=None,
        uren_per_week=contract.uren_per_week if uren is None else uren,
        soort=ContractSoort.ONBEPAALD,
    )


def _extension_period(
    contract: Dienstverband, ingangsdatum: dt.date | None, einde: dt.date | None
) -> tuple[dt.date, dt.date]:
    if contract.einde is None:
        raise ValidationError(
            {"besluit": _("This contract has no end date; there is nothing to extend.")}
        )
    start = contract.einde + ONE_DAY
    if ingangsdatum is not None and ingangsdatum != start:
        raise ValidationError(
            {
                "ingangsdatum": _(
                    "An extension starts on %(date)s, the day after the current contract ends."
                )
                % {"date": date_nl(start)}
            }
        )
    if einde is None:
        raise ValidationError({"einde": _("Fill in the last day of the new contract.")})
    if einde < start:
        raise ValidationError(
            {
                "einde": _("The new contract cannot end before it starts on %(date)s.")
                % {"date": date_nl(start)}
            }
        )
    return start, einde


def _extension(
    actor: Any, contract: Dienstverband, einde: dt.date, uren: Decimal | None
) -> Dienstverband:
    assert contract.einde is not None
    existing = _follow_up(contract, contract.einde + ONE_DAY, ContractSoort.BEPAALD)
    if existing is not None:
        changes: dict[str, Any] = {}
        if existing.einde != einde:
            changes["einde"] = einde
        if uren is not None and uren != existing.uren_per_week:
            changes["uren_per_week"] = uren
        if changes:
            people.dienstverband_update(actor=actor, dienstverband=existing, **changes)
        return existing
    return people.dienstverband_extend(
        actor=actor,
        dienstverband=contract,
        uren_per_week=contract.uren_per_week if uren is None else uren,
        soort=ContractSoort.BEPAALD,
        einde=einde,
    )


def _ending(actor: Any, contract: Dienstverband, einde: dt.date | None, reden: str) -> dt.date:
    errors: dict[str, str] = {}
    if not reden:
        errors["reden"] = _("Give the reason the contract ends.")
    last = einde or contract.einde
    if last is None:
        errors["einde"] = _("Fill in the last day of the contract.")
    elif last < contract.start:
        errors["einde"] = _("The last day cannot be before the contract starts on %(date)s.") % {
            "date": date_nl(contract.start)
        }
    elif contract.einde is not None and last > contract.einde:
        errors["einde"] = _(
            "The contract already ends on %(date)s; it can end earlier, not later."
        ) % {"date": date_nl(contract.einde)}
    if errors:
        raise ValidationError(errors)
    assert last is not None
    later = Dienstverband.objects.filter(medewerker_id=contract.medewerker_id, start__gt=last)
    if (follow := later.order_by("start").first()) is not None:
        raise ValidationError(
            {
                "einde": _(
                    "A follow-up contract from %(date)s is already recorded; end or change "
                    "that one first."
                )
                % {"date": date_nl(follow.start)}
            }
        )
    if last != contract.einde:
        people.dienstverband_end(actor=actor, dienstverband=contract, einde=last)
    return last

"""Publishing the figures of a year (or quarter): an immutable, audited snapshot.

There is no update or delete service: a published snapshot is only ever superseded by a new
publication, which must say why.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from binnenwerk.reports.models import Publicatie
from binnenwerk.reports.selectors import huidige_publicatie, jaaroverzicht_cijfers
from binnenwerk.services_base import save_validated


@transaction.atomic
def publicatie_create(
    *, actor: Any, jaar: int, kwartaal: int | None = None, reden: str = ""
) -> Publicatie:
    """Freeze every figure of the year (and Table 1 for a quarter) as published now."""
    reden = reden.strip()
    if kwartaal is not None and not 1 <= kwartaal <= 4:
        raise ValidationError(_("A quarter is 1, 2, 3 or 4."))
    if jaar > timezone.localdate().year:
        raise ValidationError(_("A year in the future cannot be published."))
    # Lock the year's publications: two publishers at once must not both supersede one.
    list(Publicatie.objects.select_for_update().filter(jaar=jaar, kwartaal=kwartaal))
    vorige = huidige_publicatie(jaar, kwartaal)
    if vorige is not None and not reden:
        raise ValidationError(
            _("This period has been published already: give the reason for a new publication.")
        )
    with translation.override("nl"):
        cijfers = jaaroverzicht_cijfers(jaar, kwartaal).as_json()
    publicatie = Publicatie(
        jaar=jaar,
        kwartaal=kwartaal,
        published_at=timezone.now(),
        published_by=actor if getattr(actor, "pk", None) else None,
        reden=reden,
        cijfers=cijfers,
        vervangt=vorige,
    )
    return save_validated(publicatie, actor)

"""Publishing the figures of a year (or quarter): an immutable, audited snapshot; and the
annual overview's free-text sections (foreword, stories).

There is no update or delete service for a publication: a published snapshot is only ever
superseded by a new publication, which must say why. Texts are edited freely: a publication
keeps the copy it was published with.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from binnenwerk.audit import acting_as
from binnenwerk.formatting import date_nl
from binnenwerk.monitor.quarters import Kwartaal
from binnenwerk.reports.constants import MAX_INHOUD, MAX_JAAR, MAX_TITEL, MIN_JAAR, TekstSoort
from binnenwerk.reports.models import Publicatie, Tekst
from binnenwerk.reports.selectors import huidige_publicatie, jaaroverzicht_cijfers
from binnenwerk.services_base import assign, save_validated

_ONE_DAY = dt.timedelta(days=1)
# Something that reads as an HTML tag, comment or entity: texts are plain text.
_HTML = re.compile(r"<\s*/?\s*[a-zA-Z!][^>]*>|&(#\d+|#x[0-9a-fA-F]+|[a-zA-Z]+);")


@transaction.atomic
def publicatie_create(
    *, actor: Any, jaar: int, kwartaal: int | None = None, reden: str = ""
) -> Publicatie:
    """Freeze every figure of the year (and Table 1 for a quarter) as published now."""
    reden = reden.strip()
    if kwartaal is not None and not 1 <= kwartaal <= 4:
        raise ValidationError(_("A quarter is 1, 2, 3 or 4."))
    today = timezone.localdate()
    if jaar > today.year:
        raise ValidationError(_("A year in the future cannot be published."))
    if kwartaal is not None and Kwartaal(jaar, kwartaal).last_day >= today:
        raise ValidationError(
            _("This quarter has not ended yet: it can be published from %(date)s.")
            % {"date": date_nl(Kwartaal(jaar, kwartaal).last_day + _ONE_DAY)}
        )
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


# --- the annual overview's texts ----------------------------------------------


def _clean_text(value: str) -> str:
    """Unix line ends, no trailing spaces on a line, no blank lines at either end."""
    lines = (value or "").replace("\r\n", "\n").replace("\r", "\n").split("\n")
    return "\n".join(line.rstrip() for line in lines).strip()


def _validate_tekst(tekst: Tekst) -> None:
    errors: dict[str, str] = {}
    if not MIN_JAAR <= tekst.jaar <= MAX_JAAR:
        errors["jaar"] = _("Choose a year between %(first)s and %(last)s.") % {
            "first": MIN_JAAR,
            "last": MAX_JAAR,
        }
    if tekst.soort not in TekstSoort.values:
        errors["soort"] = _("A text is a foreword or a story.")
    if tekst.soort == TekstSoort.VERHAAL and not tekst.titel:
        errors["titel"] = _("A story needs a title.")
    elif len(tekst.titel) > MAX_TITEL:
        errors["titel"] = _("The title is too long: at most %(max)s characters.") % {
            "max": MAX_TITEL
        }
    elif _HTML.search(tekst.titel):
        errors["titel"] = _("Write plain text: HTML is not allowed.")
    if not tekst.inhoud:
        errors["inhoud"] = _("Write the text.")
    elif len(tekst.inhoud) > MAX_INHOUD:
        errors["inhoud"] = _("The text is too long: %(length)s characters, at most %(max)s.") % {
            "length": len(tekst.inhoud),
            "max": MAX_INHOUD,
        }
    elif _HTML.search(tekst.inhoud):
        errors["inhoud"] = _(
            "Write plain text: HTML is not allowed. Separate paragraphs with a blank line."
        )
    if (
        tekst.soort == TekstSoort.VOORWOORD
        and Tekst.objects.filter(jaar=tekst.jaar, soort=TekstSoort.VOORWOORD)
        .exclude(pk=tekst.pk)
        .exists()
    ):
        errors["soort"] = _("%(year)s already has a foreword: change that one instead.") % {
            "year": tekst.jaar
        }
    if errors:
        raise ValidationError(errors)


def _next_volgorde(jaar: int) -> int:
    highest = Tekst.objects.filter(jaar=jaar).aggregate(hoogste=Max("volgorde"))["hoogste"]
    return 10 if highest is None else highest + 10


@transaction.atomic
def tekst_create(
    *,
    actor: Any,
    jaar: int,
    soort: str,
    inhoud: str,
    titel: str = "",
    volgorde: int | None = None,
) -> Tekst:
    """A foreword (at most one a year) or a story for the year's overview; a story without
    an order goes after the year's other texts."""
    # Two forewords added at once: the database's unique constraint refuses the second.
    if volgorde is None:
        volgorde = 0 if soort == TekstSoort.VOORWOORD else _next_volgorde(jaar)
    tekst = Tekst(
        jaar=jaar,
        soort=soort,
        titel=(titel or "").strip(),
        inhoud=_clean_text(inhoud),
        volgorde=volgorde,
    )
    _validate_tekst(tekst)
    return save_validated(tekst, actor)


@transaction.atomic
def tekst_update(
    *, actor: Any, tekst: Tekst, inhoud: str, titel: str = "", volgorde: int | None = None
) -> Tekst:
    """New wording (title, text, order) of a text; its year and kind stay."""
    assign(
        tekst,
        {
            "titel": (titel or "").strip(),
            "inhoud": _clean_text(inhoud),
            "volgorde": tekst.volgorde if volgorde is None else volgorde,
        },
    )
    _validate_tekst(tekst)
    return save_validated(tekst, actor)


@transaction.atomic
def tekst_delete(*, actor: Any, tekst: Tekst) -> None:
    """Remove a text from the year's overview (a publication keeps its own copy); the audit
    log records who removed it and what it said."""
    with acting_as(actor):
        tekst.delete()

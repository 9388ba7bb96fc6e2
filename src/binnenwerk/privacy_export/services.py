"""The subject-access export (AVG art. 15): a zip with a readable PDF and one JSON and one CSV
file per category. The request is logged in the access log (who, about whom, why) and in the
audit log before anything is gathered, so the document lists this request too."""

from __future__ import annotations

import datetime as dt
import io
import json
import re
import zipfile
from dataclasses import dataclass
from typing import Any

from auditlog.models import LogEntry
from django.core.exceptions import ValidationError
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _

from binnenwerk.audit import log_bulk_ids
from binnenwerk.coaching.constants import MAX_CONTEXT, InzageSoort
from binnenwerk.coaching.models import Inzage
from binnenwerk.formatting import csv_writer
from binnenwerk.people.models import Medewerker
from binnenwerk.privacy import mask_bsns
from binnenwerk.privacy_export.selectors import Category, subject_access
from binnenwerk.privacy_export.texts import intro
from binnenwerk.reports.pdf import html_to_pdf

# The longest reason or reference of a request that is kept (it goes into the access log).
MAX_REDEN = 150
PDF_NAME = "inzage.pdf"
# The why-context of the access record: the kind of export and the reason.
CONTEXT_PREFIX = "inzageverzoek AVG art. 15"


@dataclass(frozen=True)
class Export:
    filename: str
    content: bytes
    categories: list[Category]


def clean_reason(reden: str) -> str:
    """The reason as kept: one line, never a BSN (a reference may be typed carelessly)."""
    text = mask_bsns(" ".join(str(reden or "").split()))
    if not text:
        raise ValidationError(_("give the reason or reference of the request"))
    if len(text) > MAX_REDEN:
        raise ValidationError(
            _("the reason is at most %(count)s characters") % {"count": MAX_REDEN}
        )
    return text


def _csv(category: Category) -> str:
    out = io.StringIO()
    writer = csv_writer(out)
    names = [name for name, _heading in category.columns]
    writer.writerow(names)
    for record in category.records:
        writer.writerow([record[name] for name in names])
    return out.getvalue()


def _json(category: Category) -> str:
    return json.dumps(
        {
            "categorie": category.title,
            "kolommen": dict(category.columns),
            "records": category.records,
        },
        ensure_ascii=False,
        indent=2,
        default=str,
    )


def render_pdf(person: Medewerker, categories: list[Category], reden: str) -> bytes:
    html = render_to_string(
        "privacy_export/inzage_pdf.html",
        {
            "medewerker": person,
            "categorieen": categories,
            "reden": reden,
            "gemaakt": timezone.localtime(),
            "intro": intro(),
        },
    )
    return html_to_pdf(html)


def build_zip(person: Medewerker, categories: list[Category], reden: str) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(PDF_NAME, render_pdf(person, categories, reden))
        for category in categories:
            archive.writestr(f"{category.filename}.json", _json(category))
            archive.writestr(f"{category.filename}.csv", _csv(category))
    return buffer.getvalue()


@transaction.atomic
def inzageverzoek_export(
    *, actor: Any, medewerker: Medewerker, reden: str, door: str = ""
) -> Export:
    """Everything about `medewerker` as a zip. `actor` is the signed-in HR user, or None on the
    command line (then `door` names who ran it). Logged in the access log (kind export, the
    person, the reason) and audited (an access entry on the person) in the same transaction."""
    if actor is not None and not getattr(actor, "pk", None):
        raise ValidationError(_("only a signed-in user can export personal data"))
    reason = clean_reason(reden)
    who = mask_bsns(" ".join(str(door).split()))[:50]
    context = f"{CONTEXT_PREFIX}: {reason}" + (f" (door {who})" if who and actor is None else "")
    Inzage.objects.create(
        gebruiker=actor,
        medewerker=medewerker,
        soort=InzageSoort.EXPORT,
        context=context[:MAX_CONTEXT],
        aantal=1,
    )
    log_bulk_ids(
        actor=actor,
        action=LogEntry.Action.ACCESS,
        model=Medewerker,
        names={medewerker.pk: str(medewerker)},
        note=context,
    )
    categories = subject_access(medewerker)
    content = build_zip(medewerker, categories, reason)
    number = re.sub(r"[^\w-]", "_", medewerker.personeelsnummer)
    filename = f"inzage-{number}-{dt.date.today():%Y%m%d}.zip"
    return Export(filename=filename, content=content, categories=categories)

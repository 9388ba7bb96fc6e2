"""The subject-access request (AVG art. 15) of one person: a confirm page with the reason of
the request, then the zip as a download. HR and the administrator only; 404 for every other
role (least privilege: the roles that already see a person's special details)."""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.translation import gettext as _

from binnenwerk.accounts.constants import SEES_PERSONAL_DETAILS
from binnenwerk.accounts.selectors import medewerkers_for
from binnenwerk.people.models import Medewerker
from binnenwerk.privacy_export.forms import InzageverzoekForm
from binnenwerk.privacy_export.services import inzageverzoek_export
from binnenwerk.web.views.common import require_role

ROLES = tuple(SEES_PERSONAL_DETAILS)


def inzageverzoek(request: HttpRequest, nummer: str) -> HttpResponse:
    require_role(request, *ROLES)
    found = get_object_or_404(
        medewerkers_for(request.user, dt.date.today()), personeelsnummer=nummer
    )
    person = Medewerker.objects.get(pk=found.pk)  # without the list's annotations
    form = InzageverzoekForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            export = inzageverzoek_export(
                actor=request.user, medewerker=person, reden=form.cleaned_data["reden"]
            )
        except ValidationError as error:
            form.add_error("reden", error)
        else:
            response = HttpResponse(export.content, content_type="application/zip")
            response["Content-Disposition"] = f'attachment; filename="{export.filename}"'
            response["Cache-Control"] = "no-store"
            return response
    name = f"{person.voornaam} {person.achternaam}"
    return render(
        request,
        "privacy_export/bevestigen.html",
        {
            "form": form,
            "medewerker": person,
            "title": _("Subject access request (AVG art. 15) of %(name)s") % {"name": name},
            "back": reverse("web:medewerker", args=[person.personeelsnummer]),
        },
    )

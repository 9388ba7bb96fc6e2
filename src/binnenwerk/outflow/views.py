"""Outflow pages: a year's figures (HR, management, administrator), the per-person list
(HR and management, health reasons masked for management) and HR's form to end someone's
employment. Any other role gets 404."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

from binnenwerk.accounts.selectors import has_role, medewerkers_for
from binnenwerk.coaching.services import export_log
from binnenwerk.formatting import date_nl
from binnenwerk.outflow import presenters, selectors, services
from binnenwerk.outflow.constants import (
    RECORDS_OUTFLOW,
    SEES_FIGURES,
    SEES_LIST,
    SEES_SPECIAL,
    Reden,
)
from binnenwerk.outflow.forms import JaarForm, UitstroomForm
from binnenwerk.outflow.models import Uitstroom
from binnenwerk.people.models import Medewerker
from binnenwerk.web.views.common import csv_download, require_role
from binnenwerk.web.views.forms_people import service_form


def _year(request: HttpRequest) -> tuple[JaarForm, int]:
    form = JaarForm(request.GET or None)
    return form, form.jaar_or(dt.date.today().year)


def overzicht(request: HttpRequest) -> HttpResponse:
    require_role(request, *SEES_FIGURES)
    form, jaar = _year(request)
    cijfers = selectors.uitstroom_cijfers(jaar)
    context: dict[str, Any] = {
        "form": form,
        "jaar": jaar,
        "cijfers": cijfers,
        "redenen": [(Reden(r).label, n) for r, n in cijfers.per_reden.items()],
        "per_jaar": selectors.uitstroom_per_jaar(),
        "toon_lijst": has_role(request.user, *SEES_LIST),
        "toon_toelichting": has_role(request.user, *SEES_SPECIAL),
        "mag_vastleggen": has_role(request.user, *RECORDS_OUTFLOW),
    }
    if context["toon_lijst"]:
        context["lijst"] = selectors.uitstroom_lijst(request.user, jaar)
    return render(request, "outflow/overzicht.html", context)


def cijfers_download(request: HttpRequest) -> HttpResponse:
    require_role(request, *SEES_FIGURES)
    _, jaar = _year(request)
    return csv_download(
        presenters.cijfers_csv(selectors.uitstroom_cijfers(jaar)), f"uitstroom-{jaar}-redenen.csv"
    )


def lijst_download(request: HttpRequest) -> HttpResponse:
    require_role(request, *SEES_LIST)
    _, jaar = _year(request)
    rows = selectors.uitstroom_lijst(request.user, jaar)
    content = presenters.lijst_csv(rows, with_notes=has_role(request.user, *SEES_SPECIAL))
    export_log(  # names of the people who left: logged in the access log (issue 11)
        actor=request.user,
        naam=f"export uitstroom-{jaar}.csv",
        aantal=len(rows),
        scope=f"jaar {jaar}",
    )
    return csv_download(content, f"uitstroom-{jaar}.csv")


def nieuw(request: HttpRequest) -> HttpResponse:
    """HR ends someone's employment and records why (reached from the person's page)."""
    require_role(request, *RECORDS_OUTFLOW)
    initial = {"personeelsnummer": request.GET.get("personeelsnummer", "")}

    def save(cleaned: dict[str, Any]) -> tuple[Medewerker, Uitstroom]:
        data = dict(cleaned)
        nummer = data.pop("personeelsnummer").strip()
        person = (
            medewerkers_for(request.user, data["datum"]).filter(personeelsnummer=nummer).first()
        )
        if person is None:
            raise ValidationError(
                {
                    "personeelsnummer": _("There is no employee with personnel number %(number)s.")
                    % {"number": nummer}
                }
            )
        return person, services.medewerker_uitstroom(actor=request.user, medewerker=person, **data)

    def done(saved: tuple[Medewerker, Uitstroom]) -> tuple[str, str]:
        person, record = saved
        message = _("The employment of %(name)s ends on %(date)s (%(reason)s).") % {
            "name": f"{person.voornaam} {person.achternaam}",
            "date": date_nl(record.datum),
            "reason": Reden(record.reden).label,
        }
        return message, f"/uitstroom/?jaar={record.datum.year}"

    back = (
        f"/medewerkers/{initial['personeelsnummer']}/"
        if initial["personeelsnummer"]
        else "/uitstroom/"
    )
    return service_form(
        request,
        UitstroomForm(request.POST or None, initial=initial),
        save,
        done=done,
        title=_("Record outflow"),
        button=_("Save"),
        back=back,
    )

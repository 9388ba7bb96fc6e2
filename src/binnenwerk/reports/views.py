"""The annual overview pages: the overview (from the current publication's snapshot, else
live as a concept), the difference view, publishing (administrator) and the PDF.
Any role outside SEES_REPORT gets 404. The texts' pages are in views_teksten, the quarters'
in views_kwartaal."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from binnenwerk.reports import differences, presenters, selectors, services
from binnenwerk.reports.constants import MAX_JAAR, MIN_JAAR, PUBLISHES, SEES_REPORT
from binnenwerk.reports.pdf import html_to_pdf, pdf_response
from binnenwerk.reports.scope import publishes
from binnenwerk.web.views.common import require_role


def check_year(jaar: int) -> None:
    if not MIN_JAAR <= jaar <= MAX_JAAR:
        raise Http404


def overview_context(jaar: int, user: Any = None) -> dict[str, Any]:
    """The figures shown: the current publication's snapshot if there is one, else live."""
    publicatie = selectors.huidige_publicatie(jaar)
    overzicht = (
        selectors.snapshot(publicatie) if publicatie else selectors.jaaroverzicht_cijfers(jaar)
    )
    return {
        "jaar": jaar,
        "publicatie": publicatie,
        "mag_publiceren": publishes(user) if user is not None else False,
        **presenters.context(overzicht),
    }


def laatste(request: HttpRequest) -> HttpResponse:
    """The navigation's link: the latest published year, else the last complete year."""
    require_role(request, *SEES_REPORT)
    latest = selectors.laatst_gepubliceerd_jaar()
    return redirect("reports:overzicht", jaar=latest or dt.date.today().year - 1)


def overzicht(request: HttpRequest, jaar: int) -> HttpResponse:
    require_role(request, *SEES_REPORT)
    check_year(jaar)
    context = overview_context(jaar, request.user)
    context["kwartalen"] = list(selectors.kwartaal_publicaties(jaar).items())
    context["huidig_jaar"] = dt.date.today().year
    return render(request, "reports/jaaroverzicht.html", context)


def pdf_bytes(jaar: int) -> bytes:
    html = render_to_string("reports/jaaroverzicht_pdf.html", overview_context(jaar))
    return html_to_pdf(html)


def pdf(request: HttpRequest, jaar: int) -> HttpResponse:
    require_role(request, *SEES_REPORT)
    check_year(jaar)
    return pdf_response(lambda: pdf_bytes(jaar), f"jaaroverzicht-{jaar}.pdf")


def verschillen(request: HttpRequest, jaar: int) -> HttpResponse:
    require_role(request, *SEES_REPORT)
    check_year(jaar)
    publicatie = selectors.huidige_publicatie(jaar)
    context: dict[str, Any] = {"jaar": jaar, "publicatie": publicatie}
    if publicatie is not None:
        result = differences.verschillen(publicatie)
        context["cijfers"] = result.cijfers
        context["teksten"] = result.teksten
        context["oorzaken"] = result.oorzaken
    return render(request, "reports/verschillen.html", context)


@require_http_methods(["GET", "POST"])
def publiceren(request: HttpRequest, jaar: int) -> HttpResponse:
    require_role(request, *PUBLISHES)
    check_year(jaar)
    vorige = selectors.huidige_publicatie(jaar)
    fout = ""
    reden = ""
    if request.method == "POST":
        reden = request.POST.get("reden", "")
        try:
            services.publicatie_create(actor=request.user, jaar=jaar, reden=reden)
        except ValidationError as error:
            fout = " ".join(error.messages)
        else:
            messages.success(request, _("The figures of %(year)s are published.") % {"year": jaar})
            return redirect("reports:overzicht", jaar=jaar)
    return render(
        request,
        "reports/publiceren.html",
        {"jaar": jaar, "vorige": vorige, "fout": fout, "reden": reden},
        status=400 if fout else 200,
    )

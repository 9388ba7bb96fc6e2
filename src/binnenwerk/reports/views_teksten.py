"""The annual overview's texts (foreword, stories): the administrator lists, adds, changes
and removes them through the services. Any other role gets 404."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from binnenwerk.reports import selectors, services
from binnenwerk.reports.constants import PUBLISHES, TekstSoort
from binnenwerk.reports.forms import TekstForm
from binnenwerk.reports.models import Tekst
from binnenwerk.reports.views import check_year
from binnenwerk.web.views.common import require_role
from binnenwerk.web.views.forms_people import service_form


def _administrator(request: HttpRequest, jaar: int) -> None:
    require_role(request, *PUBLISHES)
    check_year(jaar)


def _list_url(jaar: int) -> str:
    return reverse("reports:teksten", args=[jaar])


def _saved(tekst: Tekst) -> tuple[str, str]:
    return _("The text is saved."), _list_url(tekst.jaar)


def teksten(request: HttpRequest, jaar: int) -> HttpResponse:
    _administrator(request, jaar)
    texts = list(selectors.teksten(jaar))
    return render(
        request,
        "reports/teksten.html",
        {
            "jaar": jaar,
            "teksten": texts,
            "heeft_voorwoord": any(t.soort == TekstSoort.VOORWOORD for t in texts),
            "publicatie": selectors.huidige_publicatie(jaar),
        },
    )


@require_http_methods(["GET", "POST"])
def nieuw(request: HttpRequest, jaar: int) -> HttpResponse:
    _administrator(request, jaar)
    soort = request.GET.get("soort", "")
    if soort not in TekstSoort.values:
        raise Http404

    def save(data: dict[str, Any]) -> Tekst:
        return services.tekst_create(actor=request.user, jaar=jaar, soort=soort, **data)

    if soort == TekstSoort.VOORWOORD:
        title = _("New foreword for %(year)s") % {"year": jaar}
    else:
        title = _("New story for %(year)s") % {"year": jaar}
    return service_form(
        request,
        TekstForm(request.POST or None, soort=soort),
        save,
        done=_saved,
        title=title,
        button=_("Save"),
        back=_list_url(jaar),
    )


@require_http_methods(["GET", "POST"])
def bewerken(request: HttpRequest, jaar: int, pk: int) -> HttpResponse:
    _administrator(request, jaar)
    tekst = get_object_or_404(Tekst, pk=pk, jaar=jaar)
    initial = {"titel": tekst.titel, "inhoud": tekst.inhoud, "volgorde": tekst.volgorde}

    def save(data: dict[str, Any]) -> Tekst:
        return services.tekst_update(actor=request.user, tekst=tekst, **data)

    if tekst.soort == TekstSoort.VOORWOORD:
        title = _("Change the foreword of %(year)s") % {"year": jaar}
    else:
        title = _("Change the story “%(title)s”") % {"title": tekst.titel}
    return service_form(
        request,
        TekstForm(request.POST or None, soort=tekst.soort, initial=initial),
        save,
        done=_saved,
        title=title,
        button=_("Save"),
        back=_list_url(jaar),
    )


@require_http_methods(["GET", "POST"])
def verwijderen(request: HttpRequest, jaar: int, pk: int) -> HttpResponse:
    """A confirmation page; the POST removes the text."""
    _administrator(request, jaar)
    tekst = get_object_or_404(Tekst, pk=pk, jaar=jaar)
    if request.method == "POST":
        services.tekst_delete(actor=request.user, tekst=tekst)
        messages.success(request, _("The text is removed."))
        return redirect(_list_url(jaar))
    return render(
        request,
        "reports/tekst_verwijderen.html",
        {"jaar": jaar, "tekst": tekst, "publicatie": selectors.huidige_publicatie(jaar)},
    )

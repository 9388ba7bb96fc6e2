"""Recruitment's pages: the board per stage, a candidate with history and actions, the
new-candidate form, and the funnel per year (aggregates, also for management)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from binnenwerk.accounts.selectors import has_role, sees_people
from binnenwerk.formatting import csv_text, date_nl
from binnenwerk.recruitment import charts, selectors, services
from binnenwerk.recruitment.constants import (
    CHANGES_CANDIDATES,
    EINDFASEN,
    SEES_FUNNEL,
    Fase,
)
from binnenwerk.recruitment.forms import (
    AannemenForm,
    AfsluitenForm,
    DatumForm,
    JaarForm,
    KandidaatForm,
    NieuweKandidaatForm,
    ProefplaatsingForm,
)
from binnenwerk.recruitment.models import Kandidaat
from binnenwerk.web.views.common import history_of
from binnenwerk.web.views.forms_people import form_page


def _recruiter(request: HttpRequest) -> None:
    if not has_role(request.user, *CHANGES_CANDIDATES):
        raise Http404


def _kandidaat(request: HttpRequest, pk: int) -> Kandidaat:
    return get_object_or_404(
        Kandidaat.objects.for_user(request.user).select_related("werksoort", "team", "medewerker"),
        pk=pk,
    )


def _show_errors(form: forms.BaseForm, error: ValidationError) -> None:
    """The service's messages next to the fields they are about, the rest above the form."""
    for field, problems in error.message_dict.items():
        form.add_error(field if field in form.fields else None, problems)


def _today() -> dt.date:
    return dt.date.today()


def board_page(request: HttpRequest) -> HttpResponse:
    _recruiter(request)
    with_closed = request.GET.get("afgerond") == "1"
    columns = selectors.board(
        Kandidaat.objects.for_user(request.user), _today(), with_closed=with_closed
    )
    return render(
        request,
        "recruitment/board.html",
        {"kolommen": columns, "afgerond": with_closed, "vandaag": _today()},
    )


def board_csv(request: HttpRequest) -> HttpResponse:
    """The board as CSV: stage, time in stage and the target; no contact details."""
    _recruiter(request)
    with_closed = request.GET.get("afgerond") == "1"
    headers = [
        _("Stage"),
        _("First name"),
        _("Last name"),
        _("Came from"),
        _("Work type"),
        _("Team"),
        _("Target group indication"),
        _("In stage since"),
        _("Days in stage"),
    ]
    rows = []
    for column in selectors.board(
        Kandidaat.objects.for_user(request.user), _today(), with_closed=with_closed
    ):
        for row in column.kandidaten:
            k = row.kandidaat
            rows.append(
                [
                    str(column.fase.label),
                    k.voornaam,
                    k.achternaam,
                    k.get_herkomst_display(),
                    k.werksoort.naam if k.werksoort else "",
                    k.team.code if k.team else "",
                    k.get_indicatie_display(),
                    date_nl(row.sinds),
                    str(row.dagen),
                ]
            )
    response = HttpResponse(csv_text(headers, rows), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="werving-bord-{_today():%Y-%m-%d}.csv"'
    return response


def kandidaat_detail(request: HttpRequest, pk: int) -> HttpResponse:
    _recruiter(request)
    kandidaat = _kandidaat(request, pk)
    return render(
        request,
        "recruitment/detail.html",
        {
            "kandidaat": kandidaat,
            "fasen": selectors.history_of(kandidaat),
            "proefplaatsingen": selectors.trial_placements_of(kandidaat),
            "afgesloten": kandidaat.fase in EINDFASEN,
            "kan_kennismaken": kandidaat.fase == Fase.AANGEMELD,
            "kan_proefplaatsen": kandidaat.fase in (Fase.KENNISMAKING, Fase.PROEFPLAATSING),
            "kan_aannemen": kandidaat.fase == Fase.PROEFPLAATSING,
            "historie": history_of(kandidaat),
            "ziet_medewerkers": sees_people(request.user),
        },
    )


def _back(kandidaat: Kandidaat) -> str:
    return reverse("recruitment:kandidaat", args=[kandidaat.pk])


def kandidaat_new(request: HttpRequest) -> HttpResponse:
    _recruiter(request)
    form = NieuweKandidaatForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            kandidaat = services.kandidaat_create(actor=request.user, **form.cleaned_data)
        except ValidationError as error:
            _show_errors(form, error)
        else:
            messages.success(
                request, _("%(name)s is registered as a candidate.") % {"name": kandidaat}
            )
            return redirect(_back(kandidaat))
    return form_page(request, form, _("New candidate"), _("Register"), reverse("recruitment:board"))


def kandidaat_edit(request: HttpRequest, pk: int) -> HttpResponse:
    _recruiter(request)
    kandidaat = _kandidaat(request, pk)
    initial = {name: getattr(kandidaat, name) for name in services.EDITABLE}
    form = KandidaatForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.kandidaat_update(actor=request.user, kandidaat=kandidaat, **form.cleaned_data)
        except ValidationError as error:
            _show_errors(form, error)
        else:
            messages.success(request, _("The candidate's details are saved."))
            return redirect(_back(kandidaat))
    return form_page(
        request,
        form,
        _("Change %(name)s") % {"name": kandidaat},
        _("Save"),
        _back(kandidaat),
    )


def kandidaat_advance(request: HttpRequest, pk: int) -> HttpResponse:
    _recruiter(request)
    kandidaat = _kandidaat(request, pk)
    form = DatumForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.kandidaat_advance(actor=request.user, kandidaat=kandidaat, **form.cleaned_data)
        except ValidationError as error:
            _show_errors(form, error)
        else:
            messages.success(
                request,
                _("%(name)s is now in the stage '%(stage)s'.")
                % {"name": kandidaat, "stage": kandidaat.get_fase_display()},
            )
            return redirect(_back(kandidaat))
    return form_page(
        request,
        form,
        _("Introduction with %(name)s") % {"name": kandidaat},
        _("Save"),
        _back(kandidaat),
    )


def kandidaat_close(request: HttpRequest, pk: int) -> HttpResponse:
    _recruiter(request)
    kandidaat = _kandidaat(request, pk)
    form = AfsluitenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.kandidaat_close(actor=request.user, kandidaat=kandidaat, **form.cleaned_data)
        except ValidationError as error:
            _show_errors(form, error)
        else:
            messages.success(
                request,
                _("%(name)s is now in the stage '%(stage)s'.")
                % {"name": kandidaat, "stage": kandidaat.get_fase_display()},
            )
            return redirect(_back(kandidaat))
    return form_page(
        request,
        form,
        _("Reject or withdraw %(name)s") % {"name": kandidaat},
        _("Save"),
        _back(kandidaat),
    )


def proefplaatsing_new(request: HttpRequest, pk: int) -> HttpResponse:
    _recruiter(request)
    kandidaat = _kandidaat(request, pk)
    form = ProefplaatsingForm(request.POST or None, initial={"team": kandidaat.team_id})
    if request.method == "POST" and form.is_valid():
        try:
            proef = services.proefplaatsing_create(
                actor=request.user, kandidaat=kandidaat, **form.cleaned_data
            )
        except ValidationError as error:
            _show_errors(form, error)
        else:
            messages.success(
                request,
                _("Trial placement of %(name)s in %(team)s from %(start)s to %(end)s recorded.")
                % {
                    "name": kandidaat,
                    "team": proef.team.naam,
                    "start": date_nl(proef.start),
                    "end": date_nl(proef.einde),
                },
            )
            return redirect(_back(kandidaat))
    return form_page(
        request,
        form,
        _("Trial placement of %(name)s") % {"name": kandidaat},
        _("Record trial placement"),
        _back(kandidaat),
    )


def kandidaat_hire(request: HttpRequest, pk: int) -> HttpResponse:
    _recruiter(request)
    kandidaat = _kandidaat(request, pk)
    last_trial = selectors.trial_placements_of(kandidaat).last()
    form = AannemenForm(
        request.POST or None,
        initial={"team": last_trial.team_id if last_trial else kandidaat.team_id},
    )
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        data["bsn"] = data["bsn"] or ""
        try:
            person = services.kandidaat_hire(actor=request.user, kandidaat=kandidaat, **data)
        except ValidationError as error:
            _show_errors(form, error)
        else:
            messages.success(
                request,
                _("%(name)s has been hired from %(date)s (personnel number %(number)s).")
                % {
                    "name": kandidaat,
                    "date": date_nl(data["start"]),
                    "number": person.personeelsnummer,
                },
            )
            return redirect(_back(kandidaat))
    return form_page(
        request, form, _("Hire %(name)s") % {"name": kandidaat}, _("Hire"), _back(kandidaat)
    )


def funnel_page(request: HttpRequest) -> HttpResponse:
    """The funnel of the candidates registered in a year: aggregates only, no names."""
    if not has_role(request.user, *SEES_FUNNEL):
        raise Http404
    years = selectors.funnel_years()
    form = JaarForm(request.GET or None)
    jaar = form.cleaned_data.get("jaar") if form.is_valid() else None
    if jaar is None:
        jaar = years[0] if years else _today().year
    result = selectors.funnel(jaar)
    context: dict[str, Any] = {
        "form": form,
        "jaar": jaar,
        "jaren": years,
        "trechter": result,
        "grafiek": charts.funnel_chart(tuple((str(s.fase.label), s.aantal) for s in result.stappen))
        if result.stappen[0].aantal
        else "",
        "mag_kandidaten_zien": has_role(request.user, *CHANGES_CANDIDATES),
    }
    return render(request, "recruitment/funnel.html", context)

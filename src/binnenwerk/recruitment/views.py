"""Recruitment's pages: the board per stage, a candidate with history and actions, the
new-candidate form, and the funnel per year (aggregates, also for management)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.translation import gettext as _

from binnenwerk.accounts.selectors import has_role, sees_people
from binnenwerk.formatting import csv_text, date_nl
from binnenwerk.people.models import Medewerker
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
from binnenwerk.recruitment.models import Kandidaat, Proefplaatsing
from binnenwerk.web.views.common import history_of, require_role
from binnenwerk.web.views.forms_people import service_form


def _recruiter(request: HttpRequest) -> None:
    require_role(request, *CHANGES_CANDIDATES)


def _kandidaat(request: HttpRequest, pk: int) -> Kandidaat:
    return get_object_or_404(
        Kandidaat.objects.for_user(request.user).select_related("werksoort", "team", "medewerker"),
        pk=pk,
    )


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
            "historie": history_of(kandidaat, request.user),
            "ziet_medewerkers": sees_people(request.user),
        },
    )


def _back(kandidaat: Kandidaat) -> str:
    return reverse("recruitment:kandidaat", args=[kandidaat.pk])


def _in_stage(kandidaat: Kandidaat) -> tuple[str, str]:
    """After a step: the stage the candidate is in now, back on their page."""
    message = _("%(name)s is now in the stage '%(stage)s'.") % {
        "name": kandidaat,
        "stage": kandidaat.get_fase_display(),
    }
    return message, _back(kandidaat)


def kandidaat_new(request: HttpRequest) -> HttpResponse:
    _recruiter(request)
    return service_form(
        request,
        NieuweKandidaatForm(request.POST or None),
        lambda data: services.kandidaat_create(actor=request.user, **data),
        done=lambda kandidaat: (
            _("%(name)s is registered as a candidate.") % {"name": kandidaat},
            _back(kandidaat),
        ),
        title=_("New candidate"),
        button=_("Register"),
        back=reverse("recruitment:board"),
    )


def kandidaat_edit(request: HttpRequest, pk: int) -> HttpResponse:
    _recruiter(request)
    kandidaat = _kandidaat(request, pk)
    initial = {name: getattr(kandidaat, name) for name in services.EDITABLE}
    return service_form(
        request,
        KandidaatForm(request.POST or None, initial=initial),
        lambda data: services.kandidaat_update(actor=request.user, kandidaat=kandidaat, **data),
        done=lambda _saved: (_("The candidate's details are saved."), _back(kandidaat)),
        # asked after the update, which puts the names typed on `kandidaat` even when refused
        title=lambda: _("Change %(name)s") % {"name": kandidaat},
        button=_("Save"),
        back=_back(kandidaat),
    )


def kandidaat_advance(request: HttpRequest, pk: int) -> HttpResponse:
    _recruiter(request)
    kandidaat = _kandidaat(request, pk)
    return service_form(
        request,
        DatumForm(request.POST or None),
        lambda data: services.kandidaat_advance(actor=request.user, kandidaat=kandidaat, **data),
        done=lambda _saved: _in_stage(kandidaat),
        title=_("Introduction with %(name)s") % {"name": kandidaat},
        button=_("Save"),
        back=_back(kandidaat),
    )


def kandidaat_close(request: HttpRequest, pk: int) -> HttpResponse:
    _recruiter(request)
    kandidaat = _kandidaat(request, pk)
    return service_form(
        request,
        AfsluitenForm(request.POST or None),
        lambda data: services.kandidaat_close(actor=request.user, kandidaat=kandidaat, **data),
        done=lambda _saved: _in_stage(kandidaat),
        title=_("Reject or withdraw %(name)s") % {"name": kandidaat},
        button=_("Save"),
        back=_back(kandidaat),
    )


def proefplaatsing_new(request: HttpRequest, pk: int) -> HttpResponse:
    _recruiter(request)
    kandidaat = _kandidaat(request, pk)

    def done(proef: Proefplaatsing) -> tuple[str, str]:
        message = _(
            "Trial placement of %(name)s in %(team)s from %(start)s to %(end)s recorded."
        ) % {
            "name": kandidaat,
            "team": proef.team.naam,
            "start": date_nl(proef.start),
            "end": date_nl(proef.einde),
        }
        return message, _back(kandidaat)

    return service_form(
        request,
        ProefplaatsingForm(request.POST or None, initial={"team": kandidaat.team_id}),
        lambda data: services.proefplaatsing_create(
            actor=request.user, kandidaat=kandidaat, **data
        ),
        done=done,
        title=_("Trial placement of %(name)s") % {"name": kandidaat},
        button=_("Record trial placement"),
        back=_back(kandidaat),
    )


def kandidaat_hire(request: HttpRequest, pk: int) -> HttpResponse:
    _recruiter(request)
    kandidaat = _kandidaat(request, pk)
    last_trial = selectors.trial_placements_of(kandidaat).last()
    form = AannemenForm(
        request.POST or None,
        initial={"team": last_trial.team_id if last_trial else kandidaat.team_id},
    )

    def done(person: Medewerker) -> tuple[str, str]:
        message = _("%(name)s has been hired from %(date)s (personnel number %(number)s).") % {
            "name": kandidaat,
            "date": date_nl(form.cleaned_data["start"]),
            "number": person.personeelsnummer,
        }
        return message, _back(kandidaat)

    return service_form(
        request,
        form,
        lambda data: services.kandidaat_hire(
            actor=request.user, kandidaat=kandidaat, **{**data, "bsn": data["bsn"] or ""}
        ),
        done=done,
        title=_("Hire %(name)s") % {"name": kandidaat},
        button=_("Hire"),
        back=_back(kandidaat),
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

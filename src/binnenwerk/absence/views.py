"""The absence pages. Details (sick reports, steps, partial recovery) for HR and the person's
supervisor today; figures (aggregates only) for HR, management, the administrator, a
supervisor (their teams) and a client (what it funds). Outside that scope: 404.
Every sick report shown is logged in the shared access log (coaching's Inzage)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Exists, OuterRef, QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from binnenwerk.absence import charts, poortwachter, presenters, scope, selectors, services
from binnenwerk.absence.constants import Per, StapStatus
from binnenwerk.absence.forms import (
    HINT_AARD,
    AfrondenForm,
    CijfersForm,
    HerstelForm,
    HerstelperiodeForm,
    NormForm,
    ZiekmeldingForm,
)
from binnenwerk.absence.models import Poortwachterstap, Ziekmelding
from binnenwerk.absence.scope import FigureScope
from binnenwerk.accounts.selectors import scope_label
from binnenwerk.coaching.constants import InzageSoort
from binnenwerk.coaching.services import inzage_log, page_context
from binnenwerk.formatting import date_nl
from binnenwerk.people.models import Dienstverband, Medewerker
from binnenwerk.web.views.common import csv_download
from binnenwerk.web.views.forms_people import service_form, show_errors

ONE_DAY = dt.timedelta(days=1)


def _today() -> dt.date:
    return dt.date.today()


def _full_name(person: Medewerker) -> str:
    return f"{person.voornaam} {person.achternaam}"


# Figures -----------------------------------------------------------------------------------


def _figure_scope(request: HttpRequest) -> FigureScope:
    found = scope.figure_scope(request.user, _today())
    if found is None:
        raise Http404
    return found


def _selection(request: HttpRequest) -> tuple[CijfersForm, int, int | None, int | None, str]:
    form = CijfersForm(request.GET or None)
    jaar, kwartaal, maand, per = form.values(_today().year)
    return form, jaar, kwartaal, maand, per


def _regels(request: HttpRequest) -> tuple[Any, list[presenters.Regel], FigureScope]:
    found = _figure_scope(request)
    _form, jaar, kwartaal, maand, per = _selection(request)
    cijfers = selectors.verzuim_cijfers(selectors.periode(jaar, kwartaal, maand), per, found)
    label = _("Whole organisation") if found.whole_organisation else scope_label(request.user)
    return cijfers, presenters.rows(cijfers, label), found


def cijfers(request: HttpRequest) -> HttpResponse:
    form, jaar, kwartaal, maand, per = _selection(request)
    result, regels, found = _regels(request)
    reeks = selectors.maandreeks(jaar, found)
    norm = selectors.norm_of(jaar)
    punten = tuple(
        (p.maand.month, None if p.cijfers.te_weinig else p.cijfers.percentage) for p in reeks
    )
    context = {
        "form": form,
        "jaar": jaar,
        "kwartaal": kwartaal,
        "maand": maand,
        "per": per,
        "per_keuzes": Per.choices,
        "cijfers": result,
        "regels": regels,
        "groepen_getoond": per != Per.ORGANISATIE,
        "geschaald": result.periode.days < 365,
        "reeks": reeks,
        "norm": norm,
        "grafiek": charts.rate_chart(punten, norm)
        if any(v is not None for _m, v in punten)
        else "",
        "query": request.GET.urlencode(),
        "mag_meldingen": scope.reads_details(request.user),
        "mag_normen": scope.sets_norm(request.user),
    }
    return render(request, "absence/cijfers.html", context)


def cijfers_csv(request: HttpRequest) -> HttpResponse:
    result, regels, _found = _regels(request)
    name = f"verzuim-{result.periode.van:%Y%m%d}-{result.periode.tot:%Y%m%d}-{result.per}.csv"
    return csv_download(presenters.cijfers_csv(regels), name)


def maanden_csv(request: HttpRequest) -> HttpResponse:
    found = _figure_scope(request)
    _form, jaar, _k, _m, _p = _selection(request)
    norm = selectors.norm_of(jaar)
    regels = [
        presenters.Regel(f"{p.maand:%Y-%m}", f"{p.maand:%m-%Y}", p.cijfers)
        for p in selectors.maandreeks(jaar, found)
    ]
    content = presenters.cijfers_csv(regels)
    if norm is not None:
        content += f"norm,{jaar},{norm},,,\n"
    return csv_download(content, f"verzuim-{jaar}-per-maand.csv")


# Details -----------------------------------------------------------------------------------


def _reader(request: HttpRequest) -> QuerySet[Ziekmelding]:
    if not scope.reads_details(request.user):
        raise Http404
    return Ziekmelding.objects.for_user(request.user, _today())


def _log(request: HttpRequest, meldingen: Iterable[Ziekmelding]) -> None:
    """One access record per sick report shown, grouped per person."""
    per_person: dict[int, tuple[Medewerker, list[int]]] = {}
    for m in meldingen:
        per_person.setdefault(m.medewerker_id, (m.medewerker, []))[1].append(m.pk)
    for person, ids in per_person.values():
        inzage_log(
            actor=request.user,
            medewerker=person,
            soort=InzageSoort.ZIEKMELDING,
            object_ids=ids,
            context=page_context(request),
        )


def _melding(request: HttpRequest, pk: int) -> Ziekmelding:
    melding = get_object_or_404(_reader(request).select_related("medewerker"), pk=pk)
    _log(request, [melding])
    return melding


def meldingen(request: HttpRequest) -> HttpResponse:
    """Open sick reports in scope and the Poortwachter worklist."""
    today = _today()
    scoped = _reader(request)
    open_list = list(selectors.open_reports(scoped))
    werk = selectors.worklist(scoped.exclude(einde__lt=today), today)
    shown = {m.pk: m for m in open_list}
    for regel in werk:
        shown.setdefault(regel.stap.ziekmelding.pk, regel.stap.ziekmelding)
    _log(request, shown.values())
    context = {
        "meldingen": open_list,
        "werklijst": werk,
        "vandaag": today,
        "dagen": 14,
    }
    return render(request, "absence/meldingen.html", context)


def _people_for_new(request: HttpRequest) -> QuerySet[Medewerker]:
    since = _today() - dt.timedelta(days=365)
    recent = Dienstverband.objects.filter(medewerker=OuterRef("pk")).exclude(einde__lt=since)
    return (
        scope.readable_people(request.user, _today())
        .filter(Exists(recent), werkgever__isnull=True)
        .order_by("achternaam", "voornaam", "personeelsnummer")
    )


def _detail_url(melding: Ziekmelding) -> str:
    return reverse("absence:melding", kwargs={"pk": melding.pk})


def nieuw(request: HttpRequest) -> HttpResponse:
    _reader(request)
    form = ZiekmeldingForm(request.POST or None, people=_people_for_new(request))

    def done(melding: Ziekmelding) -> tuple[str, str]:
        message = _("The sick report of %(name)s from %(date)s is saved.") % {
            "name": _full_name(melding.medewerker),
            "date": date_nl(melding.start),
        }
        return message, _detail_url(melding)

    return service_form(
        request,
        form,
        lambda data: services.ziekmelding_create(actor=request.user, **data),
        done=done,
        title=_("New sick report"),
        button=_("Save"),
        back=reverse("absence:meldingen"),
        renames={},
    )


def melding(request: HttpRequest, pk: int) -> HttpResponse:
    found = _melding(request, pk)
    today = _today()
    stappen = [
        {
            "stap": stap,
            "week": week,
            "te_laat": stap.status == StapStatus.OPEN
            and poortwachter.is_overdue(stap.uiterlijk, today),
        }
        for stap, week in selectors.timeline(found)
    ]
    context = {
        "melding": found,
        "medewerker": found.medewerker,
        "stappen": stappen,
        "herstelperioden": found.herstelperioden.all(),
        "afronden_form": AfrondenForm(),
        "herstelperiode_form": HerstelperiodeForm(),
        "herstel_form": HerstelForm(),
        "hint": HINT_AARD,
    }
    return render(request, "absence/melding.html", context)


def _title(melding: Ziekmelding, text: str) -> str:
    return _("%(what)s: %(name)s, sick since %(date)s") % {
        "what": text,
        "name": _full_name(melding.medewerker),
        "date": date_nl(melding.start),
    }


def stap_afronden(request: HttpRequest, pk: int, stap: int) -> HttpResponse:
    found = _melding(request, pk)
    step = get_object_or_404(Poortwachterstap, pk=stap, ziekmelding=found, status=StapStatus.OPEN)
    return service_form(
        request,
        AfrondenForm(request.POST or None),
        lambda data: services.poortwachterstap_afronden(actor=request.user, stap=step, **data),
        done=lambda s: (
            _("%(step)s is marked done.") % {"step": s.get_soort_display()},
            _detail_url(found),
        ),
        title=_title(found, _("Mark done: %(step)s") % {"step": step.get_soort_display()}),
        button=_("Mark done"),
        back=_detail_url(found),
        renames={},
    )


def herstelperiode(request: HttpRequest, pk: int) -> HttpResponse:
    found = _melding(request, pk)
    return service_form(
        request,
        HerstelperiodeForm(request.POST or None),
        lambda data: services.herstelperiode_create(actor=request.user, ziekmelding=found, **data),
        done=lambda _h: (_("The partial recovery is saved."), _detail_url(found)),
        title=_title(found, _("Partial recovery")),
        button=_("Save"),
        back=_detail_url(found),
        renames={},
    )


def herstel(request: HttpRequest, pk: int) -> HttpResponse:
    found = _melding(request, pk)
    return service_form(
        request,
        HerstelForm(request.POST or None),
        lambda data: services.ziekmelding_herstel(
            actor=request.user, ziekmelding=found, einde=data["hersteld_per"] - ONE_DAY
        ),
        done=lambda m: (
            _("Recovery recorded: back at work from %(date)s.")
            % {"date": date_nl(m.hersteld_per or m.start)},
            _detail_url(found),
        ),
        title=_title(found, _("Record recovery")),
        button=_("Save"),
        back=_detail_url(found),
        renames={"einde": "hersteld_per"},
    )


def heropenen(request: HttpRequest, pk: int) -> HttpResponse:
    """A POST from the detail page (scope first: outside it even a GET answers 404)."""
    found = _melding(request, pk)
    if request.method != "POST":
        return redirect(_detail_url(found))
    services.ziekmelding_herstel(actor=request.user, ziekmelding=found, einde=None)
    messages.success(request, _("The absence is open again."))
    return redirect(_detail_url(found))


# Norms -------------------------------------------------------------------------------------


def normen(request: HttpRequest) -> HttpResponse:
    if not scope.sets_norm(request.user):
        raise Http404
    form = NormForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            norm = services.verzuimnorm_set(actor=request.user, **form.cleaned_data)
        except ValidationError as error:
            show_errors(form, error, {})
        else:
            messages.success(
                request,
                _("The norm for %(year)s is %(norm)s%%.")
                % {"year": norm.jaar, "norm": f"{norm.percentage}".replace(".", ",")},
            )
            return redirect("absence:normen")
    return render(request, "absence/normen.html", {"form": form, "normen": selectors.norms()})

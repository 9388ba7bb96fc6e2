"""The survey pages.

Answering (`/onderzoek/`) is open without login: the one-time code is the key. One question
per screen; answers in progress live in the server-side session only (no record links them to
anything until the person sends them, and the session's copy is removed then). Managing
(HR, administrator) and the results (HR, management, administrator; a supervisor their own
teams) need a login; anyone else gets 404.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from binnenwerk.organisation.models import Team
from binnenwerk.periods import active_on
from binnenwerk.survey import presenters, scope, selectors, services
from binnenwerk.survey.constants import MIN_REACTIES, VraagSoort
from binnenwerk.survey.forms import CodeForm, CodesForm, VragenlijstForm
from binnenwerk.survey.models import Vraag, Vragenlijst
from binnenwerk.web.views.common import csv_download
from binnenwerk.web.views.forms_people import show_errors

SESSION_KEY = "onderzoek"
DONE_KEY = "onderzoek_verstuurd"


def _today() -> dt.date:
    return dt.date.today()


# --- answering -------------------------------------------------------------------------


def _state(request: HttpRequest) -> dict[str, Any] | None:
    state = request.session.get(SESSION_KEY)
    return state if isinstance(state, dict) else None


def _save_state(request: HttpRequest, state: dict[str, Any]) -> None:
    request.session[SESSION_KEY] = state
    request.session.modified = True


def _questions(state: dict[str, Any]) -> tuple[Vragenlijst, list[Vraag]]:
    vragenlijst = get_object_or_404(Vragenlijst, pk=state["vragenlijst"])
    return vragenlijst, selectors.questions_of(vragenlijst)


def _parse(vraag: Vraag, raw: str | None) -> int | bool | None:
    if raw is None:
        return None
    if vraag.soort == VraagSoort.JA_NEE:
        return {"ja": True, "nee": False}.get(raw)
    try:
        value = int(raw)
    except ValueError:
        return None
    return value if 1 <= value <= 10 else None


def _shown(vraag: Vraag, value: Any) -> str:
    if value is None:
        return _("Skipped")
    if vraag.soort == VraagSoort.JA_NEE:
        return _("Yes") if value else _("No")
    return str(value)


@login_not_required
@never_cache
def start(request: HttpRequest) -> HttpResponse:
    """Step 1: the code from the paper."""
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            invitation = services.uitnodiging_for_code(form.cleaned_data["code"], on=_today())
        except ValidationError as error:
            show_errors(form, error)
        else:
            request.session.pop(DONE_KEY, None)
            _save_state(
                request,
                {
                    "code": services.normalise_code(form.cleaned_data["code"]),
                    "vragenlijst": invitation.vragenlijst_id,
                    "antwoorden": {},
                },
            )
            return redirect("survey:vraag", nummer=1)
    return render(request, "survey/start.html", {"form": form})


@login_not_required
@never_cache
def vraag(request: HttpRequest, nummer: int) -> HttpResponse:
    """One question per screen, with Next, Skip and Previous."""
    state = _state(request)
    if state is None:
        return redirect("survey:start")
    vragenlijst, questions = _questions(state)
    if not 1 <= nummer <= len(questions):
        raise Http404
    current = questions[nummer - 1]
    answers: dict[str, Any] = state["antwoorden"]
    if request.method == "POST":
        actie = request.POST.get("actie", "volgende")
        if actie == "overslaan":
            answers.pop(str(current.pk), None)
        else:
            value = _parse(current, request.POST.get("antwoord"))
            if value is not None:
                answers[str(current.pk)] = value
        _save_state(request, state)
        if actie == "vorige":
            return redirect("survey:vraag", nummer=max(1, nummer - 1))
        if nummer == len(questions):
            return redirect("survey:controle")
        return redirect("survey:vraag", nummer=nummer + 1)
    value = answers.get(str(current.pk))
    if current.soort == VraagSoort.JA_NEE:
        choices = [("ja", _("Yes"), value is True), ("nee", _("No"), value is False)]
    else:
        choices = [(str(n), str(n), value == n) for n in range(1, 11)]
    context = {
        "vragenlijst": vragenlijst,
        "vraag": current,
        "nummer": nummer,
        "aantal": len(questions),
        "choices": choices,
        "is_cijfer": current.soort == VraagSoort.CIJFER,
        "laatste": nummer == len(questions),
    }
    return render(request, "survey/vraag.html", context)


@login_not_required
@never_cache
def controle(request: HttpRequest) -> HttpResponse:
    """The last screen: check the answers and send them."""
    state = _state(request)
    if state is None:
        return redirect("survey:start")
    vragenlijst, questions = _questions(state)
    answers: dict[str, Any] = state["antwoorden"]
    error = ""
    if request.method == "POST":
        try:
            services.respons_submit(
                code=state["code"],
                antwoorden={int(k): v for k, v in answers.items()},
                datum=_today(),
            )
        except ValidationError as problem:
            error = " ".join(problem.messages)
        else:
            del request.session[SESSION_KEY]
            request.session[DONE_KEY] = True
            return redirect("survey:bedankt")
    rows = [
        (nummer, vraag, _shown(vraag, answers.get(str(vraag.pk))))
        for nummer, vraag in enumerate(questions, 1)
    ]
    context = {"vragenlijst": vragenlijst, "rijen": rows, "fout": error, "aantal": len(questions)}
    return render(request, "survey/controle.html", context)


@login_not_required
@never_cache
def bedankt(request: HttpRequest) -> HttpResponse:
    if not request.session.get(DONE_KEY):
        return redirect("survey:start")
    return render(request, "survey/bedankt.html")


# --- managing --------------------------------------------------------------------------


def _managers_only(request: HttpRequest) -> None:
    if not scope.manages_survey(request.user):
        raise Http404


def beheer(request: HttpRequest) -> HttpResponse:
    """The questionnaires, and a new one from the template of B1 questions."""
    _managers_only(request)
    form = VragenlijstForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            made = services.vragenlijst_create_from_template(
                actor=request.user, **form.cleaned_data
            )
        except ValidationError as error:
            show_errors(form, error)
        else:
            messages.success(request, _("Questionnaire %(title)s made.") % {"title": made.titel})
            return redirect("survey:beheer")
    context = {"lijsten": selectors.vragenlijsten(), "form": form}
    return render(request, "survey/beheer.html", context)


@never_cache
def codes(request: HttpRequest, jaar: int) -> HttpResponse:
    """Codes for a team: shown once, on a printable page or as CSV; only digests are kept."""
    _managers_only(request)
    vragenlijst = get_object_or_404(Vragenlijst, jaar=jaar)
    teams = Team.objects.filter(active_on(vragenlijst.open_van)).order_by("naam")
    form = CodesForm(request.POST or None, teams=teams)
    if request.method == "POST" and form.is_valid():
        team = form.cleaned_data["team"]
        try:
            made = services.uitnodigingen_create(
                actor=request.user,
                vragenlijst=vragenlijst,
                team=team,
                aantal=form.cleaned_data.get("aantal"),
            )
        except ValidationError as error:
            show_errors(form, error)
        else:
            grouped = [services.code_grouped(c) for c in made]
            if request.POST.get("formaat") == "csv":
                response = HttpResponse(
                    presenters.codes_csv(vragenlijst, team, grouped),
                    content_type="text/csv; charset=utf-8",
                )
                response["Content-Disposition"] = (
                    f'attachment; filename="codes-{vragenlijst.jaar}-{team.code}.csv"'
                )
                return response
            context = {
                "vragenlijst": vragenlijst,
                "team": team,
                "codes": grouped,
                "adres": request.build_absolute_uri(reverse("survey:start")),
            }
            return render(request, "survey/codes_print.html", context)
    placed = selectors.placed_per_team(vragenlijst.open_van)
    context = {
        "vragenlijst": vragenlijst,
        "form": form,
        "uitgegeven": presenters.issued_per_team(vragenlijst),
        "geplaatst": sum(placed.values()),
    }
    return render(request, "survey/codes.html", context)


# --- results ---------------------------------------------------------------------------


def _results(request: HttpRequest, jaar: int) -> selectors.Resultaten:
    if not scope.sees_results(request.user):
        raise Http404
    vragenlijst = get_object_or_404(Vragenlijst, jaar=jaar)
    if scope.sees_all_results(request.user):
        return selectors.resultaten(vragenlijst)
    return selectors.resultaten(vragenlijst, scope.own_teams(request.user, vragenlijst, _today()))


def resultaten_laatste(request: HttpRequest) -> HttpResponse:
    """The navigation's link: the results of the latest closed questionnaire with answers
    (one still open has too few yet), else of the latest questionnaire."""
    if not scope.sees_results(request.user):
        raise Http404
    answered = Vragenlijst.objects.filter(responsen__isnull=False).order_by("-jaar")
    latest = (
        answered.filter(open_tot__lt=_today()).first()
        or answered.first()
        or Vragenlijst.objects.order_by("-jaar").first()
    )
    if latest is None:
        if scope.manages_survey(request.user):
            return redirect("survey:beheer")
        raise Http404
    return redirect("survey:resultaten", jaar=latest.jaar)


def resultaten(request: HttpRequest, jaar: int) -> HttpResponse:
    result = _results(request, jaar)
    context = {
        "r": result,
        "vragenlijst": result.vragenlijst,
        "minimum": MIN_REACTIES,
        "themanamen": presenters.theme_names(result),
        "teamrijen": presenters.team_rows(result),
        "jaren": list(Vragenlijst.objects.order_by("-jaar").values_list("jaar", flat=True)),
    }
    return render(request, "survey/resultaten.html", context)


def resultaten_csv(request: HttpRequest, jaar: int) -> HttpResponse:
    result = _results(request, jaar)
    return csv_download(presenters.results_csv(result), f"onderzoek-{jaar}.csv")

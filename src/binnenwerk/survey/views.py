"""The survey pages.

Answering (`/onderzoek/`) is open without login: the one-time code is the key. One question
per screen. The answers in progress (and the code) live in the session only as an encrypted
draft (drafts.py) that is refused an hour after the last answer, when the session expires too;
no record links them to anything until the person sends them, and the draft is removed then.
Wrong codes are limited per address and per session (attempts.py), and every code that cannot
be used gets the same message. Managing (HR, administrator) and the results (HR, management,
administrator; a supervisor their own teams) need a login; anyone else gets 404.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Callable
from typing import Any

from django.conf import settings
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
from binnenwerk.survey import attempts, presenters, scope, selectors, services
from binnenwerk.survey.constants import MIN_REACTIES, VraagSoort
from binnenwerk.survey.drafts import Draft, DraftExpired, draft_open, draft_seal, ttl_seconds
from binnenwerk.survey.forms import CodeForm, CodesForm, VragenlijstForm
from binnenwerk.survey.models import Vraag, Vragenlijst
from binnenwerk.web.views.common import csv_download
from binnenwerk.web.views.forms_people import show_errors

SESSION_KEY = "onderzoek"  # the draft: one encrypted token (drafts.py)
DONE_KEY = "onderzoek_verstuurd"
EXPIRED = "verlopen"  # ?verlopen=1 on the start page: the draft had expired


def _today() -> dt.date:
    return dt.date.today()


# --- answering -------------------------------------------------------------------------


class _Expired(Exception):
    """The answering session's draft is gone or too old: start again with the code."""


def _draft(request: HttpRequest) -> Draft | None:
    """The draft of this session; None when there is none; _Expired when it is too old."""
    if SESSION_KEY not in request.session:
        return None
    try:
        return draft_open(request.session[SESSION_KEY])
    except DraftExpired:
        _drop_draft(request)
        raise _Expired from None


def _save_draft(request: HttpRequest, draft: Draft) -> None:
    request.session[SESSION_KEY] = draft_seal(draft)
    # The session, with the draft, ends an hour after the last answer (from its last save).
    request.session.set_expiry(ttl_seconds())


def _drop_draft(request: HttpRequest) -> None:
    request.session.pop(SESSION_KEY, None)
    request.session.set_expiry(None)  # back to the site's session length


def _start_again(request: HttpRequest, draft_seen: bool) -> HttpResponse:
    """To the start page; with a message when someone was answering (an old draft, or a POST
    of an answer after the session with the draft had expired)."""
    if draft_seen or request.method == "POST":
        return redirect(reverse("survey:start") + f"?{EXPIRED}=1")
    return redirect("survey:start")


def _with_draft(
    view: Callable[..., HttpResponse],
) -> Callable[..., HttpResponse]:
    """An answering page, given this session's draft; without one, or with one that is too
    old, the person starts again with their code."""

    @functools.wraps(view)
    def page(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        try:
            draft = _draft(request)
        except _Expired:
            return _start_again(request, draft_seen=True)
        if draft is None:
            return _start_again(request, draft_seen=False)
        return view(request, draft, *args, **kwargs)

    return page


def _questions(draft: Draft) -> tuple[Vragenlijst, list[Vraag]]:
    vragenlijst = get_object_or_404(Vragenlijst, pk=draft.vragenlijst)
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


def _refusal_before_checking(request: HttpRequest) -> str | None:
    """Why no code is checked now, the same for every code: no questionnaire is open, or
    too many wrong codes came from this address or session."""
    today = _today()
    if not selectors.any_open(today):
        upcoming = selectors.next_to_open(today)
        if upcoming is not None:
            return services.period_message(upcoming)
        return _("There is no questionnaire open now.")
    if attempts.blocked(request):
        return _(
            "You have typed a wrong code too many times. Wait %(minutes)s minutes and try again."
        ) % {"minutes": settings.ONDERZOEK_CODE_WACHTTIJD_MINUTEN}
    return None


@login_not_required
@never_cache
def start(request: HttpRequest) -> HttpResponse:
    """Step 1: the code from the paper."""
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        refusal = _refusal_before_checking(request)
        if refusal:
            form.add_error("code", refusal)
        else:
            try:
                invitation = services.uitnodiging_for_code(form.cleaned_data["code"], on=_today())
            except ValidationError as error:
                attempts.record_failure(request)
                if not request.user.is_authenticated and SESSION_KEY not in request.session:
                    # A session that only counts wrong codes lives as long as the count.
                    request.session.set_expiry(attempts.window_seconds())
                show_errors(form, error)
            else:
                request.session.pop(DONE_KEY, None)
                code = services.normalise_code(form.cleaned_data["code"])
                _save_draft(request, Draft(code=code, vragenlijst=invitation.vragenlijst_id))
                return redirect("survey:vraag", nummer=1)
    expired = request.method == "GET" and EXPIRED in request.GET
    context = {
        "form": form,
        "verlopen": expired,
        "concept_minuten": settings.ONDERZOEK_CONCEPT_MINUTEN,
    }
    return render(request, "survey/start.html", context)


@login_not_required
@never_cache
@_with_draft
def vraag(request: HttpRequest, draft: Draft, nummer: int) -> HttpResponse:
    """One question per screen, with Next, Skip and Previous."""
    vragenlijst, questions = _questions(draft)
    if not 1 <= nummer <= len(questions):
        raise Http404
    current = questions[nummer - 1]
    answers = draft.antwoorden
    if request.method == "POST":
        actie = request.POST.get("actie", "volgende")
        if actie == "overslaan":
            answers.pop(str(current.pk), None)
        else:
            value = _parse(current, request.POST.get("antwoord"))
            if value is not None:
                answers[str(current.pk)] = value
        _save_draft(request, draft)
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
@_with_draft
def controle(request: HttpRequest, draft: Draft) -> HttpResponse:
    """The last screen: check the answers and send them."""
    vragenlijst, questions = _questions(draft)
    answers = draft.antwoorden
    error = ""
    if request.method == "POST":
        today = _today()
        try:
            if not vragenlijst.is_open(today):  # closed while answering: the code was good
                raise ValidationError(services.period_message(vragenlijst))
            services.respons_submit(
                code=draft.code,
                antwoorden={int(k): v for k, v in answers.items()},
                datum=today,
            )
        except ValidationError as problem:
            error = " ".join(problem.messages)
        else:
            _drop_draft(request)
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

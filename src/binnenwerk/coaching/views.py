"""The coaching pages. Access is decided on today's date: who coaches or leads the person's
team today, and HR. Outside that scope every page answers 404. Every note shown is logged."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.translation import gettext as _

from binnenwerk.coaching import scope, selectors, services
from binnenwerk.coaching.constants import InzageSoort
from binnenwerk.coaching.forms import DoelForm, NotitieForm, ToewijzingForm
from binnenwerk.coaching.models import Coachingnotitie, Functietoewijzing, Ontwikkeldoel
from binnenwerk.people.models import Medewerker
from binnenwerk.web.views.common import paginate, query_without_page
from binnenwerk.web.views.forms_people import service_form

NOTES_PER_PAGE = 20


def _today() -> dt.date:
    return dt.date.today()


def _user_of_coaching(request: HttpRequest) -> None:
    if not scope.uses_coaching(request.user):
        raise Http404


def _readable(request: HttpRequest, nummer: str) -> Medewerker:
    _user_of_coaching(request)
    people = scope.readable_people(request.user, _today())
    return get_object_or_404(people, personeelsnummer=nummer)


def _coached(request: HttpRequest, nummer: str) -> Medewerker:
    _user_of_coaching(request)
    people = scope.coached_people(request.user, _today())
    return get_object_or_404(people, personeelsnummer=nummer)


def _full_name(person: Medewerker) -> str:
    return f"{person.voornaam} {person.achternaam}"


def _log_reads(request: HttpRequest, person: Medewerker, notes: Any) -> None:
    ids = [note.pk for note in notes]
    if ids:
        services.inzage_log(
            actor=request.user,
            medewerker=person,
            soort=InzageSoort.COACHINGNOTITIE,
            object_ids=ids,
            context=services.page_context(request),
        )


def overzicht(request: HttpRequest) -> HttpResponse:
    """The people a coach or supervisor has today (everyone placed, for HR)."""
    _user_of_coaching(request)
    today = _today()
    zoek = request.GET.get("zoek", "").strip()
    people = selectors.coaching_overview(scope.readable_people(request.user, today), today, zoek)
    context = {
        "page": paginate(request, people),
        "query": query_without_page(request),
        "zoek": zoek,
        "peildatum": today,
    }
    return render(request, "coaching/overzicht.html", context)


def medewerker(request: HttpRequest, nummer: str) -> HttpResponse:
    person = _readable(request, nummer)
    today = _today()
    page = Paginator(selectors.notes_of(person), NOTES_PER_PAGE).get_page(request.GET.get("pagina"))
    _log_reads(request, person, page.object_list)
    current = selectors.current_assignment(person, today)
    may_write = scope.coached_people(request.user, today).filter(pk=person.pk).exists()
    context = {
        "medewerker": person,
        "peildatum": today,
        "page": page,
        "query": "",
        "doelen": selectors.goals_of(person),
        "huidig": current,
        "volgende": selectors.next_step(current.functieprofiel) if current else None,
        "toewijzingen": selectors.assignments_of(person),
        "mag_schrijven": may_write,
        "mag_toewijzen": scope.assigns_profiles(request.user),
        "inzagen": selectors.access_log_of(person) if scope.sees_access_log(request.user) else None,
    }
    return render(request, "coaching/medewerker.html", context)


def notitie(request: HttpRequest, nummer: str, pk: int) -> HttpResponse:
    person = _readable(request, nummer)
    note = get_object_or_404(selectors.notes_of(person), pk=pk)
    _log_reads(request, person, [note])
    context = {
        "medewerker": person,
        "notitie": note,
        "mag_wijzigen": note.geschreven_door_id == request.user.pk
        and scope.coached_people(request.user, _today()).filter(pk=person.pk).exists(),
    }
    return render(request, "coaching/notitie.html", context)


def _back(person: Medewerker) -> str:
    return f"/coaching/{person.personeelsnummer}/"


def _saved(message: str, person: Medewerker) -> tuple[str, str]:
    return message, reverse("coaching:medewerker", kwargs={"nummer": person.personeelsnummer})


def notitie_nieuw(request: HttpRequest, nummer: str) -> HttpResponse:
    person = _coached(request, nummer)
    return service_form(
        request,
        NotitieForm(request.POST or None),
        lambda data: services.coachingnotitie_create(actor=request.user, medewerker=person, **data),
        done=lambda _note: _saved(
            _("The note about %(name)s is saved.") % {"name": _full_name(person)}, person
        ),
        title=_("New coaching note for %(name)s") % {"name": _full_name(person)},
        button=_("Save"),
        back=_back(person),
    )


def notitie_wijzigen(request: HttpRequest, nummer: str, pk: int) -> HttpResponse:
    person = _coached(request, nummer)
    note = get_object_or_404(
        Coachingnotitie, pk=pk, medewerker=person, geschreven_door=request.user
    )
    form = NotitieForm(request.POST or None, initial={"datum": note.datum, "tekst": note.tekst})
    if request.method != "POST":
        _log_reads(request, person, [note])  # the form shows the text: a read
    return service_form(
        request,
        form,
        lambda data: services.coachingnotitie_update(actor=request.user, notitie=note, **data),
        done=lambda _note: _saved(_("The note is changed."), person),
        title=_("Change coaching note for %(name)s") % {"name": _full_name(person)},
        button=_("Save"),
        back=_back(person),
    )


def doel_bewerken(request: HttpRequest, nummer: str, pk: int | None = None) -> HttpResponse:
    person = _coached(request, nummer)
    goal = get_object_or_404(Ontwikkeldoel, pk=pk, medewerker=person) if pk else None
    initial = (
        {
            "omschrijving": goal.omschrijving,
            "streefdatum": goal.streefdatum,
            "status": goal.status,
            "functieprofiel": goal.functieprofiel_id,
        }
        if goal
        else {}
    )

    def save(data: dict[str, Any]) -> Ontwikkeldoel:
        if goal is None:
            return services.ontwikkeldoel_create(actor=request.user, medewerker=person, **data)
        return services.ontwikkeldoel_update(actor=request.user, doel=goal, **data)

    title = (
        _("New development goal for %(name)s")
        if goal is None
        else _("Change development goal for %(name)s")
    ) % {"name": _full_name(person)}
    return service_form(
        request,
        DoelForm(request.POST or None, initial=initial),
        save,
        done=lambda _goal: _saved(_("The development goal is saved."), person),
        title=title,
        button=_("Save"),
        back=_back(person),
    )


def functie_toewijzen(request: HttpRequest, nummer: str) -> HttpResponse:
    person = _readable(request, nummer)
    if not scope.assigns_profiles(request.user):
        raise Http404

    def done(toewijzing: Functietoewijzing) -> tuple[str, str]:
        message = _("%(name)s holds the job profile %(profile)s from %(date)s.") % {
            "name": _full_name(person),
            "profile": toewijzing.functieprofiel,
            "date": f"{toewijzing.start:%d-%m-%Y}",
        }
        return _saved(message, person)

    return service_form(
        request,
        ToewijzingForm(request.POST or None),
        lambda data: services.functietoewijzing_set(actor=request.user, medewerker=person, **data),
        done=done,
        title=_("Job profile of %(name)s") % {"name": _full_name(person)},
        button=_("Save"),
        back=_back(person),
    )


def functieprofielen(request: HttpRequest) -> HttpResponse:
    """The FGR reference set: job families, profiles by level, and each one's next step."""
    _user_of_coaching(request)
    return render(
        request, "coaching/functieprofielen.html", {"families": selectors.profile_catalogue()}
    )

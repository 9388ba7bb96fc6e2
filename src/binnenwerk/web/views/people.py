"""People: a searchable list and a person's page (404 outside scope; BSN only for HR)."""

from __future__ import annotations

import datetime as dt

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render

from binnenwerk.accounts.constants import CHANGES_PEOPLE, SEES_PERSONAL_DETAILS
from binnenwerk.accounts.selectors import has_role, medewerkers_for, sees_people
from binnenwerk.coaching.constants import InzageSoort
from binnenwerk.coaching.scope import may_read as may_read_coaching
from binnenwerk.coaching.services import inzage_log, inzage_log_people
from binnenwerk.jobs.selectors import banen_per_medewerker
from binnenwerk.organisation.models import Organisatie, Werksoort
from binnenwerk.people import selectors
from binnenwerk.people.constants import ContractSoort
from binnenwerk.web.timeline import timeline
from binnenwerk.web.views.common import history_of, paginate, peildatum_of, query_without_page

# Special-category data (the target-group indication) and the BSN: HR and the administrator.
SPECIAL = tuple(SEES_PERSONAL_DETAILS)


def medewerker_list(request: HttpRequest) -> HttpResponse:
    if not sees_people(request.user):
        raise Http404  # roles without lists of people do not learn the page exists
    form, peildatum = peildatum_of(request)
    get = request.GET
    chosen = selectors.PeopleFilter(
        zoek=get.get("zoek", "").strip(),
        team=get.get("team", ""),
        werksoort=get.get("werksoort", ""),
        opdrachtgever=get.get("opdrachtgever", ""),
        soort=get.get("soort", ""),
        alleen_actief=get.get("actief", "1") == "1",
    )
    people = selectors.medewerker_list(medewerkers_for(request.user, peildatum), peildatum, chosen)
    page = paginate(request, people)
    jobs = banen_per_medewerker(peildatum, [p.pk for p in page])
    for person in page:
        person.banen = jobs.get(person.pk)
    special = has_role(request.user, *SPECIAL)
    if special:  # the list shows each person's target-group indication: an access record each
        inzage_log_people(
            actor=request.user,
            medewerkers=list(page),
            soort=InzageSoort.DOELGROEPINDICATIE,
            context="medewerkerlijst",
        )
    return render(
        request,
        "web/people/list.html",
        {
            "form": form,
            "peildatum": peildatum,
            "page": page,
            "gekozen": chosen,
            "query": query_without_page(request),
            "werksoorten": Werksoort.objects.order_by("naam"),
            "opdrachtgevers": Organisatie.objects.exclude(soort="partner").order_by("naam"),
            "soorten": ContractSoort.choices,
            "toon_bijzonder": special,
            "mag_wijzigen": has_role(request.user, *CHANGES_PEOPLE),
        },
    )


def medewerker_detail(request: HttpRequest, nummer: str) -> HttpResponse:
    form, peildatum = peildatum_of(request)
    person = get_object_or_404(medewerkers_for(request.user, peildatum), personeelsnummer=nummer)
    contracts = list(selectors.contracts_of(person))
    placements = list(selectors.placements_of(person))
    special = has_role(request.user, *SPECIAL)
    if special:  # indication, date of birth and BSN are shown: logged (issue 11)
        inzage_log(
            actor=request.user,
            medewerker=person,
            soort=InzageSoort.DOELGROEPINDICATIE,
            object_ids=[person.pk],
            context="medewerkerdetail",
        )
    return render(
        request,
        "web/people/detail.html",
        {
            "form": form,
            "peildatum": peildatum,
            "medewerker": person,
            "dienstverbanden": contracts,
            "plaatsingen": placements,
            "tijdlijn": timeline(contracts, placements, peildatum),
            "banen": banen_per_medewerker(peildatum, [person.pk]).get(person.pk),
            "toon_bijzonder": special,
            "mag_wijzigen": has_role(request.user, *CHANGES_PEOPLE),
            "coaching": may_read_coaching(request.user, person, dt.date.today()),
            "historie": history_of(person, request.user) if special else None,
        },
    )

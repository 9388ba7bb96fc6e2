"""Teams: the list with occupancy and open places, and a team's page (404 outside scope)."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext as _

from binnenwerk.accounts.constants import CHANGES_PEOPLE, ORGANISATION_WIDE, Rol
from binnenwerk.accounts.selectors import has_role, job_filters_for, sees_people, teams_for
from binnenwerk.jobs import selectors as jobs
from binnenwerk.jobs.constants import Interval, Per
from binnenwerk.jobs.dates import period_ends
from binnenwerk.organisation import selectors as teams_selectors
from binnenwerk.organisation.constants import Provincie
from binnenwerk.organisation.models import Werksoort
from binnenwerk.organisation.presenters import plaatsen_csv
from binnenwerk.periods import active_on
from binnenwerk.web import charts
from binnenwerk.web.views.common import history_of, paginate, peildatum_of, query_without_page


def team_list(request: HttpRequest) -> HttpResponse:
    form, peildatum = peildatum_of(request)
    qs = teams_selectors.team_list(teams_for(request.user, peildatum), peildatum)
    werksoort, provincie = request.GET.get("werksoort", ""), request.GET.get("provincie", "")
    if werksoort:
        qs = qs.filter(werksoort__code=werksoort)
    if provincie:
        qs = qs.filter(locatie__provincie=provincie)
    if request.GET.get("actief", "1") == "1":
        qs = qs.filter(active_on(peildatum))
    filters = job_filters_for(request.user, peildatum)
    jobs_per_team = jobs.banen(peildatum, per=Per.TEAM, filters=filters).groepen if filters else {}
    page = paginate(request, qs)
    for team in page:
        team.banen = jobs_per_team.get(team.code)
        team.open_plaatsen = teams_selectors.open_places(team, team.bezetting)
    return render(
        request,
        "web/teams/list.html",
        {
            "form": form,
            "peildatum": peildatum,
            "page": page,
            "query": query_without_page(request),
            "werksoorten": Werksoort.objects.order_by("naam"),
            "provincies": Provincie.values,
            "gekozen": {"werksoort": werksoort, "provincie": provincie},
            "toon_namen": not has_role(request.user, Rol.OPDRACHTGEVER)
            or sees_people(request.user),
            "mag_wijzigen": has_role(request.user, *CHANGES_PEOPLE),
        },
    )


def team_detail(request: HttpRequest, code: str) -> HttpResponse:
    form, peildatum = peildatum_of(request)
    team = get_object_or_404(teams_for(request.user, peildatum), code=code)
    filters = job_filters_for(request.user, peildatum)
    team_filters = jobs.Filters(
        teams=frozenset({team.code}),
        opdrachtgevers=filters.opdrachtgevers if filters else frozenset(),
    )
    result = jobs.banen(peildatum, filters=team_filters)
    start = max(team.start, peildatum.replace(year=peildatum.year - 3))
    series = teams_selectors.occupancy_over_time(
        team, period_ends(start, peildatum, Interval.MAAND)
    )
    bezetting = teams_selectors.team_members(team, peildatum).count()
    context = {
        "form": form,
        "peildatum": peildatum,
        "team": team,
        "banen": result.totaal,
        "bezetting": bezetting,
        "open_plaatsen": teams_selectors.open_places(team, bezetting),
        "reeks": series,
        "grafiek": charts.step_chart(series, team.capaciteit, _("people")) if series else "",
        "toon_namen": sees_people(request.user),
    }
    context["mag_wijzigen"] = has_role(request.user, *CHANGES_PEOPLE)
    if has_role(request.user, *CHANGES_PEOPLE, Rol.BEHEERDER):
        context["historie"] = history_of(team, request.user)
    if sees_people(request.user):
        context["leden"] = teams_selectors.team_members(team, peildatum)
        context["rollen"] = teams_selectors.role_history(team)
    return render(request, "web/teams/detail.html", context)


def open_places_page(request: HttpRequest) -> HttpResponse:
    """Where there is room to recruit, for recruiters and management; CSV for the planning."""
    if not has_role(request.user, *ORGANISATION_WIDE):
        raise Http404
    form, peildatum = peildatum_of(request)
    teams = teams_for(request.user, peildatum)
    werksoort = request.GET.get("werksoort", "")
    if werksoort:
        teams = teams.filter(werksoort__code=werksoort)
    rows = teams_selectors.open_places_overview(teams, peildatum)
    if request.GET.get("formaat") == "csv":
        response = HttpResponse(plaatsen_csv(rows), content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="open-plaatsen-{peildatum}.csv"'
        return response
    return render(
        request,
        "web/teams/open.html",
        {
            "form": form,
            "peildatum": peildatum,
            "rows": rows,
            "open_totaal": sum(r.open_plaatsen for r in rows if (r.open_plaatsen or 0) > 0),
            "onder_minimum": [r for r in rows if r.onder_minimum],
            "werksoorten": Werksoort.objects.order_by("naam"),
            "gekozen": werksoort,
        },
    )

"""HR's changes to teams, through the services."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.translation import gettext as _

from binnenwerk.formatting import date_nl
from binnenwerk.organisation import services
from binnenwerk.organisation.models import Team, TeamRol
from binnenwerk.web.forms import TeamEindeForm, TeamForm, TeamRolForm
from binnenwerk.web.views.forms_people import hr_only, service_form


def _team_url(team: Team) -> str:
    return reverse("web:team", kwargs={"code": team.code})


def team_new(request: HttpRequest) -> HttpResponse:
    hr_only(request)
    return service_form(
        request,
        TeamForm(request.POST or None),
        lambda data: services.team_create(actor=request.user, **data),
        done=lambda team: (
            _("Team %(name)s has been created.") % {"name": team.naam},
            _team_url(team),
        ),
        title=_("New team"),
        button=_("Create"),
        back="/teams/",
    )


def team_end(request: HttpRequest, code: str) -> HttpResponse:
    hr_only(request)
    team = get_object_or_404(Team, code=code)
    form = TeamEindeForm(request.POST or None)
    return service_form(
        request,
        form,
        lambda data: services.team_end(actor=request.user, team=team, einde=data["einde"]),
        done=lambda _result: (
            _("Team %(name)s ends on %(date)s.")
            % {"name": team.naam, "date": date_nl(form.cleaned_data["einde"])},
            _team_url(team),
        ),
        title=_("End team %(name)s") % {"name": team.naam},
        button=_("End"),
        back=f"/teams/{code}/",
        versions=(Team.objects.filter(pk=team.pk),),
    )


def team_role_hand_over(request: HttpRequest, code: str) -> HttpResponse:
    """A new supervisor or job coach for the team from a date (HR): the current holder stops
    the day before. The team's history shows who held which role when."""
    hr_only(request)
    team = get_object_or_404(Team, code=code)
    return service_form(
        request,
        TeamRolForm(request.POST or None),
        lambda data: services.teamrol_hand_over(actor=request.user, team=team, **data),
        done=lambda rol: (
            _("%(name)s is %(role)s of %(team)s from %(date)s.")
            % {
                "name": f"{rol.medewerker.voornaam} {rol.medewerker.achternaam}",
                "role": rol.get_rol_display().lower(),
                "team": team.naam,
                "date": date_nl(rol.start),
            },
            _team_url(team),
        ),
        title=_("Hand over a role in %(name)s") % {"name": team.naam},
        button=_("Hand over"),
        back=_team_url(team),
        renames={"start": "vanaf"},
        versions=(TeamRol.objects.filter(team=team),),
    )

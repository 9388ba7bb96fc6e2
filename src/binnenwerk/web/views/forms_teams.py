"""HR's changes to teams, through the services."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _

from binnenwerk.formatting import date_nl
from binnenwerk.organisation import services
from binnenwerk.organisation.models import Team
from binnenwerk.web.forms import TeamEindeForm, TeamForm
from binnenwerk.web.views.forms_people import form_page, hr_only, show_errors


def team_new(request: HttpRequest) -> HttpResponse:
    hr_only(request)
    form = TeamForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            team = services.team_create(actor=request.user, **form.cleaned_data)
        except ValidationError as error:
            show_errors(form, error)
        else:
            messages.success(request, _("Team %(name)s has been created.") % {"name": team.naam})
            return redirect("web:team", code=team.code)
    return form_page(request, form, _("New team"), _("Create"), "/teams/")


def team_end(request: HttpRequest, code: str) -> HttpResponse:
    hr_only(request)
    team = get_object_or_404(Team, code=code)
    form = TeamEindeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.team_end(actor=request.user, team=team, einde=form.cleaned_data["einde"])
        except ValidationError as error:
            show_errors(form, error)
        else:
            einde = date_nl(form.cleaned_data["einde"])
            messages.success(
                request, _("Team %(name)s ends on %(date)s.") % {"name": team.naam, "date": einde}
            )
            return redirect("web:team", code=team.code)
    return form_page(
        request, form, _("End team %(name)s") % {"name": team.naam}, _("End"), f"/teams/{code}/"
    )

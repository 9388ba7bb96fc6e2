"""Clients, work types and locations: a list with jobs on the date, and a page with jobs over time.

Clients are seen by the organisation-wide roles and, for their own organisation (with its
sub-organisations), by client contacts; work types and locations by the organisation-wide
roles. Anything else answers 404.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db.models import Model
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from binnenwerk.accounts.constants import ORGANISATION_WIDE, Rol
from binnenwerk.accounts.selectors import client_codes, has_role, roles_of
from binnenwerk.jobs import selectors as jobs
from binnenwerk.jobs.constants import Interval, Per
from binnenwerk.jobs.selectors import Filters, organisation_with_parts
from binnenwerk.organisation.models import Locatie, Organisatie, Team, Werksoort
from binnenwerk.periods import active_on
from binnenwerk.reports.scope import opens_client_statement
from binnenwerk.web import charts
from binnenwerk.web.views.common import history_of, peildatum_of

# Who sees the change history of reference data: those who keep it or the people in it.
MAY_SEE_HISTORY = (Rol.BEHEERDER, Rol.PERSONEELSZAKEN)


@dataclass(frozen=True)
class Kind:
    slug: str
    title: str | Promise
    singular: str | Promise
    model: type[Model]
    per: str
    team_filter: str  # how a team belongs to one of these

    @property
    def url_name(self) -> str:
        return f"web:{self.slug}"

    def filters(self, code: str) -> Filters:
        if self.per == Per.OPDRACHTGEVER:
            return Filters(opdrachtgevers=organisation_with_parts(code))
        if self.per == Per.WERKSOORT:
            return Filters(werksoorten=frozenset({code}))
        return Filters()


KINDS = {
    "opdrachtgevers": Kind(
        "opdrachtgevers",
        _("Clients"),
        _("client"),
        Organisatie,
        Per.OPDRACHTGEVER,
        "plaatsingen__opdrachtgever__code__in",
    ),
    "werksoorten": Kind(
        "werksoorten",
        _("Work types"),
        _("work type"),
        Werksoort,
        Per.WERKSOORT,
        "werksoort__code",
    ),
    "locaties": Kind(
        "locaties", _("Locations"), _("location"), Locatie, Per.LOCATIE, "locatie__code"
    ),
}


def _visible_codes(user: Any, kind: Kind) -> set[str] | None:
    """None = every code; otherwise the codes this user may open."""
    if roles_of(user) & ORGANISATION_WIDE:
        return None
    if kind.per == Per.OPDRACHTGEVER and has_role(user, Rol.OPDRACHTGEVER):
        return set(client_codes(user))
    raise Http404


def group_list(request: HttpRequest, kind: str) -> HttpResponse:
    config = KINDS[kind]
    visible = _visible_codes(request.user, config)
    form, peildatum = peildatum_of(request)
    filters = Filters(opdrachtgevers=frozenset(visible)) if visible is not None else Filters()
    per_group = jobs.banen(peildatum, per=config.per, filters=filters).groepen
    objects = config.model.objects.order_by("naam")  # type: ignore[attr-defined]
    if visible is not None:
        objects = objects.filter(code__in=visible)
    rows = [(obj, per_group.get(obj.code)) for obj in objects]
    return render(
        request,
        "web/groups/list.html",
        {
            "form": form,
            "peildatum": peildatum,
            "kind": config,
            "rows": rows,
        },
    )


def group_detail(request: HttpRequest, kind: str, code: str) -> HttpResponse:
    config = KINDS[kind]
    visible = _visible_codes(request.user, config)
    if visible is not None and code not in visible:
        raise Http404
    obj = get_object_or_404(config.model, code=code)
    form, peildatum = peildatum_of(request)
    filters = config.filters(code)
    if config.per == Per.LOCATIE:
        filters = Filters(
            teams=frozenset(Team.objects.filter(locatie__code=code).values_list("code", flat=True))
        )
    first = Team.objects.order_by("start").values_list("start", flat=True).first() or peildatum
    series = jobs.banen_reeks(first, peildatum, Interval.MAAND, filters=filters)
    points = [(r.peildatum, r.totaal) for r in series]
    per_work = jobs.banen(peildatum, per=Per.WERKSOORT, filters=filters)
    codes = [code] if config.per != Per.OPDRACHTGEVER else list(organisation_with_parts(code))
    lookup = config.team_filter
    teams = (
        Team.objects.filter(active_on(peildatum))
        .filter(**{lookup: codes if lookup.endswith("__in") else code})
        .select_related("werksoort", "locatie")
        .distinct()
        .order_by("naam")
    )
    return render(
        request,
        "web/groups/detail.html",
        {
            "form": form,
            "peildatum": peildatum,
            "kind": config,
            "object": obj,
            "banen": per_work.totaal,
            "reeks": points,
            "grafiek": charts.line_chart(points) if points else "",
            "per_werksoort": [
                (Werksoort.objects.filter(code=k).values_list("naam", flat=True).first() or k, v)
                for k, v in per_work.groepen.items()
            ],
            "teams": teams,
            "historie": history_of(obj, request.user)
            if has_role(request.user, *MAY_SEE_HISTORY)
            else None,
            "rapportage": config.per == Per.OPDRACHTGEVER
            and opens_client_statement(request.user, code),
        },
    )

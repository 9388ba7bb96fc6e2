"""The navigation each role sees, for the base template."""

from typing import Any

from django.http import HttpRequest
from django.utils.translation import gettext as _

from binnenwerk.absence.constants import SEES_FIGURES as SEES_ABSENCE
from binnenwerk.accounts.constants import (
    ONLY_ACCESS_LOG,
    ORGANISATION_WIDE,
    SEES_MONITOR,
    SEES_PEOPLE,
    Rol,
)
from binnenwerk.accounts.selectors import roles_of
from binnenwerk.coaching.scope import uses_coaching
from binnenwerk.opportunities.constants import SEES_OPPORTUNITIES
from binnenwerk.outflow.constants import SEES_FIGURES as SEES_OUTFLOW
from binnenwerk.recruitment.constants import CHANGES_CANDIDATES, SEES_FUNNEL
from binnenwerk.reports.scope import sees_report
from binnenwerk.survey.scope import manages_survey, sees_results


def navigation(request: HttpRequest) -> dict[str, Any]:
    roles = roles_of(request.user)
    if not roles and not getattr(request.user, "is_authenticated", False):
        return {"nav_items": [], "user_roles": []}
    items = []
    if Rol.PRIVACY in roles:  # the privacy officer's one page: who read what (no dashboard)
        items.append(("web:toegang", _("Access log")))
    if not roles or roles - {Rol.MONITOR, Rol.PRIVACY}:  # a coordinator's work is the monitor
        items += [("web:dashboard", _("Dashboard")), ("web:teams", _("Teams"))]
    if roles & SEES_PEOPLE:
        items.append(("web:medewerkers", _("Employees")))
    if roles & ORGANISATION_WIDE or Rol.OPDRACHTGEVER in roles:
        items.append(("web:opdrachtgevers", _("Clients")))
    if roles & ORGANISATION_WIDE:
        items += [("web:werksoorten", _("Work types")), ("web:locaties", _("Locations"))]
    if roles & {Rol.WERVING, Rol.MANAGEMENT}:
        items.append(("web:open-plaatsen", _("Open places")))
    if roles & CHANGES_CANDIDATES:
        items.append(("recruitment:board", _("Recruitment")))
    elif roles & SEES_FUNNEL:
        items.append(("recruitment:funnel", _("Recruitment funnel")))
    if roles & {Rol.PERSONEELSZAKEN, Rol.LEIDINGGEVENDE, Rol.MANAGEMENT, Rol.BEHEERDER}:
        items.append(("contracts:werklijst", _("Contract clock")))
    if uses_coaching(request.user):
        items.append(("coaching:overzicht", _("Coaching")))
    if roles & SEES_OUTFLOW:
        items.append(("outflow:overzicht", _("Outflow")))
    if roles & SEES_OPPORTUNITIES:
        items.append(("opportunities:overzicht", _("Growth opportunities")))
    if roles & SEES_ABSENCE:
        items.append(("absence:cijfers", _("Absence")))
    if manages_survey(request.user):
        items.append(("survey:beheer", _("Employee survey")))
    elif sees_results(request.user):
        items.append(("survey:resultaten-laatste", _("Employee survey")))
    if sees_report(request.user):
        items.append(("reports:laatste", _("Annual overview")))
    elif Rol.OPDRACHTGEVER in roles:
        items.append(("reports:opdrachtgevers", _("Annual statement")))
    if roles & SEES_MONITOR or Rol.OPDRACHTGEVER in roles:
        items.append(("monitor:tabel", _("Job Agreement")))
    if Rol.BEHEERDER in roles:
        items += [
            ("web:import", _("Import and export")),
            ("web:gebruikers", _("Users")),
            ("web:logboek", _("Audit log")),
        ]
    if Rol.BEHEERDER in roles:
        items.append(("admin:index", _("Administration")))
    labels = [Rol(r).label for r in sorted(roles)]
    # The privacy officer reads the access log only: no API tokens either (least_privilege).
    api_tokens = not (roles and roles <= ONLY_ACCESS_LOG)
    return {"nav_items": items, "user_roles": labels, "api_tokens": api_tokens}

"""For the functional administrator: accounts with their roles (and unlocking a lockout),
and the audit log of every change."""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from binnenwerk.accounts.constants import Rol
from binnenwerk.accounts.selectors import account_list, roles_of
from binnenwerk.accounts.services import account_unlock, two_factor_reset
from binnenwerk.accounts.two_factor import usernames_with_two_factor
from binnenwerk.audit import ShownEntry, logged_models, recent_entries, shown_entries
from binnenwerk.coaching.constants import InzageSoort
from binnenwerk.coaching.services import inzage_log_people, page_context
from binnenwerk.people.models import Medewerker
from binnenwerk.web.views.common import paginate, query_without_page, require_role


def accounts_page(request: HttpRequest) -> HttpResponse:
    require_role(request, Rol.BEHEERDER)
    return render(
        request,
        "web/accounts/list.html",
        {
            "accounts": account_list(),
            "limiet": settings.AXES_FAILURE_LIMIT,
            "tweestaps": usernames_with_two_factor(),
        },
    )


@require_POST
def unlock(request: HttpRequest, username: str) -> HttpResponse:
    require_role(request, Rol.BEHEERDER)
    if account_unlock(actor=request.user, username=username):
        messages.success(
            request, _("%(username)s is unlocked and can log in again.") % {"username": username}
        )
    else:
        messages.info(request, _("%(username)s was not locked.") % {"username": username})
    return redirect("web:gebruikers")


@require_POST
def two_factor_reset_view(request: HttpRequest, username: str) -> HttpResponse:
    """A lost phone: remove the user's authenticator app; they enrol anew at the next sign-in."""
    require_role(request, Rol.BEHEERDER)
    if two_factor_reset(actor=request.user, username=username):
        messages.success(
            request,
            _(
                "The two-step verification of %(username)s is reset: a new app is set up "
                "at the next sign-in."
            )
            % {"username": username},
        )
    else:
        messages.info(
            request,
            _("%(username)s had no two-step verification.") % {"username": username},
        )
    return redirect("web:gebruikers")


def audit_log(request: HttpRequest) -> HttpResponse:
    require_role(request, Rol.BEHEERDER)
    actor = request.GET.get("wie", "").strip()
    model = request.GET.get("soort", "").strip()
    page = paginate(request, recent_entries(actor=actor, model=model))
    # Special-category data only as far as the user's roles may see it; what they were shown
    # of a person's details (the indication) is a read like any other: access-logged.
    rows = shown_entries(page.object_list, roles_of(request.user))
    _log_details_shown(request, rows)
    return render(
        request,
        "web/accounts/audit.html",
        {
            "page": page,
            "regels": rows,
            "query": query_without_page(request),
            "wie": actor,
            "soort": model,
            "soorten": logged_models(),
        },
    )


def _log_details_shown(request: HttpRequest, rows: list[ShownEntry]) -> None:
    ids = {
        int(row.entry.object_pk)
        for row in rows
        if row.reveals_special
        and row.entry.content_type.model_class() is Medewerker
        and str(row.entry.object_pk).isdigit()
    }
    people = list(Medewerker.objects.filter(pk__in=ids).order_by("pk"))
    if people:
        inzage_log_people(
            actor=request.user,
            medewerkers=people,
            soort=InzageSoort.DOELGROEPINDICATIE,
            context=page_context(request),
        )

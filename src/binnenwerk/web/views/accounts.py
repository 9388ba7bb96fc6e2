"""For the functional administrator: accounts with their roles, links and state, a one-time
password or a new authenticator app for a user who lost theirs, unlocking a lockout; the audit
log of every change. And for every user: their own password.

The rules (no one changes their own account here or the privacy officer's, the privacy role is
granted on the server only) are the services' (accounts/services.py); the pages show their
messages.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import get_user_model, update_session_auth_hash
from django.contrib.auth.forms import PasswordChangeForm
from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from binnenwerk.accounts.constants import Rol
from binnenwerk.accounts.models import Profiel, Roltoekenning
from binnenwerk.accounts.selectors import account_list, roles_of
from binnenwerk.accounts.services import (
    account_active_set,
    account_password_change,
    account_password_reset,
    account_set,
    account_unlock,
    two_factor_reset,
)
from binnenwerk.accounts.two_factor import usernames_with_two_factor
from binnenwerk.audit import ShownEntry, logged_models, recent_entries, shown_entries
from binnenwerk.coaching.constants import InzageSoort
from binnenwerk.coaching.services import inzage_log_people, page_context
from binnenwerk.people.models import Medewerker
from binnenwerk.web.forms_accounts import AccountForm, NewAccountForm
from binnenwerk.web.password_change import MUST_CHANGE_KEY
from binnenwerk.web.views.common import paginate, query_without_page, require_role
from binnenwerk.web.views.forms_people import service_form, show_errors


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


def _save_account(request: HttpRequest, username: str, data: dict[str, Any]) -> Any:
    return account_set(
        actor=request.user,
        username=username,
        roles=data["roles"],
        medewerker=data["medewerker"],
        organisatie=data["organisatie"],
        first_name=data["first_name"],
        last_name=data["last_name"],
        email=data["email"],
    )


def account_new(request: HttpRequest) -> HttpResponse:
    """A new account: the roles and links, no password yet (it gets a one-time one next, or
    its owner signs in with their Rijksaccount)."""
    require_role(request, Rol.BEHEERDER)
    return service_form(
        request,
        NewAccountForm(request.POST or None),
        lambda data: _save_account(request, data["username"], data),
        done=lambda user: (
            _(
                "Account %(username)s is made. Give it a one-time password, or let its owner "
                "sign in with their Rijksaccount."
            )
            % {"username": user.username},
            reverse("web:gebruiker", args=[user.username]),
        ),
        title=_("New account"),
        button=_("Make the account"),
        back=reverse("web:gebruikers"),
        renames={"rollen": "roles"},
    )


def _account_sources(user: Any) -> tuple[QuerySet[Any], ...]:
    """What the edit form shows: a save over someone else's change is refused."""
    return (
        get_user_model().objects.filter(pk=user.pk),
        Profiel.objects.filter(user=user),
        Roltoekenning.objects.filter(user=user),
    )


def account_edit(request: HttpRequest, username: str) -> HttpResponse:
    require_role(request, Rol.BEHEERDER)
    user = get_object_or_404(get_user_model(), username=username)
    profile = Profiel.objects.filter(user=user).first()
    initial = {
        "first_name": user.first_name,
        "last_name": user.last_name,
        "email": user.email,
        "roles": sorted(roles_of(user)),
        "medewerker": profile.medewerker.personeelsnummer if profile and profile.medewerker else "",
        "organisatie": profile.organisatie if profile else None,
    }
    form = AccountForm(request.POST or None, initial=initial)
    return service_form(
        request,
        form,
        lambda data: _save_account(request, user.username, data),
        done=lambda saved: (
            _("The account %(username)s is saved.") % {"username": saved.username},
            reverse("web:gebruiker", args=[saved.username]),
        ),
        title=_("Account %(username)s") % {"username": user.username},
        button=_("Save"),
        back=reverse("web:gebruikers"),
        renames={"rollen": "roles"},
        versions=_account_sources(user),
        # The form, with the account's other actions beside it.
        template="web/accounts/edit.html",
        extra={
            "account": user,
            "eigen": user.pk == request.user.pk,
            "privacy": Rol.PRIVACY in roles_of(user),
            "tweestaps": usernames_with_two_factor(),
        },
    )


@require_POST
@never_cache
def password_reset(request: HttpRequest, username: str) -> HttpResponse:
    """A one-time password, shown once on this page (never stored in plain, never mailed)."""
    require_role(request, Rol.BEHEERDER)
    user = get_object_or_404(get_user_model(), username=username)
    try:
        password = account_password_reset(actor=request.user, username=user.username)
    except ValidationError as refused:
        messages.error(request, " ".join(refused.messages))
        return redirect("web:gebruiker", username=user.username)
    return render(
        request, "web/accounts/one_time_password.html", {"account": user, "wachtwoord": password}
    )


@require_POST
def active_set(request: HttpRequest, username: str) -> HttpResponse:
    require_role(request, Rol.BEHEERDER)
    user = get_object_or_404(get_user_model(), username=username)
    active = request.POST.get("actief") == "1"
    try:
        account_active_set(actor=request.user, username=user.username, active=active)
    except ValidationError as refused:
        messages.error(request, " ".join(refused.messages))
    else:
        message = (
            _("%(username)s can sign in again.")
            if active
            else _("%(username)s is switched off: no sign-in and no API access.")
        )
        messages.success(request, message % {"username": user.username})
    return redirect("web:gebruiker", username=user.username)


@never_cache
def own_password(request: HttpRequest) -> HttpResponse:
    """Every user's own password: the old one, then a new one that meets the rules. After an
    administrator's reset this page comes first (web/password_change.py)."""
    form = PasswordChangeForm(request.user, request.POST or None)  # type: ignore[arg-type]
    if request.method == "POST" and form.is_valid():
        try:
            user = account_password_change(
                user=request.user, password=form.cleaned_data["new_password1"]
            )
        except ValidationError as error:
            show_errors(form, error, {"__all__": "new_password2"})
        else:
            update_session_auth_hash(request, user)  # stay signed in with the new password
            request.session.pop(MUST_CHANGE_KEY, None)
            messages.success(request, _("Your password is changed."))
            return redirect("web:dashboard")
    return render(
        request,
        "web/accounts/own_password.html",
        {"form": form, "moet": request.session.get(MUST_CHANGE_KEY, False)},
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
    try:
        removed = two_factor_reset(actor=request.user, username=username)
    except ValidationError as refused:
        messages.error(request, " ".join(refused.messages))
        return redirect("web:gebruikers")
    if removed:
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

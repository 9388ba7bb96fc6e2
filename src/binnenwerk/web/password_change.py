"""After someone else changed an account: the user is told at the first page after signing in
(who reset their password or authenticator app, and when), and a user with a one-time password
chooses their own before any other page (issue 18).

Once per session, after the second step when that is needed: the unread notices become
messages on the page, and the must-change mark of the profile is copied into the session, so
that later requests cost no query.
"""

from __future__ import annotations

from collections.abc import Callable

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _

from binnenwerk.accounts.models import Profiel
from binnenwerk.accounts.services import account_notices_take
from binnenwerk.accounts.two_factor import second_step_pending
from binnenwerk.web.middleware import API_PREFIX, always_open_paths, api_refusal

SEEN_KEY = "accountmeldingen_gezien"
MUST_CHANGE_KEY = "wachtwoord_wijzigen"


def _open_paths() -> tuple[str, ...]:
    return (reverse("web:eigen-wachtwoord"), *always_open_paths())


class AccountNotices:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        user = getattr(request, "user", None)
        if user is None or not user.is_authenticated or second_step_pending(request):
            return self.get_response(request)
        session = request.session
        if not session.get(SEEN_KEY):
            session[SEEN_KEY] = True
            for notice in account_notices_take(user):
                messages.warning(request, notice.tekst)
            if Profiel.objects.filter(user=user, wachtwoord_wijzigen=True).exists():
                session[MUST_CHANGE_KEY] = True
        if session.get(MUST_CHANGE_KEY) and not request.path_info.startswith(_open_paths()):
            if request.path_info.startswith(API_PREFIX):
                return api_refusal(
                    403,
                    _("New password needed"),
                    _("Choose your own password on the website first."),
                )
            return redirect("web:eigen-wachtwoord")
        return self.get_response(request)

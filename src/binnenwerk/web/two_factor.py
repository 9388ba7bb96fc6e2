"""The second step after a password, for administrators and HR (accounts.two_factor).

Until such a user has given a code in this session, every page sends them to the code page
(or, without an authenticator app yet, to the enrolment page) and the API answers 401. Only
those pages, signing out and the static files stay open.
"""

from __future__ import annotations

from collections.abc import Callable
from urllib.parse import urlencode

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _

from binnenwerk.accounts.two_factor import confirmed_device, second_step_pending
from binnenwerk.web.middleware import API_PREFIX, always_open_paths, api_refusal


def second_step_paths() -> tuple[str, ...]:
    """The pages of the second step itself."""
    return (
        reverse("web:tweestaps-code"),
        reverse("web:tweestaps-instellen"),
        reverse("web:tweestaps-qr"),
    )


def _open_paths() -> tuple[str, ...]:
    return (*second_step_paths(), *always_open_paths())


class SecondStepRequired:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if not second_step_pending(request) or request.path_info.startswith(_open_paths()):
            return self.get_response(request)
        if request.path_info.startswith(API_PREFIX):
            return api_refusal(
                401,
                _("Two-step verification needed"),
                _("Give the code from your authenticator app on the website."),
            )
        target = (
            "web:tweestaps-code" if confirmed_device(request.user) else "web:tweestaps-instellen"
        )
        url = reverse(target)
        if request.method == "GET" and request.path_info != reverse("web:dashboard"):
            url += "?" + urlencode({"next": request.get_full_path()})
        return redirect(url)

"""The second step after a password, for administrators and HR (accounts.two_factor).

Until such a user has given a code in this session, every page sends them to the code page
(or, without an authenticator app yet, to the enrolment page) and the API answers 401. Only
those pages, signing out and the static files stay open.
"""

from __future__ import annotations

from collections.abc import Callable
from urllib.parse import urlencode

from django.conf import settings
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _

from binnenwerk.accounts.two_factor import confirmed_device, second_step_pending


def _open_paths() -> tuple[str, ...]:
    return (
        reverse("web:tweestaps-code"),
        reverse("web:tweestaps-instellen"),
        reverse("web:tweestaps-qr"),
        reverse("web:logout"),
        reverse("web:login"),
        "/" + settings.STATIC_URL.lstrip("/"),
    )


class SecondStepRequired:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if not second_step_pending(request) or request.path_info.startswith(_open_paths()):
            return self.get_response(request)
        if request.path_info.startswith("/api/"):
            return JsonResponse(
                {
                    "type": "about:blank",
                    "title": _("Two-step verification needed"),
                    "status": 401,
                    "detail": _("Give the code from your authenticator app on the website."),
                },
                status=401,
                content_type="application/problem+json",
            )
        target = (
            "web:tweestaps-code" if confirmed_device(request.user) else "web:tweestaps-instellen"
        )
        url = reverse(target)
        if request.method == "GET" and request.path_info != reverse("web:dashboard"):
            url += "?" + urlencode({"next": request.get_full_path()})
        return redirect(url)

"""Least privilege for the privacy officer (functionaris gegevensbescherming): a user whose
only role is to read the access log gets 404 on every other page, including pages that any
other signed-in user may open (the dashboard, teams, reference lists, API token page). The
API has the same rule in binnenwerk.api.permissions (its answers are problem+json)."""

from __future__ import annotations

from collections.abc import Callable

from django.http import Http404, HttpRequest, HttpResponse
from django.urls import reverse

from binnenwerk.accounts.constants import ONLY_ACCESS_LOG
from binnenwerk.accounts.selectors import roles_of
from binnenwerk.web.middleware import API_PREFIX, always_open_paths
from binnenwerk.web.two_factor import second_step_paths


def _open_paths() -> tuple[str, ...]:
    """Where such a user may go: the access log (with its CSV), home (which redirects to the
    log), their own password and second step, logging in and out, static files, and the API
    (guarded there)."""
    return (
        reverse("web:toegang"),
        reverse("web:toegang-csv"),
        reverse("web:eigen-wachtwoord"),
        *second_step_paths(),
        *always_open_paths(),
        API_PREFIX,
    )


class AccessLogOnly:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        roles = roles_of(getattr(request, "user", None))
        if roles and roles <= ONLY_ACCESS_LOG:
            path = request.path_info
            home = reverse("web:dashboard")
            if path != home and not path.startswith(_open_paths()):
                raise Http404
        return self.get_response(request)

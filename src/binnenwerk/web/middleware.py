"""No page without login, except the API: it authenticates each request itself (a token or
the session) and answers 401 as problem+json instead of a redirect to the login page. And
the Permissions-Policy header."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib.auth.middleware import LoginRequiredMiddleware
from django.http import HttpRequest, JsonResponse
from django.urls import reverse

API_PREFIX = "/api/"


def always_open_paths() -> tuple[str, ...]:
    """What every gate in front of the pages lets through (the second step, a new password,
    the privacy officer's one page): signing in and out, and the static files."""
    return (reverse("web:login"), reverse("web:logout"), "/" + settings.STATIC_URL.lstrip("/"))


def api_refusal(status: int, title: str, detail: str) -> JsonResponse:
    """A gate's answer to an API request, in the API's problem+json shape."""
    body = {"type": "about:blank", "title": title, "status": status, "detail": detail}
    return JsonResponse(body, status=status, content_type="application/problem+json")


class LoginRequiredExceptApi(LoginRequiredMiddleware):
    def process_view(
        self, request: HttpRequest, view_func: Any, view_args: Any, view_kwargs: Any
    ) -> Any:
        if request.path_info.startswith(API_PREFIX):
            return None
        return super().process_view(request, view_func, view_args, view_kwargs)


class PermissionsPolicy:
    """The Permissions-Policy header from settings.PERMISSIONS_POLICY: {feature: [origins]}, an
    empty list switching the feature off (camera=(), microphone=(), …) for every page."""

    def __init__(self, get_response: Any) -> None:
        self.get_response = get_response
        self.header = ", ".join(
            f"{feature}=({' '.join(origins)})"
            for feature, origins in settings.PERMISSIONS_POLICY.items()
        )

    def __call__(self, request: HttpRequest) -> Any:
        response = self.get_response(request)
        if self.header:
            response.headers.setdefault("Permissions-Policy", self.header)
        return response

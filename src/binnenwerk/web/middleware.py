"""No page without login, except the API: it authenticates each request itself (a token or
the session) and answers 401 as problem+json instead of a redirect to the login page."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.middleware import LoginRequiredMiddleware
from django.http import HttpRequest

API_PREFIX = "/api/"


class LoginRequiredExceptApi(LoginRequiredMiddleware):
    def process_view(
        self, request: HttpRequest, view_func: Any, view_args: Any, view_kwargs: Any
    ) -> Any:
        if request.path_info.startswith(API_PREFIX):
            return None
        return super().process_view(request, view_func, view_args, view_kwargs)

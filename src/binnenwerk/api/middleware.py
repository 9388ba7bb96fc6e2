"""Refuse NUL characters in an API request's address or query: PostgreSQL cannot compare
text with NUL in it, so without this a lookup would fail with a server error there."""

from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse

from binnenwerk.api.problems import nul_character_problem
from binnenwerk.web.middleware import API_PREFIX


class RefuseNulCharacters:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.path_info.startswith(API_PREFIX) and self._has_nul(request):
            return nul_character_problem()
        return self.get_response(request)

    @staticmethod
    def _has_nul(request: HttpRequest) -> bool:
        if "\x00" in request.path_info:
            return True
        return any(
            "\x00" in key or "\x00" in value
            for key, values in request.GET.lists()
            for value in values
        )

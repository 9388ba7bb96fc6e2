"""What every page needs: the peildatum from the query string, pagination, 404 outside scope."""

from __future__ import annotations

import datetime as dt
from typing import Any

from auditlog.models import LogEntry
from django.core.paginator import Page, Paginator
from django.http import Http404, HttpRequest, HttpResponse

from binnenwerk.accounts.selectors import has_role, roles_of
from binnenwerk.audit import ShownEntry, shown_entries
from binnenwerk.web.forms import PeildatumForm

PAGE_SIZE = 50


def peildatum_of(request: HttpRequest) -> tuple[PeildatumForm, dt.date]:
    form = PeildatumForm(request.GET or None)
    return form, form.peildatum_or_today()


def require_role(request: HttpRequest, *roles: str) -> None:
    """Outside these roles the page does not exist for the user: 404, never 403."""
    if not has_role(request.user, *roles):
        raise Http404


def paginate(request: HttpRequest, items: Any) -> Page:
    return Paginator(items, PAGE_SIZE).get_page(request.GET.get("pagina"))


def query_without_page(request: HttpRequest) -> str:
    params = request.GET.copy()
    params.pop("pagina", None)
    return params.urlencode()


def history_of(obj: Any, user: Any) -> list[ShownEntry]:
    """The latest audit entries of an object: who changed what, when; special-category data
    only as far as the user's roles may see it."""
    entries = LogEntry.objects.get_for_object(obj).select_related("actor", "content_type")
    return shown_entries(entries.order_by("-timestamp")[:50], roles_of(user))


def csv_download(content: str, filename: str) -> HttpResponse:
    """A CSV text as a download named `filename`."""
    response = HttpResponse(content, content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response

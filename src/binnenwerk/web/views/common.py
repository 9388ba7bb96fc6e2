"""What every page needs: the peildatum from the query string, pagination, 404 outside scope."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.paginator import Page, Paginator
from django.http import HttpRequest

from binnenwerk.web.forms import PeildatumForm

PAGE_SIZE = 50


def peildatum_of(request: HttpRequest) -> tuple[PeildatumForm, dt.date]:
    form = PeildatumForm(request.GET or None)
    return form, form.peildatum_or_today()


def paginate(request: HttpRequest, items: Any) -> Page:
    return Paginator(items, PAGE_SIZE).get_page(request.GET.get("pagina"))


def query_without_page(request: HttpRequest) -> str:
    params = request.GET.copy()
    params.pop("pagina", None)
    return params.urlencode()


def history_of(obj: Any) -> list[Any]:
    """The latest audit entries of an object: who changed what, when."""
    from auditlog.models import LogEntry

    return list(
        LogEntry.objects.get_for_object(obj).select_related("actor").order_by("-timestamp")[:50]
    )

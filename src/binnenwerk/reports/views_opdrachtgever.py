"""The client statement (opdrachtgeversrapportage) as a page, a PDF and a workbook.

The report roles open any client's statement, a client contact only that of their own
organisation and its sub-organisations (reports.scope); anything else answers 404, as does an
unknown client, a year outside 2000–2100 or a quarter other than 1–4.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any
from urllib.parse import urlencode

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.urls import reverse

from binnenwerk.accounts.constants import Rol
from binnenwerk.organisation.models import Organisatie
from binnenwerk.reports import opdrachtgever_presenters as presenters
from binnenwerk.reports.constants import MIN_JAAR, SEES_REPORT
from binnenwerk.reports.opdrachtgever import (
    Opdrachtgeverrapportage,
    clients,
    first_placement,
    opdrachtgever_rapportage,
)
from binnenwerk.reports.pdf import html_to_pdf, pdf_response
from binnenwerk.reports.scope import require_client_statement, sees_report
from binnenwerk.reports.views import check_year
from binnenwerk.web.views.common import require_role

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
KWARTALEN = (1, 2, 3, 4)


def _year(value: Any) -> int:
    try:
        jaar = int(value)
    except (TypeError, ValueError):
        raise Http404 from None
    check_year(jaar)
    return jaar


def _quarter(request: HttpRequest) -> int | None:
    """?kwartaal=1..4, empty or absent for the whole year; anything else: 404."""
    value = request.GET.get("kwartaal", "")
    if value == "":
        return None
    if value not in {str(k) for k in KWARTALEN}:
        raise Http404
    return int(value)


def _last_complete_year() -> int:
    return dt.date.today().year - 1


def _checked(request: HttpRequest, code: str, jaar: int) -> int | None:
    """Every check that answers 404; returns the quarter asked for (None: the whole year)."""
    require_client_statement(request, code)
    _year(jaar)
    kwartaal = _quarter(request)
    if not Organisatie.objects.filter(code=code).exists():
        raise Http404
    return kwartaal


def _statement(request: HttpRequest, code: str, jaar: int) -> Opdrachtgeverrapportage:
    return opdrachtgever_rapportage(code, jaar, _checked(request, code, jaar))


def _url(name: str, code: str, jaar: int, kwartaal: int | None) -> str:
    url = reverse(name, kwargs={"code": code, "jaar": jaar})
    return f"{url}?{urlencode({'kwartaal': kwartaal})}" if kwartaal else url


def _filename(rapport: Opdrachtgeverrapportage, suffix: str) -> str:
    code = re.sub(r"[^A-Za-z0-9_-]", "", rapport.opdrachtgever.code)
    quarter = f"-K{rapport.kwartaal}" if rapport.kwartaal else ""
    return f"opdrachtgeversrapportage-{code}-{rapport.jaar}{quarter}.{suffix}"


def _years(codes: frozenset[str] | None, jaar: int) -> list[int]:
    """The years to choose from: from the first placement these clients (None: any client)
    funded to this year, and the one shown."""
    today = dt.date.today().year
    first = first_placement(codes)
    start = first.year if first else today - 1
    return sorted({*range(max(start, MIN_JAAR), today + 1), jaar}, reverse=True)


def opdrachtgevers(request: HttpRequest) -> HttpResponse:
    """The navigation's entry: a client contact goes to their own statement for the last
    complete year; the report roles choose a client and a year from a list."""
    require_role(request, *SEES_REPORT, Rol.OPDRACHTGEVER)
    if not sees_report(request.user):
        profile = getattr(request.user, "profiel", None)
        if profile is None or profile.organisatie_id is None:
            raise Http404
        return redirect(
            "reports:opdrachtgever-rapportage",
            code=profile.organisatie.code,
            jaar=_last_complete_year(),
        )
    jaar = _year(request.GET["jaar"]) if request.GET.get("jaar") else _last_complete_year()
    return render(
        request,
        "reports/opdrachtgevers.html",
        {
            "jaar": jaar,
            "jaren": _years(None, jaar),
            "kwartalen": KWARTALEN,
            "opdrachtgevers": clients(),
        },
    )


def rapportage(request: HttpRequest, code: str, jaar: int) -> HttpResponse:
    kwartaal = _checked(request, code, jaar)
    if request.GET.get("jaar"):  # the period form: go to the chosen year's own address
        chosen = _year(request.GET["jaar"])
        return redirect(_url("reports:opdrachtgever-rapportage", code, chosen, kwartaal))
    rapport = opdrachtgever_rapportage(code, jaar, kwartaal)
    context = {
        **presenters.context(rapport),
        "jaren": _years(rapport.codes, jaar),
        "kwartalen": KWARTALEN,
        "pdf_url": _url("reports:opdrachtgever-pdf", code, jaar, rapport.kwartaal),
        "xlsx_url": _url("reports:opdrachtgever-xlsx", code, jaar, rapport.kwartaal),
        "naar_lijst": sees_report(request.user),
    }
    return render(request, "reports/opdrachtgever.html", context)


def pdf_bytes(rapport: Opdrachtgeverrapportage) -> bytes:
    html = render_to_string("reports/opdrachtgever_pdf.html", presenters.context(rapport))
    return html_to_pdf(html)


def pdf(request: HttpRequest, code: str, jaar: int) -> HttpResponse:
    rapport = _statement(request, code, jaar)
    return pdf_response(lambda: pdf_bytes(rapport), _filename(rapport, "pdf"))


def xlsx(request: HttpRequest, code: str, jaar: int) -> HttpResponse:
    rapport = _statement(request, code, jaar)
    response = HttpResponse(presenters.xlsx(rapport), content_type=XLSX)
    response["Content-Disposition"] = f'attachment; filename="{_filename(rapport, "xlsx")}"'
    return response

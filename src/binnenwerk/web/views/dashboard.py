"""Login and the dashboard (with its CSV downloads)."""

from __future__ import annotations

import datetime as dt
import io
from decimal import Decimal
from typing import Any

from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_not_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.decorators import method_decorator
from openpyxl import Workbook

from binnenwerk.accounts.constants import Rol
from binnenwerk.accounts.selectors import roles_of
from binnenwerk.contracts.selectors import overdue_count
from binnenwerk.dataversion import cached
from binnenwerk.formatting import csv_writer, decimal_str, xlsx_append
from binnenwerk.web import dashboard
from binnenwerk.web.password_change import SEEN_KEY
from binnenwerk.web.views.common import peildatum_of

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@method_decorator(login_not_required, name="dispatch")
class LoginView(auth_views.LoginView):
    template_name = "web/login.html"
    redirect_authenticated_user = True

    def form_valid(self, form: Any) -> HttpResponse:
        response = super().form_valid(form)
        # A new sign-in: the account's notices are shown again (web/password_change.py).
        self.request.session.pop(SEEN_KEY, None)
        return response


def dashboard_view(request: HttpRequest) -> HttpResponse:
    form, peildatum = peildatum_of(request)
    board = _board(request, peildatum)
    if board is None and roles_of(request.user) == {Rol.MONITOR}:
        return redirect("monitor:tabel")  # a monitor coordinator's home is the monitor
    if board is None and roles_of(request.user) == {Rol.PRIVACY}:
        return redirect("web:toegang")  # the privacy officer's only page: the access log
    overdue = cached(
        "achterstand", (request.user.pk, peildatum), lambda: overdue_count(request.user, peildatum)
    )
    context = {"form": form, "board": board, "achterstand": overdue}
    return render(request, "web/dashboard.html", context)


def dashboard_download(request: HttpRequest, name: str, suffix: str) -> HttpResponse:
    """One dashboard chart as SVG, or the numbers behind it as CSV (decimal point) or a workbook.

    The page links its charts as images: drawing one costs ~100 ms the first time, and the
    page's own HTML (with the same numbers as tables) need not wait for it.
    """
    _, peildatum = peildatum_of(request)
    board = _board(request, peildatum)
    if board is None or name not in board.tables or not board.tables[name].rows:
        raise Http404
    table = board.tables[name]
    if suffix == "svg":
        svg = dashboard.chart_svg(board, name)
        return HttpResponse(svg, content_type="image/svg+xml; charset=utf-8")
    filename = f"{name}-{peildatum}.{suffix}"
    if suffix == "xlsx":
        response = HttpResponse(content=_workbook(table), content_type=XLSX)
    else:
        response = HttpResponse(content_type="text/csv; charset=utf-8")
        writer = csv_writer(response)
        writer.writerow(table.headers)
        for row in table.rows:
            writer.writerow([_plain(v) for v in row])
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def _board(request: HttpRequest, peildatum: dt.date) -> dashboard.Dashboard | None:
    """The page and each of its charts ask the same numbers: computed once per data version."""
    return cached(
        "dashboard", (request.user.pk, peildatum), lambda: dashboard.build(request.user, peildatum)
    )


def _workbook(table: dashboard.Table) -> bytes:
    """Numbers as numbers and dates as dates, so the sheet can be calculated with."""
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = table.name[:31]
    xlsx_append(sheet, table.headers)
    for row in table.rows:
        xlsx_append(sheet, [float(v) if isinstance(v, Decimal) else v for v in row])
    for cells in sheet.iter_rows(min_row=2):
        for cell in cells:
            if isinstance(cell.value, dt.date):
                cell.number_format = "dd-mm-yyyy"
            elif isinstance(cell.value, float):
                cell.number_format = "0.00"
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _plain(value: object) -> str:
    if isinstance(value, Decimal):
        return decimal_str(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)

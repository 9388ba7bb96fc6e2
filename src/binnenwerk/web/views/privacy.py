"""The privacy officer's page (functionaris gegevensbescherming): search the access log of
reads of special-category data and of exports, and download the search as CSV (that download
is itself logged). Every other role gets 404 here, and the privacy officer gets 404 on every
other page: least privilege. The BSN never appears on this page or in its CSV."""

from __future__ import annotations

from typing import Any

from django import forms
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _

from binnenwerk.accounts.constants import READS_ACCESS_LOG
from binnenwerk.coaching.access_log import AccessFilter, access_log_csv, access_log_search
from binnenwerk.coaching.constants import InzageSoort
from binnenwerk.coaching.services import export_log
from binnenwerk.web.views.common import csv_download, paginate, query_without_page, require_role

CSV_NAME = "toegangslog.csv"


def _date_field(label: Any) -> forms.DateField:
    return forms.DateField(
        label=label,
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )


class AccessFilterForm(forms.Form):
    gebruiker = forms.CharField(label=_("User"), required=False, max_length=150)
    persoon = forms.CharField(
        label=_("Employee"),
        required=False,
        max_length=100,
        help_text=_("Personnel number or name."),
    )
    soort = forms.ChoiceField(
        label=_("Kind"),
        required=False,
        choices=[("", _("All")), *InzageSoort.choices],
    )
    van = _date_field(_("From"))
    tot = _date_field(_("Up to and including"))

    def chosen(self) -> AccessFilter:
        if not self.is_valid():
            return AccessFilter()
        data = self.cleaned_data
        return AccessFilter(
            gebruiker=data["gebruiker"].strip(),
            persoon=data["persoon"].strip(),
            soort=data["soort"],
            van=data["van"],
            tot=data["tot"],
        )


def _search(request: HttpRequest) -> tuple[AccessFilterForm, AccessFilter]:
    require_role(request, *READS_ACCESS_LOG)
    form = AccessFilterForm(request.GET or None)
    return form, form.chosen()


def access_log_page(request: HttpRequest) -> HttpResponse:
    form, chosen = _search(request)
    query = query_without_page(request)
    return render(
        request,
        "web/privacy/toegang.html",
        {
            "form": form,
            "page": paginate(request, access_log_search(chosen)),
            "query": query,
        },
    )


def access_log_download(request: HttpRequest) -> HttpResponse:
    _form, chosen = _search(request)
    rows = access_log_search(chosen)
    content = access_log_csv(rows)
    people = rows.exclude(medewerker=None).order_by().values("medewerker").distinct().count()
    export_log(
        actor=request.user, naam=f"export {CSV_NAME}", aantal=people, scope=chosen.describe()
    )
    return csv_download(content, CSV_NAME)

"""A quarter's publication: Table 1 of the monitor as published (or today's, as a concept),
publishing it (administrator, only once the quarter has ended) and the cells of Table 1
that corrections have changed since. Any role outside SEES_REPORT gets 404."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from binnenwerk.monitor.presenters import footnote, headers
from binnenwerk.monitor.quarters import Kwartaal
from binnenwerk.reports import differences, presenters, selectors, services
from binnenwerk.reports.constants import PUBLISHES, SEES_REPORT, TABEL1_KOLOMMEN
from binnenwerk.reports.scope import publishes
from binnenwerk.reports.views import check_year
from binnenwerk.web.views.common import require_role


def _quarter(jaar: int, k: int) -> Kwartaal:
    check_year(jaar)
    if not 1 <= k <= 4:
        raise Http404
    return Kwartaal(jaar, k)


def _common(jaar: int, k: int) -> dict[str, Any]:
    kwartaal = Kwartaal(jaar, k)
    return {
        "jaar": jaar,
        "k": k,
        "kwartaal": kwartaal,
        "peildatum": kwartaal.last_day,
        "afgelopen": kwartaal.last_day < timezone.localdate(),
        "publicatie": selectors.huidige_publicatie(jaar, k),
    }


def kwartaal(request: HttpRequest, jaar: int, k: int) -> HttpResponse:
    require_role(request, *SEES_REPORT)
    _quarter(jaar, k)
    context = _common(jaar, k)
    publicatie = context["publicatie"]
    rows = (
        selectors.snapshot(publicatie).tabel1
        if publicatie is not None
        else selectors.kwartaal_tabel1(jaar, k)
    )
    context.update(
        {
            "headers": headers(),
            "rijen": presenters.tabel1_rows(rows),
            "footnote": footnote(),
            "geschiedenis": list(selectors.publicaties(jaar, k).order_by("-published_at", "-id")),
            "mag_publiceren": publishes(request.user),
        }
    )
    return render(request, "reports/kwartaal.html", context)


@require_http_methods(["GET", "POST"])
def publiceren(request: HttpRequest, jaar: int, k: int) -> HttpResponse:
    require_role(request, *PUBLISHES)
    _quarter(jaar, k)
    context = _common(jaar, k)
    fout = ""
    reden = ""
    if request.method == "POST":
        reden = request.POST.get("reden", "")
        try:
            services.publicatie_create(actor=request.user, jaar=jaar, kwartaal=k, reden=reden)
        except ValidationError as error:
            fout = " ".join(error.messages)
        else:
            messages.success(
                request,
                _("The figures of quarter %(quarter)s of %(year)s are published.")
                % {"quarter": k, "year": jaar},
            )
            return redirect("reports:kwartaal", jaar=jaar, k=k)
    context.update({"vorige": context["publicatie"], "fout": fout, "reden": reden})
    return render(request, "reports/kwartaal_publiceren.html", context, status=400 if fout else 200)


def verschillen(request: HttpRequest, jaar: int, k: int) -> HttpResponse:
    require_role(request, *SEES_REPORT)
    _quarter(jaar, k)
    context = _common(jaar, k)
    publicatie = context["publicatie"]
    if publicatie is not None:
        result = differences.verschillen(publicatie)
        columns = dict(zip(TABEL1_KOLOMMEN, headers()[1:], strict=True))
        context["cellen"] = [
            {
                "rij": c.naam,
                "kolom": columns[c.kolom],
                "sleutel": f"{c.code or 'totaal'}.{c.kolom}",
                "gepubliceerd": presenters.tabel1_cell(c.kolom, c.gepubliceerd),
                "nu": presenters.tabel1_cell(c.kolom, c.nu),
                "verschil": c.verschil,
            }
            for c in result.cellen
        ]
        context["oorzaken"] = result.oorzaken
    return render(request, "reports/kwartaal_verschillen.html", context)

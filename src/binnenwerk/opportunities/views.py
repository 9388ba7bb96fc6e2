"""Growth opportunities: the forecast against the goal and the ideas behind it.

Management, recruitment and the administrator see them; only the administrator changes
them. Clients get 404: the pipeline holds Binnenwerk's own assessments of talks that are
still going on (probabilities, other clients' plans), not their jobs.
"""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext as _

from binnenwerk.accounts.selectors import has_role
from binnenwerk.opportunities import charts, presenters, selectors, services
from binnenwerk.opportunities.constants import CHANGES_OPPORTUNITIES, SEES_OPPORTUNITIES
from binnenwerk.opportunities.forms import KansForm
from binnenwerk.opportunities.models import Kans
from binnenwerk.web.views.common import csv_download, peildatum_of, require_role
from binnenwerk.web.views.forms_people import service_form


def overzicht(request: HttpRequest) -> HttpResponse:
    require_role(request, *SEES_OPPORTUNITIES)
    form, peildatum = peildatum_of(request)
    result = selectors.prognose(peildatum)
    kansen = list(selectors.kansen_lijst())
    context: dict[str, Any] = {
        "form": form,
        "prognose": result,
        "svg": charts.prognose_chart(
            tuple((p.datum, p.gerealiseerd, p.prognose) for p in result.punten), result.doel
        ),
        "kansen": kansen,
        "in_prognose": {b.kans.pk for b in result.bijdragen},
        "mag_wijzigen": has_role(request.user, *CHANGES_OPPORTUNITIES),
    }
    return render(request, "opportunities/overzicht.html", context)


def prognose_download(request: HttpRequest) -> HttpResponse:
    require_role(request, *SEES_OPPORTUNITIES)
    _, peildatum = peildatum_of(request)
    result = selectors.prognose(peildatum)
    filename = f"prognose-banen-{peildatum.isoformat()}.csv"
    return csv_download(presenters.prognose_csv(result), filename)


def kansen_download(request: HttpRequest) -> HttpResponse:
    require_role(request, *SEES_OPPORTUNITIES)
    return csv_download(presenters.kansen_csv(selectors.kansen_lijst()), "kansrijke-ideeen.csv")


def bewerken(request: HttpRequest, pk: int | None = None) -> HttpResponse:
    require_role(request, *CHANGES_OPPORTUNITIES)
    kans = get_object_or_404(Kans.objects.for_user(request.user), pk=pk) if pk else None

    def save(data: dict[str, Any]) -> Kans:
        fields = {name: data[name] for name in KansForm.Meta.fields}
        if kans is None:
            return services.kans_create(actor=request.user, **fields)
        return services.kans_update(actor=request.user, kans=kans, **fields)

    return service_form(
        request,
        KansForm(request.POST or None, instance=kans),
        save,
        done=lambda saved: (
            _("The idea “%(title)s” is saved.") % {"title": saved.titel},
            "opportunities:overzicht",
        ),
        # asked after validation, which has put the values typed on `kans`
        title=lambda: (
            _("New idea") if kans is None else _("Change “%(title)s”") % {"title": kans.titel}
        ),
        button=_("Save"),
        back="/kansen/",
    )

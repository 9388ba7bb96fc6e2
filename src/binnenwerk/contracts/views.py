"""The contract clock's pages: the worklist (names for deciders, counts for management and
the administrator), the decision form, recent decisions, and the worklist as CSV."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from functools import wraps
from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from binnenwerk.contracts import presenters
from binnenwerk.contracts.chain import Periode, keten
from binnenwerk.contracts.constants import Besluit
from binnenwerk.contracts.forms import BesluitForm, WerklijstForm
from binnenwerk.contracts.models import Contractbesluit
from binnenwerk.contracts.selectors import (
    besluiten_for,
    dienstverbanden_for,
    extension_room,
    may_decide,
    previous_fixed,
    sees_counts,
    tellingen,
    werklijst,
)
from binnenwerk.contracts.services import contractbesluit_create
from binnenwerk.formatting import date_nl
from binnenwerk.people.constants import ContractSoort
from binnenwerk.web.views.common import paginate, peildatum_of, query_without_page
from binnenwerk.web.views.forms_people import show_errors

ONE_DAY = dt.timedelta(days=1)


def explained_404(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Outside the user's scope the answer is 404, with a Dutch page that says what that means
    (it does not tell whether the contract exists)."""

    @wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        try:
            return view(request, *args, **kwargs)
        except Http404:
            return render(request, "contracts/niet_gevonden.html", status=404)

    return wrapper


def _name(person: Any) -> str:
    return f"{person.voornaam} {person.achternaam}"


@explained_404
def werklijst_page(request: HttpRequest) -> HttpResponse:
    if not sees_counts(request.user):
        raise Http404
    form = WerklijstForm(request.GET or None)
    peildatum, weken = form.chosen()
    items = werklijst(request.user, peildatum, weken)
    names = may_decide(request.user)
    return render(
        request,
        "contracts/werklijst.html",
        {
            "form": form,
            "peildatum": peildatum,
            "weken": weken,
            "items": items if names else [],
            "tellingen": [] if names else tellingen(items),
            "toon_namen": names,
            "aantal": len(items),
            "te_laat": sum(1 for i in items if i.te_laat),
        },
    )


@explained_404
def werklijst_csv(request: HttpRequest) -> HttpResponse:
    if not sees_counts(request.user):
        raise Http404
    peildatum, weken = WerklijstForm(request.GET or None).chosen()
    items = werklijst(request.user, peildatum, weken)
    if may_decide(request.user):
        text = presenters.werklijst_csv(items)
    else:
        text = presenters.tellingen_csv(tellingen(items))
    response = HttpResponse(text, content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = (
        f'attachment; filename="contractklok-{peildatum:%Y-%m-%d}.csv"'
    )
    return response


def _initial(contract: Any) -> dict[str, Any]:
    initial: dict[str, Any] = {"uren_per_week": contract.uren_per_week}
    if contract.einde is not None:
        initial["ingangsdatum"] = contract.einde + ONE_DAY
    return initial


@explained_404
def besluit_page(request: HttpRequest, pk: int) -> HttpResponse:
    if not may_decide(request.user):
        raise Http404
    peildatum = peildatum_of(request)[1]
    contract = get_object_or_404(
        dienstverbanden_for(request.user, peildatum)
        .filter(soort=ContractSoort.BEPAALD)
        .select_related("medewerker"),
        pk=pk,
    )
    person = contract.medewerker
    if Contractbesluit.objects.filter(dienstverband=contract).exists():
        messages.info(
            request,
            _("There is already a decision about this contract of %(name)s.")
            % {"name": _name(person)},
        )
        return redirect("contracts:besluiten")
    form = BesluitForm(request.POST or None, initial=_initial(contract))
    if request.method == "POST" and form.is_valid():
        try:
            decision = contractbesluit_create(
                actor=request.user, dienstverband=contract, **form.cleaned_data
            )
        except ValidationError as error:
            show_errors(form, error)
        else:
            messages.success(request, _outcome(decision, _name(person)))
            return redirect(reverse("contracts:besluiten"))
    chain = keten(previous_fixed(contract), Periode(contract.start, contract.einde))
    return render(
        request,
        "contracts/besluit.html",
        {
            "form": form,
            "contract": contract,
            "medewerker": person,
            "keten": chain,
            "ruimte": extension_room(chain),
            "peildatum": peildatum,
        },
    )


def _outcome(decision: Contractbesluit, name: str) -> str:
    new = decision.nieuw_dienstverband
    if decision.besluit == Besluit.VAST and new is not None:
        return _("%(name)s has a permanent contract from %(date)s.") % {
            "name": name,
            "date": date_nl(new.start),
        }
    if decision.besluit == Besluit.VERLENGEN and new is not None and new.einde is not None:
        return _("%(name)s has a new fixed-term contract from %(start)s to %(end)s.") % {
            "name": name,
            "start": date_nl(new.start),
            "end": date_nl(new.einde),
        }
    assert decision.einde is not None
    return _("The contract of %(name)s ends on %(date)s.") % {
        "name": name,
        "date": date_nl(decision.einde),
    }


@explained_404
def besluiten_page(request: HttpRequest) -> HttpResponse:
    if not may_decide(request.user):
        raise Http404
    peildatum = peildatum_of(request)[1]
    page = paginate(request, besluiten_for(request.user, peildatum))
    return render(
        request,
        "contracts/besluiten.html",
        {"page": page, "peildatum": peildatum, "query": query_without_page(request)},
    )

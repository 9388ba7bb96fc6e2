"""HR's changes to people and contracts, through the services (Dutch messages at the fields)."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from binnenwerk.accounts.constants import CHANGES_PEOPLE
from binnenwerk.accounts.selectors import has_role, medewerkers_for
from binnenwerk.formatting import date_nl
from binnenwerk.people import services
from binnenwerk.people.models import Dienstverband
from binnenwerk.web.forms import (
    ContractEindeForm,
    ContractVerlengenForm,
    NieuweMedewerkerForm,
    VerplaatsenForm,
)
from binnenwerk.web.views.common import peildatum_of

# Service field names that a form shows under another name.
FIELD_OF = {"start": "vanaf"}


def hr_only(request: HttpRequest) -> None:
    if not has_role(request.user, *CHANGES_PEOPLE):
        raise Http404


def show_errors(form: forms.BaseForm, error: ValidationError) -> None:
    """Put the service's messages next to the fields they are about (or above the form)."""
    for field, problems in error.message_dict.items():
        name = FIELD_OF.get(field, field)
        form.add_error(name if name in form.fields else None, problems)


def form_page(
    request: HttpRequest, form: forms.BaseForm, title: str, button: str, back: str
) -> Any:
    return render(
        request, "web/form.html", {"form": form, "title": title, "button": button, "back": back}
    )


def _full_name(person: Any) -> str:
    return f"{person.voornaam} {person.achternaam}"


def _person(request: HttpRequest, nummer: str) -> Any:
    peildatum = peildatum_of(request)[1]
    return get_object_or_404(medewerkers_for(request.user, peildatum), personeelsnummer=nummer)


def medewerker_move(request: HttpRequest, nummer: str) -> HttpResponse:
    hr_only(request)
    person = _person(request, nummer)
    form = VerplaatsenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            plaatsing = services.plaatsing_move(
                actor=request.user, medewerker=person, **form.cleaned_data
            )
        except ValidationError as error:
            show_errors(form, error)
        else:
            messages.success(
                request,
                _("%(name)s works from %(date)s in %(team)s for %(client)s.")
                % {
                    "name": _full_name(person),
                    "date": date_nl(plaatsing.start),
                    "team": plaatsing.team.naam,
                    "client": plaatsing.opdrachtgever.naam,
                },
            )
            return redirect("web:medewerker", nummer=person.personeelsnummer)
    return form_page(
        request,
        form,
        _("Move %(name)s") % {"name": _full_name(person)},
        _("Move"),
        f"/medewerkers/{person.personeelsnummer}/",
    )


def medewerker_new(request: HttpRequest) -> HttpResponse:
    hr_only(request)
    form = NieuweMedewerkerForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        person_fields = {f: data.pop(f) for f in NieuweMedewerkerForm.PERSON_FIELDS}
        person_fields["bsn"] = person_fields["bsn"] or ""
        try:
            person = services.medewerker_hire(actor=request.user, medewerker=person_fields, **data)
        except ValidationError as error:
            show_errors(form, error)
        else:
            messages.success(request, _("%(name)s has been hired.") % {"name": _full_name(person)})
            return redirect("web:medewerker", nummer=person.personeelsnummer)
    return form_page(request, form, _("New employee"), _("Hire"), "/medewerkers/")


def _contract(request: HttpRequest, nummer: str, pk: int) -> Dienstverband:
    person = _person(request, nummer)
    return get_object_or_404(Dienstverband, pk=pk, medewerker=person)


def contract_end(request: HttpRequest, nummer: str, pk: int) -> HttpResponse:
    hr_only(request)
    contract = _contract(request, nummer, pk)
    form = ContractEindeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.dienstverband_end(
                actor=request.user, dienstverband=contract, einde=form.cleaned_data["einde"]
            )
        except ValidationError as error:
            show_errors(form, error)
        else:
            messages.success(
                request,
                _("Contract ends on %(date)s.") % {"date": date_nl(form.cleaned_data["einde"])},
            )
            return redirect("web:medewerker", nummer=nummer)
    return form_page(request, form, _("End contract"), _("End"), f"/medewerkers/{nummer}/")


def contract_extend(request: HttpRequest, nummer: str, pk: int) -> HttpResponse:
    hr_only(request)
    contract = _contract(request, nummer, pk)
    form = ContractVerlengenForm(
        request.POST or None,
        initial={"uren_per_week": contract.uren_per_week, "soort": contract.soort},
    )
    if request.method == "POST" and form.is_valid():
        try:
            new = services.dienstverband_extend(
                actor=request.user, dienstverband=contract, **form.cleaned_data
            )
        except ValidationError as error:
            show_errors(form, error)
        else:
            messages.success(
                request, _("New contract from %(date)s.") % {"date": date_nl(new.start)}
            )
            return redirect("web:medewerker", nummer=nummer)
    return form_page(request, form, _("Extend contract"), _("Extend"), f"/medewerkers/{nummer}/")

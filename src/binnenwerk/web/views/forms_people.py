"""HR's changes to people and contracts, through the services (Dutch messages at the fields)."""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Mapping, Sequence
from types import MappingProxyType
from typing import Any, TypeVar

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from binnenwerk import locking
from binnenwerk.accounts.constants import CHANGES_PEOPLE
from binnenwerk.accounts.selectors import medewerkers_for
from binnenwerk.formatting import date_nl
from binnenwerk.people import services
from binnenwerk.people.models import Dienstverband, Medewerker, Plaatsing
from binnenwerk.web.forms import (
    ContractEindeForm,
    ContractVerlengenForm,
    MedewerkerForm,
    NieuweMedewerkerForm,
    VerplaatsenForm,
)
from binnenwerk.web.views.common import peildatum_of, require_role

# Service field names that a form shows under another name.
FIELD_OF: Mapping[str, str] = MappingProxyType({"start": "vanaf"})
# For forms that call every field by the service's name.

T = TypeVar("T")


def hr_only(request: HttpRequest) -> None:
    require_role(request, *CHANGES_PEOPLE)


def show_errors(
    form: forms.BaseForm, error: ValidationError, renames: Mapping[str, str] = FIELD_OF
) -> None:
    """Put the service's messages next to the fields they are about (or above the form);
    `renames` maps a service field to the form field that shows it."""
    for field, problems in error.message_dict.items():
        # The renamed field where the form has it, else the service's own name, else on top.
        name = next((n for n in (renames.get(field), field) if n in form.fields), None)
        form.add_error(name, problems)


def form_page(
    request: HttpRequest,
    form: forms.BaseForm,
    title: str,
    button: str,
    back: str,
    template: str = "web/form.html",
    extra: Mapping[str, Any] = MappingProxyType({}),
) -> Any:
    context = {"form": form, "title": title, "button": button, "back": back, **extra}
    return render(request, template, context)


def service_form(
    request: HttpRequest,
    form: forms.BaseForm,
    save: Callable[[dict[str, Any]], T],
    *,
    done: Callable[[T], tuple[str, str]],
    title: str | Callable[[], str],
    button: str,
    back: str,
    renames: Mapping[str, str] = FIELD_OF,
    versions: Sequence[locking.Source] = (),
    template: str = "web/form.html",
    extra: Mapping[str, Any] = MappingProxyType({}),
) -> HttpResponse:
    """Show `form` on web/form.html; on a valid POST call `save(form.cleaned_data)` (a
    service call). Its ValidationError goes next to the fields (see `show_errors`) and the
    form shows again; on success `done(result)` gives the message and where to go (what
    `redirect` takes). A callable `title` is asked only when the form is shown: after the
    POST, for a title built from an object that validation may have changed.

    `versions` (records or querysets) makes it an edit form with optimistic locking
    (binnenwerk.locking): the save is refused when they changed since the form was opened, and
    the form shows again with the user's input and the new version. `template` and `extra`
    show the form on another page that extends web/form.html."""
    if versions:
        locking.add_version_field(form, *versions)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        token = data.pop(locking.FIELD, "") or ""
        guard = locking.versioned(token, *versions) if versions else contextlib.nullcontext()
        try:
            with guard:
                result = save(data)
        except locking.StaleVersion as error:
            form.add_error(None, error)
            locking.refresh_version(form, *versions)
        except ValidationError as error:
            show_errors(form, error, renames)
        else:
            message, url = done(result)
            messages.success(request, message)
            return redirect(url)
    shown_title = title() if callable(title) else title
    return form_page(request, form, shown_title, button, back, template, extra)


def _full_name(person: Any) -> str:
    return f"{person.voornaam} {person.achternaam}"


def _person(request: HttpRequest, nummer: str) -> Any:
    peildatum = peildatum_of(request)[1]
    return get_object_or_404(medewerkers_for(request.user, peildatum), personeelsnummer=nummer)


def medewerker_move(request: HttpRequest, nummer: str) -> HttpResponse:
    hr_only(request)
    person = _person(request, nummer)

    def done(plaatsing: Plaatsing) -> tuple[str, str]:
        message = _("%(name)s works from %(date)s in %(team)s for %(client)s.") % {
            "name": _full_name(person),
            "date": date_nl(plaatsing.start),
            "team": plaatsing.team.naam,
            "client": plaatsing.opdrachtgever.naam,
        }
        return message, _person_url(person.personeelsnummer)

    return service_form(
        request,
        VerplaatsenForm(request.POST or None),
        lambda data: services.plaatsing_move(actor=request.user, medewerker=person, **data),
        done=done,
        title=_("Move %(name)s") % {"name": _full_name(person)},
        button=_("Move"),
        back=f"/medewerkers/{person.personeelsnummer}/",
        versions=(Medewerker.objects.filter(pk=person.pk), person.plaatsingen.all()),
    )


def _person_url(nummer: str) -> str:
    return reverse("web:medewerker", kwargs={"nummer": nummer})


def medewerker_new(request: HttpRequest) -> HttpResponse:
    hr_only(request)

    def hire(cleaned: dict[str, Any]) -> Medewerker:
        data = dict(cleaned)
        person_fields = {f: data.pop(f) for f in NieuweMedewerkerForm.PERSON_FIELDS}
        person_fields["bsn"] = person_fields["bsn"] or ""
        return services.medewerker_hire(actor=request.user, medewerker=person_fields, **data)

    return service_form(
        request,
        NieuweMedewerkerForm(request.POST or None),
        hire,
        done=lambda person: (
            _("%(name)s has been hired.") % {"name": _full_name(person)},
            _person_url(person.personeelsnummer),
        ),
        title=_("New employee"),
        button=_("Hire"),
        back="/medewerkers/",
    )


def _contract(request: HttpRequest, nummer: str, pk: int) -> Dienstverband:
    person = _person(request, nummer)
    return get_object_or_404(Dienstverband, pk=pk, medewerker=person)


def contract_end(request: HttpRequest, nummer: str, pk: int) -> HttpResponse:
    hr_only(request)
    contract = _contract(request, nummer, pk)
    form = ContractEindeForm(request.POST or None)
    return service_form(
        request,
        form,
        lambda data: services.dienstverband_end(
            actor=request.user, dienstverband=contract, einde=data["einde"]
        ),
        done=lambda _result: (
            _("Contract ends on %(date)s.") % {"date": date_nl(form.cleaned_data["einde"])},
            _person_url(nummer),
        ),
        title=_("End contract"),
        button=_("End"),
        back=f"/medewerkers/{nummer}/",
        versions=(contract.medewerker.dienstverbanden.all(),),
    )


def contract_extend(request: HttpRequest, nummer: str, pk: int) -> HttpResponse:
    hr_only(request)
    contract = _contract(request, nummer, pk)
    form = ContractVerlengenForm(
        request.POST or None,
        initial={"uren_per_week": contract.uren_per_week, "soort": contract.soort},
    )
    return service_form(
        request,
        form,
        lambda data: services.dienstverband_extend(
            actor=request.user, dienstverband=contract, **data
        ),
        done=lambda new: (
            _("New contract from %(date)s.") % {"date": date_nl(new.start)},
            _person_url(nummer),
        ),
        title=_("Extend contract"),
        button=_("Extend"),
        back=f"/medewerkers/{nummer}/",
        versions=(contract.medewerker.dienstverbanden.all(),),
    )


def medewerker_edit(request: HttpRequest, nummer: str) -> HttpResponse:
    """A person's own details; refused when someone else saved them since the form opened."""
    hr_only(request)
    person = _person(request, nummer)
    fields = list(MedewerkerForm.base_fields)
    form = MedewerkerForm(request.POST or None, initial={f: getattr(person, f) for f in fields})
    record = Medewerker.objects.get(pk=person.pk)  # without the list's annotations
    return service_form(
        request,
        form,
        lambda data: services.medewerker_update(
            actor=request.user, medewerker=record, **{**data, "bsn": data["bsn"] or ""}
        ),
        done=lambda saved: (
            _("The details of %(name)s have been saved.") % {"name": _full_name(saved)},
            _person_url(saved.personeelsnummer),
        ),
        title=lambda: _("Change %(name)s") % {"name": _full_name(person)},
        button=_("Save"),
        back=_person_url(nummer),
        versions=(Medewerker.objects.filter(pk=person.pk),),
    )

"""Recruitment's forms: Dutch labels through gettext; the services do the checking."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from binnenwerk.organisation.models import Team, Werksoort
from binnenwerk.people.constants import ContractSoort
from binnenwerk.recruitment.constants import AFGESLOTEN, Fase, Herkomst, Indicatie
from binnenwerk.web.forms import DATE, PlacementFields, hours_field


def _open_teams() -> Any:
    return Team.objects.filter(einde__isnull=True).order_by("naam")


class KandidaatForm(forms.Form):
    voornaam = forms.CharField(label=_("First name"), max_length=100)
    achternaam = forms.CharField(label=_("Last name"), max_length=150)
    email = forms.EmailField(label=_("E-mail"), required=False)
    telefoon = forms.CharField(label=_("Phone"), max_length=30, required=False)
    herkomst = forms.ChoiceField(label=_("Came from"), choices=Herkomst.choices)
    indicatie = forms.ChoiceField(
        label=_("Target group indication"),
        choices=Indicatie.choices,
        help_text=_("Only whether UWV has confirmed it; never the reason."),
    )
    werksoort = forms.ModelChoiceField(
        queryset=Werksoort.objects.order_by("naam"),
        label=_("Work type"),
        required=False,
        empty_label=_("Choose"),
    )
    team = forms.ModelChoiceField(
        queryset=_open_teams(),
        label=_("Team"),
        required=False,
        empty_label=_("Choose"),
        help_text=_("A team or a work type is required."),
    )
    toestemming_bewaren = forms.BooleanField(
        label=_("Consent to keep details"),
        required=False,
        help_text=_(
            "The candidate agrees that their details are kept for a year after a rejection, "
            "for a later vacancy."
        ),
    )


class NieuweKandidaatForm(KandidaatForm):
    aangemeld_op = forms.DateField(label=_("Registered on"), widget=DATE, initial=dt.date.today)


class DatumForm(forms.Form):
    op = forms.DateField(label=_("Date"), widget=DATE, initial=dt.date.today)


class AfsluitenForm(forms.Form):
    fase = forms.ChoiceField(
        label=_("Outcome"),
        choices=[(f, Fase(f).label) for f in AFGESLOTEN],
    )
    reden = forms.CharField(label=_("Reason"), widget=forms.Textarea(attrs={"rows": 3}))
    op = forms.DateField(label=_("Date"), widget=DATE, initial=dt.date.today)


class ProefplaatsingForm(forms.Form):
    team = forms.ModelChoiceField(
        queryset=_open_teams(), label=_("Team"), empty_label=_("Choose a team")
    )
    start = forms.DateField(label=_("First day"), widget=DATE)
    einde = forms.DateField(
        label=_("Last day"),
        widget=DATE,
        help_text=_("2 to 6 months after the first day. A trial placement has no contract."),
    )


class AannemenForm(PlacementFields):
    personeelsnummer = forms.CharField(label=_("Personnel number"), max_length=30)
    geboortedatum = forms.DateField(label=_("Date of birth"), required=False, widget=DATE)
    bsn = forms.CharField(
        label=_("BSN"),
        max_length=12,
        required=False,
        help_text=_("9 digits; checked with the eleven test."),
    )
    start = forms.DateField(
        label=_("First working day"),
        widget=DATE,
        help_text=_("The jobs count from this day."),
    )
    uren_per_week = hours_field()
    soort = forms.ChoiceField(label=_("Type of contract"), choices=ContractSoort.choices)
    einde = forms.DateField(
        label=_("Last day of the contract"),
        required=False,
        widget=DATE,
        help_text=_("Empty for a permanent contract."),
    )
    field_order = [
        "personeelsnummer",
        "geboortedatum",
        "bsn",
        "start",
        "uren_per_week",
        "soort",
        "einde",
        "team",
        "opdrachtgever",
    ]


class JaarForm(forms.Form):
    jaar = forms.IntegerField(label=_("Year"), min_value=2000, max_value=2100, required=False)

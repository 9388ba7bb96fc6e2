"""The coaching forms: Dutch labels through gettext; the services validate and explain."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from binnenwerk.coaching.constants import MAX_NOTITIE, DoelStatus
from binnenwerk.coaching.models import Functieprofiel


def _date_field(label: Any, **kwargs: Any) -> forms.DateField:
    return forms.DateField(
        label=label,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        **kwargs,
    )


def _profiles() -> forms.ModelChoiceField:
    return forms.ModelChoiceField(
        queryset=Functieprofiel.objects.order_by("functiefamilie", "niveau", "naam"),
        label=_("Job profile"),
        empty_label=_("Choose a job profile"),
    )


class NotitieForm(forms.Form):
    datum = _date_field(_("Date"), initial=dt.date.today)
    tekst = forms.CharField(
        label=_("Note"),
        max_length=MAX_NOTITIE,
        strip=True,
        widget=forms.Textarea(attrs={"rows": 8, "cols": 60}),
        help_text=_(
            "What was discussed or observed at work. Never write down a diagnosis or the "
            "cause of an illness."
        ),
    )


class DoelForm(forms.Form):
    omschrijving = forms.CharField(
        label=_("Goal"), max_length=500, widget=forms.Textarea(attrs={"rows": 3, "cols": 60})
    )
    streefdatum = _date_field(_("Target date"), required=False)
    status = forms.ChoiceField(label=_("Status"), choices=DoelStatus.choices)
    functieprofiel = forms.ModelChoiceField(
        queryset=Functieprofiel.objects.order_by("functiefamilie", "niveau", "naam"),
        label=_("Aims at job profile"),
        required=False,
        empty_label=_("No job profile"),
        help_text=_("For a goal towards the next growth step."),
    )


class ToewijzingForm(forms.Form):
    functieprofiel = _profiles()
    start = _date_field(
        _("Starting from"),
        help_text=_("The first day in this profile; the previous profile ends the day before."),
    )

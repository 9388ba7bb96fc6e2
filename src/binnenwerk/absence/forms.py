"""The absence forms: Dutch labels through gettext; the services validate and explain."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django import forms
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from binnenwerk.absence.constants import Per, ZiekmeldingSoort

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
HINT_AARD = _(
    "Never write down the nature or cause of the illness: the employer may not record it "
    "(Autoriteit Persoonsgegevens)."
)


class _Described(forms.Form):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for name, field in self.fields.items():
            if field.help_text:
                field.widget.attrs["aria-describedby"] = f"id_{name}_helptext"


class PersonChoice(forms.ModelChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        return f"{obj.achternaam}, {obj.voornaam} ({obj.personeelsnummer})"


class ZiekmeldingForm(_Described):
    medewerker = PersonChoice(
        queryset=None,  # set per user in __init__
        label=_("Employee"),
        empty_label=_("Choose an employee"),
        help_text=HINT_AARD,
    )
    soort = forms.ChoiceField(
        label=_("Kind"), choices=ZiekmeldingSoort.choices, initial=ZiekmeldingSoort.ZIEK
    )
    start = forms.DateField(label=_("First sick day"), widget=DATE, initial=dt.date.today)

    def __init__(self, *args: Any, people: QuerySet[Any], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["medewerker"]
        assert isinstance(field, forms.ModelChoiceField)
        field.queryset = people


class HerstelForm(_Described):
    hersteld_per = forms.DateField(
        label=_("Recovered as of"),
        widget=DATE,
        help_text=_(
            "The first day the employee works fully again; the absence ends the day before."
        ),
    )


class HerstelperiodeForm(_Described):
    start = forms.DateField(label=_("From"), widget=DATE)
    einde = forms.DateField(
        label=_("Up to and including"),
        widget=DATE,
        required=False,
        help_text=_("Empty: until the absence ends."),
    )
    werkt_procent = forms.IntegerField(
        label=_("Works (percentage of the contract hours)"), min_value=1, max_value=99
    )


class AfrondenForm(_Described):
    gedaan_op = forms.DateField(label=_("Done on"), widget=DATE, initial=dt.date.today)


class NormForm(_Described):
    jaar = forms.IntegerField(label=_("Year"), min_value=2000, max_value=2100)
    percentage = forms.DecimalField(
        label=_("Norm (percentage)"),
        min_value=0,
        max_value=100,
        decimal_places=2,
        max_digits=5,
        localize=True,
    )


class CijfersForm(forms.Form):
    jaar = forms.IntegerField(label=_("Year"), min_value=2000, max_value=2100, required=False)
    kwartaal = forms.TypedChoiceField(
        label=_("Quarter"),
        coerce=int,
        required=False,
        empty_value=None,
        choices=[("", _("Whole year")), *[(q, f"Q{q}") for q in range(1, 5)]],
    )
    maand = forms.TypedChoiceField(
        label=_("Month"),
        coerce=int,
        required=False,
        empty_value=None,
        choices=[("", _("Whole year or quarter")), *[(m, f"{m:02d}") for m in range(1, 13)]],
    )
    per = forms.ChoiceField(label=_("Per"), choices=Per.choices, required=False)

    def values(self, default_year: int) -> tuple[int, int | None, int | None, str]:
        if not self.is_valid():
            return default_year, None, None, Per.ORGANISATIE
        data = self.cleaned_data
        return (
            data.get("jaar") or default_year,
            data.get("kwartaal"),
            data.get("maand"),
            data.get("per") or Per.ORGANISATIE,
        )

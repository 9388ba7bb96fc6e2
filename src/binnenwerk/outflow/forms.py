"""The outflow forms: the year to show, and HR's form to end someone's employment."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from binnenwerk.outflow.constants import Reden

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class JaarForm(forms.Form):
    jaar = forms.IntegerField(label=_("Year"), min_value=2000, max_value=2100, required=False)

    def jaar_or(self, default: int) -> int:
        if self.is_valid() and self.cleaned_data.get("jaar"):
            return int(self.cleaned_data["jaar"])
        return default


class UitstroomForm(forms.Form):
    personeelsnummer = forms.CharField(label=_("Personnel number"), max_length=30)
    datum = forms.DateField(
        label=_("Last day of employment"),
        widget=DATE,
        help_text=_("The contract and placement running on this day end on it."),
    )
    reden = forms.ChoiceField(
        label=_("Reason"), choices=[("", _("Choose a reason")), *Reden.choices]
    )
    nieuwe_werkgever = forms.CharField(
        label=_("New employer"),
        max_length=200,
        required=False,
        help_text=_("Required for a move-on within the Rijk; allowed for regular work elsewhere."),
    )
    toelichting = forms.CharField(
        label=_("Explanation"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Do not write down anything about someone's health or illness."),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for name, field in self.fields.items():
            if field.help_text:
                field.widget.attrs["aria-describedby"] = f"id_{name}_helptext"

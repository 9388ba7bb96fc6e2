"""The contract clock's forms: which worklist to show, and a decision."""

from __future__ import annotations

import datetime as dt

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from binnenwerk.contracts.constants import Besluit
from binnenwerk.web.forms import DATE, hours_field


class WerklijstForm(forms.Form):
    peildatum = forms.DateField(
        label=_("Reference date"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )
    binnen = forms.IntegerField(label=_("Weeks ahead"), required=False, min_value=0, max_value=104)

    def chosen(self) -> tuple[dt.date, int]:
        """The peildatum (today when empty or wrong) and the weeks to look ahead."""
        data = self.cleaned_data if self.is_valid() else {}
        peildatum = data.get("peildatum") or dt.date.today()
        weken = data.get("binnen")
        return peildatum, settings.CONTRACTKLOK_WEKEN if weken is None else weken


class BesluitForm(forms.Form):
    besluit = forms.ChoiceField(
        label=_("Decision"), choices=Besluit.choices, widget=forms.RadioSelect
    )
    ingangsdatum = forms.DateField(
        label=_("Permanent from"),
        required=False,
        widget=DATE,
        help_text=_("Permanent: the first day of the permanent contract."),
    )
    einde = forms.DateField(
        label=_("Last day"),
        required=False,
        widget=DATE,
        help_text=_(
            "Extend: the last day of the new contract. End: the last day of this contract "
            "(empty: its current end date)."
        ),
    )
    uren_per_week = hours_field()
    reden = forms.CharField(
        label=_("Reason"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Required when the contract ends."),
    )
    keten_bevestigd = forms.BooleanField(
        label=_("I know that this extension passes the maximum of the chain rule"),
        required=False,
    )

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.fields["uren_per_week"].required = False
        self.fields["uren_per_week"].help_text = _("Empty: the hours of the current contract.")

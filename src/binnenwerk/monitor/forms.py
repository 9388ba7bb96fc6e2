"""The monitor's forms: Dutch labels through gettext, decimal comma accepted."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django import forms
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from binnenwerk.imports.uploads import LimitedUploadForm
from binnenwerk.monitor.models import Doelstelling
from binnenwerk.monitor.quarters import Kwartaal
from binnenwerk.organisation.models import Organisatie


def _decimal(label: Any, places: int = 2, **kwargs: Any) -> forms.DecimalField:
    return forms.DecimalField(
        label=label, localize=True, max_digits=12, decimal_places=places, min_value=0, **kwargs
    )


class KwartaalForm(forms.Form):
    kwartaal = forms.CharField(
        label=_("Quarter"),
        required=False,
        max_length=7,
        help_text=_("For example 2023Q4."),
    )

    def clean_kwartaal(self) -> Kwartaal | None:
        text = self.cleaned_data["kwartaal"]
        if not text:
            return None
        try:
            return Kwartaal.parse(text)
        except ValueError as error:
            raise forms.ValidationError(str(error)) from error


class CalculatorForm(forms.Form):
    fte = _decimal(_("Average FTE"), help_text=_("The employer's average FTE over the year."))
    voltijd_uren = _decimal(
        _("Full-time hours per week"),
        initial=Decimal(36),
        help_text=_("36 in the Rijk."),
    )
    percentage = _decimal(
        _("Quotum percentage"), places=3, help_text=_("For example 2,76 for 2023.")
    )


class QuotumForm(forms.Form):
    jaar = forms.IntegerField(label=_("Year"), min_value=2015, max_value=2099)
    percentage = _decimal(_("Quotum percentage"), places=3)


class DoelstellingForm(forms.ModelForm):
    class Meta:
        model = Doelstelling
        fields = ["organisatie", "jaar", "fte", "voltijd_uren", "omschrijving"]
        localized_fields = ["fte", "voltijd_uren"]

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        organisatie = self.fields["organisatie"]
        assert isinstance(organisatie, forms.ModelChoiceField)
        organisatie.queryset = Organisatie.objects.order_by("code")
        organisatie.required = False
        organisatie.help_text = _("Leave empty for a target that no organisation carries yet.")


class KwartaalcijferForm(forms.Form):
    organisatie = forms.ModelChoiceField(
        label=_("Organisation"), queryset=Organisatie.objects.order_by("code")
    )
    jaar = forms.IntegerField(label=_("Year"), min_value=2015, max_value=2099)
    kwartaal = forms.IntegerField(label=_("Quarter"), min_value=1, max_value=4)
    formeel_excl_binnenwerk = _decimal(
        _("Formal employment excluding Binnenwerk"), places=4, help_text=_("In jobs of 25.5 hours.")
    )
    inleen = _decimal(_("Hired-in jobs"), places=4, help_text=_("In jobs of 25.5 hours."))


class UploadForm(LimitedUploadForm):
    bestand = forms.FileField(
        label=_("File"),
        help_text=_(
            "An .xlsx or .csv file with the columns ministerie, jaar, kwartaal, "
            "formeel_excl_binnenwerk, inleen."
        ),
    )
    suffixes = (".xlsx", ".csv")

    def wrong_kind(self) -> str:
        return gettext("Choose an .xlsx or .csv file.")

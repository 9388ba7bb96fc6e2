"""The form for an idea: Dutch labels through gettext, decimal comma accepted."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from binnenwerk.opportunities.models import Kans
from binnenwerk.organisation.models import Organisatie, Werksoort


class KansForm(forms.ModelForm):
    class Meta:
        model = Kans
        fields = [
            "titel",
            "omschrijving",
            "opdrachtgever",
            "werksoort",
            "verwachte_banen",
            "fase",
            "verwachte_start",
            "kans_pct",
            "eigenaar",
        ]
        localized_fields = ["verwachte_banen"]
        widgets = {
            "verwachte_start": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "omschrijving": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        client = self.fields["opdrachtgever"]
        work = self.fields["werksoort"]
        assert isinstance(client, forms.ModelChoiceField)
        assert isinstance(work, forms.ModelChoiceField)
        client.queryset = Organisatie.objects.order_by("naam")
        work.queryset = Werksoort.objects.order_by("naam")
        self.fields["kans_pct"].help_text = _("How likely the jobs come: 0 to 100.")
        for name, field in self.fields.items():
            if field.help_text:
                field.widget.attrs["aria-describedby"] = f"id_{name}_helptext"

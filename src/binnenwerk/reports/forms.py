"""The form for a text of the annual overview (foreword or story): plain text only."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from binnenwerk.reports.constants import MAX_INHOUD, MAX_TITEL, TekstSoort


class TekstForm(forms.Form):
    titel = forms.CharField(label=_("Title"), max_length=MAX_TITEL, required=False)
    inhoud = forms.CharField(
        label=_("Text"),
        max_length=MAX_INHOUD,
        widget=forms.Textarea(attrs={"rows": 14}),
        help_text=_(
            "Plain text, no HTML. Separate paragraphs with a blank line. Better no figures: "
            "the figures are in the tables."
        ),
    )
    volgorde = forms.IntegerField(
        label=_("Order"),
        min_value=0,
        max_value=32767,
        required=False,
        help_text=_("Stories with a lower number come first. Empty: after the other texts."),
    )

    def __init__(self, *args: Any, soort: str, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if soort == TekstSoort.VOORWOORD:
            # The foreword always comes first: no order to choose.
            del self.fields["volgorde"]
            self.fields["titel"].help_text = _("Without a title the heading is “Foreword”.")
        else:
            self.fields["titel"].required = True
        for name, field in self.fields.items():
            if field.help_text:
                field.widget.attrs["aria-describedby"] = f"id_{name}_helptext"

"""The survey's forms: the code, one question, a new questionnaire and codes for a team."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from binnenwerk.organisation.models import Team
from binnenwerk.survey.constants import MAX_CODES

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class CodeForm(forms.Form):
    code = forms.CharField(
        label=_("Your code"),
        max_length=20,
        help_text=_("The code is on your paper. It looks like this: K7PM 4RXD"),
        error_messages={"required": _("Type the code from your paper.")},
        widget=forms.TextInput(
            attrs={
                "autocomplete": "off",
                "autocapitalize": "characters",
                "spellcheck": "false",
                "aria-describedby": "id_code_helptext",
                "class": "codeveld",
            }
        ),
    )


class VragenlijstForm(forms.Form):
    jaar = forms.IntegerField(label=_("Year"), min_value=2000, max_value=2100)
    titel = forms.CharField(label=_("Title"), max_length=200, required=False)
    open_van = forms.DateField(label=_("Open from"), widget=DATE)
    open_tot = forms.DateField(label=_("Open until"), widget=DATE)


class CodesForm(forms.Form):
    team = forms.ModelChoiceField(label=_("Team"), queryset=Team.objects.none())
    aantal = forms.IntegerField(
        label=_("Number of codes"),
        min_value=1,
        max_value=MAX_CODES,
        required=False,
        help_text=_("Empty: one for each person placed in the team on the first day."),
    )

    def __init__(self, *args: Any, teams: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        team_field = self.fields["team"]
        assert isinstance(team_field, forms.ModelChoiceField)
        team_field.queryset = teams if teams is not None else Team.objects.all()
        self.fields["aantal"].widget.attrs["aria-describedby"] = "id_aantal_helptext"

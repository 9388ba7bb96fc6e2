import datetime as dt
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from binnenwerk.organisation.constants import TeamRolSoort
from binnenwerk.organisation.models import Locatie, Organisatie, Team, Werksoort
from binnenwerk.people.constants import ContractSoort
from binnenwerk.people.models import Medewerker


class PeildatumForm(forms.Form):
    peildatum = forms.DateField(
        label=_("Reference date"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        help_text=_("Show the organisation as it was on this date."),
    )

    def peildatum_or_today(self) -> dt.date:
        if self.is_valid() and self.cleaned_data.get("peildatum"):
            return self.cleaned_data["peildatum"]
        return dt.date.today()


def hours_field() -> forms.DecimalField:
    """Hours a week as people type them: decimal comma or point, more than 0, at most 40."""
    return forms.DecimalField(
        localize=True,
        label=_("Hours per week"),
        max_digits=5,
        decimal_places=2,
        min_value=0,
        max_value=40,
    )


class PlacementFields(forms.Form):
    """Where someone works and who pays: an open team and a funding client."""

    team = forms.ModelChoiceField(
        queryset=Team.objects.filter(einde__isnull=True).order_by("naam"),
        label=_("Team"),
        empty_label=_("Choose a team"),
    )
    opdrachtgever = forms.ModelChoiceField(
        queryset=Organisatie.objects.exclude(soort="partner").order_by("naam"),
        label=_("Client"),
        empty_label=_("Choose a client"),
    )


class VerplaatsenForm(PlacementFields):
    """Move someone to another team or client from a date (HR)."""

    field_order = ["vanaf", "team", "opdrachtgever"]

    vanaf = forms.DateField(
        label=_("Starting from"),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        help_text=_("The first day in the new team; the current placement ends the day before."),
    )


DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class NieuweMedewerkerForm(PlacementFields):
    """A new person with their first contract and placement, in one step (HR)."""

    personeelsnummer = forms.CharField(label=_("Personnel number"), max_length=30)
    voornaam = forms.CharField(label=_("First name"), max_length=100)
    achternaam = forms.CharField(label=_("Last name"), max_length=150)
    geboortedatum = forms.DateField(label=_("Date of birth"), required=False, widget=DATE)
    bsn = forms.CharField(
        label=_("BSN"),
        max_length=12,
        required=False,
        help_text=_("9 digits; checked with the eleven test."),
    )
    doelgroepindicatie = forms.BooleanField(
        label=_("Has a target group indication"), required=False
    )
    start = forms.DateField(label=_("First working day"), widget=DATE)
    uren_per_week = hours_field()
    soort = forms.ChoiceField(label=_("Type of contract"), choices=ContractSoort.choices)
    einde = forms.DateField(
        label=_("Last day of the contract"),
        required=False,
        widget=DATE,
        help_text=_("Empty for a permanent contract."),
    )
    # The person's own fields (for medewerker_create); the rest is contract and placement.
    PERSON_FIELDS = (
        "personeelsnummer",
        "voornaam",
        "achternaam",
        "geboortedatum",
        "bsn",
        "doelgroepindicatie",
    )
    field_order = [*PERSON_FIELDS, "start", "uren_per_week", "soort", "einde", "team"]


class ContractEindeForm(forms.Form):
    einde = forms.DateField(label=_("Last day"), widget=DATE)


class ContractVerlengenForm(forms.Form):
    uren_per_week = hours_field()
    soort = forms.ChoiceField(label=_("Type of contract"), choices=ContractSoort.choices)
    einde = forms.DateField(
        label=_("Last day"),
        required=False,
        widget=DATE,
        help_text=_("Empty for a permanent appointment (indefinite term)."),
    )


class TeamForm(forms.Form):
    code = forms.CharField(label=_("Code"), max_length=30)
    naam = forms.CharField(label=_("Name"), max_length=200)
    werksoort = forms.ModelChoiceField(
        queryset=Werksoort.objects.order_by("naam"), label=_("Work type"), empty_label=_("Choose")
    )
    locatie = forms.ModelChoiceField(
        queryset=Locatie.objects.order_by("naam"), label=_("Location"), empty_label=_("Choose")
    )
    partner = forms.ModelChoiceField(
        queryset=Organisatie.objects.order_by("naam"),
        label=_("Works at (partner)"),
        required=False,
        empty_label=_("None"),
    )
    capaciteit = forms.IntegerField(label=_("Capacity"), min_value=1, required=False)
    start = forms.DateField(label=_("Start"), widget=DATE)


class TeamEindeForm(forms.Form):
    einde = forms.DateField(
        label=_("Last day"),
        widget=DATE,
        help_text=_("Only possible once nobody is placed in the team after this day."),
    )


class MedewerkerForm(forms.Form):
    """A person's own details (HR); contracts and placements have their own forms."""

    voornaam = forms.CharField(label=_("First name"), max_length=100)
    achternaam = forms.CharField(label=_("Last name"), max_length=150)
    geboortedatum = forms.DateField(label=_("Date of birth"), required=False, widget=DATE)
    bsn = forms.CharField(
        label=_("BSN"),
        max_length=12,
        required=False,
        help_text=_("9 digits; checked with the eleven test."),
    )
    doelgroepindicatie = forms.BooleanField(
        label=_("Has a target group indication"), required=False
    )


class StaffMemberField(forms.CharField):
    """A person named by their personnel number: cleans to the Medewerker (None when empty
    and not required)."""

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("label", _("Staff member (personnel number)"))
        super().__init__(max_length=20, **kwargs)

    def clean(self, value: Any) -> Medewerker | None:
        number = super().clean(value)
        if not number:
            return None
        person = Medewerker.objects.filter(personeelsnummer=number).first()
        if person is None:
            raise forms.ValidationError(_("There is no employee with this personnel number."))
        return person


class TeamRolForm(forms.Form):
    """Hand a team's supervisor or job coach role to a staff member from a date."""

    rol = forms.ChoiceField(label=_("Role"), choices=TeamRolSoort.choices)
    medewerker = StaffMemberField(
        help_text=_("The current holder of the role stops the day before.")
    )
    vanaf = forms.DateField(label=_("First day in the role"), widget=DATE)

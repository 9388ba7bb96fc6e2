import datetime as dt

from django import forms

from binnenwerk.organisation.models import Locatie, Organisatie, Team, Werksoort
from binnenwerk.people.constants import ContractSoort


class PeildatumForm(forms.Form):
    peildatum = forms.DateField(
        label="Peildatum",
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        help_text="Toon de organisatie zoals die op deze datum was.",
    )

    def peildatum_or_today(self) -> dt.date:
        if self.is_valid() and self.cleaned_data.get("peildatum"):
            return self.cleaned_data["peildatum"]
        return dt.date.today()


def hours_field() -> forms.DecimalField:
    """Hours a week as people type them: decimal comma or point, more than 0, at most 40."""
    return forms.DecimalField(
        localize=True,
        label="Uren per week",
        max_digits=5,
        decimal_places=2,
        min_value=0,
        max_value=40,
    )


class PlacementFields(forms.Form):
    """Where someone works and who pays: an open team and a funding client."""

    team = forms.ModelChoiceField(
        queryset=Team.objects.filter(einde__isnull=True).order_by("naam"),
        label="Team",
        empty_label="Kies een team",
    )
    opdrachtgever = forms.ModelChoiceField(
        queryset=Organisatie.objects.exclude(soort="partner").order_by("naam"),
        label="Opdrachtgever",
        empty_label="Kies een opdrachtgever",
    )


class VerplaatsenForm(PlacementFields):
    """Move someone to another team or client from a date (HR)."""

    field_order = ["vanaf", "team", "opdrachtgever"]

    vanaf = forms.DateField(
        label="Vanaf",
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        help_text="De eerste dag in het nieuwe team; de huidige plaatsing eindigt de dag ervoor.",
    )


DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class NieuweMedewerkerForm(PlacementFields):
    """A new person with their first contract and placement, in one step (HR)."""

    personeelsnummer = forms.CharField(label="Personeelsnummer", max_length=30)
    voornaam = forms.CharField(label="Voornaam", max_length=100)
    achternaam = forms.CharField(label="Achternaam", max_length=150)
    geboortedatum = forms.DateField(label="Geboortedatum", required=False, widget=DATE)
    bsn = forms.CharField(
        label="BSN",
        max_length=12,
        required=False,
        help_text="9 cijfers; wordt gecontroleerd met de 11-proef.",
    )
    doelgroepindicatie = forms.BooleanField(label="Heeft een doelgroepindicatie", required=False)
    start = forms.DateField(label="Eerste werkdag", widget=DATE)
    uren_per_week = hours_field()
    soort = forms.ChoiceField(label="Soort dienstverband", choices=ContractSoort.choices)
    einde = forms.DateField(
        label="Laatste dag dienstverband",
        required=False,
        widget=DATE,
        help_text="Leeg bij een dienstverband voor onbepaalde tijd.",
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
    einde = forms.DateField(label="Laatste dag", widget=DATE)


class ContractVerlengenForm(forms.Form):
    uren_per_week = hours_field()
    soort = forms.ChoiceField(label="Soort dienstverband", choices=ContractSoort.choices)
    einde = forms.DateField(
        label="Laatste dag",
        required=False,
        widget=DATE,
        help_text="Leeg bij een vaste aanstelling (onbepaalde tijd).",
    )


class TeamForm(forms.Form):
    code = forms.CharField(label="Code", max_length=30)
    naam = forms.CharField(label="Naam", max_length=200)
    werksoort = forms.ModelChoiceField(
        queryset=Werksoort.objects.order_by("naam"), label="Werksoort", empty_label="Kies"
    )
    locatie = forms.ModelChoiceField(
        queryset=Locatie.objects.order_by("naam"), label="Locatie", empty_label="Kies"
    )
    partner = forms.ModelChoiceField(
        queryset=Organisatie.objects.order_by("naam"),
        label="Werkt bij (partner)",
        required=False,
        empty_label="Geen",
    )
    capaciteit = forms.IntegerField(label="Capaciteit", min_value=1, required=False)
    start = forms.DateField(label="Start", widget=DATE)


class TeamEindeForm(forms.Form):
    einde = forms.DateField(
        label="Laatste dag",
        widget=DATE,
        help_text="Kan pas als niemand na deze dag nog in het team is geplaatst.",
    )

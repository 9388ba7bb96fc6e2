from django.db import models
from django.db.models import Q

from binnenwerk.organisation.models import Organisatie, Team, period_constraint
from binnenwerk.people.constants import MAX_UREN_PER_WEEK, ContractSoort


class Medewerker(models.Model):
    """An employee. `werkgever` empty = employed by Binnenwerk, else by a partner (RSO)."""

    personeelsnummer = models.CharField("personeelsnummer", max_length=30, unique=True)
    voornaam = models.CharField("voornaam", max_length=100)
    achternaam = models.CharField("achternaam", max_length=150)
    geboortedatum = models.DateField("geboortedatum", null=True, blank=True)
    # Special: never shown in lists or logs; validated with the 11-proef in services.
    bsn = models.CharField("BSN", max_length=9, blank=True)
    doelgroepindicatie = models.BooleanField("doelgroepindicatie", default=False)
    werkgever = models.ForeignKey(
        Organisatie,
        verbose_name="werkgever",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="werknemers",
        help_text="Leeg = Binnenwerk; anders de partner die de medewerker in dienst heeft.",
    )

    class Meta:
        verbose_name = "medewerker"
        verbose_name_plural = "medewerkers"
        ordering = ["personeelsnummer"]
        indexes = [
            models.Index(fields=["doelgroepindicatie", "werkgever"], name="mw_doelgroep_idx")
        ]

    def __str__(self) -> str:
        return f"{self.voornaam} {self.achternaam} ({self.personeelsnummer})"


class Dienstverband(models.Model):
    """A contract: hours per week from `start` up to and including `einde`."""

    medewerker = models.ForeignKey(
        Medewerker, on_delete=models.CASCADE, related_name="dienstverbanden"
    )
    start = models.DateField("start")
    einde = models.DateField("einde", null=True, blank=True, help_text="Laatste dag (inclusief).")
    uren_per_week = models.DecimalField("uren per week", max_digits=5, decimal_places=2)
    soort = models.CharField(
        "soort", max_length=10, choices=ContractSoort.choices, default=ContractSoort.BEPAALD
    )

    class Meta:
        verbose_name = "dienstverband"
        verbose_name_plural = "dienstverbanden"
        ordering = ["medewerker__personeelsnummer", "start"]
        constraints = [
            period_constraint("dienstverband_start_lte_einde"),
            models.CheckConstraint(
                condition=Q(uren_per_week__gt=0) & Q(uren_per_week__lte=MAX_UREN_PER_WEEK),
                name="dienstverband_uren_tussen_0_en_40",
                violation_error_message="uren per week moet groter dan 0 en ten hoogste 40 zijn",
            ),
            models.UniqueConstraint(
                fields=["medewerker", "start"],
                name="dienstverband_uniek_per_start",
                violation_error_message="deze medewerker heeft al een dienstverband met deze start",
            ),
        ]
        indexes = [models.Index(fields=["start", "einde"], name="dienstverband_periode_idx")]

    def __str__(self) -> str:
        return f"Dienstverband {self.medewerker.personeelsnummer} vanaf {self.start:%d-%m-%Y}"


class Plaatsing(models.Model):
    """A placement in a team, paid for by a funding client (opdrachtgever)."""

    medewerker = models.ForeignKey(Medewerker, on_delete=models.CASCADE, related_name="plaatsingen")
    team = models.ForeignKey(Team, on_delete=models.PROTECT, related_name="plaatsingen")
    opdrachtgever = models.ForeignKey(
        Organisatie, on_delete=models.PROTECT, related_name="plaatsingen_als_opdrachtgever"
    )
    start = models.DateField("start")
    einde = models.DateField("einde", null=True, blank=True, help_text="Laatste dag (inclusief).")

    class Meta:
        verbose_name = "plaatsing"
        verbose_name_plural = "plaatsingen"
        ordering = ["medewerker__personeelsnummer", "start"]
        constraints = [
            period_constraint("plaatsing_start_lte_einde"),
            models.UniqueConstraint(
                fields=["medewerker", "start"],
                name="plaatsing_uniek_per_start",
                violation_error_message="deze medewerker heeft al een plaatsing met deze start",
            ),
        ]
        indexes = [models.Index(fields=["start", "einde"], name="plaatsing_periode_idx")]

    def __str__(self) -> str:
        return f"Plaatsing {self.medewerker.personeelsnummer} in {self.team.code}"

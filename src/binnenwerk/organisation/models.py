from django.db import models
from django.db.models import F, Q

from binnenwerk.organisation.constants import OrganisatieSoort, Provincie, TeamRolSoort


def period_constraint(name: str) -> models.CheckConstraint:
    """start ≤ einde, einde empty = open-ended."""
    return models.CheckConstraint(
        condition=Q(einde__isnull=True) | Q(einde__gte=F("start")),
        name=name,
        violation_error_message="einde ligt vóór start; einde is de laatste dag (inclusief)",
    )


class Organisatie(models.Model):
    """A ministry, agency, high council or partner; `hoort_bij` rolls agencies up."""

    code = models.CharField("code", max_length=30, unique=True)
    naam = models.CharField("naam", max_length=200)
    soort = models.CharField("soort", max_length=30, choices=OrganisatieSoort.choices)
    hoort_bij = models.ForeignKey(
        "self",
        verbose_name="hoort bij",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="onderdelen",
    )

    class Meta:
        verbose_name = "organisatie"
        verbose_name_plural = "organisaties"
        ordering = ["code"]

    def __str__(self) -> str:
        return f"{self.naam} ({self.code})"


class Werksoort(models.Model):
    code = models.CharField("code", max_length=30, unique=True)
    naam = models.CharField("naam", max_length=200)
    teamgrootte_min = models.PositiveSmallIntegerField(
        "teamgrootte minimaal", null=True, blank=True
    )
    teamgrootte_max = models.PositiveSmallIntegerField(
        "teamgrootte maximaal", null=True, blank=True
    )

    class Meta:
        verbose_name = "werksoort"
        verbose_name_plural = "werksoorten"
        ordering = ["code"]
        constraints = [
            models.CheckConstraint(
                condition=Q(teamgrootte_min__isnull=True)
                | Q(teamgrootte_max__isnull=True)
                | Q(teamgrootte_min__lte=F("teamgrootte_max")),
                name="werksoort_teamgrootte_min_lte_max",
                violation_error_message="teamgrootte minimaal is groter dan maximaal",
            )
        ]

    def __str__(self) -> str:
        return self.naam


class Locatie(models.Model):
    code = models.CharField("code", max_length=30, unique=True)
    naam = models.CharField("naam", max_length=200)
    plaats = models.CharField("plaats", max_length=100, blank=True)
    provincie = models.CharField("provincie", max_length=20, choices=Provincie.choices)

    class Meta:
        verbose_name = "locatie"
        verbose_name_plural = "locaties"
        ordering = ["code"]

    def __str__(self) -> str:
        return f"{self.naam} ({self.provincie})"


class Team(models.Model):
    code = models.CharField("code", max_length=30, unique=True)
    naam = models.CharField("naam", max_length=200)
    werksoort = models.ForeignKey(Werksoort, on_delete=models.PROTECT, related_name="teams")
    locatie = models.ForeignKey(Locatie, on_delete=models.PROTECT, related_name="teams")
    partner = models.ForeignKey(
        Organisatie,
        verbose_name="partner (werkt bij)",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="teams_als_partner",
    )
    capaciteit = models.PositiveSmallIntegerField("capaciteit", null=True, blank=True)
    start = models.DateField("start")
    einde = models.DateField("einde", null=True, blank=True, help_text="Laatste dag (inclusief).")

    class Meta:
        verbose_name = "team"
        verbose_name_plural = "teams"
        ordering = ["code"]
        constraints = [period_constraint("team_start_lte_einde")]
        indexes = [models.Index(fields=["start", "einde"], name="team_periode_idx")]

    def __str__(self) -> str:
        return f"{self.naam} ({self.code})"


class TeamRol(models.Model):
    """A person's effective-dated role in a team: its supervisor or its job coach."""

    team = models.ForeignKey(Team, on_delete=models.CASCADE, related_name="rollen")
    medewerker = models.ForeignKey(
        "people.Medewerker", on_delete=models.PROTECT, related_name="teamrollen"
    )
    rol = models.CharField("rol", max_length=20, choices=TeamRolSoort.choices)
    start = models.DateField("start")
    einde = models.DateField("einde", null=True, blank=True, help_text="Laatste dag (inclusief).")

    class Meta:
        verbose_name = "teamrol"
        verbose_name_plural = "teamrollen"
        ordering = ["team__code", "rol", "start"]
        constraints = [
            period_constraint("teamrol_start_lte_einde"),
            models.UniqueConstraint(
                fields=["team", "rol", "start"],
                name="teamrol_uniek_per_start",
                violation_error_message="deze rol begint op deze datum al in dit team",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_rol_display()} van {self.team.code} vanaf {self.start:%d-%m-%Y}"

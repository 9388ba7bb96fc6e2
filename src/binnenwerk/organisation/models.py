from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from binnenwerk.organisation.constants import OrganisatieSoort, Provincie, TeamRolSoort

LAST_DAY_HELP = _("Last day (inclusive).")


def period_constraint(name: str) -> models.CheckConstraint:
    """start ≤ einde, einde empty = open-ended."""
    return models.CheckConstraint(
        condition=Q(einde__isnull=True) | Q(einde__gte=F("start")),
        name=name,
        violation_error_message=_("end is before start; end is the last day (inclusive)"),
    )


class Organisatie(models.Model):
    """A ministry, agency, high council or partner; `hoort_bij` rolls agencies up."""

    code = models.CharField(_("code"), max_length=30, unique=True)
    naam = models.CharField(_("name"), max_length=200)
    soort = models.CharField(_("type"), max_length=30, choices=OrganisatieSoort.choices)
    hoort_bij = models.ForeignKey(
        "self",
        verbose_name=_("belongs to"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="onderdelen",
    )

    class Meta:
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        ordering = ["code"]

    def __str__(self) -> str:
        return f"{self.naam} ({self.code})"


class Werksoort(models.Model):
    code = models.CharField(_("code"), max_length=30, unique=True)
    naam = models.CharField(_("name"), max_length=200)
    teamgrootte_min = models.PositiveSmallIntegerField(
        _("minimum team size"), null=True, blank=True
    )
    teamgrootte_max = models.PositiveSmallIntegerField(
        _("maximum team size"), null=True, blank=True
    )

    class Meta:
        verbose_name = _("work type")
        verbose_name_plural = _("work types")
        ordering = ["code"]
        constraints = [
            models.CheckConstraint(
                condition=Q(teamgrootte_min__isnull=True)
                | Q(teamgrootte_max__isnull=True)
                | Q(teamgrootte_min__lte=F("teamgrootte_max")),
                name="werksoort_teamgrootte_min_lte_max",
                violation_error_message=_("minimum team size is greater than maximum"),
            )
        ]

    def __str__(self) -> str:
        return self.naam


class Locatie(models.Model):
    code = models.CharField(_("code"), max_length=30, unique=True)
    naam = models.CharField(_("name"), max_length=200)
    plaats = models.CharField(_("town"), max_length=100, blank=True)
    provincie = models.CharField(_("province"), max_length=20, choices=Provincie.choices)

    class Meta:
        verbose_name = _("location")
        verbose_name_plural = _("locations")
        ordering = ["code"]

    def __str__(self) -> str:
        return f"{self.naam} ({self.provincie})"


class Team(models.Model):
    code = models.CharField(_("code"), max_length=30, unique=True)
    naam = models.CharField(_("name"), max_length=200)
    werksoort = models.ForeignKey(
        Werksoort, verbose_name=_("work type"), on_delete=models.PROTECT, related_name="teams"
    )
    locatie = models.ForeignKey(
        Locatie, verbose_name=_("location"), on_delete=models.PROTECT, related_name="teams"
    )
    partner = models.ForeignKey(
        Organisatie,
        verbose_name=_("partner (works at)"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="teams_als_partner",
    )
    capaciteit = models.PositiveSmallIntegerField(_("capacity"), null=True, blank=True)
    start = models.DateField(_("start"))
    einde = models.DateField(_("end"), null=True, blank=True, help_text=LAST_DAY_HELP)

    class Meta:
        verbose_name = _("team")
        verbose_name_plural = _("teams")
        ordering = ["code"]
        constraints = [period_constraint("team_start_lte_einde")]
        indexes = [models.Index(fields=["start", "einde"], name="team_periode_idx")]

    def __str__(self) -> str:
        return f"{self.naam} ({self.code})"


class TeamRol(models.Model):
    """A person's effective-dated role in a team: its supervisor or its job coach."""

    team = models.ForeignKey(
        Team, verbose_name=_("team"), on_delete=models.CASCADE, related_name="rollen"
    )
    medewerker = models.ForeignKey(
        "people.Medewerker",
        verbose_name=_("employee"),
        on_delete=models.PROTECT,
        related_name="teamrollen",
    )
    rol = models.CharField(_("role"), max_length=20, choices=TeamRolSoort.choices)
    start = models.DateField(_("start"))
    einde = models.DateField(_("end"), null=True, blank=True, help_text=LAST_DAY_HELP)

    class Meta:
        verbose_name = _("team role")
        verbose_name_plural = _("team roles")
        ordering = ["team__code", "rol", "start"]
        constraints = [
            period_constraint("teamrol_start_lte_einde"),
            models.UniqueConstraint(
                fields=["team", "rol", "start"],
                name="teamrol_uniek_per_start",
                # The API answers a duplicate natural key with 409 Conflict by this code.
                violation_error_code="unique_together",
                violation_error_message=_("this role already starts on this date in this team"),
            ),
        ]

    def __str__(self) -> str:
        return gettext("%(role)s of %(team)s from %(start)s") % {
            "role": self.get_rol_display(),
            "team": self.team.code,
            "start": f"{self.start:%d-%m-%Y}",
        }

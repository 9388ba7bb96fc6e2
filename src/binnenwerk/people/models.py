from django.db import models
from django.db.models import Q
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from binnenwerk.organisation.models import LAST_DAY_HELP, Organisatie, Team, period_constraint
from binnenwerk.people.constants import MAX_UREN_PER_WEEK, ContractSoort
from binnenwerk.people.fields import BSNSearchField, EncryptedBSNField


class Medewerker(models.Model):
    """An employee. `werkgever` empty = employed by Binnenwerk, else by a partner (RSO)."""

    personeelsnummer = models.CharField(_("personnel number"), max_length=30, unique=True)
    voornaam = models.CharField(_("first name"), max_length=100)
    achternaam = models.CharField(_("last name"), max_length=150)
    geboortedatum = models.DateField(_("date of birth"), null=True, blank=True)
    # Special: never shown in lists or logs; validated with the 11-proef in services.
    # "BSN" is the number's name in every language: not translated.
    # Encrypted at rest (people.fields, binnenwerk.crypto): the column holds ciphertext; look a
    # BSN up by `bsn_zoekwaarde` (its keyed hash, set on every save), never by `bsn`.
    bsn = EncryptedBSNField("BSN", blank=True)
    bsn_zoekwaarde = BSNSearchField(source="bsn", db_index=True)
    doelgroepindicatie = models.BooleanField(_("target group indication"), default=False)
    werkgever = models.ForeignKey(
        Organisatie,
        verbose_name=_("employer"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="werknemers",
        help_text=_("Empty = Binnenwerk; otherwise the partner that employs the employee."),
    )

    class Meta:
        verbose_name = _("employee")
        verbose_name_plural = _("employees")
        ordering = ["personeelsnummer"]
        indexes = [
            models.Index(fields=["doelgroepindicatie", "werkgever"], name="mw_doelgroep_idx")
        ]

    def __str__(self) -> str:
        return f"{self.voornaam} {self.achternaam} ({self.personeelsnummer})"


class Dienstverband(models.Model):
    """A contract: hours per week from `start` up to and including `einde`."""

    medewerker = models.ForeignKey(
        Medewerker,
        verbose_name=_("employee"),
        on_delete=models.CASCADE,
        related_name="dienstverbanden",
    )
    start = models.DateField(_("start"))
    einde = models.DateField(_("end"), null=True, blank=True, help_text=LAST_DAY_HELP)
    uren_per_week = models.DecimalField(_("hours per week"), max_digits=5, decimal_places=2)
    soort = models.CharField(
        _("type"), max_length=10, choices=ContractSoort.choices, default=ContractSoort.BEPAALD
    )

    class Meta:
        verbose_name = _("contract")
        verbose_name_plural = _("contracts")
        ordering = ["medewerker__personeelsnummer", "start"]
        constraints = [
            period_constraint("dienstverband_start_lte_einde"),
            models.CheckConstraint(
                condition=Q(uren_per_week__gt=0) & Q(uren_per_week__lte=MAX_UREN_PER_WEEK),
                name="dienstverband_uren_tussen_0_en_40",
                violation_error_message=_("hours per week must be greater than 0 and at most 40"),
            ),
            models.UniqueConstraint(
                fields=["medewerker", "start"],
                name="dienstverband_uniek_per_start",
                violation_error_message=_("this employee already has a contract with this start"),
            ),
        ]
        indexes = [models.Index(fields=["start", "einde"], name="dienstverband_periode_idx")]

    def __str__(self) -> str:
        return gettext("Contract %(number)s from %(start)s") % {
            "number": self.medewerker.personeelsnummer,
            "start": f"{self.start:%d-%m-%Y}",
        }


class Plaatsing(models.Model):
    """A placement in a team, paid for by a funding client (opdrachtgever)."""

    medewerker = models.ForeignKey(
        Medewerker, verbose_name=_("employee"), on_delete=models.CASCADE, related_name="plaatsingen"
    )
    team = models.ForeignKey(
        Team, verbose_name=_("team"), on_delete=models.PROTECT, related_name="plaatsingen"
    )
    opdrachtgever = models.ForeignKey(
        Organisatie,
        verbose_name=_("client"),
        on_delete=models.PROTECT,
        related_name="plaatsingen_als_opdrachtgever",
    )
    start = models.DateField(_("start"))
    einde = models.DateField(_("end"), null=True, blank=True, help_text=LAST_DAY_HELP)

    class Meta:
        verbose_name = _("placement")
        verbose_name_plural = _("placements")
        ordering = ["medewerker__personeelsnummer", "start"]
        constraints = [
            period_constraint("plaatsing_start_lte_einde"),
            models.UniqueConstraint(
                fields=["medewerker", "start"],
                name="plaatsing_uniek_per_start",
                violation_error_message=_("this employee already has a placement with this start"),
            ),
        ]
        indexes = [models.Index(fields=["start", "einde"], name="plaatsing_periode_idx")]

    def __str__(self) -> str:
        return gettext("Placement %(number)s in %(team)s") % {
            "number": self.medewerker.personeelsnummer,
            "team": self.team.code,
        }

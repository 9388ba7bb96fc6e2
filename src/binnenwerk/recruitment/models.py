"""Candidates (kandidaten), their stage history and trial placements (proefplaatsingen).

A trial placement is not a people.Plaatsing: it has no contract and no funding client,
so the job counter (which reads only contracts and placements) never sees it.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from binnenwerk.accounts.selectors import has_role
from binnenwerk.organisation.models import LAST_DAY_HELP, Team, Werksoort, period_constraint
from binnenwerk.recruitment.constants import (
    AFGESLOTEN,
    CHANGES_CANDIDATES,
    Fase,
    Herkomst,
    Indicatie,
)


class KandidaatQuerySet(models.QuerySet["Kandidaat"]):
    def for_user(self, user: Any, peildatum: dt.date | None = None) -> KandidaatQuerySet:
        """Candidates are personal data: recruitment, HR and the administrator see them all,
        every other role none (management sees the funnel's aggregates only)."""
        if has_role(user, *CHANGES_CANDIDATES):
            return self.all()
        return self.none()


class Kandidaat(models.Model):
    voornaam = models.CharField(_("first name"), max_length=100)
    achternaam = models.CharField(_("last name"), max_length=150)
    email = models.EmailField(_("e-mail"), blank=True)
    telefoon = models.CharField(_("phone"), max_length=30, blank=True)
    herkomst = models.CharField(_("came from"), max_length=20, choices=Herkomst.choices)
    # Special-category data: only that someone is in the target-group register, never why.
    indicatie = models.CharField(
        _("target group indication"),
        max_length=20,
        choices=Indicatie.choices,
        default=Indicatie.AANGEVRAAGD,
    )
    werksoort = models.ForeignKey(
        Werksoort,
        verbose_name=_("work type"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="kandidaten",
    )
    team = models.ForeignKey(
        Team,
        verbose_name=_("team"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="kandidaten",
    )
    # Without consent a rejected or withdrawn candidate is anonymised 4 weeks after leaving,
    # with it after a year (retention/, settings.RETENTION).
    toestemming_bewaren = models.BooleanField(
        _("consent to keep details"),
        default=False,
        help_text=_(
            "The candidate agrees that their details are kept for a year after a rejection, "
            "for a later vacancy."
        ),
    )
    fase = models.CharField(
        _("stage"), max_length=20, choices=Fase.choices, default=Fase.AANGEMELD, editable=False
    )
    reden = models.TextField(_("reason"), blank=True, editable=False)
    medewerker = models.OneToOneField(
        "people.Medewerker",
        verbose_name=_("employee"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="kandidaat",
        editable=False,
    )

    objects = KandidaatQuerySet.as_manager()

    class Meta:
        verbose_name = _("candidate")
        verbose_name_plural = _("candidates")
        ordering = ["achternaam", "voornaam", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(fase__in=Fase.values),
                name="kandidaat_fase_bekend",
            ),
            models.CheckConstraint(
                condition=Q(werksoort__isnull=False) | Q(team__isnull=False),
                name="kandidaat_voor_team_of_werksoort",
                violation_error_message=_("Choose a team or a work type."),
            ),
            models.CheckConstraint(
                condition=~Q(fase__in=AFGESLOTEN) | ~Q(reden=""),
                name="kandidaat_afgesloten_met_reden",
                violation_error_message=_("A rejection or withdrawal needs a reason."),
            ),
            models.CheckConstraint(
                condition=Q(fase=Fase.AANGENOMEN, medewerker__isnull=False)
                | (~Q(fase=Fase.AANGENOMEN) & Q(medewerker__isnull=True)),
                name="kandidaat_aangenomen_is_medewerker",
                violation_error_message=_("Only a hired candidate is linked to an employee."),
            ),
        ]
        indexes = [models.Index(fields=["fase"], name="kandidaat_fase_idx")]

    def __str__(self) -> str:
        return f"{self.voornaam} {self.achternaam}"


class Kandidaatfase(models.Model):
    """A candidate entered a stage on `vanaf`; the history that time in stage and the
    funnel are computed from. Each stage is entered at most once: the path only goes on."""

    kandidaat = models.ForeignKey(
        Kandidaat, verbose_name=_("candidate"), on_delete=models.CASCADE, related_name="fasen"
    )
    fase = models.CharField(_("stage"), max_length=20, choices=Fase.choices)
    vanaf = models.DateField(_("from"))
    reden = models.TextField(_("reason"), blank=True)
    door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = _("candidate stage")
        verbose_name_plural = _("candidate stages")
        ordering = ["kandidaat", "vanaf", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["kandidaat", "fase"],
                name="kandidaatfase_een_keer_per_fase",
                violation_error_message=_("The candidate has already been in this stage."),
            ),
            models.CheckConstraint(
                condition=~Q(fase__in=AFGESLOTEN) | ~Q(reden=""),
                name="kandidaatfase_afgesloten_met_reden",
                violation_error_message=_("A rejection or withdrawal needs a reason."),
            ),
        ]
        indexes = [models.Index(fields=["fase", "vanaf"], name="kandidaatfase_fase_vanaf_idx")]

    def __str__(self) -> str:
        return f"{self.kandidaat}: {self.get_fase_display()} {self.vanaf:%d-%m-%Y}"


class Proefplaatsing(models.Model):
    """Working in a team for 2 to 6 months while keeping one's benefit: no contract, no
    wages, no funding client, and so no jobs."""

    kandidaat = models.ForeignKey(
        Kandidaat,
        verbose_name=_("candidate"),
        on_delete=models.CASCADE,
        related_name="proefplaatsingen",
    )
    team = models.ForeignKey(
        Team, verbose_name=_("team"), on_delete=models.PROTECT, related_name="proefplaatsingen"
    )
    start = models.DateField(_("start"))
    einde = models.DateField(_("end"), help_text=LAST_DAY_HELP)

    # The 2-to-6-month rule is the service's: a portable check would need date arithmetic
    # that SQLite only has through a Django-registered function, unusable in a constraint.
    class Meta:
        verbose_name = _("trial placement")
        verbose_name_plural = _("trial placements")
        ordering = ["kandidaat", "start"]
        constraints = [
            period_constraint("proefplaatsing_start_lte_einde"),
            models.UniqueConstraint(
                fields=["kandidaat", "start"],
                name="proefplaatsing_uniek_per_start",
                # The API answers a duplicate natural key with 409 Conflict by this code.
                violation_error_code="unique_together",
                violation_error_message=_("This candidate already has a trial placement then."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.kandidaat} · {self.team.code} {self.start:%d-%m-%Y}"

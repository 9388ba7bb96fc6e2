"""Absence (verzuim): sick reports, partial recovery, the Poortwachter steps and the norm.

Sick reports are special-category personal data (AVG art. 9). There is deliberately no field
for the nature, cause or diagnosis of an illness: the employer may not record it (Autoriteit
Persoonsgegevens). Read them only through `.for_user(user, peildatum)`.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from binnenwerk.absence.constants import StapSoort, StapStatus, ZiekmeldingSoort
from binnenwerk.organisation.models import LAST_DAY_HELP, period_constraint


class ZiekmeldingQuerySet(models.QuerySet):
    def for_user(self, user: Any, peildatum: dt.date) -> ZiekmeldingQuerySet:
        from binnenwerk.absence.scope import readable_people

        return self.filter(medewerker__in=readable_people(user, peildatum))


class Ziekmelding(models.Model):
    """A sick report: from the first sick day `start` up to and including the last day of
    absence `einde` (empty = still absent)."""

    medewerker = models.ForeignKey(
        "people.Medewerker",
        verbose_name=_("employee"),
        on_delete=models.CASCADE,
        related_name="ziekmeldingen",
    )
    soort = models.CharField(
        _("kind"), max_length=20, choices=ZiekmeldingSoort.choices, default=ZiekmeldingSoort.ZIEK
    )
    start = models.DateField(_("first sick day"))
    einde = models.DateField(
        _("last day of absence"), null=True, blank=True, help_text=LAST_DAY_HELP
    )

    objects = ZiekmeldingQuerySet.as_manager()

    class Meta:
        verbose_name = _("sick report")
        verbose_name_plural = _("sick reports")
        ordering = ["-start", "-id"]
        constraints = [
            period_constraint("ziekmelding_start_lte_einde"),
            models.CheckConstraint(
                condition=Q(soort__in=ZiekmeldingSoort.values), name="ziekmelding_soort_geldig"
            ),
            models.UniqueConstraint(
                fields=["medewerker", "start"],
                name="ziekmelding_uniek_per_start",
                violation_error_message=_("this employee already has a sick report on this day"),
            ),
        ]
        indexes = [models.Index(fields=["start", "einde"], name="ziekmelding_periode_idx")]

    def __str__(self) -> str:
        # Dates only: this is what the audit log shows.
        return gettext("Sick report %(number)s from %(start)s") % {
            "number": self.medewerker.personeelsnummer,
            "start": f"{self.start:%d-%m-%Y}",
        }

    @property
    def hersteld_per(self) -> dt.date | None:
        """The first day back: the day after the last day of absence."""
        return self.einde + dt.timedelta(days=1) if self.einde else None


class Herstelperiode(models.Model):
    """Partial recovery within a sick report: the person works `werkt_procent` % of their
    hours from `start` up to and including `einde` (empty = until the sick report ends)."""

    ziekmelding = models.ForeignKey(
        Ziekmelding,
        verbose_name=_("sick report"),
        on_delete=models.CASCADE,
        related_name="herstelperioden",
    )
    start = models.DateField(_("start"))
    einde = models.DateField(_("end"), null=True, blank=True, help_text=LAST_DAY_HELP)
    werkt_procent = models.PositiveSmallIntegerField(
        _("works (percentage)"), validators=[MinValueValidator(1), MaxValueValidator(99)]
    )

    class Meta:
        verbose_name = _("partial recovery")
        verbose_name_plural = _("partial recoveries")
        ordering = ["start"]
        constraints = [
            period_constraint("herstelperiode_start_lte_einde"),
            models.CheckConstraint(
                condition=Q(werkt_procent__gte=1, werkt_procent__lte=99),
                name="herstelperiode_procent_1_tot_99",
                violation_error_message=_("the percentage able to work is from 1 to 99"),
            ),
        ]

    def __str__(self) -> str:
        return gettext("Partial recovery %(percent)s%% from %(start)s") % {
            "percent": self.werkt_procent,
            "start": f"{self.start:%d-%m-%Y}",
        }


class Poortwachterstap(models.Model):
    """A step of the Wet verbetering poortwachter for one sick report, due on `uiterlijk`."""

    ziekmelding = models.ForeignKey(
        Ziekmelding,
        verbose_name=_("sick report"),
        on_delete=models.CASCADE,
        related_name="stappen",
    )
    soort = models.CharField(_("step"), max_length=30, choices=StapSoort.choices)
    uiterlijk = models.DateField(_("due"))
    gedaan_op = models.DateField(_("done on"), null=True, blank=True)
    gedaan_door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("done by"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    status = models.CharField(
        _("status"), max_length=10, choices=StapStatus.choices, default=StapStatus.OPEN
    )

    class Meta:
        verbose_name = _("Poortwachter step")
        verbose_name_plural = _("Poortwachter steps")
        ordering = ["uiterlijk", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(soort__in=StapSoort.values), name="poortwachterstap_soort_geldig"
            ),
            models.CheckConstraint(
                condition=Q(status__in=StapStatus.values), name="poortwachterstap_status_geldig"
            ),
            models.CheckConstraint(
                condition=(Q(status=StapStatus.GEDAAN) & Q(gedaan_op__isnull=False))
                | (~Q(status=StapStatus.GEDAAN) & Q(gedaan_op__isnull=True)),
                name="poortwachterstap_gedaan_met_datum",
                violation_error_message=_("a step is done with a date, or not done without one"),
            ),
        ]
        indexes = [models.Index(fields=["status", "uiterlijk"], name="poortwachterstap_open_idx")]

    def __str__(self) -> str:
        return gettext("%(step)s due %(date)s") % {
            "step": self.get_soort_display(),
            "date": f"{self.uiterlijk:%d-%m-%Y}",
        }


class Verzuimnorm(models.Model):
    """The absence-rate norm of a year (a percentage), set by HR or the administrator."""

    jaar = models.PositiveSmallIntegerField(_("year"), unique=True)
    percentage = models.DecimalField(
        _("norm (percentage)"),
        max_digits=5,
        decimal_places=2,
        validators=[MinValueValidator(0), MaxValueValidator(100)],
    )

    class Meta:
        verbose_name = _("absence norm")
        verbose_name_plural = _("absence norms")
        ordering = ["jaar"]
        constraints = [
            models.CheckConstraint(
                condition=Q(percentage__gte=0, percentage__lte=100),
                name="verzuimnorm_percentage_0_tot_100",
                violation_error_message=_("the norm is a percentage from 0 to 100"),
            ),
        ]

    def __str__(self) -> str:
        return gettext("Absence norm %(year)s") % {"year": self.jaar}

"""Coaching and development: job profiles of the Functiegebouw Rijk (FGR), a person's
profile through time, the job coach's dated notes and development goals, and the log of
who read a coaching note when.

Notes and goals are special-category personal data (AVG art. 9): they are read only
through `.for_user(user, peildatum)` and their text never appears in the audit log.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from binnenwerk.coaching.constants import (
    MAX_CONTEXT,
    MAX_SCHAAL,
    MIN_SCHAAL,
    DoelStatus,
    InzageSoort,
)
from binnenwerk.organisation.models import LAST_DAY_HELP, period_constraint


class Functieprofiel(models.Model):
    """A job profile of the Functiegebouw Rijk: family, name and level (salary scale)."""

    code = models.CharField(_("code"), max_length=30, unique=True)
    functiefamilie = models.CharField(_("job family"), max_length=100)
    naam = models.CharField(_("name"), max_length=200)
    niveau = models.PositiveSmallIntegerField(
        _("level (scale)"),
        validators=[MinValueValidator(MIN_SCHAAL), MaxValueValidator(MAX_SCHAAL)],
    )
    werksoort = models.ForeignKey(
        "organisation.Werksoort",
        verbose_name=_("work type"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="functieprofielen",
        help_text=_("The work type whose task package this profile classifies, if any."),
    )
    volgende_stap = models.ForeignKey(
        "self",
        verbose_name=_("next step"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="vorige_stappen",
        help_text=_(
            "A neighbouring profile as the next growth step; empty = the next level "
            "in the same family."
        ),
    )

    class Meta:
        verbose_name = _("job profile")
        verbose_name_plural = _("job profiles")
        ordering = ["functiefamilie", "niveau", "code"]
        constraints = [
            models.CheckConstraint(
                condition=Q(niveau__gte=MIN_SCHAAL, niveau__lte=MAX_SCHAAL),
                name="functieprofiel_niveau_1_tot_18",
                violation_error_message=_("the level is a scale from 1 to 18"),
            ),
        ]

    def __str__(self) -> str:
        return gettext("%(name)s (scale %(level)s)") % {"name": self.naam, "level": self.niveau}


class Functietoewijzing(models.Model):
    """Which job profile a person holds, from `start` up to and including `einde`."""

    medewerker = models.ForeignKey(
        "people.Medewerker",
        verbose_name=_("employee"),
        on_delete=models.CASCADE,
        related_name="functietoewijzingen",
    )
    functieprofiel = models.ForeignKey(
        Functieprofiel,
        verbose_name=_("job profile"),
        on_delete=models.PROTECT,
        related_name="toewijzingen",
    )
    start = models.DateField(_("start"))
    einde = models.DateField(_("end"), null=True, blank=True, help_text=LAST_DAY_HELP)

    class Meta:
        verbose_name = _("job profile assignment")
        verbose_name_plural = _("job profile assignments")
        ordering = ["medewerker__personeelsnummer", "start"]
        constraints = [
            period_constraint("functietoewijzing_start_lte_einde"),
            models.UniqueConstraint(
                fields=["medewerker", "start"],
                name="functietoewijzing_uniek_per_start",
                violation_error_message=_(
                    "this employee already has a job profile starting on this date"
                ),
            ),
        ]
        indexes = [models.Index(fields=["start", "einde"], name="functietoewijzing_periode_idx")]

    def __str__(self) -> str:
        return gettext("Job profile of %(number)s from %(start)s") % {
            "number": self.medewerker.personeelsnummer,
            "start": f"{self.start:%d-%m-%Y}",
        }


class ScopedQuerySet(models.QuerySet):
    """Records about a person, visible only to that person's job coach and supervisor on the
    date and to HR (the one place that says who may read coaching data)."""

    def for_user(self, user: Any, peildatum: dt.date) -> ScopedQuerySet:
        from binnenwerk.coaching.scope import readable_people

        return self.filter(medewerker__in=readable_people(user, peildatum))


class Coachingnotitie(models.Model):
    """A job coach's dated note about a person (special-category data)."""

    medewerker = models.ForeignKey(
        "people.Medewerker",
        verbose_name=_("employee"),
        on_delete=models.CASCADE,
        related_name="coachingnotities",
    )
    datum = models.DateField(_("date"))
    tekst = models.TextField(_("note"))
    geschreven_door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("written by"),
        on_delete=models.PROTECT,
        related_name="coachingnotities",
    )
    aangemaakt = models.DateTimeField(_("created"), default=timezone.now, editable=False)

    objects = ScopedQuerySet.as_manager()

    class Meta:
        verbose_name = _("coaching note")
        verbose_name_plural = _("coaching notes")
        ordering = ["-datum", "-aangemaakt", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(tekst=""),
                name="coachingnotitie_tekst_niet_leeg",
                violation_error_message=_("a note needs text"),
            ),
        ]
        indexes = [models.Index(fields=["medewerker", "-datum"], name="coachingnotitie_mw_idx")]

    def __str__(self) -> str:
        # Never the text: this is what the audit log shows.
        return gettext("Coaching note %(number)s of %(date)s") % {
            "number": self.medewerker.personeelsnummer,
            "date": f"{self.datum:%d-%m-%Y}",
        }


class Ontwikkeldoel(models.Model):
    """A development goal agreed with a person, optionally aiming at a job profile."""

    medewerker = models.ForeignKey(
        "people.Medewerker",
        verbose_name=_("employee"),
        on_delete=models.CASCADE,
        related_name="ontwikkeldoelen",
    )
    omschrijving = models.CharField(_("description"), max_length=500)
    streefdatum = models.DateField(_("target date"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=DoelStatus.choices, default=DoelStatus.OPEN
    )
    functieprofiel = models.ForeignKey(
        Functieprofiel,
        verbose_name=_("aims at job profile"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="ontwikkeldoelen",
    )
    geschreven_door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("written by"),
        on_delete=models.PROTECT,
        related_name="ontwikkeldoelen",
    )
    aangemaakt = models.DateTimeField(_("created"), default=timezone.now, editable=False)

    objects = ScopedQuerySet.as_manager()

    class Meta:
        verbose_name = _("development goal")
        verbose_name_plural = _("development goals")
        ordering = ["status", "streefdatum", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(status__in=DoelStatus.values),
                name="ontwikkeldoel_status_geldig",
                violation_error_message=_("the status is open, achieved or lapsed"),
            ),
            models.CheckConstraint(
                condition=~Q(omschrijving=""),
                name="ontwikkeldoel_omschrijving_niet_leeg",
                violation_error_message=_("a goal needs a description"),
            ),
        ]

    def __str__(self) -> str:
        # Never the description: this is what the audit log shows.
        return gettext("Development goal %(number)s no. %(id)s") % {
            "number": self.medewerker.personeelsnummer,
            "id": self.pk,
        }


class Inzage(models.Model):
    """One read of special-category data, or one export of personal data: who, when, about
    whom (or how many people, for an export), which record, and why (the page or export).

    Never holds the content. Append-only: written by `inzage_log` / `export_log`, never
    changed. Searched by the privacy officer (/privacy/toegang/).
    """

    gebruiker = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        on_delete=models.PROTECT,
        related_name="inzagen",
        null=True,
        blank=True,
        help_text=_("Empty for an export from the command line (see the context)."),
    )
    medewerker = models.ForeignKey(
        "people.Medewerker",
        verbose_name=_("employee"),
        on_delete=models.CASCADE,
        related_name="inzagen",
        null=True,
        blank=True,
    )
    soort = models.CharField(_("kind of record"), max_length=30, choices=InzageSoort.choices)
    object_id = models.PositiveBigIntegerField(_("record number"), null=True, blank=True)
    wanneer = models.DateTimeField(_("when"), default=timezone.now, editable=False)
    context = models.CharField(
        _("context"),
        max_length=MAX_CONTEXT,
        blank=True,
        default="",
        help_text=_("Why: the page or export, with its filter. Never the content."),
    )
    aantal = models.PositiveIntegerField(
        _("number of people"), null=True, blank=True, help_text=_("For an export.")
    )

    class Meta:
        verbose_name = _("access record")
        verbose_name_plural = _("access records")
        ordering = ["-wanneer", "-id"]
        indexes = [
            models.Index(fields=["medewerker", "-wanneer"], name="inzage_mw_idx"),
            models.Index(fields=["gebruiker", "-wanneer"], name="inzage_gebruiker_idx"),
            models.Index(fields=["-wanneer"], name="inzage_wanneer_idx"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(soort__in=InzageSoort.values), name="inzage_soort_geldig"
            ),
            # A read concerns one person and a signed-in user; only an export covers many
            # people (a count) and may come from the command line (no user).
            models.CheckConstraint(
                condition=Q(soort=InzageSoort.EXPORT)
                | Q(medewerker__isnull=False, gebruiker__isnull=False),
                name="inzage_lezing_persoon_gebruiker",
            ),
        ]

    def __str__(self) -> str:
        return gettext("%(user)s read %(kind)s %(id)s of %(number)s") % {
            "user": self.gebruiker_id,
            "kind": self.get_soort_display(),
            "id": self.object_id or "",
            "number": self.medewerker_id,
        }

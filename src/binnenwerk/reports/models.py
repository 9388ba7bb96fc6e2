"""A publication: the frozen figures of a year (or quarter) as they were published; and the
free-text sections of the annual overview (foreword, stories) that a beheerder edits.

A snapshot is never changed or deleted: there is no service for it, the admin shows nothing,
the model and its default manager refuse an update or a delete, and a database trigger
(migration 0003) refuses an UPDATE (and on PostgreSQL a DELETE) even in raw SQL. A
correction is published as a new Publicatie that supersedes it.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.validators import MaxLengthValidator, MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from binnenwerk.reports.constants import MAX_INHOUD, MAX_TITEL, TekstSoort


class ImmutableSnapshotError(Exception):
    """A published snapshot was about to be changed or deleted."""

    def __init__(self) -> None:
        super().__init__(
            gettext(
                "A publication cannot be changed or deleted: publish the period again "
                "with a reason instead."
            )
        )


class PublicatieQuerySet(models.QuerySet["Publicatie"]):
    """Refuses the bulk writes: a snapshot is never updated or deleted."""

    def update(self, **kwargs: Any) -> int:
        raise ImmutableSnapshotError

    def delete(self) -> tuple[int, dict[str, int]]:
        raise ImmutableSnapshotError


class Publicatie(models.Model):
    jaar = models.PositiveSmallIntegerField(_("year"))
    kwartaal = models.PositiveSmallIntegerField(
        _("quarter"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(4)],
    )
    published_at = models.DateTimeField(_("published at"))
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("published by"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    reden = models.TextField(_("reason"), blank=True)
    cijfers = models.JSONField(_("figures"))
    vervangt = models.OneToOneField(
        "self",
        verbose_name=_("supersedes"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="vervangen_door",
    )

    objects = PublicatieQuerySet.as_manager()

    class Meta:
        verbose_name = _("publication")
        verbose_name_plural = _("publications")
        ordering = ["-published_at", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(kwartaal__isnull=True)
                | models.Q(kwartaal__gte=1, kwartaal__lte=4),
                name="publicatie_kwartaal_1_4",
            ),
            models.CheckConstraint(
                condition=models.Q(vervangt__isnull=True) | ~models.Q(reden=""),
                name="publicatie_vervanging_met_reden",
            ),
        ]

    def __str__(self) -> str:
        period = f"{self.jaar}Q{self.kwartaal}" if self.kwartaal else str(self.jaar)
        return f"{period} ({self.published_at:%d-%m-%Y %H:%M})"

    def save(self, *args: Any, **kwargs: Any) -> None:
        """Only ever an INSERT: an existing snapshot is not saved again."""
        if not self._state.adding or kwargs.get("force_update") or kwargs.get("update_fields"):
            raise ImmutableSnapshotError
        kwargs["force_insert"] = True
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> tuple[int, dict[str, int]]:
        raise ImmutableSnapshotError


class Tekst(models.Model):
    """A free-text section of a year's annual overview: the foreword (at most one a year) or
    a story. Plain text, paragraphs separated by a blank line; shown escaped, never as HTML.
    Editable after publication: a publication keeps its own copy in its snapshot."""

    jaar = models.PositiveSmallIntegerField(_("year"))
    soort = models.CharField(_("kind"), max_length=10, choices=TekstSoort.choices)
    titel = models.CharField(_("title"), max_length=MAX_TITEL, blank=True)
    inhoud = models.TextField(_("text"), validators=[MaxLengthValidator(MAX_INHOUD)])
    volgorde = models.PositiveSmallIntegerField(_("order"), default=0)
    gewijzigd_op = models.DateTimeField(_("changed at"), auto_now=True)

    class Meta:
        verbose_name = _("text")
        verbose_name_plural = _("texts")
        ordering = ["jaar", "volgorde", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["jaar"],
                condition=models.Q(soort=TekstSoort.VOORWOORD),
                name="tekst_een_voorwoord_per_jaar",
                violation_error_message=_("This year already has a foreword."),
            ),
            models.CheckConstraint(
                condition=models.Q(soort__in=TekstSoort.values),
                name="tekst_soort_bekend",
            ),
            models.CheckConstraint(
                condition=models.Q(soort=TekstSoort.VOORWOORD) | ~models.Q(titel=""),
                name="tekst_verhaal_met_titel",
                violation_error_message=_("A story needs a title."),
            ),
            models.CheckConstraint(
                condition=~models.Q(inhoud=""),
                name="tekst_niet_leeg",
                violation_error_message=_("Write the text."),
            ),
        ]

    def __str__(self) -> str:
        return self.titel or str(self.get_soort_display())

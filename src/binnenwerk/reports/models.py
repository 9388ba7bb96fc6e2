"""A publication: the frozen figures of a year (or quarter) as they were published.

A snapshot is never changed or deleted through the app: there is no service for it and the
admin shows nothing. A correction is published as a new Publicatie that supersedes it.
"""

from __future__ import annotations

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _


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

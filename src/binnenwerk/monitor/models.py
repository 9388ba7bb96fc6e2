"""The Job Agreement monitor's own inputs: quotum per year, targets, quarterly figures.

The Binnenwerk column is never stored: the job counter computes it on the quarter's
last day. Figures are kept unrounded (jobs of 25.5 hours) and rounded only when shown.
"""

from __future__ import annotations

from decimal import Decimal

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

ZERO = Decimal(0)


class Quotumpercentage(models.Model):
    """The quotum percentage the government sets for a year (2.76% for 2023)."""

    jaar = models.PositiveSmallIntegerField(_("year"), unique=True)
    percentage = models.DecimalField(
        _("quotum percentage"),
        max_digits=5,
        decimal_places=3,
        validators=[MinValueValidator(Decimal("0.001")), MaxValueValidator(Decimal(100))],
    )

    class Meta:
        verbose_name = _("quotum percentage")
        verbose_name_plural = _("quotum percentages")
        ordering = ["-jaar"]

    def __str__(self) -> str:
        return f"{self.jaar}: {self.percentage}%"


class Doelstelling(models.Model):
    """The basis of an organisation's yearly target: its average FTE and full-time week.

    Without an organisation it is a target that no ministry carries yet (in 2023 the
    executive functions of DJI): it counts in the Rijk total only.
    """

    organisatie = models.ForeignKey(
        "organisation.Organisatie",
        verbose_name=_("organisation"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="doelstellingen",
    )
    jaar = models.PositiveSmallIntegerField(_("year"))
    fte = models.DecimalField(
        _("average FTE"), max_digits=10, decimal_places=2, validators=[MinValueValidator(ZERO)]
    )
    voltijd_uren = models.DecimalField(
        _("full-time hours per week"),
        max_digits=4,
        decimal_places=2,
        default=Decimal(36),
        validators=[MinValueValidator(Decimal(1)), MaxValueValidator(Decimal(60))],
    )
    omschrijving = models.CharField(
        _("description"),
        max_length=200,
        blank=True,
        help_text=_("Required for a target that no organisation carries yet."),
    )

    class Meta:
        verbose_name = _("target")
        verbose_name_plural = _("targets")
        ordering = ["jaar", "organisatie__code"]
        constraints = [
            models.UniqueConstraint(
                fields=["organisatie", "jaar"],
                condition=Q(organisatie__isnull=False),
                name="doelstelling_een_per_organisatie_per_jaar",
                # The API answers a duplicate natural key with 409 Conflict by this code.
                violation_error_code="unique_together",
                violation_error_message=_("This organisation already has a target for this year."),
            ),
            models.CheckConstraint(
                condition=Q(organisatie__isnull=False) | ~Q(omschrijving=""),
                name="doelstelling_niet_belegd_heeft_omschrijving",
                violation_error_message=_("A target without an organisation needs a description."),
            ),
        ]

    def __str__(self) -> str:
        who = self.organisatie.code if self.organisatie else self.omschrijving
        return f"{who} {self.jaar}"


class Kwartaalcijfer(models.Model):
    """A ministry's entered figures for one quarter, in jobs of 25.5 hours, unrounded."""

    organisatie = models.ForeignKey(
        "organisation.Organisatie",
        verbose_name=_("organisation"),
        on_delete=models.PROTECT,
        related_name="kwartaalcijfers",
    )
    jaar = models.PositiveSmallIntegerField(_("year"))
    kwartaal = models.PositiveSmallIntegerField(
        _("quarter"), validators=[MinValueValidator(1), MaxValueValidator(4)]
    )
    formeel_excl_binnenwerk = models.DecimalField(
        _("formal employment excluding Binnenwerk"),
        max_digits=12,
        decimal_places=4,
        validators=[MinValueValidator(ZERO)],
    )
    inleen = models.DecimalField(
        _("hired-in jobs"), max_digits=12, decimal_places=4, validators=[MinValueValidator(ZERO)]
    )

    class Meta:
        verbose_name = _("quarterly figure")
        verbose_name_plural = _("quarterly figures")
        ordering = ["jaar", "kwartaal", "organisatie__code"]
        constraints = [
            models.UniqueConstraint(
                fields=["organisatie", "jaar", "kwartaal"],
                name="kwartaalcijfer_een_per_organisatie_per_kwartaal",
                # The API answers a duplicate natural key with 409 Conflict by this code.
                violation_error_code="unique_together",
                violation_error_message=_(
                    "This organisation already has figures for this quarter."
                ),
            ),
            models.CheckConstraint(
                condition=Q(kwartaal__gte=1, kwartaal__lte=4),
                name="kwartaalcijfer_kwartaal_1_tot_4",
            ),
            models.CheckConstraint(
                condition=Q(formeel_excl_binnenwerk__gte=0, inleen__gte=0),
                name="kwartaalcijfer_niet_negatief",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.organisatie.code} {self.jaar}Q{self.kwartaal}"

"""Growth opportunities (kansrijke ideeën): work that could become jobs, with a client,
a work type, the expected jobs, a stage, an expected start and a probability.

The forecast weighs each idea's jobs by its probability; jobs themselves are only ever
counted by the job counter. Changes are kept in the audit log.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from binnenwerk.accounts.selectors import roles_of
from binnenwerk.opportunities.constants import SEES_OPPORTUNITIES, Fase


class KansQuerySet(models.QuerySet["Kans"]):
    def for_user(self, user: Any, peildatum: Any = None) -> KansQuerySet:
        """Management, recruitment and the administrator see every idea; nobody else any."""
        if roles_of(user) & SEES_OPPORTUNITIES:
            return self.all()
        return self.none()


class Kans(models.Model):
    titel = models.CharField(_("title"), max_length=200, unique=True)
    omschrijving = models.TextField(_("description"), blank=True)
    opdrachtgever = models.ForeignKey(
        "organisation.Organisatie",
        verbose_name=_("client"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="kansen",
    )
    werksoort = models.ForeignKey(
        "organisation.Werksoort",
        verbose_name=_("work type"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="kansen",
    )
    verwachte_banen = models.DecimalField(
        _("expected jobs"),
        max_digits=8,
        decimal_places=2,
        validators=[MinValueValidator(Decimal("0.01"))],
        help_text=_("In jobs of 25.5 hours a week."),
    )
    fase = models.CharField(_("stage"), max_length=12, choices=Fase.choices, default=Fase.IDEE)
    verwachte_start = models.DateField(_("expected start"))
    kans_pct = models.PositiveSmallIntegerField(
        _("probability (%)"), validators=[MinValueValidator(0), MaxValueValidator(100)]
    )
    eigenaar = models.CharField(_("owner"), max_length=200, blank=True)

    objects = KansQuerySet.as_manager()

    class Meta:
        verbose_name = _("growth opportunity")
        verbose_name_plural = _("growth opportunities")
        ordering = ["verwachte_start", "titel"]
        constraints = [
            models.CheckConstraint(
                condition=Q(kans_pct__gte=0, kans_pct__lte=100),
                name="kans_pct_0_tot_100",
                violation_error_message=_("The probability lies between 0 and 100 percent."),
            ),
            models.CheckConstraint(
                condition=Q(verwachte_banen__gt=0),
                name="kans_banen_positief",
                violation_error_message=_("The expected jobs must be more than 0."),
            ),
            models.CheckConstraint(
                condition=Q(fase__in=Fase.values),
                name="kans_fase_bekend",
                violation_error_message=_("Unknown stage."),
            ),
        ]

    def __str__(self) -> str:
        return self.titel

    @property
    def gewogen_banen(self) -> Decimal:
        """The expected jobs weighted by the probability (0 for a dropped idea)."""
        if self.fase == Fase.VERVALLEN:
            return Decimal(0)
        return self.verwachte_banen * self.kans_pct / Decimal(100)

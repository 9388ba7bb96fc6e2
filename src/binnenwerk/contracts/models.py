"""The contract clock's own record: the decision about a fixed-term contract.

The contracts themselves stay in people (Dienstverband); a decision links the contract it
is about and, for a permanent appointment or an extension, the follow-up contract.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from binnenwerk.contracts.constants import Besluit


class ContractbesluitQuerySet(models.QuerySet["Contractbesluit"]):
    def for_user(self, user: Any, peildatum: dt.date) -> ContractbesluitQuerySet:
        """Decisions about the contracts the user may decide on (HR all, a supervisor those
        of the people placed in the teams they lead on the date), nothing for the others."""
        from binnenwerk.contracts.selectors import dienstverbanden_for

        return self.filter(dienstverband__in=dienstverbanden_for(user, peildatum))


class Contractbesluit(models.Model):
    dienstverband = models.ForeignKey(
        "people.Dienstverband",
        verbose_name=_("contract"),
        on_delete=models.CASCADE,
        related_name="besluiten",
    )
    besluit = models.CharField(_("decision"), max_length=12, choices=Besluit.choices)
    ingangsdatum = models.DateField(
        _("effective date"),
        null=True,
        blank=True,
        help_text=_("First day of the permanent or the new fixed-term contract."),
    )
    einde = models.DateField(
        _("last day"),
        null=True,
        blank=True,
        help_text=_("Extension: last day of the new contract. End: last day of this one."),
    )
    uren_per_week = models.DecimalField(
        _("hours per week"), max_digits=5, decimal_places=2, null=True, blank=True
    )
    reden = models.TextField(_("reason"), blank=True)
    ketenwaarschuwing = models.TextField(
        _("chain rule warning"),
        blank=True,
        help_text=_("The warning the decider confirmed, when the chain passed the maximum."),
    )
    nieuw_dienstverband = models.ForeignKey(
        "people.Dienstverband",
        verbose_name=_("new contract"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    besloten_door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("decided by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    besloten_op = models.DateTimeField(_("decided at"), default=timezone.now)

    objects = ContractbesluitQuerySet.as_manager()

    class Meta:
        verbose_name = _("contract decision")
        verbose_name_plural = _("contract decisions")
        ordering = ["-besloten_op", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["dienstverband"],
                name="contractbesluit_een_per_dienstverband",
                violation_error_message=_("This contract already has a decision."),
            ),
            models.CheckConstraint(
                condition=(
                    Q(besluit=Besluit.VAST, ingangsdatum__isnull=False)
                    | Q(
                        besluit=Besluit.VERLENGEN,
                        ingangsdatum__isnull=False,
                        einde__gte=F("ingangsdatum"),
                    )
                    | (Q(besluit=Besluit.BEEINDIGEN, einde__isnull=False) & ~Q(reden=""))
                ),
                name="contractbesluit_volledig",
                violation_error_message=_(
                    "A permanent appointment needs an effective date, an extension an "
                    "effective date and a last day, an end a last day and a reason."
                ),
            ),
        ]

    def __str__(self) -> str:
        return gettext("%(decision)s: %(contract)s") % {
            "decision": self.get_besluit_display(),
            "contract": self.dienstverband,
        }

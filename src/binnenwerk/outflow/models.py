"""The end of someone's employment: the last day, why, and for move-ons the new employer.

The contract and placement end through the people services; this record adds the reason.
One record per person: recording again corrects it.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from binnenwerk.accounts.selectors import roles_of
from binnenwerk.outflow.constants import MET_WERKGEVER, SEES_LIST, Reden
from binnenwerk.people.models import Medewerker


class UitstroomQuerySet(models.QuerySet["Uitstroom"]):
    def for_user(self, user: Any, peildatum: dt.date | None = None) -> UitstroomQuerySet:
        """Per-person outflow: HR and management see everyone's, the other roles nobody's.

        (`peildatum` is accepted for the common signature; outflow is not team-scoped.)
        """
        if roles_of(user) & SEES_LIST:
            return self.all()
        return self.none()


class Uitstroom(models.Model):
    medewerker = models.OneToOneField(
        Medewerker,
        verbose_name=_("employee"),
        on_delete=models.CASCADE,
        related_name="uitstroom",
    )
    datum = models.DateField(_("last day of employment"))
    reden = models.CharField(_("reason"), max_length=20, choices=Reden.choices)
    nieuwe_werkgever = models.CharField(
        _("new employer"),
        max_length=200,
        blank=True,
        help_text=_("Required for a move-on within the Rijk; allowed for regular work elsewhere."),
    )
    toelichting = models.TextField(_("explanation"), blank=True)

    objects = UitstroomQuerySet.as_manager()

    class Meta:
        verbose_name = _("outflow")
        verbose_name_plural = _("outflows")
        ordering = ["-datum", "medewerker__personeelsnummer"]
        indexes = [models.Index(fields=["datum", "reden"], name="uitstroom_datum_reden_idx")]
        constraints = [
            models.CheckConstraint(
                condition=~Q(reden=Reden.DOORSTROOM) | ~Q(nieuwe_werkgever=""),
                name="uitstroom_doorstroom_heeft_werkgever",
                violation_error_message=_("A move-on within the Rijk needs the new employer."),
            ),
            models.CheckConstraint(
                condition=Q(nieuwe_werkgever="") | Q(reden__in=sorted(MET_WERKGEVER)),
                name="uitstroom_werkgever_alleen_bij_werk",
                violation_error_message=_(
                    "A new employer is only recorded for a move-on or regular work elsewhere."
                ),
            ),
            models.CheckConstraint(
                condition=Q(reden__in=Reden.values),
                name="uitstroom_reden_bekend",
                violation_error_message=_("Unknown reason."),
            ),
        ]

    def __str__(self) -> str:
        return gettext("Outflow %(number)s on %(date)s") % {
            "number": self.medewerker.personeelsnummer,
            "date": f"{self.datum:%d-%m-%Y}",
        }

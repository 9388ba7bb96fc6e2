"""One run of `binnenwerk opschonen`: the audit summary of what retention removed."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _


class Opschoning(models.Model):
    """Who ran it (the OS user or --door, and the account of that name if there is one), on
    which reference date, and how many records of each kind were deleted or anonymised."""

    uitgevoerd_op = models.DateTimeField(_("run at"), default=timezone.now, editable=False)
    peildatum = models.DateField(_("reference date"))
    door = models.CharField(_("by"), max_length=150)
    gebruiker = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    aantallen = models.JSONField(_("records per kind"), default=dict)

    class Meta:
        verbose_name = _("retention run")
        verbose_name_plural = _("retention runs")
        ordering = ["-uitgevoerd_op", "-id"]

    def __str__(self) -> str:
        return gettext("Retention run of %(date)s") % {"date": f"{self.peildatum:%d-%m-%Y}"}

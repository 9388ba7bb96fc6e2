from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AbsenceConfig(AppConfig):
    name = "binnenwerk.absence"
    label = "absence"
    verbose_name = _("Absence")

    def ready(self) -> None:
        from auditlog.registry import auditlog

        from binnenwerk.absence import models

        # The models hold dates, kinds and percentages only: never free text about health.
        auditlog.register(models.Ziekmelding)
        auditlog.register(models.Herstelperiode)
        auditlog.register(models.Poortwachterstap)
        auditlog.register(models.Verzuimnorm)

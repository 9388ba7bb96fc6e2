from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReportsConfig(AppConfig):
    name = "binnenwerk.reports"
    label = "reports"
    verbose_name = _("Reports")

    def ready(self) -> None:
        from auditlog.registry import auditlog

        from binnenwerk.reports import models

        auditlog.register(models.Publicatie, exclude_fields=["cijfers"])
        auditlog.register(models.Tekst, exclude_fields=["gewijzigd_op"])

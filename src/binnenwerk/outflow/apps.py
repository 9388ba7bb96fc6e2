from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OutflowConfig(AppConfig):
    name = "binnenwerk.outflow"
    verbose_name = _("Outflow and move-on")

    def ready(self) -> None:
        from auditlog.registry import auditlog

        from binnenwerk.outflow import models

        auditlog.register(models.Uitstroom)

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OutflowConfig(AppConfig):
    name = "binnenwerk.outflow"
    verbose_name = _("Outflow and move-on")

    def ready(self) -> None:
        from auditlog.registry import auditlog

        from binnenwerk.audit import register_special
        from binnenwerk.outflow import models
        from binnenwerk.outflow.constants import SEES_SPECIAL

        auditlog.register(models.Uitstroom)
        # The reason may be health: per person it is for HR only.
        register_special(models.Uitstroom, roles=SEES_SPECIAL, fields=["reden"])

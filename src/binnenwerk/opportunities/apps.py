from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OpportunitiesConfig(AppConfig):
    name = "binnenwerk.opportunities"
    verbose_name = _("Growth opportunities")

    def ready(self) -> None:
        from auditlog.registry import auditlog

        from binnenwerk.opportunities import models

        auditlog.register(models.Kans)

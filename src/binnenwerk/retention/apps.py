from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RetentionConfig(AppConfig):
    name = "binnenwerk.retention"
    verbose_name = _("Retention")

    def ready(self) -> None:
        from auditlog.registry import auditlog

        from binnenwerk.retention import models

        # The run's own record is the audit summary: who, when, which date, how many per kind.
        auditlog.register(models.Opschoning)

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MonitorConfig(AppConfig):
    name = "binnenwerk.monitor"
    verbose_name = _("Job Agreement monitor")

    def ready(self) -> None:
        from auditlog.registry import auditlog

        from binnenwerk.monitor import models

        for model in (models.Quotumpercentage, models.Doelstelling, models.Kwartaalcijfer):
            auditlog.register(model)

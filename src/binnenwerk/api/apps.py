from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ApiConfig(AppConfig):
    name = "binnenwerk.api"
    verbose_name = _("API")

    def ready(self) -> None:
        from auditlog.registry import auditlog

        from binnenwerk.api import models

        # The digest is a one-way hash, but it still identifies the token: never in the log.
        auditlog.register(models.ApiToken, exclude_fields=["digest"])

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "binnenwerk.accounts"
    verbose_name = _("Users and roles")

    def ready(self) -> None:
        from auditlog.registry import auditlog

        from binnenwerk.accounts import models

        auditlog.register(models.Profiel)
        auditlog.register(models.Roltoekenning)

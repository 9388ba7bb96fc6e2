from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "binnenwerk.accounts"
    verbose_name = _("Users and roles")

    def ready(self) -> None:
        from auditlog.registry import auditlog
        from django.contrib.auth import get_user_model

        from binnenwerk.accounts import models

        auditlog.register(models.Profiel)
        auditlog.register(models.Roltoekenning)
        # Every account change is in the audit log; the password (its hash) and the time of
        # the last sign-in are not: a password change is logged as such by the services.
        auditlog.register(get_user_model(), exclude_fields=["password", "last_login"])

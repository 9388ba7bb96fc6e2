from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "binnenwerk.accounts"
    verbose_name = "Gebruikers en rollen"

    def ready(self) -> None:
        from auditlog.registry import auditlog

        from binnenwerk.accounts import models

        auditlog.register(models.Profiel)
        auditlog.register(models.Roltoekenning)

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ContractsConfig(AppConfig):
    name = "binnenwerk.contracts"
    verbose_name = _("Contract clock")

    def ready(self) -> None:
        from auditlog.registry import auditlog

        from binnenwerk.contracts.models import Contractbesluit

        auditlog.register(Contractbesluit)

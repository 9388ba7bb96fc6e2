from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


def mask_contact(value: str) -> str:
    """Contact details never reach the audit log, not even in part."""
    return "••••" if value else ""


class RecruitmentConfig(AppConfig):
    name = "binnenwerk.recruitment"
    verbose_name = _("Recruitment")

    def ready(self) -> None:
        from auditlog.registry import auditlog

        from binnenwerk.audit import register_special
        from binnenwerk.recruitment import models
        from binnenwerk.recruitment.constants import CHANGES_CANDIDATES

        auditlog.register(
            models.Kandidaat,
            mask_fields=["email", "telefoon"],
            mask_callable="binnenwerk.recruitment.apps.mask_contact",
        )
        auditlog.register(models.Kandidaatfase)
        auditlog.register(models.Proefplaatsing)
        register_special(models.Kandidaat, roles=CHANGES_CANDIDATES, fields=["indicatie"])

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoachingConfig(AppConfig):
    name = "binnenwerk.coaching"
    verbose_name = _("Coaching and development")

    def ready(self) -> None:
        from auditlog.registry import auditlog

        from binnenwerk.audit import register_special
        from binnenwerk.coaching import models
        from binnenwerk.coaching.scope import COACHING_ROLES

        # Changes are recorded (who, when, which record) but the texts are special-category
        # data: the audit log shows that they changed, never what they say.
        mask = "binnenwerk.coaching.privacy.masked"
        auditlog.register(models.Coachingnotitie, mask_fields=["tekst"], mask_callable=mask)
        auditlog.register(models.Ontwikkeldoel, mask_fields=["omschrijving"], mask_callable=mask)
        auditlog.register(models.Functieprofiel)
        auditlog.register(models.Functietoewijzing)
        # Who is coached on what, and when: only for the roles that read coaching data.
        register_special(models.Coachingnotitie, roles=COACHING_ROLES)
        register_special(models.Ontwikkeldoel, roles=COACHING_ROLES)
        # Inzage is itself a log (append-only): it is not logged again.

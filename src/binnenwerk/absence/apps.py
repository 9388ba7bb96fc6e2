from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AbsenceConfig(AppConfig):
    name = "binnenwerk.absence"
    label = "absence"
    verbose_name = _("Absence")

    def ready(self) -> None:
        from auditlog.registry import auditlog

        from binnenwerk.absence import models
        from binnenwerk.absence.constants import READS_DETAILS
        from binnenwerk.audit import register_special

        # The models hold dates, kinds and percentages only: never free text about health.
        auditlog.register(models.Ziekmelding)
        auditlog.register(models.Herstelperiode)
        auditlog.register(models.Poortwachterstap)
        auditlog.register(models.Verzuimnorm)
        # That a person was sick is health data: the audit log shows these records only to
        # the roles that read sick reports (binnenwerk.audit.shown_entries).
        for model in (models.Ziekmelding, models.Herstelperiode, models.Poortwachterstap):
            register_special(model, roles=READS_DETAILS)

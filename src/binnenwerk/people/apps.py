from django.apps import AppConfig


class PeopleConfig(AppConfig):
    name = "binnenwerk.people"
    verbose_name = "Medewerkers"

    def ready(self) -> None:
        from auditlog.registry import auditlog

        from binnenwerk.people import models

        # The BSN is personal data that must never reach a log, not even masked in part.
        auditlog.register(
            models.Medewerker, mask_fields=["bsn"], mask_callable="binnenwerk.people.bsn.mask_bsn"
        )
        auditlog.register(models.Dienstverband)
        auditlog.register(models.Plaatsing)

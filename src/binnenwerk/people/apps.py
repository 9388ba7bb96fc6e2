from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PeopleConfig(AppConfig):
    name = "binnenwerk.people"
    verbose_name = _("Employees")

    def ready(self) -> None:
        from auditlog.registry import auditlog

        from binnenwerk.accounts.constants import SEES_PERSONAL_DETAILS
        from binnenwerk.audit import register_special
        from binnenwerk.people import models

        # The BSN is personal data that must never reach a log, not even masked in part.
        # Its search value (a keyed hash) stays out of the log as well.
        auditlog.register(
            models.Medewerker,
            mask_fields=["bsn"],
            mask_callable="binnenwerk.people.bsn.mask_bsn",
            exclude_fields=["bsn_zoekwaarde"],
        )
        # The indication, date of birth and BSN: for the roles that see a person's details.
        register_special(
            models.Medewerker,
            roles=SEES_PERSONAL_DETAILS,
            fields=["doelgroepindicatie", "geboortedatum", "bsn"],
        )
        auditlog.register(models.Dienstverband)
        auditlog.register(models.Plaatsing)

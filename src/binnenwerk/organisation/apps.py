from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OrganisationConfig(AppConfig):
    name = "binnenwerk.organisation"
    verbose_name = _("Organisation")

    def ready(self) -> None:
        from auditlog.registry import auditlog

        from binnenwerk.organisation import models

        for model in (
            models.Organisatie,
            models.Werksoort,
            models.Locatie,
            models.Team,
            models.TeamRol,
        ):
            auditlog.register(model)

from django.apps import AppConfig


class OrganisationConfig(AppConfig):
    name = "binnenwerk.organisation"
    verbose_name = "Organisatie"

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

"""Reference data in the admin: organisations, work types, locations and teams. Team roles
name staff members (personal data): they are handed over on the team's page."""

from django.contrib import admin

from binnenwerk.admin_base import ServiceAdmin
from binnenwerk.organisation import services
from binnenwerk.organisation.models import Locatie, Organisatie, Team, Werksoort


@admin.register(Organisatie)
class OrganisatieAdmin(ServiceAdmin):
    list_display = ["code", "naam", "soort", "hoort_bij"]
    list_filter = ["soort"]
    search_fields = ["code", "naam"]
    create_service = staticmethod(services.organisatie_create)
    update_service = staticmethod(services.organisatie_update)
    instance_kwarg = "organisatie"


@admin.register(Werksoort)
class WerksoortAdmin(ServiceAdmin):
    list_display = ["code", "naam", "teamgrootte_min", "teamgrootte_max"]
    search_fields = ["code", "naam"]
    create_service = staticmethod(services.werksoort_create)
    update_service = staticmethod(services.werksoort_update)
    instance_kwarg = "werksoort"


@admin.register(Locatie)
class LocatieAdmin(ServiceAdmin):
    list_display = ["code", "naam", "plaats", "provincie"]
    list_filter = ["provincie"]
    search_fields = ["code", "naam", "plaats"]
    create_service = staticmethod(services.locatie_create)
    update_service = staticmethod(services.locatie_update)
    instance_kwarg = "locatie"


@admin.register(Team)
class TeamAdmin(ServiceAdmin):
    list_display = [
        "code",
        "naam",
        "werksoort",
        "locatie",
        "partner",
        "capaciteit",
        "start",
        "einde",
    ]
    list_filter = ["werksoort", "locatie__provincie", "partner"]
    search_fields = ["code", "naam"]
    autocomplete_fields = ["werksoort", "locatie", "partner"]
    create_service = staticmethod(services.team_create)
    update_service = staticmethod(services.team_update)
    instance_kwarg = "team"

from django.contrib import admin

from binnenwerk.admin_base import ServiceAdmin
from binnenwerk.people import services
from binnenwerk.people.models import Dienstverband, Medewerker, Plaatsing


@admin.register(Medewerker)
class MedewerkerAdmin(ServiceAdmin):
    # BSN only on the person's own page, never in the list.
    list_display = ["personeelsnummer", "voornaam", "achternaam", "doelgroepindicatie", "werkgever"]
    list_filter = ["doelgroepindicatie", "werkgever"]
    search_fields = ["personeelsnummer", "voornaam", "achternaam"]
    create_service = staticmethod(services.medewerker_create)
    update_service = staticmethod(services.medewerker_update)
    instance_kwarg = "medewerker"


@admin.register(Dienstverband)
class DienstverbandAdmin(ServiceAdmin):
    list_display = ["medewerker", "start", "einde", "uren_per_week", "soort"]
    list_filter = ["soort"]
    search_fields = ["medewerker__personeelsnummer", "medewerker__achternaam"]
    autocomplete_fields = ["medewerker"]
    date_hierarchy = "start"
    create_service = staticmethod(services.dienstverband_create)
    update_service = staticmethod(services.dienstverband_update)
    instance_kwarg = "dienstverband"


@admin.register(Plaatsing)
class PlaatsingAdmin(ServiceAdmin):
    list_display = ["medewerker", "team", "opdrachtgever", "start", "einde"]
    list_filter = ["opdrachtgever", "team__werksoort"]
    search_fields = ["medewerker__personeelsnummer", "medewerker__achternaam", "team__code"]
    autocomplete_fields = ["medewerker", "team", "opdrachtgever"]
    date_hierarchy = "start"
    create_service = staticmethod(services.plaatsing_create)
    update_service = staticmethod(services.plaatsing_update)
    instance_kwarg = "plaatsing"

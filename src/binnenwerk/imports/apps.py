from django.apps import AppConfig


class ImportsConfig(AppConfig):
    name = "binnenwerk.imports"
    verbose_name = "Import en export"

from django.apps import AppConfig


class WebConfig(AppConfig):
    name = "binnenwerk.web"
    verbose_name = "Webapplicatie"

from django.apps import AppConfig


class DemoConfig(AppConfig):
    name = "binnenwerk.demo"
    verbose_name = "Demo-organisatie"

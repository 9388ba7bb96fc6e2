from django.apps import AppConfig


class JobsConfig(AppConfig):
    name = "binnenwerk.jobs"
    verbose_name = "Banenteller"

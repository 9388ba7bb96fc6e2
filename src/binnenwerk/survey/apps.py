from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SurveyConfig(AppConfig):
    name = "binnenwerk.survey"
    label = "survey"
    verbose_name = _("Employee survey")

    def ready(self) -> None:
        from auditlog.registry import auditlog

        from binnenwerk.survey import models

        # The questionnaire is audited. Invitations, responses and answers are NOT: an audit
        # entry carries a timestamp and an object id, and the entries of "code used" and
        # "response stored" side by side would link a code (handed to a person) to answers.
        auditlog.register(models.Vragenlijst)
        auditlog.register(models.Thema)
        auditlog.register(models.Vraag)

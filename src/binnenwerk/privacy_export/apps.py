from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PrivacyExportConfig(AppConfig):
    name = "binnenwerk.privacy_export"
    label = "privacy_export"
    verbose_name = _("Subject access")

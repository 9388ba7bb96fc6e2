from django.apps import AppConfig
from django.contrib.admin import apps as admin_apps
from django.utils.translation import gettext_lazy as _


class WebConfig(AppConfig):
    default = True
    name = "binnenwerk.web"
    verbose_name = _("Web application")


class BinnenwerkAdminConfig(admin_apps.AdminConfig):
    """Django's admin with Binnenwerk's site (web/admin_site.py): reference data, by role."""

    default = False
    default_site = "binnenwerk.web.admin_site.BinnenwerkAdminSite"

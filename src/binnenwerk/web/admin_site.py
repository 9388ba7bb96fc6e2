"""The Django admin as Binnenwerk uses it: reference data of its own apps, for the functional
administrator, through the services (binnenwerk.admin_base.ServiceAdmin).

Accounts, roles, passwords, authenticator apps, lockouts and the logs change only through the
app's own audited pages and services (web/views/accounts.py, accounts/services.py), which keep
role separation; so a model of any other app (django.contrib.auth, django-otp, django-axes,
django-auditlog) is never registered here, whatever that app's admin module asks. People,
contracts and placements are not here either: they are personal data, changed by HR on the
app's pages, where every read of special-category data is logged.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.contrib import admin
from django.db.models.base import ModelBase
from django.http import HttpRequest

from binnenwerk.accounts.constants import Rol
from binnenwerk.accounts.selectors import has_role

OWN_APPS = "binnenwerk."


class BinnenwerkAdminSite(admin.AdminSite):
    site_header = "Binnenwerk beheer"
    site_title = "Binnenwerk"
    index_title = "Gegevensbeheer"

    def register(self, model_or_iterable: Any, admin_class: Any = None, **options: Any) -> None:
        models: Iterable[Any] = (
            [model_or_iterable] if isinstance(model_or_iterable, ModelBase) else model_or_iterable
        )
        own = [m for m in models if m._meta.app_config.name.startswith(OWN_APPS)]
        if own:
            super().register(own, admin_class, **options)

    def has_permission(self, request: HttpRequest) -> bool:
        """The functional administrator's role, not Django's staff or superuser flags."""
        user = request.user
        return bool(user.is_active and has_role(user, Rol.BEHEERDER))

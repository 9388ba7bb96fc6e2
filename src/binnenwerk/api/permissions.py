"""Who may call an endpoint: the same roles as the web, and 404 outside them (never a hint)."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext as _
from rest_framework.exceptions import NotAuthenticated, NotFound, PermissionDenied
from rest_framework.permissions import SAFE_METHODS, BasePermission

from binnenwerk.accounts.constants import ONLY_ACCESS_LOG
from binnenwerk.accounts.selectors import has_role, roles_of


class RolePermission(BasePermission):
    """The view names `read_roles` (None = every signed-in user) and `write_roles`.

    A user outside `read_roles` learns nothing: 404. A user who may read but not change
    gets 403 on a write, which tells them nothing they could not already see.
    """

    def has_permission(self, request: Any, view: Any) -> bool:
        if not (request.user and request.user.is_authenticated):
            raise NotAuthenticated
        read_roles = getattr(view, "read_roles", None)
        if read_roles is not None and not has_role(request.user, *read_roles):
            raise NotFound
        roles = roles_of(request.user)
        if roles and roles <= ONLY_ACCESS_LOG:
            raise NotFound  # the privacy officer reads the access log only (least privilege)
        if not hasattr(view, request.method.lower()):
            return True  # a method the endpoint does not have: DRF answers 405
        if request.method not in SAFE_METHODS:
            write_roles = getattr(view, "write_roles", ())
            if not has_role(request.user, *write_roles):
                raise PermissionDenied(_("your role may read this, not change it"))
        return True

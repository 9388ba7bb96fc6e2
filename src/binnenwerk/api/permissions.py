"""Who may call an endpoint: the same roles as the web, and 404 outside them (never a hint)."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from rest_framework.exceptions import (
    ErrorDetail,
    NotAuthenticated,
    NotFound,
    PermissionDenied,
    ValidationError,
)
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


class QueryParameterError(ValidationError):
    """Unknown, empty or repeated query parameters: one error per parameter."""

    summary = gettext_lazy("The address contains unknown, empty or repeated query parameters.")


def _problems(given: Any, allowed: dict[str, bool]) -> dict[str, list[ErrorDetail]]:
    names = ", ".join(sorted(allowed))
    unknown = (
        _("unknown parameter; this address takes: %(names)s") % {"names": names}
        if allowed
        else _("unknown parameter; this address takes no query parameters")
    )
    problems = {}
    for name, values in given.lists():
        if name not in allowed:
            problems[name] = [ErrorDetail(unknown, code="unknown")]
        elif any(not value.strip() for value in values):
            message = _("empty value: give a value or leave the parameter out")
            problems[name] = [ErrorDetail(message, code="blank")]
        elif len(values) > 1 and not allowed[name]:
            message = _("given more than once: give it once")
            problems[name] = [ErrorDetail(message, code="repeated")]
    return problems


class KnownQueryParameters(BasePermission):
    """400 for a query parameter the operation's schema does not list, an empty one, or one
    given twice (api/contract.py). After the role check: who may not call the endpoint learns
    nothing from it."""

    def has_permission(self, request: Any, view: Any) -> bool:
        known = getattr(getattr(view, "schema", None), "query_parameters", None)
        allowed = known(view, request.method) if known is not None else None
        if allowed is None:
            return True  # no operation in the schema (a method the endpoint lacks: 405)
        problems = _problems(request.query_params, allowed)
        if problems:
            raise QueryParameterError(problems)
        return True

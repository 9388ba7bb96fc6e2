"""Who sees the annual overview and who publishes it, and whose client statement a user
opens: built from the accounts' helpers. Any other role gets 404."""

from __future__ import annotations

from typing import Any

from django.http import Http404, HttpRequest

from binnenwerk.accounts.constants import Rol
from binnenwerk.accounts.selectors import client_codes, has_role
from binnenwerk.reports.constants import PUBLISHES, SEES_REPORT
from binnenwerk.web.views.common import require_role


def sees_report(user: Any) -> bool:
    return has_role(user, *SEES_REPORT)


def publishes(user: Any) -> bool:
    return has_role(user, *PUBLISHES)


# --- the client statement (opdrachtgeversrapportage) ---------------------------


def client_statement_codes(user: Any) -> frozenset[str] | None:
    """The clients whose statement this user opens: None = every client (the report roles);
    a client contact: their organisation and its sub-organisations; anyone else: 404."""
    if sees_report(user):
        return None
    if has_role(user, Rol.OPDRACHTGEVER):
        return client_codes(user)
    raise Http404


def require_client_statement(request: HttpRequest, code: str) -> None:
    """404 unless the user may open this client's statement."""
    require_role(request, *SEES_REPORT, Rol.OPDRACHTGEVER)
    codes = client_statement_codes(request.user)
    if codes is not None and code not in codes:
        raise Http404


def opens_client_statement(user: Any, code: str) -> bool:
    """Whether a link to this client's statement would open for the user (no 404)."""
    if sees_report(user):
        return True
    return has_role(user, Rol.OPDRACHTGEVER) and code in client_codes(user)

"""`Authorization: Bearer <token>` with a personal API token; the session serves the browser.

Another scheme (`Token …`, `Basic …`) or a header without a scheme is refused with 401 naming
the Bearer scheme, unless the browser's session signs the request in (a proxy in front of a
test server may add its own Basic header to every request of a signed-in browser)."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext as _
from drf_spectacular.extensions import OpenApiAuthenticationExtension
from rest_framework.authentication import BaseAuthentication, get_authorization_header
from rest_framework.exceptions import AuthenticationFailed

from binnenwerk.api.selectors import valid_token
from binnenwerk.api.services import api_token_touch

KEYWORD = b"bearer"
HEADER = "HTTP_AUTHORIZATION"


def _signed_in_by_session(request: Any) -> bool:
    user = getattr(request._request, "user", None)
    return bool(user and user.is_authenticated)


class BearerTokenAuthentication(BaseAuthentication):
    def authenticate(self, request: Any) -> tuple[Any, Any] | None:
        parts = get_authorization_header(request).split()
        if not parts or parts[0].lower() != KEYWORD:
            if HEADER not in request.META or _signed_in_by_session(request):
                return None  # not ours: the session may still authenticate the request
            raise AuthenticationFailed(
                _(
                    "only the Bearer scheme is accepted: send 'Authorization: Bearer' "
                    "followed by your API token"
                )
            )
        if len(parts) != 2:
            raise AuthenticationFailed(_("give exactly one token after 'Bearer'"))
        try:
            secret = parts[1].decode("ascii")
        except UnicodeDecodeError as error:
            raise AuthenticationFailed(_("the token contains invalid characters")) from error
        token = valid_token(secret)
        if token is None:
            # One message for unknown, expired and revoked: it tells a guesser nothing.
            raise AuthenticationFailed(_("the token is unknown, expired or revoked"))
        api_token_touch(token)
        return token.user, token

    def authenticate_header(self, request: Any) -> str:
        return 'Bearer realm="api"'


class BearerTokenScheme(OpenApiAuthenticationExtension):
    target_class = BearerTokenAuthentication
    name = "token"

    def get_security_definition(self, auto_schema: Any) -> dict[str, str]:
        return {
            "type": "http",
            "scheme": "bearer",
            "description": "Persoonlijk API-token (pagina API-tokens); verloopt, intrekbaar.",
        }

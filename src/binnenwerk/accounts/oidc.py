"""Sign-in with the Rijksaccount: OpenID Connect (mozilla-django-oidc), on when configured.

The identity provider says who someone is (the claim settings.OIDC_GEBRUIKERSNAAM_CLAIM) and
what they do (the claims settings.OIDC_ROLLEN_CLAIM, mapped to roles by settings.OIDC_ROLLEN).
Each sign-in creates or updates the account with exactly those roles; someone with none of
the mapped values is refused with a page that says why. Both are audited.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from typing import Any

from django.conf import settings
from django.contrib.auth.decorators import login_not_required
from django.core.exceptions import ImproperlyConfigured, SuspiciousOperation, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from mozilla_django_oidc.auth import OIDCAuthenticationBackend
from mozilla_django_oidc.views import OIDCAuthenticationCallbackView, OIDCAuthenticationRequestView

from binnenwerk.accounts.constants import Rol
from binnenwerk.accounts.services import account_refuse_sso, account_sign_in_sso

logger = logging.getLogger(__name__)

# Why a sign-in was refused: kept on the request for the callback's page.
REFUSAL_ATTRIBUTE = "binnenwerk_oidc_weigering"
NO_ROLE = "geen rol"
NO_USERNAME = "geen gebruikersnaam"


def parse_role_mapping(text: str) -> dict[str, Rol]:
    """'urn:x:hr=personeelszaken,urn:x:beheer=beheerder' → {claim value: role}.

    A value may itself contain '=': the role is what follows the last one. An unknown role
    stops the start-up: a typo must not silently leave people without access.
    """
    mapping: dict[str, Rol] = {}
    for item in text.split(","):
        if not item.strip():
            continue
        value, sep, role = item.strip().rpartition("=")
        if not sep or not value.strip():
            raise ImproperlyConfigured(f"OIDC_ROLLEN: '{item.strip()}' is geen 'waarde=rol'.")
        try:
            mapping[value.strip()] = Rol(role.strip())
        except ValueError:
            known = ", ".join(Rol.values)
            raise ImproperlyConfigured(
                f"OIDC_ROLLEN: onbekende rol '{role.strip()}' (bekend: {known})."
            ) from None
    return mapping


def claim_values(claims: dict[str, Any], names: Iterable[str]) -> set[str]:
    """Every value of the named claims: a list, or one string (space- or comma-separated)."""
    values: set[str] = set()
    for name in names:
        found = claims.get(name)
        if isinstance(found, str):
            values.update(found.replace(",", " ").split())
        elif isinstance(found, list | tuple):
            values.update(str(v) for v in found)
    return values


def roles_from_claims(claims: dict[str, Any]) -> set[Rol]:
    mapping = parse_role_mapping(settings.OIDC_ROLLEN)
    return {mapping[v] for v in claim_values(claims, settings.OIDC_ROLLEN_CLAIM) if v in mapping}


def username_from_claims(claims: dict[str, Any]) -> str:
    value = claims.get(settings.OIDC_GEBRUIKERSNAAM_CLAIM)
    return value.strip().lower() if isinstance(value, str) else ""


class RijksOIDCBackend(OIDCAuthenticationBackend):
    """Accounts by the username claim, roles from the role claims (no other source)."""

    def verify_claims(self, claims: dict[str, Any]) -> bool:
        return bool(username_from_claims(claims))

    def filter_users_by_claims(self, claims: dict[str, Any]) -> Any:
        return self.UserModel.objects.filter(username=username_from_claims(claims))

    def create_user(self, claims: dict[str, Any]) -> Any:
        return self._sign_in(claims)

    def update_user(self, user: Any, claims: dict[str, Any]) -> Any:
        return self._sign_in(claims)

    def get_or_create_user(self, access_token: Any, id_token: Any, payload: Any) -> Any:
        try:
            user = super().get_or_create_user(access_token, id_token, payload)
        except SuspiciousOperation:  # no username claim, or two accounts by it
            user = None
        if user is None and not hasattr(self.request, REFUSAL_ATTRIBUTE):
            setattr(self.request, REFUSAL_ATTRIBUTE, NO_USERNAME)
        return user

    def _sign_in(self, claims: dict[str, Any]) -> Any:
        username = username_from_claims(claims)
        roles = roles_from_claims(claims)
        if not roles:
            return self._refuse(username, NO_ROLE)
        try:
            return account_sign_in_sso(
                username=username,
                roles=roles,
                email=str(claims.get("email", "")),
                first_name=str(claims.get("given_name", "")),
                last_name=str(claims.get("family_name", "")),
            )
        except ValidationError:
            return self._refuse(username, NO_USERNAME)

    def _refuse(self, username: str, reason: str) -> None:
        setattr(self.request, REFUSAL_ATTRIBUTE, reason)
        account_refuse_sso(username=username, reason=reason)
        logger.warning("Aanmelding met Rijksaccount geweigerd: %s", reason)
        return None


def _enabled() -> None:
    if not getattr(settings, "OIDC_ENABLED", False):
        raise Http404


class RijksCallbackView(OIDCAuthenticationCallbackView):
    """The provider's answer; a refusal gets a page that says why instead of a redirect."""

    def get(self, request: HttpRequest) -> HttpResponse:
        try:
            return super().get(request)
        except SuspiciousOperation as error:  # unknown state, wrong nonce or signature
            logger.warning("Aanmelding met Rijksaccount geweigerd: %s", error)
            return self.login_failure()

    def login_failure(self) -> HttpResponse:
        reason = getattr(self.request, REFUSAL_ATTRIBUTE, "")
        return render(
            self.request,
            "web/oidc_refused.html",
            {"geen_rol": reason == NO_ROLE},
            status=403,
        )


@login_not_required
def oidc_start(request: HttpRequest) -> HttpResponse:
    _enabled()
    return OIDCAuthenticationRequestView.as_view()(request)


@login_not_required
def oidc_callback(request: HttpRequest) -> HttpResponse:
    _enabled()
    return RijksCallbackView.as_view()(request)

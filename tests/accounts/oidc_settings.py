"""Settings of a fictitious identity provider for the OIDC tests (nothing is ever fetched)."""

from django.conf import settings
from django.test import override_settings

SECRET = "geheim-van-de-test-client-met-genoeg-lengte"
BACKEND = "binnenwerk.accounts.oidc.RijksOIDCBackend"
AUTHORIZE = "https://login.rijk.example/authorize"


def oidc_on(**extra):
    return override_settings(
        OIDC_ENABLED=True,
        OIDC_RP_CLIENT_ID="binnenwerk",
        OIDC_RP_CLIENT_SECRET=SECRET,
        OIDC_RP_SIGN_ALGO="HS256",
        OIDC_OP_AUTHORIZATION_ENDPOINT=AUTHORIZE,
        OIDC_OP_TOKEN_ENDPOINT="https://login.rijk.example/token",
        OIDC_OP_USER_ENDPOINT="https://login.rijk.example/userinfo",
        OIDC_OP_JWKS_ENDPOINT=None,
        OIDC_ROLLEN="urn:rijk:binnenwerk:beheer=beheerder,urn:rijk:binnenwerk:hr=personeelszaken,"
        "urn:rijk:binnenwerk:mt=management",
        OIDC_ROLLEN_CLAIM=["roles", "groups"],
        OIDC_GEBRUIKERSNAAM_CLAIM="email",
        AUTHENTICATION_BACKENDS=[*settings.AUTHENTICATION_BACKENDS, BACKEND],
        **extra,
    )

"""Reads of API tokens."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from django.utils import timezone

from binnenwerk.api.models import ApiToken
from binnenwerk.api.services import TOKEN_START, token_digest


def tokens_of(user: Any) -> QuerySet[ApiToken]:
    return ApiToken.objects.filter(user=user).order_by("-aangemaakt_op")


def valid_token(secret: str) -> ApiToken | None:
    """The token with this secret when it is neither expired nor revoked, with its user."""
    if not secret.startswith(TOKEN_START):
        return None
    return (
        ApiToken.objects.select_related("user")
        .filter(
            digest=token_digest(secret),
            ingetrokken_op__isnull=True,
            verloopt_op__gt=timezone.now(),
            user__is_active=True,
        )
        .first()
    )

"""Personal API tokens: created (the secret shown once), revoked; every change audited."""

from __future__ import annotations

import datetime as dt
import hashlib
import secrets
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from binnenwerk.api.models import ApiToken
from binnenwerk.services_base import save_validated

# Recognisable in logs and by secret scanners; the rest is 256 bits of randomness.
# bandit B105: the public prefix of every token, not a secret.
TOKEN_START = "bw_"  # nosec B105


def token_digest(secret: str) -> str:
    # The secret is random, not a password: one SHA-256 round is enough and fast to look up.
    return hashlib.sha256(secret.encode()).hexdigest()


@dataclass(frozen=True)
class NewToken:
    token: ApiToken
    secret: str  # shown to its owner once, never stored


@transaction.atomic
def api_token_create(*, actor: Any, user: Any, naam: str, geldig_dagen: int) -> NewToken:
    maximum = settings.API_TOKEN_MAX_DAGEN
    if not 1 <= geldig_dagen <= maximum:
        raise ValidationError(
            {"geldig_dagen": _("a token is valid for 1 to %(max)s days") % {"max": maximum}}
        )
    if not naam.strip():
        raise ValidationError({"naam": _("give the token a name, so you can recognise it")})
    prefix = TOKEN_START + secrets.token_hex(4)
    secret = f"{prefix}_{secrets.token_urlsafe(32)}"
    token = ApiToken(
        user=user,
        naam=naam.strip(),
        prefix=prefix,
        digest=token_digest(secret),
        verloopt_op=timezone.now() + dt.timedelta(days=geldig_dagen),
    )
    return NewToken(save_validated(token, actor), secret)


@transaction.atomic
def api_token_revoke(*, actor: Any, token: ApiToken) -> ApiToken:
    if token.ingetrokken_op is None:
        token.ingetrokken_op = timezone.now()
        save_validated(token, actor)
    return token


def api_token_touch(token: ApiToken) -> None:
    """Remember when a token was last used, at most once a minute (no write per request)."""
    now = timezone.now()
    if token.laatst_gebruikt_op is None or now - token.laatst_gebruikt_op > dt.timedelta(minutes=1):
        ApiToken.objects.filter(pk=token.pk).update(laatst_gebruikt_op=now)
        token.laatst_gebruikt_op = now

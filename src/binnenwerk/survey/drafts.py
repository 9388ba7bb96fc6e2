"""Answers in progress (the draft): encrypted and short-lived in the answering session.

A draft holds the code, the questionnaire and the answers given so far. It never sits in the
session in plain: the session holds one Fernet token (AES-CBC with HMAC-SHA256) under a key
derived from SECRET_KEY with a label of its own, written again after every answer. A token
older than ONDERZOEK_CONCEPT_MINUTEN (an hour) is refused, and the session that holds it
expires at the same moment (views.py sets its expiry); `services.drafts_purge` deletes the
expired session rows.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
from dataclasses import dataclass, field
from typing import Any

from cryptography.fernet import Fernet, InvalidToken
from django.conf import settings

DRAFT_KEY_LABEL = b"binnenwerk:onderzoek:concept:v1"


class DraftExpired(Exception):
    """The draft is older than its time to live, or was not made with this server's key."""


@dataclass
class Draft:
    code: str
    vragenlijst: int
    # Question id (as text, JSON's keys) → a mark (int) or yes/no (bool).
    antwoorden: dict[str, int | bool] = field(default_factory=dict)


def ttl_seconds() -> int:
    return int(settings.ONDERZOEK_CONCEPT_MINUTEN) * 60


def _fernet() -> Fernet:
    key = hmac.new(settings.SECRET_KEY.encode(), DRAFT_KEY_LABEL, hashlib.sha256).digest()
    return Fernet(base64.urlsafe_b64encode(key))


def draft_seal(draft: Draft) -> str:
    plain = json.dumps(
        {"c": draft.code, "v": draft.vragenlijst, "a": draft.antwoorden}, separators=(",", ":")
    )
    return _fernet().encrypt(plain.encode()).decode("ascii")


def draft_open(token: Any) -> Draft:
    """The draft in a token made less than the time to live ago, else DraftExpired."""
    if not isinstance(token, str):
        raise DraftExpired
    try:
        plain = _fernet().decrypt(token.encode("ascii"), ttl=ttl_seconds())
        data = json.loads(plain)
        answers = {str(k): v for k, v in data["a"].items() if isinstance(v, bool | int)}
        return Draft(code=str(data["c"]), vragenlijst=int(data["v"]), antwoorden=answers)
    except (InvalidToken, UnicodeError, ValueError, KeyError, TypeError, AttributeError) as error:
        raise DraftExpired from error

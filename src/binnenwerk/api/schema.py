"""The OpenAPI document: every operation documents its errors as problem+json (RFC 9457)."""

from __future__ import annotations

from typing import Any

from django.conf import settings

from binnenwerk.api.problems import PROBLEM_JSON

PROBLEM_SCHEMA: dict[str, Any] = {
    "type": "object",
    "description": "Foutmelding volgens RFC 9457 (application/problem+json).",
    "properties": {
        "type": {"type": "string"},
        "title": {"type": "string"},
        "status": {"type": "integer"},
        "detail": {"type": "string"},
        "errors": {
            "type": "array",
            "description": "Bij ongeldige invoer: één melding per veld, in het Nederlands.",
            "items": {
                "type": "object",
                "properties": {
                    "veld": {"type": "string"},
                    "detail": {"type": "string"},
                    "code": {"type": "string"},
                },
                "required": ["veld", "detail", "code"],
            },
        },
    },
    "required": ["type", "title", "status", "detail"],
}
ERRORS = {
    "400": (
        "Ongeldige invoer, of een onbekende, lege of herhaalde queryparameter (elk genoemd, "
        "met de toegestane); er is niets opgeslagen."
    ),
    "401": (
        "Niet aangemeld, of het token is onbekend, verlopen of ingetrokken, of een ander "
        "schema dan Bearer (WWW-Authenticate: Bearer)."
    ),
    "403": "Uw rol mag dit lezen, niet wijzigen.",
    "404": "Bestaat niet, of valt buiten wat u mag zien.",
    "429": (
        "Te veel verzoeken met dit token: ten hoogste {rate} (instelling API_THROTTLE_RATE); "
        "probeer het na Retry-After seconden opnieuw."
    ),
}
# Only on the operations that can answer them: a write that would duplicate a natural key
# (409), and a change without If-Match (428) or with a stale one (412).
WRITE_ERRORS = {
    "409": (
        "Er bestaat al een record met deze sleutel (code, personeelsnummer of een unieke "
        "combinatie); de melding noemt veld en waarde. Er is niets opgeslagen."
    ),
    "412": (
        "Het record is gewijzigd sinds de ETag in If-Match: haal het opnieuw op (GET) en "
        "stuur de nieuwe ETag mee. Er is niets opgeslagen."
    ),
    "428": (
        "If-Match ontbreekt: haal het record eerst op (GET) en stuur de waarde van zijn "
        "ETag-header mee in If-Match. Er is niets opgeslagen."
    ),
}
WRITES = {"post", "put", "patch", "delete"}
CONDITIONAL = {"put", "patch", "delete"}


def _write_errors(method: str) -> list[str]:
    codes = ["409"] if method in WRITES else []
    return codes + (["412", "428"] if method in CONDITIONAL else [])


def _subclasses(cls: type) -> list[type]:
    found: list[type] = []
    direct: type
    for direct in cls.__subclasses__():
        found += [direct, *_subclasses(direct)]
    return found


def optional_role_fields(result: dict[str, Any], **kwargs: Any) -> dict[str, Any]:
    """A field only some roles see may be absent from a response: never `required` there."""
    from binnenwerk.api.base import RoleFieldsMixin

    schemas = result.get("components", {}).get("schemas", {})
    for serializer in _subclasses(RoleFieldsMixin):
        component = schemas.get(serializer.__name__.removesuffix("Serializer"))
        hidden = set(getattr(serializer.Meta, "role_fields", {}))  # type: ignore[attr-defined]
        if component and "required" in component:
            component["required"] = [name for name in component["required"] if name not in hidden]
    return result


def add_problem_responses(result: dict[str, Any], **kwargs: Any) -> dict[str, Any]:
    """drf-spectacular post-processing hook: one Problem schema, referenced by every error."""
    components = result.setdefault("components", {})
    components.setdefault("schemas", {})["Problem"] = PROBLEM_SCHEMA
    texts = {**ERRORS, **WRITE_ERRORS}
    texts["429"] = texts["429"].format(rate=settings.API_THROTTLE_RATE)
    components["responses"] = {
        code: {
            "description": text,
            "content": {PROBLEM_JSON: {"schema": {"$ref": "#/components/schemas/Problem"}}},
        }
        for code, text in sorted(texts.items())
    }
    for path_item in result.get("paths", {}).values():
        for method, operation in path_item.items():
            responses = operation.setdefault("responses", {})
            for code in [*ERRORS, *_write_errors(method)]:
                responses.setdefault(code, {"$ref": f"#/components/responses/{code}"})
    return result

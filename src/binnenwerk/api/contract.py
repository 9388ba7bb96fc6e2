"""The contract (openapi.yaml) as the API enforces it: the query parameters an operation takes
are exactly the ones its schema lists, and the version headers are in the schema.

`ContractSchema` (REST framework's DEFAULT_SCHEMA_CLASS) documents ETag, If-Match and Location
on the operations that have them (api/versions.py), says that a text parameter cannot be
empty, and remembers each operation's query parameters. `permissions.KnownQueryParameters`
(a default permission, after the role check) asks the view's schema for them and refuses with
400, naming each offending parameter and listing the allowed ones: a parameter the schema does
not list, an empty value (`?peildatum=`) and a parameter given twice. One mechanism for every
endpoint: the filters, `zoek`, `volgorde`, `pagina`, `per_pagina` and each view's own
parameters are known because the schema lists them. The schema is generated once per
process, on the first request that needs it.
"""

from __future__ import annotations

import functools
from typing import Any

from drf_spectacular.generators import SchemaGenerator
from drf_spectacular.openapi import AutoSchema
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter

from binnenwerk.api.versions import IF_MATCH, Versioned

# (view class, HTTP method, viewset action or None) -> {parameter name: may it repeat}
Operation = tuple[type, str, str | None]
_QUERY_PARAMETERS: dict[Operation, dict[str, bool]] = {}
CONDITIONAL = frozenset({"PATCH", "PUT", "DELETE"})

ETAG = OpenApiParameter(
    "ETag",
    OpenApiTypes.STR,
    location=OpenApiParameter.HEADER,
    response=[200, 201],
    description=(
        "De versie van het record (sterk, tussen dubbele aanhalingstekens). Stuur hem bij een "
        "wijziging terug in If-Match."
    ),
)
IF_MATCH_HEADER = OpenApiParameter(
    IF_MATCH,
    OpenApiTypes.STR,
    location=OpenApiParameter.HEADER,
    required=True,
    description=(
        "Verplicht: de ETag uit de laatste GET (of het antwoord op de laatste wijziging), "
        "letterlijk met de aanhalingstekens. Zonder: 428; is het record sindsdien gewijzigd: "
        "412 en er wordt niets opgeslagen. `*` wijzigt wat de huidige versie ook is."
    ),
)
LOCATION = OpenApiParameter(
    "Location",
    OpenApiTypes.STR,
    location=OpenApiParameter.HEADER,
    response=[201],
    description="Het pad van het nieuwe record (absoluut pad, zonder host).",
)


def _operation(view: Any, method: str) -> Operation:
    return (type(view), method.upper(), getattr(view, "action", None))


class ContractSchema(AutoSchema):
    def get_override_parameters(self) -> list[Any]:
        parameters = list(super().get_override_parameters())
        action = getattr(self.view, "action", None)
        if not isinstance(self.view, Versioned) or action == "list":
            return parameters
        parameters.append(ETAG)
        if self.method in CONDITIONAL:
            parameters.append(IF_MATCH_HEADER)
        if action == "create":
            parameters.append(LOCATION)
        return parameters

    # A classmethod: a view's `schema` is an instance, or for an @action with extend_schema
    # the class drf-spectacular made for it.
    @classmethod
    def query_parameters(cls, view: Any, method: str) -> dict[str, bool] | None:
        """The query parameters of the view's operation for `method` (by name: whether it
        may be given more than once); None for an operation outside the schema."""
        method = "GET" if method.upper() == "HEAD" else method
        return _contract().get(_operation(view, method))

    def get_operation(
        self, path: str, path_regex: str, path_prefix: str, method: str, registry: Any
    ) -> dict[str, Any] | None:
        operation = super().get_operation(path, path_regex, path_prefix, method, registry)
        if operation is None:
            return None
        query = {}
        for parameter in operation.get("parameters", []):
            if parameter["in"] != "query":
                continue
            schema = parameter.get("schema", {})
            if schema.get("type") == "string" and not {"enum", "format"} & set(schema):
                schema.setdefault("minLength", 1)  # an empty value is refused
            query[parameter["name"]] = schema.get("type") == "array"
        _QUERY_PARAMETERS[_operation(self.view, method)] = query
        return operation


@functools.cache
def _contract() -> dict[Operation, dict[str, bool]]:
    SchemaGenerator().get_schema(request=None, public=True)  # ContractSchema fills it in
    return dict(_QUERY_PARAMETERS)

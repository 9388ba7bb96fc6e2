"""What the API tests of the later apps share: roles by role set, problem+json checks, the
service's own Dutch message, the audit actor, and a response checked against the schema
(the document /api/v1/schema serves) with schemathesis' response checks."""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable
from typing import Any

import pytest
import requests
import schemathesis
from auditlog.models import LogEntry
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.utils import translation
from drf_spectacular.generators import SchemaGenerator
from schemathesis.core.transport import Response

from binnenwerk.accounts.constants import Rol
from tests.roles import ROLES

API = "/api/v1/"
PROBLEM = "application/problem+json"
# The demo's accounts are named after their role, except the monitor coordinator's.
ROLE_OF = {username: Rol.MONITOR if username == "monitor" else Rol(username) for username in ROLES}


def holding(roles: Iterable[str]) -> set[str]:
    """The demo accounts whose role is in the set (the set the web checks too)."""
    wanted = set(roles)
    return {username for username, rol in ROLE_OF.items() if rol in wanted}


def user(username: str) -> Any:
    return get_user_model().objects.get(username=username)


def assert_problem(response: Any, status: int) -> None:
    assert response.status_code == status, response.content
    assert response["Content-Type"].startswith(PROBLEM)
    assert response.json()["status"] == status


def patch_current(client: Any, url: str, data: dict[str, Any]) -> Any:
    """A PATCH as a careful client sends it: If-Match with the ETag of a GET just before
    (none when the GET gives no ETag: a role that may not read gets its 404 anyway)."""
    etag = client.get(url).get("ETag")
    extra = {"HTTP_IF_MATCH": etag} if etag else {}
    return client.patch(url, data, format="json", **extra)


def expected_status(username: str, readers: set[str], writers: set[str], ok: int) -> int:
    """A write: `ok` for a writer, 403 for a reader who may not write, 404 for the rest."""
    if username in writers:
        return ok
    return 403 if username in readers else 404


def service_error(service: Callable[..., Any], **kwargs: Any) -> ValidationError:
    """What the service says (in Dutch) about the same input, called directly."""
    with translation.override("nl"), pytest.raises(ValidationError) as error:
        service(**kwargs)
    return error.value


def refused_with(
    response: Any, veld: str, expected: ValidationError | str, status: int = 400
) -> None:
    """A problem+json (400, or 409 for a taken key) whose errors are exactly the service's
    message(s) for this field."""
    assert_problem(response, status)
    messages = [expected] if isinstance(expected, str) else expected.message_dict[veld]
    errors = response.json()["errors"]
    assert [(e["veld"], e["detail"]) for e in errors] == [(veld, m) for m in messages]


def dutch(message: str, **values: Any) -> str:
    """A message id in Dutch (checked to be translated), filled in like the code does."""
    with translation.override("nl"):
        text = translation.gettext(message)
    assert text != message, f"no Dutch translation for {message!r}"
    return text % values if values else text


def actor_of(obj: Any) -> Any:
    return LogEntry.objects.get_for_object(obj).latest("timestamp").actor


@functools.cache
def _schema() -> Any:
    return schemathesis.openapi.from_dict(SchemaGenerator().get_schema(request=None, public=True))


def conforms(response: Any, path: str, method: str = "GET") -> Any:
    """Fail when the response breaks the schema of the operation at `path` (written as in
    the document: "/api/v1/kansen/{id}"); return its JSON body."""
    answer = Response(
        status_code=response.status_code,
        headers={name.lower(): [value] for name, value in response.items()},
        content=response.content,
        request=requests.Request(method, f"http://testserver{path}").prepare(),
        elapsed=0.0,
        verify=True,
    )
    _schema()[path][method].validate_response(answer)
    return response.json()

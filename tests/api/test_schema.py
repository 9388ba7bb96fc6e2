"""The API against its own contract: the committed openapi.yaml is the generated one, and a
schemathesis run (fixed seed, bounded examples, valid and invalid input) finds no server
error and no response that breaks the schema, for a role that may write and two scoped roles.

Hypothesis drives schemathesis' strategies directly, one test per operation: the schema is
generated in-process (the same document /api/v1/schema serves) and requests go to the WSGI app.
"""

from __future__ import annotations

import io
from pathlib import Path

import pytest
import schemathesis
from django.core import signals
from django.core.management import call_command
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from django.test import Client
from drf_spectacular.generators import SchemaGenerator
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
from schemathesis import GenerationMode
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

COMMITTED = Path(__file__).resolve().parents[2] / "openapi.yaml"
CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
]
# A writer (HR), a client (aggregates of its own organisation) and a supervisor (own teams).
FUZZED_ROLES = ["personeelszaken", "opdrachtgever", "leidinggevende"]
EXAMPLES_PER_OPERATION = 15


def test_committed_schema_is_the_generated_one():
    generated = io.StringIO()
    call_command("spectacular", "--validate", "--fail-on-warn", stdout=generated)
    assert COMMITTED.read_text(encoding="utf-8") == generated.getvalue(), (
        "openapi.yaml is out of date: run `make openapi` and commit it"
    )


def _live_schema() -> schemathesis.schemas.BaseSchema:
    document = SchemaGenerator().get_schema(request=None, public=True)
    schema = schemathesis.openapi.from_dict(document)
    schema.app = get_wsgi_application()
    return schema


SCHEMA = _live_schema()
OPERATIONS = [result.ok() for result in SCHEMA.get_all_operations()]


@pytest.fixture
def as_a_server_would():
    """Requests as a server runs them, minus the per-request connection reset (as in Django's
    own test client), so the test's transaction survives them and is rolled back after."""
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    yield
    signals.request_started.connect(close_old_connections)
    signals.request_finished.connect(close_old_connections)


@pytest.fixture
def bearers(token_for, settings):
    # Hundreds of requests per token here; throttling has its own test.
    settings.API_THROTTLE_RATE = "100000/minute"
    return [{"Authorization": f"Bearer {token_for(role)}"} for role in FUZZED_ROLES]


def with_current_etag(case, headers: dict[str, str]) -> dict[str, str]:
    """A change goes out as a careful client sends it: If-Match with the record's ETag from a
    GET just before. Else every PATCH would stop at 412 on the generated If-Match, and the
    generated bodies would never reach the services (412 and 428 have their own tests)."""
    if case.method.upper() != "PATCH":
        return headers
    read = Client().get(case.formatted_path, HTTP_AUTHORIZATION=headers["Authorization"])
    # Django's test client connects close_old_connections again when it is done: off again,
    # or the next request would close the test's connection (PostgreSQL, inside its
    # transaction), as `as_a_server_would` explains.
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    etag = read.get("ETag")
    return {**headers, "If-Match": etag} if etag else headers


@pytest.mark.parametrize("operation", OPERATIONS, ids=lambda operation: operation.label)
def test_api_keeps_its_contract(operation, bearers, as_a_server_would):
    cases = st.one_of(
        operation.as_strategy(GenerationMode.POSITIVE),
        operation.as_strategy(GenerationMode.NEGATIVE),
    )

    @given(case=cases)
    @settings(
        max_examples=EXAMPLES_PER_OPERATION,
        derandomize=True,
        database=None,
        deadline=None,
        phases=[Phase.explicit, Phase.generate],
        suppress_health_check=list(HealthCheck),
    )
    def each_role_gets_a_valid_answer(case):
        # What one role may do another may not: every request goes out once per role.
        for headers in bearers:
            response = case.call(headers=with_current_etag(case, headers))
            case.validate_response(response, checks=CHECKS)

    each_role_gets_a_valid_answer()

"""Errors as `application/problem+json` (RFC 9457), with field errors in Dutch.

Every error leaves the API in one shape: `type`, `title`, `status`, `detail` and, for
invalid input, `errors` (one per field: `veld`, `detail`, `code`). Validation errors raised
by the services (Django's ValidationError) arrive here with the same messages the web
forms show; one that says a natural key is taken (Django's `unique` or `unique_together`
code) is 409 Conflict, naming the field and the value.
"""

from __future__ import annotations

import datetime as dt
import logging
from typing import Any

from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import models
from django.http import Http404, HttpResponse, JsonResponse
from django.utils.text import get_text_list
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.csrf import csrf_exempt
from rest_framework import exceptions, serializers, status
from rest_framework.fields import get_error_detail
from rest_framework.response import Response
from rest_framework.views import exception_handler

logger = logging.getLogger(__name__)

PROBLEM_JSON = "application/problem+json"
# No field: the error is about the request as a whole.
NON_FIELD = "__all__"


def _titles() -> dict[int, str]:
    return {
        400: _("Invalid request"),
        401: _("Not signed in"),
        403: _("Not allowed"),
        404: _("Not found"),
        405: _("Method not allowed"),
        406: _("Format not available"),
        409: _("Conflict"),
        412: _("Precondition failed"),
        415: _("Unsupported media type"),
        428: _("Precondition required"),
        429: _("Too many requests"),
        500: _("Server error"),
    }


# Django's codes for a value that another record already holds (a unique field, or a unique
# combination of fields): such a write answers 409 Conflict instead of 400.
UNIQUE_CODES = frozenset({"unique", "unique_together"})


class PreconditionRequired(exceptions.APIException):
    """A change without If-Match: it could overwrite someone else's change unseen (RFC 6585)."""

    status_code = 428
    default_detail = gettext_lazy(
        "Send the resource's ETag in the If-Match header: first GET the resource, then send "
        "the value of its ETag header with the change; nothing was saved."
    )
    default_code = "precondition_required"


class PreconditionFailed(exceptions.APIException):
    """The resource changed since the client read it: its If-Match no longer matches."""

    status_code = 412
    default_detail = gettext_lazy(
        "Someone else has changed this resource in the meantime; nothing was saved. GET it "
        "again, look at the new information and send the new ETag in If-Match."
    )
    default_code = "precondition_failed"


def _field_errors(detail: Any, prefix: str = "") -> list[dict[str, str]]:
    """Flatten DRF's nested error detail into one entry per message, named by its field path."""
    if isinstance(detail, dict):
        errors = []
        for name, value in detail.items():
            key = NON_FIELD if name in ("non_field_errors", NON_FIELD) else str(name)
            errors += _field_errors(value, f"{prefix}.{key}" if prefix else key)
        return errors
    if isinstance(detail, list):
        errors = []
        for index, item in enumerate(detail):
            nested = isinstance(item, dict | list)
            errors += _field_errors(item, f"{prefix}.{index}" if nested else prefix)
        return errors
    return [
        {"veld": prefix or NON_FIELD, "detail": str(detail), "code": getattr(detail, "code", "")}
    ]


def _body(status_code: int, detail: str, **extra: Any) -> dict[str, Any]:
    return {
        "type": "about:blank",
        "title": _titles().get(status_code, str(status_code)),
        "status": status_code,
        "detail": detail,
        **extra,
    }


def _not_found_detail() -> str:
    return _("This does not exist, or is not for you.")


def problem(status_code: int, detail: str, **extra: Any) -> Response:
    return Response(
        _body(status_code, detail, **extra), status=status_code, content_type=PROBLEM_JSON
    )


def _service_errors(exc: DjangoValidationError) -> serializers.ValidationError:
    # A service said no: the same messages as in the web forms, keyed by field.
    detail = exc.message_dict if hasattr(exc, "error_dict") else {NON_FIELD: exc.messages}
    return serializers.ValidationError(get_error_detail(DjangoValidationError(detail)))


def _as_drf(exc: Exception) -> Exception:
    return _service_errors(exc) if isinstance(exc, DjangoValidationError) else exc


def _shown(value: Any) -> str:
    """A key's value as the API writes it: a related record by its code or number."""
    if isinstance(value, models.Model):
        for natural in ("code", "personeelsnummer"):
            if hasattr(value, natural):
                return str(getattr(value, natural))
        return str(value.pk)
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


def _label(record: models.Model, name: str) -> str:
    return str(getattr(record._meta.get_field(name), "verbose_name", name))


def _duplicates(exc: DjangoValidationError) -> list[str]:
    """A sentence for each natural key the service's validation found taken, naming the
    fields and values (Django's `unique` and `unique_together` codes carry the record and the
    key's fields: nothing is read from the message's text). A constraint or service that says
    it in its own words (the same codes, no record) gives its own sentence."""
    errors = (
        [e for field_errors in exc.error_dict.values() for e in field_errors]
        if hasattr(exc, "error_dict")
        else exc.error_list
    )
    keys = []
    for error in errors:
        params = error.params if isinstance(error.params, dict) else {}
        record = params.get("model")
        if error.code not in UNIQUE_CODES:
            continue
        if not isinstance(record, models.Model):
            keys.append(error.messages[0])
            continue
        parts = [
            f"{_label(record, name)} '{_shown(getattr(record, name))}'"
            for name in params.get("unique_check", ())
        ]
        keys.append(
            _("There already is a %(model)s with %(key)s.")
            % {"model": record._meta.verbose_name, "key": get_text_list(parts, _("and"))}
        )
    return keys


def _conflict(exc: Exception) -> Response | None:
    """409 when a create or change would duplicate a natural key; None for other errors."""
    if not isinstance(exc, DjangoValidationError):
        return None
    keys = _duplicates(exc)
    if not keys:
        return None
    detail = " ".join([*keys, _("Nothing was saved.")])
    return problem(409, detail, errors=_field_errors(_service_errors(exc).detail))


def problem_exception_handler(exc: Exception, context: dict[str, Any]) -> Response | None:
    conflict = _conflict(exc)
    if conflict is not None:
        return conflict
    exc = _as_drf(exc)
    response = exception_handler(exc, context)
    if response is None:
        logger.exception("API error in %s", context.get("view").__class__.__name__)
        return problem(500, _("Something went wrong on our side; nothing was saved."))
    if isinstance(exc, exceptions.ValidationError):
        summary = getattr(exc, "summary", None)  # a more precise summary than "errors"
        result = problem(
            status.HTTP_400_BAD_REQUEST,
            str(summary or _("The request contains errors; nothing was saved.")),
            errors=_field_errors(exc.detail),
        )
    elif isinstance(exc, Http404 | exceptions.NotFound):
        result = problem(404, _not_found_detail())
    else:
        detail = response.data.get("detail", "") if isinstance(response.data, dict) else ""
        result = problem(response.status_code, str(detail))
    for header in ("WWW-Authenticate", "Retry-After", "Allow"):
        if header in response:
            result[header] = response[header]
    return result


def plain_problem(status_code: int, detail: str, **extra: Any) -> JsonResponse:
    """The same problem+json, for answers given outside REST framework's views."""
    body = _body(status_code, detail, **extra)
    return JsonResponse(body, status=status_code, content_type=PROBLEM_JSON)


@csrf_exempt  # any method may land here; the answer is the same 404 and changes nothing
def not_found(request: Any, *args: Any, **kwargs: Any) -> HttpResponse:
    """Any other address under /api/v1/: 404 in the API's own shape, not the web's page."""
    return plain_problem(404, _not_found_detail())


def nul_character_problem() -> JsonResponse:
    return plain_problem(400, _("The request contains a NUL character; nothing was saved."))

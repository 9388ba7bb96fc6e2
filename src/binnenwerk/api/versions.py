"""Lost updates: an `ETag` on every resource's detail and on the answer to a create or change,
and `If-Match` required on a change.

The ETag is the record's version as `binnenwerk.locking.version_of` gives it: a keyed hash of
the record's current values, the same version the web's edit forms carry (web and API share
one notion of version; nothing is stored for it). It is strong and quoted, and it stands for
the record itself: the fields a change can write. Values an answer derives from other records
(a person's team on the peildatum, a team's roles) do not change it.

A change (PATCH) without If-Match is refused with 428; with a tag that is no longer the
record's version with 412, nothing saved. The comparison runs inside the transaction that
also holds the service's write, after the record is locked (select_for_update): of two
concurrent changes sent with the same tag, the second waits for the first and then fails.
`If-Match: *` (RFC 9110: any current version) lets a change through deliberately.
"""

from __future__ import annotations

import logging
from typing import Any

from django.db import models, transaction
from django.urls import NoReverseMatch, reverse
from django.utils.crypto import constant_time_compare
from django.utils.http import parse_etags
from django.utils.translation import gettext as _
from rest_framework import mixins
from rest_framework.exceptions import ValidationError
from rest_framework.request import Request
from rest_framework.response import Response

from binnenwerk.api.problems import PreconditionFailed, PreconditionRequired
from binnenwerk.locking import version_of

logger = logging.getLogger(__name__)

IF_MATCH = "If-Match"
ANY = "*"
WEAK = "W/"


def etag_of(record: models.Model, lock: bool = False) -> str:
    """The record's strong ETag: its version (locking.version_of) in double quotes."""
    return f'"{version_of(record, lock=lock)}"'


def if_match_tags(request: Request) -> list[str]:
    """The entity tags of the request's If-Match: 428 without one, 400 when none is valid."""
    header = request.headers.get(IF_MATCH, "")
    if not header.strip():
        raise PreconditionRequired
    tags = parse_etags(header)
    if not tags:
        message = _("give the ETag exactly as the API sent it, with its double quotes")
        raise ValidationError({IF_MATCH: [message]}, code="invalid")
    return tags


def check_if_match(request: Request, record: models.Model) -> None:
    """Lock the record (call inside the transaction of the write) and refuse the request
    unless its If-Match names the record's current version, or is `*`."""
    tags = if_match_tags(request)
    current = etag_of(record, lock=True)
    if tags == [ANY]:
        return
    # Strong comparison (RFC 9110 8.8.3.2): a weak tag never matches.
    if not any(not tag.startswith(WEAK) and constant_time_compare(tag, current) for tag in tags):
        raise PreconditionFailed


class Versioned:
    """Answers about one record carry its ETag; a 201 also its `Location` (absolute path)."""

    versioned: models.Model | None = None
    request: Any
    basename: str
    lookup_field: str
    lookup_url_kwarg: str | None

    def get_object(self) -> Any:
        record = super().get_object()  # type: ignore[misc]
        self.versioned = record
        return record

    def perform_create(self, serializer: Any) -> None:
        super().perform_create(serializer)  # type: ignore[misc]
        self.versioned = serializer.instance

    def location_of(self, record: models.Model) -> str | None:
        """The new record's path; None for a key no address can hold (a slash in a code)."""
        kwarg = self.lookup_url_kwarg or self.lookup_field
        name = f"{self.request.resolver_match.namespace}:{self.basename}-detail"
        try:
            return reverse(name, kwargs={kwarg: getattr(record, self.lookup_field)})
        except NoReverseMatch:
            logger.warning("No address for the new %s %s", self.basename, record.pk)
            return None

    def finalize_response(
        self, request: Request, response: Response, *args: Any, **kwargs: Any
    ) -> Response:
        record = self.versioned
        if record is not None and response.status_code in (200, 201):
            response["ETag"] = etag_of(record)
            location = self.location_of(record) if response.status_code == 201 else None
            if location is not None:
                response["Location"] = location
        return super().finalize_response(request, response, *args, **kwargs)  # type: ignore[misc]


class ConditionalUpdateModelMixin(mixins.UpdateModelMixin):
    """PATCH (and PUT) only with a current If-Match, checked under the record's lock."""

    def update(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        with transaction.atomic():
            check_if_match(request, self.get_object())  # type: ignore[attr-defined]
            # Read again after the lock: the change starts from the version the client saw.
            return super().update(request, *args, **kwargs)

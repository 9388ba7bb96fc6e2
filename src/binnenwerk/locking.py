"""Optimistic locking for edit forms, without a version column on any model.

An edit form carries a version token: a keyed hash (salted with SECRET_KEY) of the current
values of the records it is about (instances, or querysets: then a row added or removed counts
as a change too). On save the records are read again under select_for_update, inside the
service's transaction; if their token differs, someone else saved in between and the save is
refused (StaleVersion, a ValidationError shown above the form) with the user's input kept.

The token is keyed so that it gives nothing away (a BSN is part of a person's values).
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterable, Iterator
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.http import QueryDict
from django.utils.crypto import constant_time_compare, salted_hmac
from django.utils.translation import gettext as _

FIELD = "versie"
Source = models.Model | models.QuerySet[Any]


class StaleVersion(ValidationError):
    """The records changed since the form was opened."""


def _rows(source: Source, lock: bool) -> Iterable[models.Model]:
    # Lock the records' own rows only (`of`): a manager that joins a nullable relation
    # (select_related) would otherwise ask PostgreSQL to lock the outer join, which it refuses.
    if isinstance(source, models.Model):
        manager = type(source)._default_manager
        found = manager.select_for_update(of=("self",)) if lock else manager.all()
        return list(found.filter(pk=source.pk))
    locked = source.select_for_update(of=("self",)) if lock else source.all()
    return list(locked.order_by("pk"))


def _payload(rows: Iterable[models.Model]) -> str:
    parts = []
    for row in rows:
        values = [
            f"{field.attname}={field.value_from_object(row)!r}"
            for field in row._meta.concrete_fields
        ]
        parts.append(f"{row._meta.label}#{row.pk}:{';'.join(values)}")
    return "|".join(parts)


def version_of(*sources: Source, lock: bool = False) -> str:
    """The version token of the records in `sources` as the database holds them now."""
    payload = "\n".join(_payload(_rows(source, lock)) for source in sources)
    return salted_hmac("binnenwerk.locking", payload, algorithm="sha256").hexdigest()


def check_version(token: str, *sources: Source) -> None:
    """Lock the records of `sources` (call inside a transaction) and refuse when `token` is
    not their current version. No token at all (a client that never showed the form, like a
    script posting directly) is not checked: like HTTP's If-Match, the check is asked for."""
    current = version_of(*sources, lock=True)
    if token and not constant_time_compare(token, current):
        raise StaleVersion(
            _(
                "Someone else has changed this information in the meantime; look at the new "
                "information and try again."
            ),
            code="stale",
        )


def add_version_field(form: forms.BaseForm, *sources: Source) -> None:
    """Give `form` the hidden version field: the token of now, unless the form is bound (then
    the token the user's browser sent back is what counts)."""
    form.fields[FIELD] = forms.CharField(widget=forms.HiddenInput, required=False)
    form.initial[FIELD] = version_of(*sources)


def refresh_version(form: forms.BaseForm, *sources: Source) -> None:
    """After a refusal: the form shows again with the user's input and the new token, so that
    a second save (after looking at the new information) goes through."""
    data = QueryDict(mutable=True)
    data.update(form.data)
    data[FIELD] = version_of(*sources)
    form.data = data


@contextlib.contextmanager
def versioned(token: str, *sources: Source) -> Iterator[None]:
    """A transaction that first checks (and locks) the version; the save goes inside."""
    with transaction.atomic():
        check_version(token, *sources)
        yield

"""What every resource shares: roles, the peildatum, and writes that go through the services."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any, ClassVar

from django.db.backends.base.operations import BaseDatabaseOperations
from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import mixins, serializers, viewsets
from rest_framework.validators import UniqueValidator

from binnenwerk.accounts.selectors import has_role
from binnenwerk.api.versions import ConditionalUpdateModelMixin, Versioned

PEILDATUM = OpenApiParameter(
    "peildatum",
    OpenApiTypes.DATE,
    description=_("The date the answer is about (default: today). Scope follows it too."),
)


def with_peildatum(viewset: type) -> type:
    """Document the `peildatum` parameter on a viewset's list and detail."""
    on_date = extend_schema(parameters=[PEILDATUM])
    return extend_schema_view(list=on_date, retrieve=on_date)(viewset)


class PeildatumSerializer(serializers.Serializer):
    peildatum = serializers.DateField(required=False)


def peildatum_of(request: Any) -> dt.date:
    """The `peildatum` query parameter (default today); 400 with a Dutch message when invalid."""
    params = PeildatumSerializer(data=request.query_params)
    params.is_valid(raise_exception=True)
    return params.validated_data.get("peildatum") or dt.date.today()


# Integer limits of the standard SQL types (PostgreSQL's) whatever database runs: SQLite would
# take 64-bit values everywhere, and the API's contract would differ per database.
class PortableModelSerializer(serializers.ModelSerializer):
    def build_standard_field(
        self, field_name: str, model_field: Any
    ) -> tuple[type, dict[str, Any]]:
        field_class, kwargs = super().build_standard_field(field_name, model_field)
        limits = BaseDatabaseOperations.integer_field_ranges.get(model_field.get_internal_type())
        if limits is not None:
            low, high = limits
            kwargs["min_value"] = max(kwargs.get("min_value", low), low)
            kwargs["max_value"] = min(kwargs.get("max_value", high), high)
        return field_class, kwargs


# (Comments, not docstrings: drf-spectacular would print a docstring under every resource.)
# ServiceSerializer checks the shape of the input; the rules and their Dutch messages live in
# the services, which the web forms and the importer call too. `Meta.create_service` and
# `Meta.update_service` name them.
class ServiceSerializer(PortableModelSerializer):
    def get_validators(self) -> list[Any]:
        return []  # unique-together and the like: the service's full_clean says it in Dutch

    def get_fields(self) -> dict[str, serializers.Field]:
        fields = super().get_fields()
        for field in fields.values():
            field.validators = [v for v in field.validators if not isinstance(v, UniqueValidator)]
        return fields

    def _actor(self) -> Any:
        return self.context["request"].user

    def create(self, validated_data: dict[str, Any]) -> Any:
        create = self.Meta.create_service  # type: ignore[attr-defined]
        return create(actor=self._actor(), **validated_data)

    def update(self, instance: Any, validated_data: dict[str, Any]) -> Any:
        kwargs = {instance._meta.model_name: instance}
        update = self.Meta.update_service  # type: ignore[attr-defined]
        return update(actor=self._actor(), **kwargs, **validated_data)


# Fields only some roles see (special-category data): `Meta.role_fields` maps a field to the
# roles that may see it. Schema generation sees every field.
class RoleFieldsMixin:
    context: dict[str, Any]

    def _allowed(self, roles: Iterable[str]) -> bool:
        view = self.context.get("view")
        if getattr(view, "swagger_fake_view", False):
            return True
        request = self.context.get("request")
        return request is not None and has_role(request.user, *roles)

    def get_fields(self) -> dict[str, Any]:
        fields = super().get_fields()  # type: ignore[misc]
        for name, roles in getattr(self.Meta, "role_fields", {}).items():  # type: ignore[attr-defined]
            if not self._allowed(roles):
                fields.pop(name, None)
        return fields


# Every resource: an ETag on its detail and on the answer to a create or change, a Location
# on a 201, and a change only with a current If-Match (api/versions.py).
class ResourceViewSet(
    Versioned,
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    mixins.CreateModelMixin,
    ConditionalUpdateModelMixin,
    viewsets.GenericViewSet,
):
    """List, read, create, change: no delete (history is ended with `einde`, never erased)."""

    http_method_names = ["get", "post", "patch", "head", "options"]
    read_roles: ClassVar[Iterable[str] | None] = None
    write_roles: ClassVar[Iterable[str]] = ()


# List, read and create; such a record is not changed through the API.
class ReadCreateResourceViewSet(Versioned, mixins.CreateModelMixin, viewsets.ReadOnlyModelViewSet):
    read_roles: ClassVar[Iterable[str] | None] = None
    write_roles: ClassVar[Iterable[str]] = ()

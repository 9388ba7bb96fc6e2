"""The Job Agreement monitor's inputs: targets, the ministries' quarterly figures and the
quotum percentage per year.

As on the web's entry page: the coordinator and the administrator enter them, management
may read them (it sees every row of Table 1 anyway), clients and everyone else get 404.
Entering figures for a quarter that has them corrects them (200 instead of 201).
"""

from __future__ import annotations

from typing import Any, ClassVar

from django_filters import rest_framework as filters
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import mixins, status
from rest_framework.request import Request
from rest_framework.response import Response

from binnenwerk.accounts.constants import CHANGES_MONITOR, SEES_MONITOR
from binnenwerk.api.base import ReadCreateResourceViewSet, ResourceViewSet, ServiceSerializer
from binnenwerk.api.organisation import code_of
from binnenwerk.monitor import services
from binnenwerk.monitor.models import Doelstelling, Kwartaalcijfer, Quotumpercentage
from binnenwerk.organisation.models import Organisatie

READERS = tuple(SEES_MONITOR)
EDITORS = tuple(CHANGES_MONITOR)
# The years the web's forms accept for a quotum and for quarterly figures (targets too:
# a year beyond a small integer would reach the database unchecked).
YEARS = {"min_value": 2015, "max_value": 2099}
DIGITS = "[0-9]+"


class DoelstellingSerializer(ServiceSerializer):
    organisatie = code_of(
        Organisatie,
        required=False,
        allow_null=True,
        help_text="leeg: een doel dat nog geen organisatie draagt (dan is omschrijving verplicht)",
    )

    class Meta:
        model = Doelstelling
        fields = ["id", "organisatie", "jaar", "fte", "voltijd_uren", "omschrijving"]
        extra_kwargs = {"jaar": YEARS}
        create_service = services.doelstelling_create
        update_service = services.doelstelling_update


class KwartaalcijferSerializer(ServiceSerializer):
    organisatie = code_of(Organisatie)

    class Meta:
        model = Kwartaalcijfer
        fields = ["id", "organisatie", "jaar", "kwartaal", "formeel_excl_binnenwerk", "inleen"]
        extra_kwargs = {"jaar": YEARS}
        create_service = services.kwartaalcijfer_set


class QuotumpercentageSerializer(ServiceSerializer):
    class Meta:
        model = Quotumpercentage
        fields = ["jaar", "percentage"]
        extra_kwargs = {"jaar": YEARS}
        create_service = services.quotumpercentage_set


def _year_filter() -> filters.NumberFilter:
    return filters.NumberFilter(**YEARS)


class DoelstellingFilter(filters.FilterSet):
    organisatie = filters.CharFilter(field_name="organisatie__code")
    jaar = _year_filter()

    class Meta:
        model = Doelstelling
        fields = ["organisatie", "jaar"]


class KwartaalcijferFilter(filters.FilterSet):
    organisatie = filters.CharFilter(field_name="organisatie__code")
    jaar = _year_filter()
    kwartaal = filters.NumberFilter(min_value=1, max_value=4)

    class Meta:
        model = Kwartaalcijfer
        fields = ["organisatie", "jaar", "kwartaal"]


class QuotumpercentageFilter(filters.FilterSet):
    jaar = _year_filter()

    class Meta:
        model = Quotumpercentage
        fields = ["jaar"]


class _SetOrCorrect(mixins.CreateModelMixin):
    """POST through a `..._set` service: 201 for a new record, 200 for a correction."""

    existing_keys: ClassVar[tuple[str, ...]] = ()
    get_queryset: Any
    get_serializer: Any
    perform_create: Any

    def create(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        key = {name: serializer.validated_data[name] for name in self.existing_keys}
        corrects = self.get_queryset().filter(**key).exists()
        self.perform_create(serializer)
        return Response(
            serializer.data, status=status.HTTP_200_OK if corrects else status.HTTP_201_CREATED
        )


class DoelstellingViewSet(ResourceViewSet):
    """A year's target basis per organisation (average FTE, full-time week)."""

    queryset = Doelstelling.objects.select_related("organisatie").order_by(
        "jaar", "organisatie__code", "pk"
    )
    serializer_class = DoelstellingSerializer
    lookup_value_regex = DIGITS
    filterset_class = DoelstellingFilter
    ordering_fields = ["jaar", "fte"]
    read_roles = READERS
    write_roles = EDITORS


@extend_schema_view(
    create=extend_schema(
        responses={201: KwartaalcijferSerializer, 200: KwartaalcijferSerializer},
        description="Nieuw (201), of een correctie (200) als de organisatie voor dit "
        "kwartaal al cijfers heeft.",
    )
)
class KwartaalcijferViewSet(_SetOrCorrect, ReadCreateResourceViewSet):
    """A ministry's figures for a quarter, in jobs of 25.5 hours, unrounded."""

    queryset = Kwartaalcijfer.objects.select_related("organisatie").order_by(
        "jaar", "kwartaal", "organisatie__code"
    )
    serializer_class = KwartaalcijferSerializer
    lookup_value_regex = DIGITS
    filterset_class = KwartaalcijferFilter
    ordering_fields = ["jaar", "kwartaal"]
    read_roles = READERS
    write_roles = EDITORS
    existing_keys = ("organisatie", "jaar", "kwartaal")


@extend_schema_view(
    create=extend_schema(
        responses={201: QuotumpercentageSerializer, 200: QuotumpercentageSerializer},
        description="Nieuw (201), of een correctie (200) als het jaar er al een heeft.",
    )
)
class QuotumpercentageViewSet(_SetOrCorrect, ReadCreateResourceViewSet):
    """The quotum percentage the government sets for a year (2.760 for 2023)."""

    queryset = Quotumpercentage.objects.order_by("jaar")
    serializer_class = QuotumpercentageSerializer
    lookup_field = "jaar"
    lookup_value_regex = DIGITS
    filterset_class = QuotumpercentageFilter
    ordering_fields = ["jaar"]
    read_roles = READERS
    write_roles = EDITORS
    existing_keys = ("jaar",)

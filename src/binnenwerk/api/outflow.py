"""Outflow: who left, when and why, and a year's figures.

As on the web: HR and management read the per-person records, HR records them (ending the
contract and placement through the service the web's form calls), HR, management and the
administrator read the figures; every other role gets 404. The reason `gezondheid` is
health data: outside HR it shows per person as masked together with `anders`, and the
free-text explanation is left out (selectors.uitstroom_lijst does the same for the page).
"""

from __future__ import annotations

import datetime as dt
from decimal import ROUND_HALF_UP
from typing import Any

from django.db.models import Min, QuerySet
from django.utils.translation import gettext as _
from django_filters import rest_framework as filters
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import serializers, status
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from binnenwerk.accounts.selectors import has_role, medewerkers_for
from binnenwerk.api.base import (
    PortableModelSerializer,
    ReadCreateResourceViewSet,
    RoleFieldsMixin,
    ServiceSerializer,
)
from binnenwerk.outflow import selectors, services
from binnenwerk.outflow.constants import (
    BIJZONDER,
    RECORDS_OUTFLOW,
    SEES_FIGURES,
    SEES_LIST,
    SEES_SPECIAL,
    Reden,
)
from binnenwerk.outflow.models import Uitstroom


def _years(**kwargs: Any) -> serializers.DecimalField:
    return serializers.DecimalField(
        max_digits=9, decimal_places=2, rounding=ROUND_HALF_UP, allow_null=True, **kwargs
    )


class _DienstjarenField(serializers.DecimalField):
    """Years of employment (selectors.dienstjaren) from the annotated first contract start."""

    def get_attribute(self, instance: Any) -> Any:
        if getattr(instance, "eerste_start", None) is None:
            return None
        return selectors.dienstjaren(instance)


def masked(reden: str, user: Any) -> bool:
    """Whether this reason is hidden from the user per person (as selectors.uitstroom_lijst)."""
    return not has_role(user, *SEES_SPECIAL) and (reden in BIJZONDER or reden == Reden.ANDERS)


# One person's outflow as the user may see it: the reason masked outside HR.
class UitstroomSerializer(RoleFieldsMixin, PortableModelSerializer):
    medewerker = serializers.CharField(source="medewerker.personeelsnummer", read_only=True)
    naam = serializers.SerializerMethodField()
    reden = serializers.ChoiceField(
        choices=Reden.choices,
        allow_null=True,
        read_only=True,
        help_text="leeg (afgeschermd) voor gezondheid en anders, behalve voor personeelszaken",
    )
    reden_label = serializers.SerializerMethodField()
    dienstjaren = _DienstjarenField(
        max_digits=9,
        decimal_places=2,
        rounding=ROUND_HALF_UP,
        allow_null=True,
        read_only=True,
        help_text="van de eerste dag van het eerste dienstverband t/m de datum, in jaren",
    )

    class Meta:
        model = Uitstroom
        fields = [
            "id",
            "medewerker",
            "naam",
            "datum",
            "reden",
            "reden_label",
            "nieuwe_werkgever",
            "dienstjaren",
            "toelichting",
        ]
        read_only_fields = fields
        role_fields = {"toelichting": SEES_SPECIAL}
        extra_kwargs = {"toelichting": {"help_text": "alleen voor personeelszaken"}}

    def get_naam(self, record: Uitstroom) -> str:
        return f"{record.medewerker.voornaam} {record.medewerker.achternaam}"

    def get_reden_label(self, record: Uitstroom) -> str:
        if self._masked(record):
            return selectors.masked_label()
        return str(Reden(record.reden).label)

    def _masked(self, record: Uitstroom) -> bool:
        view = self.context.get("view")
        if getattr(view, "swagger_fake_view", False):
            return False
        return masked(record.reden, self.context["request"].user)

    def to_representation(self, instance: Uitstroom) -> dict[str, Any]:
        data = super().to_representation(instance)
        if self._masked(instance):
            data["reden"] = None
        return data


# What HR's form asks: the person, the last day, the reason (and the new employer).
class UitstroomInvoerSerializer(ServiceSerializer):
    medewerker = serializers.CharField(max_length=30, help_text="personeelsnummer")
    reden = serializers.ChoiceField(choices=Reden.choices)

    class Meta:
        model = Uitstroom
        fields = ["medewerker", "datum", "reden", "nieuwe_werkgever", "toelichting"]
        extra_kwargs = {
            "datum": {"help_text": "de laatste dag: het lopende dienstverband eindigt dan"},
            "toelichting": {"help_text": "schrijf niets op over iemands gezondheid of ziekte"},
        }
        create_service = services.medewerker_uitstroom

    def validate(self, data: dict[str, Any]) -> dict[str, Any]:
        nummer = data["medewerker"].strip()
        user = self.context["request"].user
        person = medewerkers_for(user, data["datum"]).filter(personeelsnummer=nummer).first()
        if person is None:
            message = _("There is no employee with personnel number %(number)s.")
            raise serializers.ValidationError({"medewerker": message % {"number": nummer}})
        return {**data, "medewerker": person}


class UitstroomFilter(filters.FilterSet):
    """No filter or ordering on the reason: it would tell the masked reasons apart."""

    medewerker = filters.CharFilter(field_name="medewerker__personeelsnummer")
    jaar = filters.NumberFilter(
        field_name="datum", lookup_expr="year", min_value=2000, max_value=2200
    )
    van = filters.DateFilter(field_name="datum", lookup_expr="gte")
    tot = filters.DateFilter(field_name="datum", lookup_expr="lte")

    class Meta:
        model = Uitstroom
        fields = ["medewerker", "jaar", "van", "tot"]


@extend_schema_view(
    create=extend_schema(request=UitstroomInvoerSerializer, responses={201: UitstroomSerializer})
)
class UitstroomViewSet(ReadCreateResourceViewSet):
    """Everyone whose employment ended, with the reason as the user may see it."""

    lookup_value_regex = "[0-9]+"
    filterset_class = UitstroomFilter
    ordering_fields = ["datum"]
    read_roles = tuple(SEES_LIST)
    write_roles = tuple(RECORDS_OUTFLOW)

    def get_serializer_class(self) -> type[serializers.BaseSerializer]:
        return UitstroomInvoerSerializer if self.action == "create" else UitstroomSerializer

    def get_queryset(self) -> QuerySet[Uitstroom]:
        if getattr(self, "swagger_fake_view", False):
            return Uitstroom.objects.none()
        return (
            Uitstroom.objects.for_user(self.request.user)
            # the first contract's start, for the length of employment (as the selectors)
            .annotate(eerste_start=Min("medewerker__dienstverbanden__start"))
            .select_related("medewerker")
            .order_by("-datum", "medewerker__personeelsnummer")
        )

    def create(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        """End the employment through the service; answer with the record as it is read."""
        invoer = self.get_serializer(data=request.data)
        invoer.is_valid(raise_exception=True)
        record = invoer.save()
        self.versioned = record  # its ETag and Location
        fresh = self.get_queryset().get(pk=record.pk)
        body = UitstroomSerializer(fresh, context=self.get_serializer_context()).data
        return Response(body, status=status.HTTP_201_CREATED)


class RedenAantalSerializer(serializers.Serializer):
    reden = serializers.ChoiceField(choices=Reden.choices)
    aantal = serializers.IntegerField()


class JaarregelSerializer(serializers.Serializer):
    jaar = serializers.IntegerField()
    totaal = serializers.IntegerField()
    doorstroom = serializers.IntegerField()


class UitstroomCijfersSerializer(serializers.Serializer):
    jaar = serializers.IntegerField()
    totaal = serializers.IntegerField()
    doorstroom = serializers.IntegerField(help_text="doorgestroomd binnen het Rijk")
    per_reden = RedenAantalSerializer(many=True)
    gemiddelde_dienstjaren = _years()
    per_jaar = JaarregelSerializer(many=True, help_text="elk jaar met uitstroom")


class UitstroomCijfersQuery(serializers.Serializer):
    jaar = serializers.IntegerField(
        required=False, min_value=2000, max_value=2100, help_text="standaard: dit jaar"
    )


class UitstroomCijfersView(APIView):
    """A year's outflow per reason (aggregates: the reason health is counted, not named)."""

    read_roles = tuple(SEES_FIGURES)

    @extend_schema(
        parameters=[UitstroomCijfersQuery],
        responses=UitstroomCijfersSerializer,
        operation_id="uitstroom_cijfers",
    )
    def get(self, request: Request) -> Response:
        query = UitstroomCijfersQuery(data=request.query_params)
        query.is_valid(raise_exception=True)
        jaar = query.validated_data.get("jaar") or dt.date.today().year
        cijfers = selectors.uitstroom_cijfers(jaar)
        body = {
            "jaar": cijfers.jaar,
            "totaal": cijfers.totaal,
            "doorstroom": cijfers.doorstroom,
            "per_reden": [{"reden": r, "aantal": n} for r, n in cijfers.per_reden.items()],
            "gemiddelde_dienstjaren": cijfers.gemiddelde_dienstjaren,
            "per_jaar": selectors.uitstroom_per_jaar(),
        }
        return Response(UitstroomCijfersSerializer(body).data)

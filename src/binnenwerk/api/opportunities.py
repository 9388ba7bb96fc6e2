"""Growth opportunities (kansrijke ideeën) and the weighted forecast of jobs.

As on the web: management, recruitment and the administrator read them, only the
administrator changes them; clients and everyone else get 404 (the pipeline holds
Binnenwerk's own assessments of talks still going on).
"""

from __future__ import annotations

import datetime as dt
from decimal import ROUND_HALF_UP
from typing import Any

from django.db.models import QuerySet
from django.utils.translation import gettext as _
from django_filters import rest_framework as filters
from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from binnenwerk.api.base import ResourceViewSet, ServiceSerializer
from binnenwerk.api.organisation import code_of
from binnenwerk.opportunities import selectors, services
from binnenwerk.opportunities.constants import CHANGES_OPPORTUNITIES, SEES_OPPORTUNITIES
from binnenwerk.opportunities.models import Kans
from binnenwerk.organisation.models import Organisatie, Werksoort


def _jobs(**kwargs: Any) -> serializers.DecimalField:
    """Jobs as a decimal string, rounded half-up to 2 places from the unrounded figure."""
    return serializers.DecimalField(
        max_digits=14, decimal_places=2, rounding=ROUND_HALF_UP, **kwargs
    )


class KansSerializer(ServiceSerializer):
    opdrachtgever = code_of(Organisatie, required=False, allow_null=True)
    werksoort = code_of(Werksoort, required=False, allow_null=True)
    gewogen_banen = _jobs(
        read_only=True, help_text="verwachte banen × kans; 0 voor een vervallen idee"
    )

    class Meta:
        model = Kans
        fields = [
            "id",
            "titel",
            "omschrijving",
            "opdrachtgever",
            "werksoort",
            "verwachte_banen",
            "fase",
            "verwachte_start",
            "kans_pct",
            "eigenaar",
            "gewogen_banen",
        ]
        create_service = services.kans_create
        update_service = services.kans_update


class KansFilter(filters.FilterSet):
    opdrachtgever = filters.CharFilter(field_name="opdrachtgever__code")
    werksoort = filters.CharFilter(field_name="werksoort__code")

    class Meta:
        model = Kans
        fields = ["fase", "opdrachtgever", "werksoort"]


class KansViewSet(ResourceViewSet):
    """Ideas with client, work type, expected jobs, stage, expected start and probability."""

    serializer_class = KansSerializer
    lookup_value_regex = "[0-9]+"
    filterset_class = KansFilter
    search_fields = ["titel", "omschrijving", "eigenaar"]
    ordering_fields = ["verwachte_start", "titel", "kans_pct", "verwachte_banen"]
    read_roles = tuple(SEES_OPPORTUNITIES)
    write_roles = tuple(CHANGES_OPPORTUNITIES)

    def get_queryset(self) -> QuerySet[Kans]:
        if getattr(self, "swagger_fake_view", False):
            return Kans.objects.none()
        return (
            Kans.objects.for_user(self.request.user)
            .select_related("opdrachtgever", "werksoort")
            .order_by("verwachte_start", "titel")
        )


class PuntSerializer(serializers.Serializer):
    datum = serializers.DateField()
    gerealiseerd = _jobs(allow_null=True, help_text="banen volgens de banenteller, t/m peildatum")
    prognose = _jobs(allow_null=True, help_text="vanaf de peildatum: realisatie + gewogen kansen")


class BijdrageSerializer(serializers.Serializer):
    kans = serializers.IntegerField(source="kans.pk")
    titel = serializers.CharField(source="kans.titel")
    verwachte_start = serializers.DateField(source="kans.verwachte_start")
    gewogen = _jobs()


class PrognoseSerializer(serializers.Serializer):
    peildatum = serializers.DateField()
    tot = serializers.DateField()
    basis = _jobs(help_text="de banen op de peildatum")
    gewogen = _jobs(help_text="de gewogen banen van de kansen in de prognose")
    eind = _jobs(help_text="basis + gewogen")
    doel = serializers.IntegerField()
    doel_bereikt = serializers.DateField(
        allow_null=True, help_text="de eerste maandeinde waarop de prognose het doel haalt"
    )
    tekort = _jobs(help_text="wat aan het eind nog aan het doel ontbreekt (nooit negatief)")
    punten = PuntSerializer(many=True)
    bijdragen = BijdrageSerializer(many=True)


class PrognoseQuery(serializers.Serializer):
    peildatum = serializers.DateField(
        required=False, help_text="standaard: vandaag; tot hier de realisatie, daarna de prognose"
    )

    def validate_peildatum(self, peildatum: dt.date) -> dt.date:
        if not 2000 <= peildatum.year <= 2200:
            raise serializers.ValidationError(_("choose a year between 2000 and 2200"))
        return peildatum


class PrognoseView(APIView):
    """The forecast as on the web page: realised jobs for three years up to the peildatum,
    then plus every open idea's weighted jobs from its expected start, for three years."""

    read_roles = tuple(SEES_OPPORTUNITIES)

    @extend_schema(
        parameters=[PrognoseQuery], responses=PrognoseSerializer, operation_id="kansen_prognose"
    )
    def get(self, request: Request) -> Response:
        query = PrognoseQuery(data=request.query_params)
        query.is_valid(raise_exception=True)
        peildatum = query.validated_data.get("peildatum") or dt.date.today()
        return Response(PrognoseSerializer(selectors.prognose(peildatum)).data)

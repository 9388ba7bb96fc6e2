"""The Job Agreement monitor: Table 1 of the quarterly letter, scoped as on the web."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.utils.translation import gettext as _
from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.exceptions import NotFound
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from binnenwerk.accounts.selectors import monitor_scope
from binnenwerk.monitor import presenters
from binnenwerk.monitor.quarters import Kwartaal
from binnenwerk.monitor.selectors import kwartalen_met_cijfers, scoped, tabel1


def _figure(**kwargs: Any) -> serializers.CharField:
    return serializers.CharField(allow_null=True, **kwargs)


class RijSerializer(serializers.Serializer):
    organisatie = serializers.CharField(help_text="ministeriecode, of 'Totaal Rijk'")
    doel = _figure(help_text="banen, 2 decimalen; leeg zonder doelstelling")
    formeel_excl_binnenwerk = _figure(help_text="banen; leeg als het ministerie niets invoerde")
    binnenwerk = _figure(help_text="banen volgens de banenteller op de laatste dag")
    inleen = _figure()
    totaal = _figure()
    realisatie_pct = _figure(help_text="procent, 1 decimaal")


class NietBelegdSerializer(serializers.Serializer):
    omschrijving = serializers.CharField()
    fte = serializers.CharField()
    doel = serializers.CharField()


class Tabel1Serializer(serializers.Serializer):
    kwartaal = serializers.CharField()
    peildatum = serializers.DateField()
    quotumpercentage = _figure()
    rijen = RijSerializer(many=True)
    totaal = RijSerializer()
    niet_belegd = NietBelegdSerializer(many=True)


class Tabel1Query(serializers.Serializer):
    kwartaal = serializers.CharField(
        required=False, help_text="bijvoorbeeld 2023Q4; standaard het laatste met cijfers"
    )

    def validate_kwartaal(self, text: str) -> Kwartaal:
        try:
            quarter = Kwartaal.parse(text)
        except ValueError as error:
            raise serializers.ValidationError(str(error)) from error
        if not 2000 <= quarter.jaar <= 2200:
            raise serializers.ValidationError(_("choose a year between 2000 and 2200"))
        return quarter


class Tabel1View(APIView):
    """Table 1 for a quarter: every ministry for the coordinator and management; a client's
    own ministry and the Rijk total for a client; 404 for everyone else."""

    @extend_schema(parameters=[Tabel1Query], responses=Tabel1Serializer, operation_id="tabel1")
    def get(self, request: Request) -> Response:
        scope = monitor_scope(request.user)
        if scope is None:
            raise NotFound
        query = Tabel1Query(data=request.query_params)
        query.is_valid(raise_exception=True)
        kwartaal = query.validated_data.get("kwartaal")
        if kwartaal is None:
            known = kwartalen_met_cijfers()
            kwartaal = known[-1] if known else Kwartaal.containing(dt.date.today())
        table = scoped(tabel1(kwartaal), scope)
        return Response(presenters.tabel1_data(table))

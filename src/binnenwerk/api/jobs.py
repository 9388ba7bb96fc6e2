"""The job counter (banen) on one date and as a series, scoped like the dashboard.

Jobs are decimal strings rounded half-up to 2 decimals from unrounded sums, as the command
line's JSON: the total is rounded from the unrounded total, so rows need not add up.
"""

from __future__ import annotations

import datetime as dt
from decimal import ROUND_HALF_UP
from typing import Any

from django.utils.translation import gettext as _
from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.exceptions import NotFound
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from binnenwerk.accounts.constants import ORGANISATION_WIDE
from binnenwerk.accounts.selectors import job_filters_for
from binnenwerk.api.suppression import PeopleCountField
from binnenwerk.jobs import selectors
from binnenwerk.jobs.constants import Interval, Per
from binnenwerk.jobs.selectors import Filters
from binnenwerk.organisation.models import Organisatie

# A series longer than this is a mistake or an attack: 50 years of month-ends.
MAX_POINTS = 600
# The longest code of an organisation, work type or team (the same in their models).
CODE_LENGTH = Organisatie._meta.get_field("code").max_length
_MONTHS = {Interval.MAAND: 1, Interval.KWARTAAL: 3, Interval.JAAR: 12}


def _jobs_field(**kwargs: Any) -> serializers.DecimalField:
    return serializers.DecimalField(
        max_digits=14, decimal_places=2, rounding=ROUND_HALF_UP, **kwargs
    )


class BanenSerializer(serializers.Serializer):
    peildatum = serializers.DateField()
    per = serializers.ChoiceField(choices=Per.choices, allow_null=True)
    totaal = _jobs_field()
    medewerkers_binnenwerk = PeopleCountField(
        help_text="medewerkers met doelgroepindicatie in dienst van Binnenwerk zelf"
    )
    groepen = serializers.DictField(child=_jobs_field(), help_text="banen per groepscode")


class BanenReeksSerializer(serializers.Serializer):
    van = serializers.DateField()
    tot = serializers.DateField()
    interval = serializers.ChoiceField(choices=Interval.choices)
    per = serializers.ChoiceField(choices=Per.choices, allow_null=True)
    reeks = BanenSerializer(many=True)


class _Selection(serializers.Serializer):
    """What to count and how to group; a user's scope narrows it further."""

    per = serializers.ChoiceField(choices=Per.choices, required=False)
    opdrachtgever = serializers.CharField(
        required=False,
        max_length=CODE_LENGTH,
        help_text="organisatiecode; telt de onderdelen mee (hoort_bij)",
    )
    werksoort = serializers.CharField(required=False, max_length=CODE_LENGTH)
    team = serializers.CharField(required=False, max_length=CODE_LENGTH)

    def narrowed(self, scope: Filters) -> Filters:
        data = self.validated_data
        clients = scope.opdrachtgevers
        if "opdrachtgever" in data:
            asked = selectors.organisation_with_parts(data["opdrachtgever"])
            clients = asked if clients is None else clients & asked
        teams = scope.teams
        if "team" in data:
            teams = frozenset({data["team"]}) if teams is None else teams & {data["team"]}
        werksoorten = frozenset({data["werksoort"]}) if "werksoort" in data else None
        return Filters(opdrachtgevers=clients, werksoorten=werksoorten, teams=teams)


class BanenQuery(_Selection):
    peildatum = serializers.DateField(required=False, help_text="standaard: vandaag")


class BanenReeksQuery(_Selection):
    van = serializers.DateField()
    tot = serializers.DateField()
    interval = serializers.ChoiceField(choices=Interval.choices, default=Interval.MAAND)

    def validate(self, data: dict[str, Any]) -> dict[str, Any]:
        if data["tot"] < data["van"]:
            raise serializers.ValidationError({"tot": _("'tot' is before 'van'")})
        months = (data["tot"].year - data["van"].year) * 12 + data["tot"].month - data["van"].month
        if months // _MONTHS[Interval(data["interval"])] > MAX_POINTS:
            message = _("at most %(max)s points per series: shorten the period or widen the step")
            raise serializers.ValidationError({"tot": message % {"max": MAX_POINTS}})
        return data


def _scope(request: Request, peildatum: dt.date) -> Filters:
    scope = job_filters_for(request.user, peildatum)
    if scope is None:
        raise NotFound
    return scope


def _as_data(result: selectors.Banen) -> dict[str, Any]:
    return {
        "peildatum": result.peildatum,
        "per": result.per,
        "totaal": result.totaal,
        "medewerkers_binnenwerk": result.medewerkers_binnenwerk,
        "groepen": result.groepen,
    }


class BanenView(APIView):
    """Jobs on one date, optionally per client, work type, team, province or location."""

    @extend_schema(parameters=[BanenQuery], responses=BanenSerializer, operation_id="banen")
    def get(self, request: Request) -> Response:
        query = BanenQuery(data=request.query_params)
        query.is_valid(raise_exception=True)
        peildatum = query.validated_data.get("peildatum") or dt.date.today()
        filters = query.narrowed(_scope(request, peildatum))
        result = selectors.banen(peildatum, query.validated_data.get("per"), filters)
        body = BanenSerializer(_as_data(result), context={"request": request})
        return Response(body.data)


class BanenReeksView(APIView):
    """Jobs at the end of every month, quarter or year from `van` to `tot`."""

    @extend_schema(
        parameters=[BanenReeksQuery], responses=BanenReeksSerializer, operation_id="banen_reeks"
    )
    def get(self, request: Request) -> Response:
        query = BanenReeksQuery(data=request.query_params)
        query.is_valid(raise_exception=True)
        data = query.validated_data
        filters = query.narrowed(_scope(request, data["tot"]))
        per = data.get("per")
        series = selectors.banen_reeks(data["van"], data["tot"], data["interval"], per, filters)
        body = {
            "van": data["van"],
            "tot": data["tot"],
            "interval": data["interval"],
            "per": per,
            "reeks": [_as_data(point) for point in series],
        }
        return Response(BanenReeksSerializer(body, context={"request": request}).data)


class KerncijfersSerializer(serializers.Serializer):
    jaar = serializers.IntegerField()
    banen = _jobs_field()
    nieuwe_banen = _jobs_field()
    medewerkers_binnenwerk = PeopleCountField()
    nieuwe_collegas = PeopleCountField(help_text="eerste dienstverband in het jaar")
    teams = serializers.IntegerField()


class KerncijfersQuery(serializers.Serializer):
    jaar = serializers.IntegerField(min_value=2000, max_value=2200)


class KerncijfersView(APIView):
    """The annual overview's key figures at the end of a year (the whole organisation)."""

    read_roles = tuple(ORGANISATION_WIDE)

    @extend_schema(parameters=[KerncijfersQuery], responses=KerncijfersSerializer)
    def get(self, request: Request) -> Response:
        query = KerncijfersQuery(data=request.query_params)
        query.is_valid(raise_exception=True)
        result = selectors.kerncijfers(query.validated_data["jaar"])
        return Response(KerncijfersSerializer(result, context={"request": request}).data)

"""Recruitment: candidates with their stage, trial placements, and the funnel per year.

Candidates are personal data: recruitment, HR and the administrator read and change them,
every other role gets 404. Management sees only the funnel's aggregates, as on the web.
Stage changes are actions on a candidate that call the services the web's forms call.
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
from rest_framework.decorators import action
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from binnenwerk.api.base import ReadCreateResourceViewSet, ResourceViewSet, ServiceSerializer
from binnenwerk.api.organisation import code_of
from binnenwerk.organisation.models import Organisatie, Team, Werksoort
from binnenwerk.people.constants import ContractSoort
from binnenwerk.periods import active_on
from binnenwerk.recruitment import selectors, services
from binnenwerk.recruitment.constants import (
    AFGESLOTEN,
    CHANGES_CANDIDATES,
    SEES_FUNNEL,
    Fase,
)
from binnenwerk.recruitment.models import Kandidaat, Proefplaatsing

RECRUITERS = tuple(CHANGES_CANDIDATES)
YEARS = (2000, 2200)
DIGITS = "[0-9]+"


def _open_team(**kwargs: Any) -> serializers.SlugRelatedField:
    """A team that still exists (no last day), as the web's forms offer."""
    return serializers.SlugRelatedField(
        slug_field="code", queryset=Team.objects.filter(einde__isnull=True), **kwargs
    )


class KandidaatSerializer(ServiceSerializer):
    werksoort = code_of(Werksoort, required=False, allow_null=True)
    team = _open_team(required=False, allow_null=True, help_text="een team of een werksoort")
    medewerker: serializers.SlugRelatedField = serializers.SlugRelatedField(
        slug_field="personeelsnummer",
        read_only=True,
        allow_null=True,
        help_text="na aanname: het personeelsnummer",
    )
    fase_sinds = serializers.SerializerMethodField(help_text="de dag van de huidige fase")
    dagen_in_fase = serializers.SerializerMethodField(
        help_text="hele dagen in de huidige fase; 0 zolang die dag nog komt"
    )

    class Meta:
        model = Kandidaat
        fields = [
            "id",
            "voornaam",
            "achternaam",
            "email",
            "telefoon",
            "herkomst",
            "indicatie",
            "werksoort",
            "team",
            "fase",
            "fase_sinds",
            "dagen_in_fase",
            "reden",
            "medewerker",
        ]
        create_service = services.kandidaat_create
        update_service = services.kandidaat_update

    def get_fase_sinds(self, kandidaat: Kandidaat) -> dt.date | None:
        # annotated by the board's selector; read once more for a candidate just written
        sinds = getattr(kandidaat, "fase_sinds", None)
        if sinds is None:
            sinds = max((f.vanaf for f in kandidaat.fasen.all()), default=None)
            kandidaat.fase_sinds = sinds  # type: ignore[attr-defined]
        return sinds

    def get_dagen_in_fase(self, kandidaat: Kandidaat) -> int | None:
        # as the board: whole days since entering the stage
        sinds = self.get_fase_sinds(kandidaat)
        return None if sinds is None else max(0, (dt.date.today() - sinds).days)


class NieuweKandidaatSerializer(KandidaatSerializer):
    aangemeld_op = serializers.DateField(
        write_only=True, required=False, help_text="standaard: vandaag"
    )

    class Meta(KandidaatSerializer.Meta):
        fields = [*KandidaatSerializer.Meta.fields, "aangemeld_op"]


class KennismakingSerializer(serializers.Serializer):
    op = serializers.DateField(required=False, help_text="standaard: vandaag")


class AfsluitenSerializer(serializers.Serializer):
    fase = serializers.ChoiceField(choices=[(f.value, f.label) for f in AFGESLOTEN])
    reden = serializers.CharField(allow_blank=True)
    op = serializers.DateField(required=False, help_text="standaard: vandaag")


# The web's hiring form: the employee, first contract and placement in one step.
class AannemenSerializer(serializers.Serializer):
    personeelsnummer = serializers.CharField(max_length=30)
    geboortedatum = serializers.DateField(required=False, allow_null=True)
    bsn = serializers.CharField(max_length=12, required=False, allow_blank=True)
    start = serializers.DateField(help_text="de eerste werkdag: de banen tellen vanaf hier")
    uren_per_week = serializers.DecimalField(
        max_digits=5, decimal_places=2, min_value=0, max_value=40
    )
    soort = serializers.ChoiceField(choices=ContractSoort.choices)
    einde = serializers.DateField(required=False, allow_null=True)
    team = _open_team()
    opdrachtgever = serializers.SlugRelatedField(
        slug_field="code", queryset=Organisatie.objects.exclude(soort="partner")
    )


class KandidaatFilter(filters.FilterSet):
    werksoort = filters.CharFilter(field_name="werksoort__code")
    team = filters.CharFilter(field_name="team__code")

    class Meta:
        model = Kandidaat
        fields = ["fase", "herkomst", "indicatie", "werksoort", "team"]


class KandidaatViewSet(ResourceViewSet):
    """Candidates with their stage and the days in it; stage changes as actions."""

    lookup_value_regex = DIGITS
    filterset_class = KandidaatFilter
    search_fields = ["voornaam", "achternaam", "email"]
    ordering_fields = ["achternaam", "fase_sinds", "id"]
    read_roles = RECRUITERS
    write_roles = RECRUITERS

    def get_serializer_class(self) -> type[serializers.BaseSerializer]:
        return NieuweKandidaatSerializer if self.action == "create" else KandidaatSerializer

    def get_queryset(self) -> QuerySet[Kandidaat]:
        if getattr(self, "swagger_fake_view", False):
            return Kandidaat.objects.none()
        scoped = Kandidaat.objects.for_user(self.request.user).select_related("medewerker")
        return selectors.board_candidates(scoped, with_closed=True)

    def _step(self, request: Request, form: type[serializers.Serializer], service: Any) -> Response:
        kandidaat = self.get_object()
        params = form(data=request.data)
        params.is_valid(raise_exception=True)
        service(actor=request.user, kandidaat=kandidaat, **params.validated_data)
        fresh = self.get_queryset().get(pk=kandidaat.pk)
        return Response(KandidaatSerializer(fresh, context=self.get_serializer_context()).data)

    @extend_schema(request=KennismakingSerializer, responses=KandidaatSerializer)
    @action(detail=True, methods=["post"])
    def kennismaking(self, request: Request, pk: str | None = None) -> Response:
        """Aangemeld → kennismaking on `op`; later stages come with a trial placement or hire."""
        return self._step(request, KennismakingSerializer, services.kandidaat_advance)

    @extend_schema(request=AfsluitenSerializer, responses=KandidaatSerializer)
    @action(detail=True, methods=["post"])
    def afsluiten(self, request: Request, pk: str | None = None) -> Response:
        """Rejected or withdrawn with a reason; a running trial placement ends that day."""
        return self._step(request, AfsluitenSerializer, services.kandidaat_close)

    @extend_schema(request=AannemenSerializer, responses=KandidaatSerializer)
    @action(detail=True, methods=["post"])
    def aannemen(self, request: Request, pk: str | None = None) -> Response:
        """Hire after the trial placement: employee, contract and placement, all or nothing;
        refused without a confirmed target-group indication."""
        return self._step(request, AannemenSerializer, _hire)


def _hire(*, actor: Any, kandidaat: Kandidaat, **data: Any) -> Any:
    return services.kandidaat_hire(
        actor=actor, kandidaat=kandidaat, **{**data, "bsn": data.get("bsn") or ""}
    )


class _KandidaatField(serializers.PrimaryKeyRelatedField):
    """A candidate the user may see (the only ones a trial placement may be for)."""

    def get_queryset(self) -> QuerySet[Kandidaat]:
        return Kandidaat.objects.for_user(self.context["request"].user)


class ProefplaatsingSerializer(ServiceSerializer):
    kandidaat = _KandidaatField()
    team = _open_team()

    class Meta:
        model = Proefplaatsing
        fields = ["id", "kandidaat", "team", "start", "einde"]
        create_service = services.proefplaatsing_create

    def validate(self, data: dict[str, Any]) -> dict[str, Any]:
        # The service counts months from the dates: keep them within the calendar.
        for name in ("start", "einde"):
            if not YEARS[0] <= data[name].year <= YEARS[1]:
                raise serializers.ValidationError({name: _("choose a year between 2000 and 2200")})
        return data


class ProefplaatsingFilter(filters.FilterSet):
    team = filters.CharFilter(field_name="team__code")
    actief_op = filters.DateFilter(method="filter_actief_op", label="actief op")

    class Meta:
        model = Proefplaatsing
        fields = ["kandidaat", "team", "actief_op"]

    def filter_actief_op(self, queryset: QuerySet, name: str, value: Any) -> QuerySet:
        return queryset.filter(active_on(value))


class ProefplaatsingViewSet(ReadCreateResourceViewSet):
    """Trial placements of 2 to 6 months: no contract, so they count no jobs. The first one
    moves the candidate to the stage 'proefplaatsing'."""

    serializer_class = ProefplaatsingSerializer
    lookup_value_regex = DIGITS
    filterset_class = ProefplaatsingFilter
    ordering_fields = ["start", "einde"]
    read_roles = RECRUITERS
    write_roles = RECRUITERS

    def get_queryset(self) -> QuerySet[Proefplaatsing]:
        if getattr(self, "swagger_fake_view", False):
            return Proefplaatsing.objects.none()
        return (
            Proefplaatsing.objects.filter(
                kandidaat__in=Kandidaat.objects.for_user(self.request.user)
            )
            .select_related("team")
            .order_by("kandidaat_id", "start")
        )


def _one_decimal(**kwargs: Any) -> serializers.DecimalField:
    return serializers.DecimalField(
        max_digits=9, decimal_places=1, rounding=ROUND_HALF_UP, allow_null=True, **kwargs
    )


class TrechterStapSerializer(serializers.Serializer):
    fase = serializers.ChoiceField(choices=Fase.choices)
    aantal = serializers.IntegerField()
    conversie = _one_decimal(help_text="procent van de vorige fase; leeg bij de eerste")
    van_aangemeld = _one_decimal(help_text="procent van de aangemelden")


class TrechterSerializer(serializers.Serializer):
    jaar = serializers.IntegerField(help_text="de kandidaten die zich dit jaar aanmeldden")
    jaren = serializers.ListField(
        child=serializers.IntegerField(), help_text="jaren met aanmeldingen, nieuwste eerst"
    )
    stappen = TrechterStapSerializer(many=True)
    afgewezen = serializers.IntegerField()
    teruggetrokken = serializers.IntegerField()
    lopend = serializers.IntegerField()
    dagen_tot_aanname_mediaan = _one_decimal()
    dagen_tot_aanname_gemiddeld = _one_decimal()


class TrechterQuery(serializers.Serializer):
    jaar = serializers.IntegerField(
        required=False,
        min_value=2000,
        max_value=2100,
        help_text="standaard: het laatste jaar met aanmeldingen",
    )


class TrechterView(APIView):
    """The funnel of a year's registrations: aggregates only, no names (also management)."""

    read_roles = tuple(SEES_FUNNEL)

    @extend_schema(
        parameters=[TrechterQuery], responses=TrechterSerializer, operation_id="werving_trechter"
    )
    def get(self, request: Request) -> Response:
        query = TrechterQuery(data=request.query_params)
        query.is_valid(raise_exception=True)
        years = selectors.funnel_years()
        jaar = query.validated_data.get("jaar") or (years[0] if years else dt.date.today().year)
        result = selectors.funnel(jaar)
        body = {**vars(result), "jaren": years}
        return Response(TrechterSerializer(body).data)

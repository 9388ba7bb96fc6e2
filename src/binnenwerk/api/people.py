"""People (medewerkers), their contracts (dienstverbanden) and placements (plaatsingen).

Scope as on the web: HR, the administrator and management see everyone; a supervisor or job
coach the people placed in their teams on the peildatum; other roles nobody (404). The date of
birth and the target-group indication only for HR and the administrator; the BSN only for
them and only on one person (never in a list).
"""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from django_filters import rest_framework as filters
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import serializers
from rest_framework.request import Request
from rest_framework.response import Response

from binnenwerk.accounts.constants import CHANGES_PEOPLE, SEES_PEOPLE, SEES_PERSONAL_DETAILS
from binnenwerk.accounts.selectors import has_role, medewerkers_for
from binnenwerk.api.base import (
    PEILDATUM,
    ResourceViewSet,
    RoleFieldsMixin,
    ServiceSerializer,
    peildatum_of,
)
from binnenwerk.api.organisation import NATURAL_KEY, code_of
from binnenwerk.coaching.constants import InzageSoort
from binnenwerk.coaching.services import inzage_log, inzage_log_people
from binnenwerk.organisation.models import Organisatie, Team
from binnenwerk.people import selectors, services
from binnenwerk.people.constants import ContractSoort
from binnenwerk.people.models import Dienstverband, Medewerker, Plaatsing
from binnenwerk.periods import active_on


class MedewerkerSerializer(RoleFieldsMixin, ServiceSerializer):
    werkgever = code_of(Organisatie, required=False, allow_null=True)
    team = serializers.CharField(source="team_code", read_only=True, allow_null=True)
    opdrachtgever = serializers.CharField(
        source="opdrachtgever_code", read_only=True, allow_null=True
    )
    uren_per_week = serializers.DecimalField(
        source="uren", max_digits=5, decimal_places=2, read_only=True, allow_null=True
    )
    contractsoort = serializers.ChoiceField(
        choices=ContractSoort.choices, read_only=True, allow_null=True
    )

    class Meta:
        model = Medewerker
        fields = [
            "personeelsnummer",
            "voornaam",
            "achternaam",
            "werkgever",
            "team",
            "opdrachtgever",
            "uren_per_week",
            "contractsoort",
            "geboortedatum",
            "doelgroepindicatie",
            "bsn",
        ]
        role_fields = {
            "geboortedatum": SEES_PERSONAL_DETAILS,
            "doelgroepindicatie": SEES_PERSONAL_DETAILS,
            "bsn": SEES_PERSONAL_DETAILS,
        }
        extra_kwargs = {"bsn": {"help_text": "Alleen voor personeelszaken, nooit in lijsten."}}
        create_service = services.medewerker_create
        update_service = services.medewerker_update

    def get_fields(self) -> dict[str, Any]:
        fields = super().get_fields()
        view = self.context.get("view")
        if getattr(view, "action", None) == "list":
            fields.pop("bsn", None)  # the BSN never appears in a list, whoever asks
        return fields


class MedewerkerQuery(serializers.Serializer):
    zoek = serializers.CharField(required=False, help_text="naam of personeelsnummer")
    team = serializers.CharField(required=False)
    werksoort = serializers.CharField(required=False)
    opdrachtgever = serializers.CharField(required=False)
    soort = serializers.ChoiceField(choices=ContractSoort.choices, required=False)
    actief = serializers.BooleanField(
        required=False, default=True, help_text="alleen wie op de peildatum een dienstverband heeft"
    )


@extend_schema_view(
    list=extend_schema(parameters=[PEILDATUM, MedewerkerQuery]),
    retrieve=extend_schema(parameters=[PEILDATUM]),
)
class MedewerkerViewSet(ResourceViewSet):
    """People with their team, client, hours and contract type on the peildatum."""

    serializer_class = MedewerkerSerializer
    lookup_field = "personeelsnummer"
    lookup_value_regex = NATURAL_KEY
    ordering_fields = ["personeelsnummer", "achternaam"]
    read_roles = tuple(SEES_PEOPLE)
    write_roles = tuple(CHANGES_PEOPLE)

    def get_queryset(self) -> QuerySet[Medewerker]:
        if getattr(self, "swagger_fake_view", False):
            return Medewerker.objects.none()
        peildatum = peildatum_of(self.request)
        chosen = selectors.PeopleFilter(alleen_actief=False)
        if self.action == "list":
            query = MedewerkerQuery(data=self.request.query_params)
            query.is_valid(raise_exception=True)
            params = query.validated_data
            chosen = selectors.PeopleFilter(
                zoek=params.get("zoek", "").strip(),
                team=params.get("team", ""),
                werksoort=params.get("werksoort", ""),
                opdrachtgever=params.get("opdrachtgever", ""),
                soort=params.get("soort", ""),
                alleen_actief=params["actief"],
            )
        scoped = medewerkers_for(self.request.user, peildatum).select_related("werkgever")
        return selectors.medewerker_list(scoped, peildatum, chosen)

    # Reads that show the indication and date of birth (and the BSN on one person) are logged
    # in the access log, one record per person shown (issue 11).

    def _reads_special(self) -> bool:
        return has_role(self.request.user, *SEES_PERSONAL_DETAILS)

    def paginate_queryset(self, queryset: Any) -> Any:
        page = super().paginate_queryset(queryset)
        if self.action == "list" and self._reads_special():
            inzage_log_people(
                actor=self.request.user,
                medewerkers=list(queryset if page is None else page),
                soort=InzageSoort.DOELGROEPINDICATIE,
                context="api medewerkers",
            )
        return page

    def retrieve(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        person = self.get_object()
        if self._reads_special():
            inzage_log(
                actor=request.user,
                medewerker=person,
                soort=InzageSoort.DOELGROEPINDICATIE,
                object_ids=[person.pk],
                context="api medewerker",
            )
        return Response(self.get_serializer(person).data)


def _medewerker_field() -> serializers.SlugRelatedField:
    return serializers.SlugRelatedField(
        slug_field="personeelsnummer", queryset=Medewerker.objects.all()
    )


class DienstverbandSerializer(ServiceSerializer):
    medewerker = _medewerker_field()

    class Meta:
        model = Dienstverband
        fields = ["id", "medewerker", "start", "einde", "uren_per_week", "soort"]
        create_service = services.dienstverband_create
        update_service = services.dienstverband_update


class PlaatsingSerializer(ServiceSerializer):
    medewerker = _medewerker_field()
    team = code_of(Team)
    opdrachtgever = code_of(Organisatie)

    class Meta:
        model = Plaatsing
        fields = ["id", "medewerker", "team", "opdrachtgever", "start", "einde"]
        create_service = services.plaatsing_create
        update_service = services.plaatsing_update


class _PeriodFilter(filters.FilterSet):
    medewerker = filters.CharFilter(field_name="medewerker__personeelsnummer")
    actief_op = filters.DateFilter(method="filter_actief_op", label="actief op")

    def filter_actief_op(self, queryset: QuerySet, name: str, value: Any) -> QuerySet:
        return queryset.filter(active_on(value))


class DienstverbandFilter(_PeriodFilter):
    class Meta:
        model = Dienstverband
        fields = ["medewerker", "soort", "actief_op"]


class PlaatsingFilter(_PeriodFilter):
    team = filters.CharFilter(field_name="team__code")
    opdrachtgever = filters.CharFilter(field_name="opdrachtgever__code")

    class Meta:
        model = Plaatsing
        fields = ["medewerker", "team", "opdrachtgever", "actief_op"]


class _OfPeopleInScope(ResourceViewSet):
    """Records of the people the user may see on the peildatum."""

    ordering_fields = ["start", "einde"]
    read_roles = tuple(SEES_PEOPLE)
    write_roles = tuple(CHANGES_PEOPLE)
    model: Any = None

    def get_queryset(self) -> QuerySet:
        if getattr(self, "swagger_fake_view", False):
            return self.model.objects.none()
        people = medewerkers_for(self.request.user, peildatum_of(self.request))
        return (
            self.model.objects.filter(medewerker__in=people)
            .select_related("medewerker")
            .order_by("medewerker__personeelsnummer", "start")
        )


@extend_schema_view(
    list=extend_schema(parameters=[PEILDATUM]), retrieve=extend_schema(parameters=[PEILDATUM])
)
class DienstverbandViewSet(_OfPeopleInScope):
    """Contracts: hours per week from `start` up to and including `einde`."""

    model = Dienstverband
    serializer_class = DienstverbandSerializer
    filterset_class = DienstverbandFilter


@extend_schema_view(
    list=extend_schema(parameters=[PEILDATUM]), retrieve=extend_schema(parameters=[PEILDATUM])
)
class PlaatsingViewSet(_OfPeopleInScope):
    """Placements in a team, paid for by a client."""

    model = Plaatsing
    serializer_class = PlaatsingSerializer
    filterset_class = PlaatsingFilter

    def get_queryset(self) -> QuerySet:
        return super().get_queryset().select_related("team", "opdrachtgever")

"""Organisations, work types, locations, teams and team roles."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from django_filters import rest_framework as filters
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import serializers

from binnenwerk.accounts.constants import CHANGES_PEOPLE, SEES_PEOPLE, Rol
from binnenwerk.accounts.selectors import teams_for
from binnenwerk.api.base import (
    PEILDATUM,
    ResourceViewSet,
    RoleFieldsMixin,
    ServiceSerializer,
    peildatum_of,
)
from binnenwerk.organisation import services
from binnenwerk.organisation.models import Locatie, Organisatie, Team, TeamRol, Werksoort
from binnenwerk.people.models import Medewerker
from binnenwerk.periods import active_on

REFERENCE_EDITORS = (Rol.BEHEERDER,)
# A code or personnel number in an address: anything but a slash, as on the web (REST
# framework's default would also refuse a dot, so a record with one would have no address).
NATURAL_KEY = "[^/]+"
TEAM_EDITORS = tuple(CHANGES_PEOPLE)


def code_of(model: Any, **kwargs: Any) -> serializers.SlugRelatedField:
    return serializers.SlugRelatedField(slug_field="code", queryset=model.objects.all(), **kwargs)


class OrganisatieSerializer(ServiceSerializer):
    hoort_bij = code_of(Organisatie, required=False, allow_null=True)

    class Meta:
        model = Organisatie
        fields = ["code", "naam", "soort", "hoort_bij"]
        create_service = services.organisatie_create
        update_service = services.organisatie_update


class WerksoortSerializer(ServiceSerializer):
    class Meta:
        model = Werksoort
        fields = ["code", "naam", "teamgrootte_min", "teamgrootte_max"]
        create_service = services.werksoort_create
        update_service = services.werksoort_update


class LocatieSerializer(ServiceSerializer):
    class Meta:
        model = Locatie
        fields = ["code", "naam", "plaats", "provincie"]
        create_service = services.locatie_create
        update_service = services.locatie_update


class OrganisatieFilter(filters.FilterSet):
    hoort_bij = filters.CharFilter(field_name="hoort_bij__code")

    class Meta:
        model = Organisatie
        fields = ["soort", "hoort_bij"]


class OrganisatieViewSet(ResourceViewSet):
    """Ministries, agencies, high councils and partners; `hoort_bij` rolls agencies up."""

    queryset = Organisatie.objects.select_related("hoort_bij").order_by("code")
    serializer_class = OrganisatieSerializer
    lookup_field = "code"
    lookup_value_regex = NATURAL_KEY
    filterset_class = OrganisatieFilter
    search_fields = ["code", "naam"]
    ordering_fields = ["code", "naam"]
    write_roles = REFERENCE_EDITORS


class WerksoortViewSet(ResourceViewSet):
    queryset = Werksoort.objects.order_by("code")
    serializer_class = WerksoortSerializer
    lookup_field = "code"
    lookup_value_regex = NATURAL_KEY
    search_fields = ["code", "naam"]
    ordering_fields = ["code", "naam"]
    write_roles = REFERENCE_EDITORS


class LocatieViewSet(ResourceViewSet):
    queryset = Locatie.objects.order_by("code")
    serializer_class = LocatieSerializer
    lookup_field = "code"
    lookup_value_regex = NATURAL_KEY
    filterset_fields = ["provincie"]
    search_fields = ["code", "naam", "plaats"]
    ordering_fields = ["code", "naam", "provincie"]
    write_roles = REFERENCE_EDITORS


class TeamRolSerializer(ServiceSerializer):
    team = code_of(Team)
    medewerker = serializers.SlugRelatedField(
        slug_field="personeelsnummer", queryset=Medewerker.objects.all()
    )
    naam = serializers.SerializerMethodField()

    class Meta:
        model = TeamRol
        fields = ["id", "team", "rol", "medewerker", "naam", "start", "einde"]
        create_service = services.teamrol_create
        update_service = services.teamrol_update

    def get_naam(self, rol: TeamRol) -> str:
        return f"{rol.medewerker.voornaam} {rol.medewerker.achternaam}"


class TeamSerializer(RoleFieldsMixin, ServiceSerializer):
    werksoort = code_of(Werksoort)
    locatie = code_of(Locatie)
    partner = code_of(Organisatie, required=False, allow_null=True)
    provincie = serializers.CharField(source="locatie.provincie", read_only=True)
    # Who leads and coaches the team: names of staff, not for clients (aggregates only).
    rollen = TeamRolSerializer(many=True, read_only=True, required=False)

    class Meta:
        model = Team
        fields = [
            "code",
            "naam",
            "werksoort",
            "locatie",
            "provincie",
            "partner",
            "capaciteit",
            "start",
            "einde",
            "rollen",
        ]
        role_fields = {"rollen": SEES_PEOPLE}
        create_service = services.team_create
        update_service = services.team_update


class TeamFilter(filters.FilterSet):
    werksoort = filters.CharFilter(field_name="werksoort__code")
    locatie = filters.CharFilter(field_name="locatie__code")
    provincie = filters.CharFilter(field_name="locatie__provincie")
    partner = filters.CharFilter(field_name="partner__code")
    actief_op = filters.DateFilter(method="filter_actief_op", label="actief op")

    class Meta:
        model = Team
        fields = ["werksoort", "locatie", "provincie", "partner", "actief_op"]

    def filter_actief_op(self, queryset: QuerySet[Team], name: str, value: Any) -> QuerySet[Team]:
        return queryset.filter(active_on(value))


@extend_schema_view(
    list=extend_schema(parameters=[PEILDATUM]), retrieve=extend_schema(parameters=[PEILDATUM])
)
class TeamViewSet(ResourceViewSet):
    """Teams the user may see on the peildatum (as on the web), with their team roles."""

    serializer_class = TeamSerializer
    lookup_field = "code"
    lookup_value_regex = NATURAL_KEY
    filterset_class = TeamFilter
    search_fields = ["code", "naam"]
    ordering_fields = ["code", "naam", "start"]
    write_roles = TEAM_EDITORS

    def get_queryset(self) -> QuerySet[Team]:
        if getattr(self, "swagger_fake_view", False):
            return Team.objects.none()
        return (
            teams_for(self.request.user, peildatum_of(self.request))
            .select_related("werksoort", "locatie", "partner")
            .prefetch_related("rollen__medewerker", "rollen__team")
            .order_by("code")
        )


class TeamRolFilter(filters.FilterSet):
    team = filters.CharFilter(field_name="team__code")
    medewerker = filters.CharFilter(field_name="medewerker__personeelsnummer")

    class Meta:
        model = TeamRol
        fields = ["team", "rol", "medewerker"]


@extend_schema_view(
    list=extend_schema(parameters=[PEILDATUM]), retrieve=extend_schema(parameters=[PEILDATUM])
)
class TeamRolViewSet(ResourceViewSet):
    """Supervisors and job coaches per team through time (names of staff: not for clients)."""

    serializer_class = TeamRolSerializer
    filterset_class = TeamRolFilter
    ordering_fields = ["start"]
    read_roles = tuple(SEES_PEOPLE)
    write_roles = TEAM_EDITORS

    def get_queryset(self) -> QuerySet[TeamRol]:
        if getattr(self, "swagger_fake_view", False):
            return TeamRol.objects.none()
        visible = teams_for(self.request.user, peildatum_of(self.request))
        return (
            TeamRol.objects.filter(team__in=visible)
            .select_related("team", "medewerker")
            .order_by("team__code", "rol", "start")
        )

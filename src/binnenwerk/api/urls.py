"""/api/v1/: the resources, the job counter, the monitor, the schema and its documentation."""

from django.urls import include, path
from drf_spectacular.views import (
    SpectacularAPIView,
    SpectacularRedocView,
    SpectacularSwaggerSplitView,
)
from rest_framework.routers import DefaultRouter

from binnenwerk.api import jobs, monitor, organisation, people

app_name = "api"

router = DefaultRouter(trailing_slash=False)
router.include_root_view = False
router.register("organisaties", organisation.OrganisatieViewSet, basename="organisatie")
router.register("werksoorten", organisation.WerksoortViewSet, basename="werksoort")
router.register("locaties", organisation.LocatieViewSet, basename="locatie")
router.register("teams", organisation.TeamViewSet, basename="team")
router.register("teamrollen", organisation.TeamRolViewSet, basename="teamrol")
router.register("medewerkers", people.MedewerkerViewSet, basename="medewerker")
router.register("dienstverbanden", people.DienstverbandViewSet, basename="dienstverband")
router.register("plaatsingen", people.PlaatsingViewSet, basename="plaatsing")

urlpatterns = [
    path("banen", jobs.BanenView.as_view(), name="banen"),
    path("banen/reeks", jobs.BanenReeksView.as_view(), name="banen-reeks"),
    path("kerncijfers", jobs.KerncijfersView.as_view(), name="kerncijfers"),
    path("monitor/tabel1", monitor.Tabel1View.as_view(), name="tabel1"),
    path("schema", SpectacularAPIView.as_view(), name="schema"),
    path("docs", SpectacularSwaggerSplitView.as_view(url_name="api:schema"), name="docs"),
    path("redoc", SpectacularRedocView.as_view(url_name="api:schema"), name="redoc"),
    path("", include(router.urls)),
]

"""/api/v1/: the resources, the job counter, the monitor, the schema and its documentation."""

from csp.constants import NONCE, SELF
from csp.decorators import csp_update
from django.urls import include, path, re_path
from drf_spectacular.views import (
    SpectacularAPIView,
    SpectacularRedocView,
    SpectacularSwaggerSplitView,
)
from rest_framework.routers import DefaultRouter

from binnenwerk.api import (
    jobs,
    monitor,
    monitor_inputs,
    opportunities,
    organisation,
    outflow,
    people,
    problems,
    recruitment,
)

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
router.register(
    "monitor/doelstellingen", monitor_inputs.DoelstellingViewSet, basename="doelstelling"
)
router.register(
    "monitor/kwartaalcijfers", monitor_inputs.KwartaalcijferViewSet, basename="kwartaalcijfer"
)
router.register(
    "monitor/quotumpercentages",
    monitor_inputs.QuotumpercentageViewSet,
    basename="quotumpercentage",
)
router.register("kandidaten", recruitment.KandidaatViewSet, basename="kandidaat")
router.register("proefplaatsingen", recruitment.ProefplaatsingViewSet, basename="proefplaatsing")
router.register("uitstroom", outflow.UitstroomViewSet, basename="uitstroom")
router.register("kansen", opportunities.KansViewSet, basename="kans")

# The documentation pages run under the site's Content-Security-Policy (settings.py) with only
# what each needs on top, and still without 'unsafe-inline' or 'unsafe-eval'. Their templates
# (api/templates/api/) have no inline <style>/<script>. Swagger UI's stylesheet draws its icons
# as data: images. Redoc writes its styles as <style> elements at run time: styled-components
# takes the page's nonce (handed over by api/static/api/redoc.js); the scrollbar styles that its
# bundle injects on loading cannot, so they are allowed by their hash (drf-spectacular-sidecar
# 2026.10.1; tests/browser/test_csp.py fails when an upgrade changes them), as is the empty
# <style> it starts with. Its search runs in a blob: worker. Redoc's footer logo comes from
# cdn.redoc.ly and stays blocked: no CDN.
REDOC_STYLE_HASHES = [
    "'sha256-QMIg+bpjm3JdElJ388KYke01izlUW0UoNOeKjpMxdgc='",  # perfect-scrollbar
    "'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='",  # an empty <style>
]
swagger_ui = csp_update({"img-src": ["data:"]})(
    SpectacularSwaggerSplitView.as_view(url_name="api:schema", template_name="api/swagger_ui.html")
)
redoc = csp_update(
    {
        "style-src": [NONCE, *REDOC_STYLE_HASHES],
        "img-src": ["data:"],
        "worker-src": [SELF, "blob:"],
    }
)(SpectacularRedocView.as_view(url_name="api:schema", template_name="api/redoc.html"))

urlpatterns = [
    path("banen", jobs.BanenView.as_view(), name="banen"),
    path("banen/reeks", jobs.BanenReeksView.as_view(), name="banen-reeks"),
    path("kerncijfers", jobs.KerncijfersView.as_view(), name="kerncijfers"),
    path("monitor/tabel1", monitor.Tabel1View.as_view(), name="tabel1"),
    # Plain paths before the router: a viewset's detail route must not take them.
    path("werving/trechter", recruitment.TrechterView.as_view(), name="werving-trechter"),
    path("uitstroom/cijfers", outflow.UitstroomCijfersView.as_view(), name="uitstroom-cijfers"),
    path("kansen/prognose", opportunities.PrognoseView.as_view(), name="kansen-prognose"),
    path("schema", SpectacularAPIView.as_view(), name="schema"),
    path("docs", swagger_ui, name="docs"),
    path("redoc", redoc, name="redoc"),
    path("", include(router.urls)),
    # Last: any other address under /api/v1/ answers in the API's own 404 shape, whatever
    # characters it holds (a newline too: "." would not match it).
    re_path(r"^[\s\S]*$", problems.not_found),
]

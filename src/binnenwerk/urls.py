from django.contrib import admin
from django.urls import include, path

urlpatterns = [
    path("admin/", admin.site.urls),
    path("api/v1/", include("binnenwerk.api.urls")),
    path("api-tokens/", include("binnenwerk.api.page_urls")),
    path("monitor/", include("binnenwerk.monitor.urls")),
    path("werving/", include("binnenwerk.recruitment.urls")),
    path("contracten/", include("binnenwerk.contracts.urls")),
    path("coaching/", include("binnenwerk.coaching.urls")),
    path("uitstroom/", include("binnenwerk.outflow.urls")),
    path("verzuim/", include("binnenwerk.absence.urls")),
    path("kansen/", include("binnenwerk.opportunities.urls")),
    path("onderzoek/", include("binnenwerk.survey.urls")),
    path("jaaroverzicht/", include("binnenwerk.reports.urls")),
    path("inzageverzoek/", include("binnenwerk.privacy_export.urls")),
    path("oidc/", include("binnenwerk.accounts.oidc_urls")),
    path("", include("binnenwerk.web.urls")),
]

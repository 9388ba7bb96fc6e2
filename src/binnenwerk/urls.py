from django.contrib import admin
from django.urls import include, path

admin.site.site_header = "Binnenwerk beheer"
admin.site.site_title = "Binnenwerk"
admin.site.index_title = "Gegevensbeheer"

urlpatterns = [
    path("admin/", admin.site.urls),
    path("monitor/", include("binnenwerk.monitor.urls")),
    path("", include("binnenwerk.web.urls")),
]

from django.urls import path

from binnenwerk.monitor import views

app_name = "monitor"

urlpatterns = [
    path("", views.tabel_page, name="tabel"),
    path("tabel1.<str:suffix>", views.tabel_download, name="tabel-download"),
    path("afdrukken/", views.tabel_print, name="afdrukken"),
    path("quotumcalculator/", views.calculator_page, name="calculator"),
    path("invoer/", views.invoer_page, name="invoer"),
    path("invoer/quotum/", views.quotum_edit, name="quotum"),
    path("invoer/doelen/nieuw/", views.doelstelling_edit, name="doel-nieuw"),
    path("invoer/doelen/<int:pk>/", views.doelstelling_edit, name="doel"),
    path("invoer/cijfers/", views.kwartaalcijfer_edit, name="cijfers"),
    path("invoer/import/", views.import_page, name="import"),
    path("invoer/import/bevestigen/", views.import_confirm, name="import-bevestigen"),
]

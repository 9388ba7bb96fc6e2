from django.urls import path

from binnenwerk.opportunities import views

app_name = "opportunities"

urlpatterns = [
    path("", views.overzicht, name="overzicht"),
    path("prognose.csv", views.prognose_download, name="prognose-csv"),
    path("kansen.csv", views.kansen_download, name="kansen-csv"),
    path("nieuw/", views.bewerken, name="nieuw"),
    path("<int:pk>/", views.bewerken, name="wijzigen"),
]

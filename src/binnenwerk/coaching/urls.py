from django.urls import path

from binnenwerk.coaching import views

app_name = "coaching"

urlpatterns = [
    path("", views.overzicht, name="overzicht"),
    path("functieprofielen/", views.functieprofielen, name="functieprofielen"),
    path("<str:nummer>/", views.medewerker, name="medewerker"),
    path("<str:nummer>/notities/nieuw/", views.notitie_nieuw, name="notitie-nieuw"),
    path("<str:nummer>/notities/<int:pk>/", views.notitie, name="notitie"),
    path(
        "<str:nummer>/notities/<int:pk>/wijzigen/",
        views.notitie_wijzigen,
        name="notitie-wijzigen",
    ),
    path("<str:nummer>/doelen/nieuw/", views.doel_bewerken, name="doel-nieuw"),
    path("<str:nummer>/doelen/<int:pk>/", views.doel_bewerken, name="doel-wijzigen"),
    path("<str:nummer>/functieprofiel/", views.functie_toewijzen, name="functie-toewijzen"),
]

from django.urls import path

from binnenwerk.survey import views

app_name = "survey"

urlpatterns = [
    path("", views.start, name="start"),
    path("vraag/<int:nummer>/", views.vraag, name="vraag"),
    path("controle/", views.controle, name="controle"),
    path("bedankt/", views.bedankt, name="bedankt"),
    path("beheer/", views.beheer, name="beheer"),
    path("beheer/<int:jaar>/codes/", views.codes, name="codes"),
    path("resultaten/", views.resultaten_laatste, name="resultaten-laatste"),
    path("resultaten/<int:jaar>/", views.resultaten, name="resultaten"),
    path("resultaten/<int:jaar>/resultaten.csv", views.resultaten_csv, name="resultaten-csv"),
]

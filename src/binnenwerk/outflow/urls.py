from django.urls import path

from binnenwerk.outflow import views

app_name = "outflow"

urlpatterns = [
    path("", views.overzicht, name="overzicht"),
    path("redenen.csv", views.cijfers_download, name="redenen-csv"),
    path("lijst.csv", views.lijst_download, name="lijst-csv"),
    path("nieuw/", views.nieuw, name="nieuw"),
]

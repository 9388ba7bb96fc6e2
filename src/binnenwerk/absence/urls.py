from django.urls import path

from binnenwerk.absence import views

app_name = "absence"

urlpatterns = [
    path("", views.cijfers, name="cijfers"),
    path("cijfers.csv", views.cijfers_csv, name="cijfers-csv"),
    path("maanden.csv", views.maanden_csv, name="maanden-csv"),
    path("meldingen/", views.meldingen, name="meldingen"),
    path("meldingen/nieuw/", views.nieuw, name="nieuw"),
    path("meldingen/<int:pk>/", views.melding, name="melding"),
    path("meldingen/<int:pk>/stappen/<int:stap>/", views.stap_afronden, name="stap-afronden"),
    path("meldingen/<int:pk>/herstelperiode/", views.herstelperiode, name="herstelperiode"),
    path("meldingen/<int:pk>/herstel/", views.herstel, name="herstel"),
    path("meldingen/<int:pk>/heropenen/", views.heropenen, name="heropenen"),
    path("normen/", views.normen, name="normen"),
]

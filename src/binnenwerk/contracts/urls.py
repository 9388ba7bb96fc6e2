from django.urls import path

from binnenwerk.contracts import views

app_name = "contracts"

urlpatterns = [
    path("", views.werklijst_page, name="werklijst"),
    path("werklijst.csv", views.werklijst_csv, name="werklijst-csv"),
    path("besluiten/", views.besluiten_page, name="besluiten"),
    path("<int:pk>/besluit/", views.besluit_page, name="besluit"),
]

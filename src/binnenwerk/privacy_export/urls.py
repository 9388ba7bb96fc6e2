from django.urls import path

from binnenwerk.privacy_export import views

app_name = "privacy_export"

urlpatterns = [
    path("<str:nummer>/", views.inzageverzoek, name="inzageverzoek"),
]

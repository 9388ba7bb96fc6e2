from django.urls import path

from binnenwerk.reports import views

app_name = "reports"

urlpatterns = [
    path("", views.laatste, name="laatste"),
    path("<int:jaar>/", views.overzicht, name="overzicht"),
    path("<int:jaar>.pdf", views.pdf, name="pdf"),
    path("<int:jaar>/verschillen/", views.verschillen, name="verschillen"),
    path("<int:jaar>/publiceren/", views.publiceren, name="publiceren"),
]

from django.urls import path

from binnenwerk.reports import views, views_kwartaal, views_teksten
from binnenwerk.reports import views_opdrachtgever as opdrachtgever

app_name = "reports"

urlpatterns = [
    path("", views.laatste, name="laatste"),
    path("<int:jaar>/", views.overzicht, name="overzicht"),
    path("<int:jaar>.pdf", views.pdf, name="pdf"),
    path("<int:jaar>/verschillen/", views.verschillen, name="verschillen"),
    path("<int:jaar>/publiceren/", views.publiceren, name="publiceren"),
    # The free-text sections (foreword, stories): the administrator only.
    path("<int:jaar>/teksten/", views_teksten.teksten, name="teksten"),
    path("<int:jaar>/teksten/nieuw/", views_teksten.nieuw, name="tekst-nieuw"),
    path("<int:jaar>/teksten/<int:pk>/", views_teksten.bewerken, name="tekst"),
    path(
        "<int:jaar>/teksten/<int:pk>/verwijderen/",
        views_teksten.verwijderen,
        name="tekst-verwijderen",
    ),
    # A quarter's publication (Table 1 of the monitor).
    path("<int:jaar>/kwartaal/<int:k>/", views_kwartaal.kwartaal, name="kwartaal"),
    path(
        "<int:jaar>/kwartaal/<int:k>/publiceren/",
        views_kwartaal.publiceren,
        name="kwartaal-publiceren",
    ),
    path(
        "<int:jaar>/kwartaal/<int:k>/verschillen/",
        views_kwartaal.verschillen,
        name="kwartaal-verschillen",
    ),
    # The client statement (opdrachtgeversrapportage): ?kwartaal=1..4 on the last three.
    path("opdrachtgever/", opdrachtgever.opdrachtgevers, name="opdrachtgevers"),
    path(
        "opdrachtgever/<str:code>/<int:jaar>/",
        opdrachtgever.rapportage,
        name="opdrachtgever-rapportage",
    ),
    path("opdrachtgever/<str:code>/<int:jaar>.pdf", opdrachtgever.pdf, name="opdrachtgever-pdf"),
    path("opdrachtgever/<str:code>/<int:jaar>.xlsx", opdrachtgever.xlsx, name="opdrachtgever-xlsx"),
]

from django.urls import path

from binnenwerk.recruitment import views

app_name = "recruitment"

urlpatterns = [
    path("", views.board_page, name="board"),
    path("bord.csv", views.board_csv, name="board-csv"),
    path("trechter/", views.funnel_page, name="funnel"),
    path("nieuw/", views.kandidaat_new, name="nieuw"),
    path("<int:pk>/", views.kandidaat_detail, name="kandidaat"),
    path("<int:pk>/wijzigen/", views.kandidaat_edit, name="wijzigen"),
    path("<int:pk>/kennismaking/", views.kandidaat_advance, name="kennismaking"),
    path("<int:pk>/proefplaatsing/", views.proefplaatsing_new, name="proefplaatsing"),
    path("<int:pk>/aannemen/", views.kandidaat_hire, name="aannemen"),
    path("<int:pk>/afsluiten/", views.kandidaat_close, name="afsluiten"),
]

from django.contrib.auth import views as auth_views
from django.urls import path, re_path

from binnenwerk.web.views import (
    accounts,
    forms_people,
    forms_teams,
    groups,
    people,
    privacy,
    teams,
    transfer,
    two_factor,
)
from binnenwerk.web.views import dashboard as views

app_name = "web"

urlpatterns = [
    path("", views.dashboard_view, name="dashboard"),
    re_path(
        r"^dashboard/(?P<name>[-\w]+)\.(?P<suffix>csv|xlsx|svg)$",
        views.dashboard_download,
        name="dashboard-download",
    ),
    path("teams/", teams.team_list, name="teams"),
    path("teams/nieuw/", forms_teams.team_new, name="team-nieuw"),
    path("teams/open-plaatsen/", teams.open_places_page, name="open-plaatsen"),
    path("teams/<str:code>/", teams.team_detail, name="team"),
    path("teams/<str:code>/beeindigen/", forms_teams.team_end, name="team-beeindigen"),
    path("teams/<str:code>/rol/", forms_teams.team_role_hand_over, name="team-rol"),
    path("medewerkers/", people.medewerker_list, name="medewerkers"),
    path("medewerkers/nieuw/", forms_people.medewerker_new, name="medewerker-nieuw"),
    path("medewerkers/<str:nummer>/", people.medewerker_detail, name="medewerker"),
    path(
        "medewerkers/<str:nummer>/wijzigen/",
        forms_people.medewerker_edit,
        name="medewerker-wijzigen",
    ),
    path(
        "medewerkers/<str:nummer>/verplaatsen/",
        forms_people.medewerker_move,
        name="medewerker-verplaatsen",
    ),
    path(
        "medewerkers/<str:nummer>/dienstverbanden/<int:pk>/beeindigen/",
        forms_people.contract_end,
        name="dienstverband-beeindigen",
    ),
    path(
        "medewerkers/<str:nummer>/dienstverbanden/<int:pk>/verlengen/",
        forms_people.contract_extend,
        name="dienstverband-verlengen",
    ),
    *(path(f"{kind}/", groups.group_list, {"kind": kind}, name=kind) for kind in groups.KINDS),
    re_path(
        r"^(?P<kind>opdrachtgevers|werksoorten|locaties)/(?P<code>[^/]+)/$",
        groups.group_detail,
        name="groep",
    ),
    path("import/", transfer.import_page, name="import"),
    path("import/bevestigen/", transfer.import_confirm, name="import-bevestigen"),
    path("export/", transfer.export_download, name="export"),
    path("gebruikers/", accounts.accounts_page, name="gebruikers"),
    path("gebruikers/nieuw/", accounts.account_new, name="gebruiker-nieuw"),
    path("gebruikers/<str:username>/", accounts.account_edit, name="gebruiker"),
    path(
        "gebruikers/<str:username>/wachtwoord/",
        accounts.password_reset,
        name="wachtwoord-herstellen",
    ),
    path("gebruikers/<str:username>/actief/", accounts.active_set, name="gebruiker-actief"),
    path("account/wachtwoord/", accounts.own_password, name="eigen-wachtwoord"),
    path("gebruikers/<str:username>/ontgrendelen/", accounts.unlock, name="ontgrendelen"),
    path(
        "gebruikers/<str:username>/tweestapsverificatie-herstellen/",
        accounts.two_factor_reset_view,
        name="tweestaps-herstellen",
    ),
    path("logboek/", accounts.audit_log, name="logboek"),
    path("privacy/toegang/", privacy.access_log_page, name="toegang"),
    path("privacy/toegang.csv", privacy.access_log_download, name="toegang-csv"),
    path("inloggen/", views.LoginView.as_view(), name="login"),
    path("inloggen/code/", two_factor.verify, name="tweestaps-code"),
    path("inloggen/tweestapsverificatie/", two_factor.enrol, name="tweestaps-instellen"),
    path("inloggen/tweestapsverificatie/qr.svg", two_factor.qr_code, name="tweestaps-qr"),
    path("uitloggen/", auth_views.LogoutView.as_view(), name="logout"),
]

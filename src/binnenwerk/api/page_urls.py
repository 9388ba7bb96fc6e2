from django.urls import path

from binnenwerk.api import pages

app_name = "apitokens"

urlpatterns = [
    path("", pages.tokens_page, name="lijst"),
    path("<int:pk>/intrekken/", pages.token_revoke, name="intrekken"),
]

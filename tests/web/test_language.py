"""The web app's text goes through gettext: English message ids, Dutch from the catalogue."""

from django.contrib.auth.models import AnonymousUser
from django.template.loader import render_to_string
from django.utils import translation

from binnenwerk.web.forms import PeildatumForm


def test_page_text_comes_from_the_dutch_catalogue(rf):
    request = rf.get("/inloggen/")
    request.user = AnonymousUser()
    dutch = render_to_string("web/login.html", request=request)
    with translation.override("en"):
        english = render_to_string("web/login.html", request=request)
    assert '<html lang="nl">' in dutch and "Inloggen" in dutch and "Wachtwoord" in dutch
    assert '<html lang="en">' in english and "Sign in" in english and "Password" in english
    assert "Inloggen" not in english and "Wachtwoord" not in english


def test_form_labels_are_translated_when_shown():
    field = PeildatumForm().fields["peildatum"]
    assert str(field.label) == "Peildatum"
    with translation.override("en"):
        assert str(field.label) == "Reference date"

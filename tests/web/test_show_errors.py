"""A service's field errors land next to the form field that shows them."""

from django import forms
from django.core.exceptions import ValidationError

from binnenwerk.web.views.forms_people import show_errors


class WithVanaf(forms.Form):
    vanaf = forms.DateField()


class WithStart(forms.Form):
    start = forms.DateField()


def test_start_goes_to_vanaf_where_the_form_names_it_so():
    form = WithVanaf({"vanaf": "2024-01-01"})
    form.is_valid()
    show_errors(form, ValidationError({"start": ["te vroeg"]}))
    assert form.errors == {"vanaf": ["te vroeg"]}


def test_start_stays_start_where_the_form_has_no_vanaf():
    form = WithStart({"start": "2024-01-01"})
    form.is_valid()
    show_errors(form, ValidationError({"start": ["te vroeg"]}))
    assert form.errors == {"start": ["te vroeg"]}


def test_an_error_about_no_field_of_the_form_goes_on_top():
    form = WithStart({"start": "2024-01-01"})
    form.is_valid()
    show_errors(form, ValidationError({"team": ["bestaat niet"]}))
    assert form.non_field_errors() == ["bestaat niet"]

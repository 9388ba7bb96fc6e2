"""Messages that Django and Django REST framework both translate, in different Dutch words.

REST framework's catalogue would win over Django's everywhere (app catalogues come before
Django's own), so web forms would suddenly say "vereist" where they said "verplicht". The
project catalogue comes first of all: it keeps Django's wording, for the web and the API alike.
"""

from django.utils.translation import gettext_noop

SHARED_WITH_REST_FRAMEWORK = (
    gettext_noop("This field is required."),
    gettext_noop("No file was submitted."),
)

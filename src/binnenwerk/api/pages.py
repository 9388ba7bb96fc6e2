"""The page where every user creates and revokes their own API tokens.

A new token's secret is kept in the session for exactly one page view after the redirect:
shown once, never stored elsewhere, gone on reload.
"""

from __future__ import annotations

from django import forms
from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from binnenwerk.api.selectors import tokens_of
from binnenwerk.api.services import api_token_create, api_token_revoke
from binnenwerk.web.views.forms_people import show_errors

# bandit B105: the session key under which a new token is shown once, not a secret.
NEW_SECRET = "api_token_nieuw"  # nosec B105
VALIDITY_DAYS = (30, 90, 180, 365)


class TokenForm(forms.Form):
    naam = forms.CharField(
        label=gettext_lazy("Name"),
        max_length=100,
        help_text=gettext_lazy("What the token is for, e.g. 'dashboard BZK'."),
    )
    geldig_dagen = forms.TypedChoiceField(
        label=gettext_lazy("Valid for"),
        coerce=int,
        initial=90,
        choices=[],
    )

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        days = [d for d in VALIDITY_DAYS if d <= settings.API_TOKEN_MAX_DAGEN]
        field = self.fields["geldig_dagen"]
        field.choices = [(d, _("%(days)s days") % {"days": d}) for d in days]  # type: ignore[attr-defined]


def tokens_page(request: HttpRequest) -> HttpResponse:
    form = TokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            created = api_token_create(actor=request.user, user=request.user, **form.cleaned_data)
        except ValidationError as error:
            show_errors(form, error, {})
        else:
            request.session[NEW_SECRET] = created.secret
            return redirect("apitokens:lijst")
    return render(
        request,
        "api/tokens.html",
        {
            "form": form,
            "tokens": tokens_of(request.user),
            "nieuw": request.session.pop(NEW_SECRET, None),
        },
    )


@require_POST
def token_revoke(request: HttpRequest, pk: int) -> HttpResponse:
    # Only one's own tokens: another user's token number answers 404.
    token = get_object_or_404(tokens_of(request.user), pk=pk)
    api_token_revoke(actor=request.user, token=token)
    messages.success(request, _("Token %(name)s is revoked.") % {"name": token.naam})
    return redirect("apitokens:lijst")

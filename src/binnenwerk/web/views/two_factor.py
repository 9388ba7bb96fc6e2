"""The second sign-in step: the code from the authenticator app, and enrolling the app."""

from __future__ import annotations

from django import forms
from django.contrib.auth import REDIRECT_FIELD_NAME
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from django_otp import login as otp_login

from binnenwerk.accounts.services import two_factor_confirm, two_factor_start, two_factor_verify
from binnenwerk.accounts.two_factor import (
    confirmed_device,
    pending_device,
    qr_svg,
    second_step_pending,
    secret_text,
)


class CodeForm(forms.Form):
    code = forms.CharField(
        label=gettext_lazy("Code"),
        max_length=12,
        help_text=gettext_lazy("The 6 digits your authenticator app shows now."),
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric"}),
    )

    def clean_code(self) -> str:
        code = "".join(self.cleaned_data["code"].split())
        if not (code.isdigit() and len(code) == 6):
            raise forms.ValidationError(_("Enter the 6 digits from the app."))
        return code


def _next_url(request: HttpRequest) -> str:
    target = request.POST.get(REDIRECT_FIELD_NAME) or request.GET.get(REDIRECT_FIELD_NAME, "")
    if target and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return "/"


def _signed_in(request: HttpRequest, device: object) -> HttpResponse:
    request.session.cycle_key()  # a new session id once the second step is done
    otp_login(request, device)
    return redirect(_next_url(request))


@never_cache
def verify(request: HttpRequest) -> HttpResponse:
    if not second_step_pending(request):
        return redirect(_next_url(request))
    if confirmed_device(request.user) is None:
        return redirect("web:tweestaps-instellen")
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        device = two_factor_verify(user=request.user, token=form.cleaned_data["code"])
        if device is not None:
            return _signed_in(request, device)
        form.add_error("code", _("This code is not right. Wait for a new code and try again."))
    return render(request, "web/two_factor/verify.html", {"form": form, "next": _next_url(request)})


@never_cache
def enrol(request: HttpRequest) -> HttpResponse:
    if not second_step_pending(request):
        return redirect(_next_url(request))
    if confirmed_device(request.user) is not None:
        return redirect("web:tweestaps-code")
    device = two_factor_start(user=request.user)
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        confirmed = two_factor_confirm(user=request.user, token=form.cleaned_data["code"])
        if confirmed is not None:
            return _signed_in(request, confirmed)
        form.add_error("code", _("This code is not right. Check the time on your phone."))
    return render(
        request,
        "web/two_factor/enrol.html",
        {"form": form, "secret": secret_text(device), "next": _next_url(request)},
    )


@never_cache
def qr_code(request: HttpRequest) -> HttpResponse:
    """The QR code of the app being enrolled, as an image from this site (CSP: img-src self)."""
    device = pending_device(request.user) if second_step_pending(request) else None
    if device is None:
        return HttpResponse(status=404)
    return HttpResponse(qr_svg(device), content_type="image/svg+xml")

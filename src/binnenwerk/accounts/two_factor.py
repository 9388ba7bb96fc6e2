"""Two-factor sign-in (TOTP, django-otp): who needs the second step, and reads of the devices.

Administrators, HR and the privacy officer who sign in with a password give a 6-digit code
from an authenticator app as well, when settings.TWEE_FACTOR_VERPLICHT is on. A sign-in
through the Rijksaccount (OpenID Connect) needs no second step here: the Rijk's identity
provider asks for its own.
The writes (enrolment, reset) are in accounts.services.
"""

from __future__ import annotations

import io
from base64 import b32encode
from typing import Any

from django.conf import settings
from django.contrib.auth import BACKEND_SESSION_KEY
from django.http import HttpRequest
from django_otp.plugins.otp_totp.models import TOTPDevice

from binnenwerk.accounts.constants import Rol
from binnenwerk.accounts.selectors import roles_of

# Roles that see and change the most (special-category data, accounts): password plus code.
# The privacy officer too: their account reads who read what, a password alone is not enough.
NEEDS_TWO_FACTOR = frozenset({Rol.BEHEERDER, Rol.PERSONEELSZAKEN, Rol.PRIVACY})
OIDC_BACKEND = "binnenwerk.accounts.oidc.RijksOIDCBackend"


def signed_in_through_rijksaccount(request: HttpRequest) -> bool:
    return request.session.get(BACKEND_SESSION_KEY) == OIDC_BACKEND


def needs_two_factor(user: Any) -> bool:
    """Whether this user, signing in with a password, must give a code as well."""
    return bool(settings.TWEE_FACTOR_VERPLICHT and roles_of(user) & NEEDS_TWO_FACTOR)


def second_step_pending(request: HttpRequest) -> bool:
    """Signed in with a password, needs a code, and has not given one in this session."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated or not needs_two_factor(user):
        return False
    if signed_in_through_rijksaccount(request):
        return False
    return not user.is_verified()


def confirmed_device(user: Any) -> TOTPDevice | None:
    return TOTPDevice.objects.filter(user=user, confirmed=True).order_by("pk").first()


def pending_device(user: Any) -> TOTPDevice | None:
    """The device being enrolled: made when the enrolment page is first shown."""
    return TOTPDevice.objects.filter(user=user, confirmed=False).order_by("pk").first()


def usernames_with_two_factor() -> frozenset[str]:
    """Users with a confirmed authenticator app (for the users page)."""
    return frozenset(
        TOTPDevice.objects.filter(confirmed=True).values_list("user__username", flat=True)
    )


def secret_text(device: TOTPDevice) -> str:
    """The key as an app expects it typed in: base32 in groups of four."""
    secret = b32encode(device.bin_key).decode("ascii")
    return " ".join(secret[i : i + 4] for i in range(0, len(secret), 4))


def qr_svg(device: TOTPDevice) -> bytes:
    """The otpauth:// address of the device as a QR code in SVG (segno: no inline style)."""
    import segno

    buffer = io.BytesIO()
    segno.make(device.config_url, error="m").save(
        buffer, kind="svg", scale=5, border=4, title="Binnenwerk", svgclass=None, lineclass=None
    )
    return buffer.getvalue()

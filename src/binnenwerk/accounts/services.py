"""Writes to users, their profile and their roles (audited)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.contrib.auth import get_user_model
from django.db import transaction

from binnenwerk.accounts.constants import Rol
from binnenwerk.accounts.models import Profiel, Roltoekenning
from binnenwerk.audit import log_bulk
from binnenwerk.services_base import save_validated


@transaction.atomic
def account_set(
    *,
    actor: Any,
    username: str,
    password: str | None = None,
    roles: Iterable[str],
    medewerker: Any = None,
    organisatie: Any = None,
    is_staff: bool = False,
) -> Any:
    """Create or update an account with exactly these roles and links."""
    user_model = get_user_model()
    user = user_model.objects.filter(username=username).first() or user_model(username=username)
    user.is_staff = is_staff or Rol.BEHEERDER in set(roles)
    user.is_superuser = Rol.BEHEERDER in set(roles)
    if password is not None:
        user.set_password(password)
    elif not user.password:
        user.set_unusable_password()  # logs in through single sign-on only, later
    save_validated(user, actor) if user.pk is None else user.save()
    profile = Profiel.objects.filter(user=user).first() or Profiel(user=user)
    profile.medewerker, profile.organisatie = medewerker, organisatie
    save_validated(profile, actor)
    wanted = {Rol(r) for r in roles}
    Roltoekenning.objects.filter(user=user).exclude(rol__in=wanted).delete()
    have = set(Roltoekenning.objects.filter(user=user).values_list("rol", flat=True))
    for rol in sorted(wanted - have):
        save_validated(Roltoekenning(user=user, rol=rol), actor)
    return user


@transaction.atomic
def account_unlock(*, actor: Any, username: str) -> int:
    """Lift a lockout after failed logins; returns how many lockout records were cleared.

    The unlock is audited on the user's record: who lifted it, when.
    """
    from auditlog.models import LogEntry
    from axes.utils import reset

    user = get_user_model().objects.filter(username=username).first()
    cleared = reset(username=username)
    if user is not None and cleared:
        log_bulk(
            actor=actor,
            action=LogEntry.Action.UPDATE,
            objects=[user],
            changes={user.pk: {"inlogblokkade": ["vergrendeld", "ontgrendeld"]}},
        )
    return cleared


# --- Two-factor sign-in (TOTP) ---------------------------------------------------------------


def _log_account(actor: Any, user: Any, field: str, old: str, new: str) -> None:
    from auditlog.models import LogEntry

    user = get_user_model().objects.get(pk=user.pk)  # request.user is a lazy wrapper
    log_bulk(
        actor=actor,
        action=LogEntry.Action.UPDATE,
        objects=[user],
        changes={user.pk: {field: [old, new]}},
    )


@transaction.atomic
def two_factor_start(*, user: Any) -> Any:
    """The authenticator app being enrolled: a new secret, kept until confirmed with a code."""
    from django_otp.plugins.otp_totp.models import TOTPDevice

    device = TOTPDevice.objects.filter(user=user, confirmed=False).order_by("pk").first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name="Authenticator-app", confirmed=False)
    return device


@transaction.atomic
def two_factor_confirm(*, user: Any, token: str) -> Any:
    """Confirm the pending device with its first code; returns it, or None for a wrong code.

    Audited on the user's record. Any older device of the user is removed: one app per user.
    """
    from django_otp.plugins.otp_totp.models import TOTPDevice

    device = (
        TOTPDevice.objects.select_for_update()
        .filter(user=user, confirmed=False)
        .order_by("pk")
        .first()
    )
    if device is None or not device.verify_token(token):
        return None
    TOTPDevice.objects.filter(user=user).exclude(pk=device.pk).delete()
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    _log_account(user, user, "tweestapsverificatie", "niet ingesteld", "ingesteld")
    return device


def two_factor_verify(*, user: Any, token: str) -> Any:
    """The user's confirmed device if the code is right (django-otp throttles wrong codes)."""
    from django_otp import verify_token
    from django_otp.plugins.otp_totp.models import TOTPDevice

    device = TOTPDevice.objects.filter(user=user, confirmed=True).order_by("pk").first()
    if device is None:
        return None
    return verify_token(user, device.persistent_id, token)


@transaction.atomic
def two_factor_reset(*, actor: Any, username: str) -> int:
    """Remove a user's authenticator app (lost phone): they enrol a new one at the next sign-in.

    Returns how many devices were removed; audited on the user's record when there were any.
    """
    from django_otp.plugins.otp_totp.models import TOTPDevice

    user = get_user_model().objects.filter(username=username).first()
    if user is None:
        return 0
    removed, _ = TOTPDevice.objects.filter(user=user).delete()
    if removed:
        _log_account(actor, user, "tweestapsverificatie", "ingesteld", "hersteld")
    return removed


# --- Sign-in through the Rijksaccount (OpenID Connect) ----------------------------------------


@transaction.atomic
def account_sign_in_sso(
    *,
    username: str,
    roles: Iterable[str],
    email: str = "",
    first_name: str = "",
    last_name: str = "",
) -> Any:
    """Create or update the account of someone who signed in with their Rijksaccount.

    Their roles become exactly the roles the identity provider gave (at least one: the caller
    refuses anyone without); the links to a staff member or client stay as the administrator
    set them. A new account gets no usable password. The sign-in is audited.
    """
    roles = sorted(set(roles))
    if not roles:
        raise ValueError("Een Rijksaccount zonder rol krijgt geen toegang.")
    existing = get_user_model().objects.filter(username=username).first()
    profile = getattr(existing, "profiel", None) if existing is not None else None
    before = (
        sorted(Roltoekenning.objects.filter(user=existing).values_list("rol", flat=True))
        if existing is not None
        else []
    )
    user = account_set(
        actor=existing,
        username=username,
        roles=roles,
        medewerker=getattr(profile, "medewerker", None),
        organisatie=getattr(profile, "organisatie", None),
    )
    user.email = email[:254]
    user.first_name = first_name[:150]
    user.last_name = last_name[:150]
    user.save(update_fields=["email", "first_name", "last_name"])
    changes = {"aanmelding": ["", "Rijksaccount"]}
    if before != roles:
        changes["rollen"] = [", ".join(before), ", ".join(roles)]
    from auditlog.models import LogEntry

    log_bulk(actor=user, action=LogEntry.Action.UPDATE, objects=[user], changes={user.pk: changes})
    return user


def account_refuse_sso(*, username: str, reason: str) -> None:
    """Record a refused Rijksaccount sign-in on the account, when one exists by that name."""
    user = get_user_model().objects.filter(username=username).first()
    if user is not None:
        _log_account(None, user, "aanmelding", "Rijksaccount", f"geweigerd: {reason}")

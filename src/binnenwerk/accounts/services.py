"""Writes to users, their profile and their roles (audited).

Role separation lives here, for every path (web pages, command line, single sign-on):
- the privacy officer's role is held alone, and only the server's operator (the command line,
  `actor=None`) or the Rijk's identity provider grants or takes it; a signed-in user can change
  nothing of such an account: not its roles, password, authenticator app or state;
- nobody changes their own roles or state, or resets their own password here (the own
  password is changed with the old one, `account_password_change`);
- a password or authenticator app reset by someone else tells the user at their next sign-in
  who did it and when (`Accountmelding`), and every change is in the audit log.
"""

from __future__ import annotations

import secrets
from collections.abc import Iterable
from typing import Any

from auditlog.models import LogEntry
from axes.utils import reset as axes_reset
from django.contrib.auth import get_user_model
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django_otp import verify_token
from django_otp.plugins.otp_totp.models import TOTPDevice

from binnenwerk.accounts.constants import Rol
from binnenwerk.accounts.models import Accountmelding, Profiel, Roltoekenning
from binnenwerk.audit import log_bulk
from binnenwerk.services_base import save_validated

# One-time passwords: 4 groups of 4 from an alphabet without look-alikes (about 80 bits).
ONE_TIME_ALPHABET = "23456789abcdefghjkmnpqrstuvwxyz"
ONE_TIME_GROUPS = 4


def _roles_held(user: Any) -> set[Rol]:
    if user is None or user.pk is None:
        return set()
    return {Rol(r) for r in Roltoekenning.objects.filter(user=user).values_list("rol", flat=True)}


def _refuse_if_protected(actor: Any, user: Any) -> None:
    """A signed-in user may not change their own account here, nor the privacy officer's."""
    if actor is None:
        return
    if user.pk is not None and user.pk == actor.pk:
        raise ValidationError(
            _("You cannot change your own account here; ask another administrator.")
        )
    if Rol.PRIVACY in _roles_held(user):
        raise ValidationError(
            _(
                "The privacy officer's account is managed on the server only "
                "(binnenwerk account), so that no one else can read the access log."
            )
        )


def _check_roles(actor: Any, user: Any, wanted: set[Rol]) -> None:
    if Rol.PRIVACY in wanted and len(wanted) > 1:
        raise ValidationError(
            {"rollen": _("The privacy officer's role is held alone, without any other role.")}
        )
    if actor is not None and Rol.PRIVACY in wanted:
        raise ValidationError(
            {
                "rollen": _(
                    "Only the server's operator grants the privacy officer's role "
                    "(binnenwerk account)."
                )
            }
        )


def _who(actor: Any) -> str:
    if actor is None:
        return _("the server's operator (command line)")
    return actor.get_full_name() or actor.username


def _notify(user: Any, actor: Any, text: str) -> None:
    Accountmelding.objects.create(user=user, door=actor, tekst=text[:300])


def _log_account(actor: Any, user: Any, field: str, old: str, new: str) -> None:
    user = get_user_model().objects.get(pk=user.pk)  # request.user is a lazy wrapper
    log_bulk(
        actor=actor,
        action=LogEntry.Action.UPDATE,
        objects=[user],
        changes={user.pk: {field: [old, new]}},
    )


def _write_account(
    *,
    actor: Any,
    username: str,
    password: str | None,
    roles: set[Rol],
    medewerker: Any,
    organisatie: Any,
    is_staff: bool = False,
    log_roles: bool = True,
    names: dict[str, str] | None = None,
) -> Any:
    user_model = get_user_model()
    user = user_model.objects.filter(username=username).first() or user_model(username=username)
    had = _roles_held(user)
    for field, value in (names or {}).items():
        setattr(user, field, value)
    user.is_staff = is_staff or Rol.BEHEERDER in roles
    # Nobody is a superuser: what a user may do follows from their roles, in the admin too.
    user.is_superuser = False
    if password is not None:
        user.set_password(password)
    elif not user.password:
        user.set_unusable_password()  # logs in through single sign-on only, later
    save_validated(user, actor)
    profile = Profiel.objects.filter(user=user).first() or Profiel(user=user)
    profile.medewerker, profile.organisatie = medewerker, organisatie
    save_validated(profile, actor)
    Roltoekenning.objects.filter(user=user).exclude(rol__in=roles).delete()
    for rol in sorted(roles - had):
        save_validated(Roltoekenning(user=user, rol=rol), actor)
    if log_roles and had and had != roles:
        _log_account(
            actor,
            user,
            "rollen",
            ", ".join(sorted(str(r.label) for r in had)),
            ", ".join(sorted(str(r.label) for r in roles)),
        )
    return user


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
    first_name: str | None = None,
    last_name: str | None = None,
    email: str | None = None,
) -> Any:
    """Create or update an account with exactly these roles and links (and, when given, the
    user's name and email address).

    `actor` None is the server's operator (command line, demo, tests' set-up); a signed-in
    actor meets the rules of the module docstring. ValidationError (Dutch) when refused."""
    wanted = {Rol(r) for r in roles}
    existing = get_user_model().objects.filter(username=username).first()
    if existing is not None:
        _refuse_if_protected(actor, existing)
    _check_roles(actor, existing, wanted)
    if actor is not None and password is not None:
        raise ValidationError(_("A password is given once, with account_password_reset."))
    return _write_account(
        actor=actor,
        username=username,
        password=password,
        roles=wanted,
        medewerker=medewerker,
        organisatie=organisatie,
        is_staff=is_staff,
        names={
            field: value
            for field, value in (
                ("first_name", first_name),
                ("last_name", last_name),
                ("email", email),
            )
            if value is not None
        },
    )


def one_time_password() -> str:
    groups = (
        "".join(secrets.choice(ONE_TIME_ALPHABET) for _ in range(4)) for _ in range(ONE_TIME_GROUPS)
    )
    return "-".join(groups)


@transaction.atomic
def account_password_reset(*, actor: Any, username: str) -> str:
    """Give the account a one-time password (returned once, never stored in plain) that the
    user must replace at their next sign-in; sessions signed in with the old one end. The user
    is told who did it; audited."""
    user = get_user_model().objects.select_for_update().get(username=username)
    _refuse_if_protected(actor, user)
    password = one_time_password()
    user.set_password(password)
    user.save(update_fields=["password"])
    Profiel.objects.update_or_create(user=user, defaults={"wachtwoord_wijzigen": True})
    _notify(
        user,
        actor,
        _("Your password was reset on %(date)s by %(who)s.")
        % {"date": timezone.localtime().strftime("%d-%m-%Y %H:%M"), "who": _who(actor)},
    )
    _log_account(actor, user, "wachtwoord", "", _("reset (one-time password)"))
    return password


@transaction.atomic
def account_password_change(*, user: Any, password: str) -> Any:
    """The user's own new password (the caller checked the old one): validated against the
    password rules, the must-change mark cleared; audited without the password."""
    user = get_user_model().objects.select_for_update().get(pk=user.pk)
    validate_password(password, user)
    user.set_password(password)
    user.save(update_fields=["password"])
    Profiel.objects.filter(user=user).update(wachtwoord_wijzigen=False)
    _log_account(user, user, "wachtwoord", "", _("changed by the user"))
    return user


@transaction.atomic
def account_active_set(*, actor: Any, username: str, active: bool) -> Any:
    """Switch an account off (no sign-in, no API token) or on again; audited."""
    user = get_user_model().objects.select_for_update().get(username=username)
    _refuse_if_protected(actor, user)
    if user.is_active != active:
        user.is_active = active
        save_validated(user, actor)
    return user


def account_notices_take(user: Any) -> list[Accountmelding]:
    """The user's unread notices, oldest first, marked read now."""
    notices = list(
        Accountmelding.objects.filter(user=user, gelezen_op__isnull=True).order_by("op", "pk")
    )
    if notices:
        Accountmelding.objects.filter(pk__in=[n.pk for n in notices]).update(
            gelezen_op=timezone.now()
        )
    return notices


@transaction.atomic
def account_unlock(*, actor: Any, username: str) -> int:
    """Lift a lockout after failed logins; returns how many lockout records were cleared.

    The unlock is audited on the user's record: who lifted it, when.
    """
    user = get_user_model().objects.filter(username=username).first()
    cleared = axes_reset(username=username)
    if user is not None and cleared:
        log_bulk(
            actor=actor,
            action=LogEntry.Action.UPDATE,
            objects=[user],
            changes={user.pk: {"inlogblokkade": ["vergrendeld", "ontgrendeld"]}},
        )
    return cleared


# --- Two-factor sign-in (TOTP) ---------------------------------------------------------------


@transaction.atomic
def two_factor_start(*, user: Any) -> Any:
    """The authenticator app being enrolled: a new secret, kept until confirmed with a code."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).order_by("pk").first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name="Authenticator-app", confirmed=False)
    return device


@transaction.atomic
def two_factor_confirm(*, user: Any, token: str) -> Any:
    """Confirm the pending device with its first code; returns it, or None for a wrong code.

    Audited on the user's record. Any older device of the user is removed: one app per user.
    """
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
    device = TOTPDevice.objects.filter(user=user, confirmed=True).order_by("pk").first()
    if device is None:
        return None
    return verify_token(user, device.persistent_id, token)


@transaction.atomic
def two_factor_reset(*, actor: Any, username: str) -> int:
    """Remove a user's authenticator app (lost phone): they enrol a new one at the next sign-in.

    Returns how many devices were removed; audited on the user's record when there were any.
    """
    user = get_user_model().objects.filter(username=username).first()
    if user is None:
        return 0
    _refuse_if_protected(actor, user)
    removed, _per_model = TOTPDevice.objects.filter(user=user).delete()
    if removed:
        _log_account(actor, user, "tweestapsverificatie", "ingesteld", "hersteld")
        _notify(
            user,
            actor,
            _(
                "Your two-step verification was reset on %(date)s by %(who)s: you set up "
                "your authenticator app again."
            )
            % {"date": timezone.localtime().strftime("%d-%m-%Y %H:%M"), "who": _who(actor)},
        )
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
    wanted = {Rol(r) for r in roles}
    _check_roles(None, existing, wanted)  # the identity provider grants roles, as an operator
    user = _write_account(
        actor=existing,
        username=username,
        password=None,
        roles=wanted,
        medewerker=getattr(profile, "medewerker", None),
        organisatie=getattr(profile, "organisatie", None),
        log_roles=False,  # logged below, with the sign-in
    )
    user.email = email[:254]
    user.first_name = first_name[:150]
    user.last_name = last_name[:150]
    user.save(update_fields=["email", "first_name", "last_name"])
    changes = {"aanmelding": ["", "Rijksaccount"]}
    if before != roles:
        changes["rollen"] = [", ".join(before), ", ".join(roles)]
    log_bulk(actor=user, action=LogEntry.Action.UPDATE, objects=[user], changes={user.pk: changes})
    return user


def account_refuse_sso(*, username: str, reason: str) -> None:
    """Record a refused Rijksaccount sign-in on the account, when one exists by that name."""
    user = get_user_model().objects.filter(username=username).first()
    if user is not None:
        _log_account(None, user, "aanmelding", "Rijksaccount", f"geweigerd: {reason}")

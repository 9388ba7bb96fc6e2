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

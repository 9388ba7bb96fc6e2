"""The navigation each role sees, for the base template."""

from typing import Any

from django.http import HttpRequest

from binnenwerk.accounts.constants import ORGANISATION_WIDE, SEES_PEOPLE, Rol
from binnenwerk.accounts.selectors import roles_of


def navigation(request: HttpRequest) -> dict[str, Any]:
    roles = roles_of(request.user)
    if not roles and not getattr(request.user, "is_authenticated", False):
        return {"nav_items": [], "user_roles": []}
    items = [("web:dashboard", "Dashboard"), ("web:teams", "Teams")]
    if roles & SEES_PEOPLE:
        items.append(("web:medewerkers", "Medewerkers"))
    if roles & ORGANISATION_WIDE or Rol.OPDRACHTGEVER in roles:
        items.append(("web:opdrachtgevers", "Opdrachtgevers"))
    if roles & ORGANISATION_WIDE:
        items += [("web:werksoorten", "Werksoorten"), ("web:locaties", "Locaties")]
    if Rol.BEHEERDER in roles:
        items += [
            ("web:import", "Import en export"),
            ("web:gebruikers", "Gebruikers"),
            ("web:logboek", "Logboek"),
        ]
    if getattr(request.user, "is_staff", False) or Rol.BEHEERDER in roles:
        items.append(("admin:index", "Beheer"))
    labels = [Rol(r).label for r in sorted(roles)]
    return {"nav_items": items, "user_roles": labels}

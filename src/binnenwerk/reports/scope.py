"""Who sees the annual overview and who publishes it: built from the accounts' helpers.
Any other role gets 404."""

from __future__ import annotations

from typing import Any

from binnenwerk.accounts.selectors import has_role
from binnenwerk.reports.constants import PUBLISHES, SEES_REPORT


def sees_report(user: Any) -> bool:
    return has_role(user, *SEES_REPORT)


def publishes(user: Any) -> bool:
    return has_role(user, *PUBLISHES)

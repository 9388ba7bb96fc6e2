"""Who may manage the survey and who sees which results: built only from the accounts'
scoping helpers. Outside this scope a page answers 404.

The answering page needs no login: a one-time code is the only key, and it names no one.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db.models import QuerySet

from binnenwerk.accounts.constants import Rol
from binnenwerk.accounts.selectors import has_role, led_teams
from binnenwerk.organisation.models import Team
from binnenwerk.survey.constants import MANAGES_SURVEY, SEES_ALL_RESULTS, SEES_OWN_TEAMS
from binnenwerk.survey.models import Vragenlijst


def manages_survey(user: Any) -> bool:
    return has_role(user, *MANAGES_SURVEY)


def sees_all_results(user: Any) -> bool:
    return has_role(user, *SEES_ALL_RESULTS)


def sees_results(user: Any) -> bool:
    return has_role(user, *SEES_ALL_RESULTS, *SEES_OWN_TEAMS)


def own_teams(user: Any, vragenlijst: Vragenlijst, today: dt.date) -> QuerySet[Team]:
    """A supervisor's teams: those they lead today or led when the questionnaire closed."""
    if not has_role(user, *SEES_OWN_TEAMS):
        return Team.objects.none()
    return (
        led_teams(user, today, Rol.LEIDINGGEVENDE)
        | led_teams(user, vragenlijst.open_tot, Rol.LEIDINGGEVENDE)
    ).distinct()

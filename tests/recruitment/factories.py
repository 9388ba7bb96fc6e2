"""Set-up helpers for recruitment tests: candidates made and moved through the services."""

from __future__ import annotations

import datetime as dt
from typing import Any

from binnenwerk.recruitment import services
from binnenwerk.recruitment.constants import Herkomst, Indicatie
from binnenwerk.recruitment.models import Kandidaat
from tests.factories import TeamFactory

D = dt.date
TRIAL_START, TRIAL_END = D(2026, 2, 2), D(2026, 5, 1)


def kandidaat(actor: Any = None, **fields: Any) -> Kandidaat:
    values: dict[str, Any] = {
        "voornaam": "Sam",
        "achternaam": "Verzonnen",
        "email": "sam@voorbeeld.invalid",
        "herkomst": Herkomst.UWV,
        "indicatie": Indicatie.JA,
        "aangemeld_op": D(2026, 1, 5),
    }
    values.update(fields)
    if "team" not in values and "werksoort" not in values:
        values["team"] = TeamFactory()
    return services.kandidaat_create(actor=actor, **values)


def in_trial(
    actor: Any = None,
    start: dt.date = TRIAL_START,
    einde: dt.date = TRIAL_END,
    **fields: Any,
) -> Kandidaat:
    """A candidate after the introduction, in a trial placement in their team."""
    k = kandidaat(actor, **fields)
    services.kandidaat_advance(actor=actor, kandidaat=k, op=D(2026, 1, 19))
    services.proefplaatsing_create(actor=actor, kandidaat=k, team=k.team, start=start, einde=einde)
    return k

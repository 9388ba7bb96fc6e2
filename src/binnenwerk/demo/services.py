"""Load the demo organisation through the importer: the same validation and writes as real data."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db import transaction
from django.db.models import Count

from binnenwerk.accounts.constants import Rol
from binnenwerk.accounts.services import account_set
from binnenwerk.demo.rows import demo_rows
from binnenwerk.imports.dataset import Dataset, Sheet
from binnenwerk.imports.services import ImportReport, import_dataset
from binnenwerk.monitor.demo import monitor_demo_load
from binnenwerk.organisation.constants import TeamRolSoort
from binnenwerk.organisation.models import Organisatie, TeamRol
from binnenwerk.people.models import Medewerker
from binnenwerk.periods import active_on

DEMO_PASSWORD = "binnenwerk-demo"


def demo_dataset() -> Dataset:
    dataset: Dataset = {}
    for name, rows in demo_rows().items():
        columns = list(rows[0]) if rows else []
        dataset[name] = Sheet(
            name=name, columns=columns, rows=[(number, row) for number, row in enumerate(rows, 2)]
        )
    return dataset


@transaction.atomic
def demo_load(*, actor: Any = None, progress: Any = None) -> ImportReport:
    report = import_dataset(actor=actor, dataset=demo_dataset(), progress=progress)
    monitor_demo_load(actor=actor)
    _ensure_demo_accounts()
    return report


def _ensure_demo_accounts() -> list[tuple[str, str]]:
    """One account per role; the supervisor and coach are staff who hold team roles today."""
    today = dt.date.today()
    supervisor = _role_holder(TeamRolSoort.LEIDINGGEVENDE, today)
    coach = _role_holder(TeamRolSoort.JOBCOACH, today)
    client = Organisatie.objects.filter(code="BZK").first()
    accounts = [
        ("beheerder", Rol.BEHEERDER, {}),
        ("personeelszaken", Rol.PERSONEELSZAKEN, {}),
        ("management", Rol.MANAGEMENT, {}),
        ("leidinggevende", Rol.LEIDINGGEVENDE, {"medewerker": supervisor}),
        ("jobcoach", Rol.JOBCOACH, {"medewerker": coach}),
        ("werving", Rol.WERVING, {}),
        ("opdrachtgever", Rol.OPDRACHTGEVER, {"organisatie": client}),
        ("monitor", Rol.MONITOR, {}),
    ]
    for username, rol, links in accounts:
        account_set(actor=None, username=username, password=DEMO_PASSWORD, roles=[rol], **links)
    return [(username, str(Rol(rol).label)) for username, rol, _ in accounts]


def _role_holder(rol: str, on: dt.date) -> Any:
    """The staff member holding this role in the most teams on the date."""
    holder = (
        TeamRol.objects.filter(active_on(on), rol=rol)
        .values("medewerker")
        .annotate(n=Count("id"))
        .order_by("-n", "medewerker")
        .first()
    )
    return Medewerker.objects.get(pk=holder["medewerker"]) if holder else None

"""Load the demo organisation through the importer: the same validation and writes as real data."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import Count
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from binnenwerk.absence.demo import absence_demo_load
from binnenwerk.accounts.constants import Rol
from binnenwerk.accounts.services import account_set
from binnenwerk.coaching.demo import coaching_demo_load
from binnenwerk.contracts.demo import contracts_demo_load
from binnenwerk.demo.models import DemoLading
from binnenwerk.demo.rows import demo_rows
from binnenwerk.imports.dataset import Dataset, Sheet
from binnenwerk.imports.services import ImportReport, import_dataset
from binnenwerk.monitor.demo import monitor_demo_load
from binnenwerk.opportunities.demo import opportunities_demo_load
from binnenwerk.organisation.constants import TeamRolSoort
from binnenwerk.organisation.models import Organisatie, Team, TeamRol
from binnenwerk.outflow.demo import outflow_demo_load
from binnenwerk.people.models import Medewerker
from binnenwerk.periods import active_on
from binnenwerk.recruitment.demo import recruitment_demo_load
from binnenwerk.reports.demo import reports_demo_load
from binnenwerk.survey.demo import survey_demo_load

# bandit B105: the demo accounts' password, printed by `make demo` on purpose.
DEMO_PASSWORD = "binnenwerk-demo"  # nosec B105
# One demo account per role: (username, role).
DEMO_ACCOUNTS = [
    ("beheerder", Rol.BEHEERDER),
    ("personeelszaken", Rol.PERSONEELSZAKEN),
    ("management", Rol.MANAGEMENT),
    ("leidinggevende", Rol.LEIDINGGEVENDE),
    ("jobcoach", Rol.JOBCOACH),
    ("werving", Rol.WERVING),
    ("opdrachtgever", Rol.OPDRACHTGEVER),
    ("monitor", Rol.MONITOR),
    ("privacy", Rol.PRIVACY),
]


def demo_dataset() -> Dataset:
    dataset: Dataset = {}
    for name, rows in demo_rows().items():
        columns = list(rows[0]) if rows else []
        dataset[name] = Sheet(
            name=name, columns=columns, rows=[(number, row) for number, row in enumerate(rows, 2)]
        )
    return dataset


class DemoRefused(Exception):
    """The database holds data of its own: the demo (with its public password) stays out."""


def data_present() -> list[str]:
    """What the database holds of accounts, people, organisations and teams, in words
    ("3 accounts", "1 medewerker"); empty when it holds none of them."""
    accounts = get_user_model().objects.count()
    people = Medewerker.objects.count()
    organisations = Organisatie.objects.count()
    teams = Team.objects.count()
    words = [
        (accounts, ngettext("%(n)s account", "%(n)s accounts", accounts)),
        (people, ngettext("%(n)s employee", "%(n)s employees", people)),
        (organisations, ngettext("%(n)s organisation", "%(n)s organisations", organisations)),
        (teams, ngettext("%(n)s team", "%(n)s teams", teams)),
    ]
    return [text % {"n": n} for n, text in words if n]


def demo_loaded() -> DemoLading | None:
    """When the demo was loaded into this database, if it was."""
    return DemoLading.objects.order_by("pk").first()


@transaction.atomic
def demo_load(*, actor: Any = None, progress: Any = None) -> ImportReport:
    """Load the demo organisation into an empty database, in one transaction.

    Refuses (DemoRefused, nothing changed) a database that holds any account, person,
    organisation or team: the demo's accounts share a password printed on screen, and its
    fictitious people must never mix with real ones."""
    if present := data_present():
        found = ", ".join(present)
        raise DemoRefused(
            _(
                "This database already holds data (%(found)s): the demo loads into an empty "
                "database only. Nothing has been changed. Choose a new database, e.g. "
                "DATABASE_URL=sqlite:///demo.sqlite3."
            )
            % {"found": found}
        )
    report = import_dataset(actor=actor, dataset=demo_dataset(), progress=progress)
    monitor_demo_load(actor=actor)
    recruitment_demo_load(actor=actor)
    contracts_demo_load(actor=actor)
    outflow_demo_load(actor=actor)
    opportunities_demo_load(actor=actor)
    _ensure_demo_accounts()
    coaching_demo_load(actor=actor)  # after the accounts: the demo coach writes the notes
    absence_demo_load(actor=actor)  # after the accounts: the demo supervisor marks steps done
    survey_demo_load(actor=actor)
    reports_demo_load(actor=actor)  # last: publishes 2023, then a late correction
    DemoLading.objects.create()
    return report


def _ensure_demo_accounts() -> list[tuple[str, str]]:
    """One account per role; the supervisor and coach are staff who hold team roles today."""
    today = dt.date.today()
    supervisor = _role_holder(TeamRolSoort.LEIDINGGEVENDE, today)
    coach = _role_holder(TeamRolSoort.JOBCOACH, today)
    client = Organisatie.objects.filter(code="BZK").first()
    links: dict[str, dict[str, Any]] = {
        Rol.LEIDINGGEVENDE: {"medewerker": supervisor},
        Rol.JOBCOACH: {"medewerker": coach},
        Rol.OPDRACHTGEVER: {"organisatie": client},
    }
    accounts = [(username, rol, links.get(rol, {})) for username, rol in DEMO_ACCOUNTS]
    for username, rol, linked in accounts:
        account_set(actor=None, username=username, password=DEMO_PASSWORD, roles=[rol], **linked)
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

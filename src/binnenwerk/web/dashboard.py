"""What the dashboard shows a user on a peildatum, from the selectors and within their scope."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.conf import settings
from django.db.models import Exists, Min, OuterRef, QuerySet
from django.utils.translation import gettext as _

from binnenwerk.accounts.constants import ORGANISATION_WIDE
from binnenwerk.accounts.selectors import (
    job_filters_for,
    medewerkers_for,
    roles_of,
    scope_label,
    sees_people,
    teams_for,
)
from binnenwerk.contracts.selectors import sees_counts
from binnenwerk.jobs import selectors as jobs
from binnenwerk.jobs.constants import Interval, Per
from binnenwerk.jobs.dates import period_ends
from binnenwerk.jobs.presenters import group_names
from binnenwerk.people.models import Dienstverband
from binnenwerk.periods import active_on

ENDING_WITHIN = dt.timedelta(weeks=8)
# The dashboard lists the first of them; the contract clock has them all.
ENDING_SHOWN = 25


@dataclass
class Table:
    """A chart's numbers: the text alternative, the table and the CSV download."""

    name: str
    title: str
    headers: list[str]
    rows: list[list[Any]]


@dataclass
class Dashboard:
    peildatum: dt.date
    scope: str
    banen: Decimal
    goal: int | None
    new_jobs: Decimal | None
    new_colleagues: int | None
    headcount: int | None
    tables: dict[str, Table] = field(default_factory=dict)

    @property
    def to_go(self) -> Decimal | None:
        return None if self.goal is None else max(Decimal(self.goal) - self.banen, Decimal(0))

    ending: list[Dienstverband] | None = None
    ending_total: int = 0
    clock: bool = False  # whether the user has the contract clock to see them all


def _first_month(peildatum: dt.date) -> dt.date:
    first = Dienstverband.objects.aggregate(first=Min("start"))["first"]
    return min(first or peildatum, peildatum)


def build(user: Any, peildatum: dt.date) -> Dashboard | None:
    """The numbers; each chart is drawn apart (`chart_svg`), so the page itself stays quick."""
    filters = job_filters_for(user, peildatum)
    if filters is None:
        return None
    org_wide = bool(roles_of(user) & ORGANISATION_WIDE)
    year_before = dt.date(peildatum.year - 1, 12, 31)
    # One pass of the counter for the month-ends, the previous year end and the peildatum.
    months = period_ends(_first_month(peildatum), peildatum, Interval.MAAND)
    counted = {
        r.peildatum: r
        for r in jobs.banen_op_data([*months, year_before, peildatum], filters=filters)
    }
    before, now = counted[year_before], counted[peildatum]
    board = Dashboard(
        peildatum=peildatum,
        scope=scope_label(user),
        banen=now.totaal,
        goal=settings.BANEN_DOEL if org_wide else None,
        new_jobs=now.totaal - before.totaal,
        new_colleagues=jobs.nieuwe_collegas(peildatum.year) if org_wide else None,
        headcount=now.medewerkers_binnenwerk if org_wide else None,
    )
    series = [counted[d] for d in months]
    board.tables["per_maand"] = Table(
        "per_maand",
        _("Jobs at the end of each month"),
        [_("Month"), _("Jobs")],
        [[r.peildatum, r.totaal] for r in series],
    )
    grouped = jobs.banen_per(peildatum, [Per.OPDRACHTGEVER, Per.WERKSOORT], filters=filters)
    for per, title in (
        (Per.OPDRACHTGEVER, _("Jobs per client")),
        (Per.WERKSOORT, _("Jobs per work type")),
    ):
        result = grouped[per]
        names = group_names(per, list(result.groepen))
        board.tables[f"per_{per}"] = Table(
            f"per_{per}",
            title,
            [str(per.label), _("Jobs")],
            [[names.get(k, k), v] for k, v in result.groepen.items()],
        )
    visible = teams_for(user, peildatum)
    per_province = jobs.teams(peildatum, per=Per.PROVINCIE, among=visible)
    board.tables["teams_per_provincie"] = Table(
        "teams_per_provincie",
        _("Teams per province"),
        [_("Province"), _("Teams")],
        [[k, v] for k, v in per_province.groepen.items()],
    )
    if sees_people(user):
        ending = contracts_ending(user, peildatum)
        board.ending = list(ending[:ENDING_SHOWN])
        board.clock = sees_counts(user)
        board.ending_total = (
            len(board.ending) if len(board.ending) < ENDING_SHOWN else ending.count()
        )
    return board


def chart_svg(board: Dashboard, name: str) -> str:
    """One chart of the dashboard as SVG, drawn from the same numbers as its table."""
    from binnenwerk.web import charts

    rows = board.tables[name].rows
    if name == "per_maand":
        return charts.line_chart([(r[0], r[1]) for r in rows], board.goal)
    if name == "teams_per_provincie":
        return charts.province_tiles({r[0]: r[1] for r in rows})
    return charts.bar_chart([(r[0], r[1]) for r in rows])


def contracts_ending(user: Any, peildatum: dt.date) -> QuerySet[Dienstverband]:
    """Contracts of people in scope that end within eight weeks with nothing arranged after."""
    follow_up = Dienstverband.objects.filter(
        medewerker=OuterRef("medewerker"), start__gt=OuterRef("einde")
    )
    return (
        Dienstverband.objects.filter(
            medewerker__in=medewerkers_for(user, peildatum),
            einde__gte=peildatum,
            einde__lte=peildatum + ENDING_WITHIN,
        )
        .filter(active_on(peildatum))
        .exclude(Exists(follow_up))
        .select_related("medewerker")
        .order_by("einde", "medewerker__achternaam")
    )

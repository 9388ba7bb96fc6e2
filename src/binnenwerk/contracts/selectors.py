"""The contract clock's reads: who sees what, the worklist, the counts for the dashboard.

Access: HR (personeelszaken) and supervisors (leidinggevende) see people's names and decide,
HR for everyone, a supervisor for the people placed in the teams they lead on the
peildatum. Management and the administrator see counts per team, without names. Everyone
else does not learn the pages exist (404).
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.db.models import Exists, OuterRef, Prefetch, QuerySet, Subquery

from binnenwerk.accounts.constants import Rol
from binnenwerk.accounts.selectors import has_role, placed_in_teams_of
from binnenwerk.contracts.chain import Keten, Limieten, Periode, keten
from binnenwerk.contracts.constants import Signaal
from binnenwerk.contracts.models import Contractbesluit
from binnenwerk.people.constants import ContractSoort
from binnenwerk.people.models import Dienstverband, Plaatsing
from binnenwerk.periods import active_on, add_months

DECIDES = (Rol.PERSONEELSZAKEN, Rol.LEIDINGGEVENDE)
COUNTS = (Rol.MANAGEMENT, Rol.BEHEERDER)


def may_decide(user: Any) -> bool:
    """Sees names on the worklist and records decisions (within their scope)."""
    return has_role(user, *DECIDES)


def sees_counts(user: Any) -> bool:
    """Sees the worklist at all: names for deciders, counts per team for the others."""
    return has_role(user, *DECIDES, *COUNTS)


def dienstverbanden_for(user: Any, peildatum: dt.date) -> QuerySet[Dienstverband]:
    """Contracts the user may decide on: HR all; a supervisor those of the people placed on
    the date in the teams they lead on the date; nobody else any."""
    if has_role(user, Rol.PERSONEELSZAKEN):
        return Dienstverband.objects.all()
    if has_role(user, Rol.LEIDINGGEVENDE):
        led = placed_in_teams_of(user, peildatum, Rol.LEIDINGGEVENDE)
        return Dienstverband.objects.filter(medewerker__in=led)
    return Dienstverband.objects.none()


def _counted_for(user: Any, peildatum: dt.date) -> QuerySet[Dienstverband]:
    if user is None:  # the command line: the whole organisation
        return Dienstverband.objects.all()
    if may_decide(user):
        return dienstverbanden_for(user, peildatum)
    if has_role(user, *COUNTS):
        return Dienstverband.objects.all()
    return Dienstverband.objects.none()


@dataclass(frozen=True)
class WerklijstItem:
    """A fixed-term contract that needs a decision: its mark or end date is near or past."""

    dienstverband: Dienstverband
    team_code: str | None
    team_naam: str | None
    signaal: str
    datum: dt.date
    dagen: int  # from the peildatum to the date; negative when overdue
    jaargrens: dt.date
    keten: Keten
    vervolg: Dienstverband | None  # a follow-up contract already recorded, if any

    @property
    def medewerker(self) -> Any:
        return self.dienstverband.medewerker

    @property
    def te_laat(self) -> bool:
        return self.dagen < 0

    @property
    def weken(self) -> int:
        """Whole weeks left (negative: weeks overdue), rounded towards zero."""
        return int(self.dagen / 7)

    @property
    def signaal_label(self) -> str:
        return str(Signaal(self.signaal).label)


def _placed_team(field: str, peildatum: dt.date) -> Subquery:
    placement = Plaatsing.objects.filter(
        active_on(peildatum), medewerker=OuterRef("medewerker")
    ).order_by("start")
    return Subquery(placement.values(field)[:1])


def signaal_of(contract: Dienstverband | Periode, mark: dt.date) -> tuple[str, dt.date]:
    """The date a contract needs a decision by: its one-year mark when that falls within the
    contract (or the contract has no end), otherwise its last day."""
    if contract.einde is None or contract.start < mark <= contract.einde:
        return Signaal.JAARGRENS, mark
    return Signaal.EINDE, contract.einde


def _undecided(user: Any, peildatum: dt.date) -> QuerySet[Dienstverband]:
    """Fixed-term contracts in the user's scope, active on the date, without a decision."""
    decided = Contractbesluit.objects.filter(dienstverband=OuterRef("pk"))
    return (
        _counted_for(user, peildatum)
        .filter(active_on(peildatum), soort=ContractSoort.BEPAALD)
        .exclude(Exists(decided))
    )


def _due(
    contract: Periode, fixed: list[Periode], limits: Limieten
) -> tuple[str, dt.date, dt.date, Keten]:
    """The contract's chain with the person's other fixed-term contracts, its one-year mark,
    and what needs deciding by when."""
    chain = keten(fixed, contract, limits)
    mark = add_months(chain.start, 12)
    signaal, datum = signaal_of(contract, mark)
    return signaal, datum, mark, chain


def werklijst(user: Any, peildatum: dt.date, weken: int | None = None) -> list[WerklijstItem]:
    """Fixed-term contracts active on the peildatum, in the user's scope (None: everyone, for
    the command line), without a decision,
    whose one-year mark or end falls within `weken` weeks (default CONTRACTKLOK_WEKEN) or
    has passed (overdue). Three queries, whatever the number of contracts."""
    weeks = settings.CONTRACTKLOK_WEKEN if weken is None else weken
    horizon = peildatum + dt.timedelta(weeks=weeks)
    contracts = (
        _undecided(user, peildatum)
        .select_related("medewerker")
        .annotate(
            team_code=_placed_team("team__code", peildatum),
            team_naam=_placed_team("team__naam", peildatum),
        )
        .prefetch_related(
            Prefetch(
                "medewerker__dienstverbanden",
                queryset=Dienstverband.objects.order_by("start"),
                to_attr="alle_contracten",
            )
        )
    )
    items = []
    limits = Limieten.from_settings()
    for contract in contracts:
        others = contract.medewerker.alle_contracten  # type: ignore[attr-defined]
        fixed = [
            Periode(c.start, c.einde)
            for c in others
            if c.soort == ContractSoort.BEPAALD and c.pk != contract.pk
        ]
        signaal, datum, mark, chain = _due(Periode(contract.start, contract.einde), fixed, limits)
        if datum > horizon:
            continue
        items.append(
            WerklijstItem(
                dienstverband=contract,
                team_code=contract.team_code,
                team_naam=contract.team_naam,
                signaal=signaal,
                datum=datum,
                dagen=(datum - peildatum).days,
                jaargrens=mark,
                keten=chain,
                vervolg=next((c for c in others if c.start > contract.start), None),
            )
        )
    return sorted(items, key=lambda i: (i.datum, i.medewerker.personeelsnummer))


def overdue_count(user: Any, peildatum: dt.date) -> int:
    """How many contracts in the user's scope passed their mark or end without a decision
    (0 for users without access to the contract clock). For the dashboard."""
    if not sees_counts(user):
        return 0
    # Plain values, not the worklist's objects: the dashboard asks this for every view.
    undecided = _undecided(user, peildatum)
    fixed: dict[int, list[tuple[int, Periode]]] = defaultdict(list)
    for pk, person, start, einde in Dienstverband.objects.filter(
        medewerker_id__in=undecided.values("medewerker_id"), soort=ContractSoort.BEPAALD
    ).values_list("pk", "medewerker_id", "start", "einde"):
        fixed[person].append((pk, Periode(start, einde)))
    overdue = 0
    limits = Limieten.from_settings()
    for pk, person, start, einde in undecided.values_list("pk", "medewerker_id", "start", "einde"):
        others = [period for other, period in fixed[person] if other != pk]
        if _due(Periode(start, einde), others, limits)[1] < peildatum:
            overdue += 1
    return overdue


@dataclass(frozen=True)
class TeamTelling:
    team: str
    aantal: int
    te_laat: int


def tellingen(items: list[WerklijstItem]) -> list[TeamTelling]:
    """The worklist as counts per team (for management and the administrator: no names)."""
    total: Counter[str] = Counter()
    late: Counter[str] = Counter()
    for item in items:
        name = item.team_naam or ""
        total[name] += 1
        late[name] += item.te_laat
    return [TeamTelling(name, total[name], late[name]) for name in sorted(total)]


def previous_fixed(dienstverband: Dienstverband) -> list[Periode]:
    """The person's fixed-term contracts up to and including this one (for the chain)."""
    rows = Dienstverband.objects.filter(
        medewerker_id=dienstverband.medewerker_id,
        soort=ContractSoort.BEPAALD,
        start__lte=dienstverband.start,
    ).values_list("start", "einde")
    return [Periode(start, einde) for start, einde in rows]


def keten_na(dienstverband: Dienstverband, einde: dt.date) -> Keten | None:
    """The chain an extension of this contract up to `einde` would make (None: no end yet)."""
    if dienstverband.einde is None:
        return None
    nieuw = Periode(dienstverband.einde + dt.timedelta(days=1), einde)
    return keten(previous_fixed(dienstverband), nieuw)


@dataclass(frozen=True)
class Ruimte:
    """How far an extension may go within the chain rule: None = every extension passes it."""

    laatste_einde: dt.date | None
    aantal: int


def extension_room(chain: Keten) -> Ruimte:
    """The last day an extension directly after the chain's last contract may have without
    passing the maximum, or None when one more contract is already one too many."""
    limits = chain.limieten
    if chain.aantal + 1 > limits.max_contracten:
        return Ruimte(None, chain.aantal)
    last = add_months(chain.start, limits.max_maanden) - dt.timedelta(days=1)
    if chain.einde is None or last <= chain.einde:
        return Ruimte(None, chain.aantal)
    return Ruimte(last, chain.aantal)


def besluiten_for(user: Any, peildatum: dt.date) -> QuerySet[Contractbesluit]:
    """Recent decisions the user may see, newest first."""
    return Contractbesluit.objects.for_user(user, peildatum).select_related(
        "dienstverband__medewerker", "nieuw_dienstverband", "besloten_door"
    )

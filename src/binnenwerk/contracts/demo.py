"""The demo's contract decisions: a few recorded in 2024–2026 for contracts that had already
continued (or ended) in the demo data.

Every decision here takes the follow-up contract that the demo already holds (or the end
it already has), so no contract is created or changed and no figure moves; the decisions
only make the history visible on *Recente besluiten*. Contracts whose mark or end is still
ahead (after the demo's last generated day) stay on the worklist, to be decided in the demo.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.utils import timezone

from binnenwerk.contracts.constants import Besluit
from binnenwerk.contracts.models import Contractbesluit
from binnenwerk.contracts.services import contractbesluit_create
from binnenwerk.people.constants import ContractSoort
from binnenwerk.people.models import Dienstverband

# Contracts that ended in this window get a recorded decision (all before 1 Nov 2026, the
# demo's last generated day); the most recent ones first.
WINDOW = (dt.date(2024, 1, 1), dt.date(2026, 10, 31))
ONE_DAY = dt.timedelta(days=1)
# How many decisions of each kind, and the reason given for an end.
PLAN: dict[str, int] = {Besluit.VAST: 2, Besluit.VERLENGEN: 1, Besluit.BEEINDIGEN: 1}
# What follows the contract each decision is recorded for (None: nothing follows).
FOLLOWED_BY: dict[str, str | None] = {
    Besluit.VAST: ContractSoort.ONBEPAALD,
    Besluit.VERLENGEN: ContractSoort.BEPAALD,
    Besluit.BEEINDIGEN: None,
}
REDEN = "Op eigen verzoek: vertrekt naar een baan bij een andere werkgever."


def _candidates(besluit: str) -> list[Dienstverband]:
    """The latest contracts that ended in the window and continued as
    this decision says: permanent, another fixed-term contract, or not at all."""
    ended = (
        Dienstverband.objects.filter(soort=ContractSoort.BEPAALD, einde__range=WINDOW)
        .select_related("medewerker")
        .prefetch_related("medewerker__dienstverbanden")
        .order_by("-einde", "medewerker__personeelsnummer")
    )
    wanted = FOLLOWED_BY[besluit]
    found = []
    for contract in ended:
        assert contract.einde is not None
        later = [c for c in contract.medewerker.dienstverbanden.all() if c.start > contract.einde]
        follow = min(later, key=lambda c: c.start) if later else None
        if wanted is None:
            matches = follow is None
        else:
            matches = (
                follow is not None
                and follow.start == contract.einde + ONE_DAY
                and follow.soort == wanted
            )
        if matches:
            found.append(contract)
            if len(found) == PLAN[besluit]:
                break
    return found


def contracts_demo_load(*, actor: Any = None) -> int:
    """Record the demo's past decisions; idempotent. Returns how many were added."""
    added = 0
    for besluit in PLAN:
        for contract in _candidates(besluit):
            if Contractbesluit.objects.filter(dienstverband=contract).exists():
                continue
            assert contract.einde is not None
            decided = dt.datetime.combine(contract.einde - dt.timedelta(weeks=4), dt.time(10))
            fields: dict[str, Any] = {}
            if besluit == Besluit.VAST:
                fields["ingangsdatum"] = contract.einde + ONE_DAY
            elif besluit == Besluit.VERLENGEN:
                follow = Dienstverband.objects.get(
                    medewerker=contract.medewerker, start=contract.einde + ONE_DAY
                )
                fields["einde"] = follow.einde
            else:
                fields["reden"] = REDEN
            contractbesluit_create(
                actor=actor,
                dienstverband=contract,
                besluit=besluit,
                besloten_op=timezone.make_aware(decided),
                **fields,
            )
            added += 1
    return added

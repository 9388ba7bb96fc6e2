"""The demo's candidates: fictitious people (Faker nl_NL, fixed seed) spread over the stages,
registered from 2023 to 2026, some in trial placements in existing demo teams.

Hiring creates an employee with a contract, so every demo hire starts in 2027: after the
demo's history (which ends on 1 November 2026), so no published figure changes. Everything
goes through the services; a second call changes nothing.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.db import transaction
from django.db.models import Count

from binnenwerk.demo.generator import fake_names
from binnenwerk.organisation.models import Organisatie, Team, Werksoort
from binnenwerk.people.constants import ContractSoort
from binnenwerk.people.models import Plaatsing
from binnenwerk.periods import active_on
from binnenwerk.recruitment import services
from binnenwerk.recruitment.constants import Fase, Herkomst, Indicatie
from binnenwerk.recruitment.models import Kandidaat

SEED = 4711
DOMAIN = "voorbeeld.invalid"  # never deliverable: the demo's addresses reach nobody
FIRST_NUMBER = 9_000_001  # personnel numbers of demo hires, beyond the generated ones
D = dt.date
# Demo hires start here at the earliest: after the demo's generated history (2026-11-01).
HIRES_FROM = D(2027, 1, 1)
WERKSOORTEN = ["BOS", "PAND", "ARCHIEF", "AMO", "PDOSSIERS"]


@dataclass(frozen=True)
class Plan:
    aangemeld: dt.date
    herkomst: str
    indicatie: str
    werksoort: str
    kennismaking: dt.date | None = None
    proef: tuple[dt.date, dt.date] | None = None
    # (decision, first working day, hours per week)
    aanname: tuple[dt.date, dt.date, str] | None = None
    # (stage, date, reason)
    einde: tuple[str, dt.date, str] | None = None


U, G, S, E, A = (Herkomst.UWV, Herkomst.GEMEENTE, Herkomst.SCHOOL, Herkomst.EIGEN, Herkomst.ANDERS)
JA, NEE, AANGEVRAAGD = Indicatie.JA, Indicatie.NEE, Indicatie.AANGEVRAAGD
AF, TERUG = Fase.AFGEWEZEN, Fase.TERUGGETROKKEN

PLANS = [
    # 2023
    Plan(
        D(2023, 2, 6),
        U,
        JA,
        "BOS",
        D(2023, 2, 20),
        einde=(AF, D(2023, 3, 1), "Past niet bij het werk in het bos."),
    ),
    Plan(D(2023, 3, 13), G, NEE, "PAND", einde=(AF, D(2023, 3, 27), "Geen doelgroepindicatie.")),
    Plan(
        D(2023, 5, 8),
        S,
        JA,
        "ARCHIEF",
        D(2023, 5, 22),
        (D(2023, 6, 5), D(2023, 9, 4)),
        einde=(TERUG, D(2023, 8, 14), "Kiest voor een opleiding."),
    ),
    Plan(
        D(2023, 9, 4),
        E,
        JA,
        "AMO",
        D(2023, 9, 18),
        einde=(TERUG, D(2023, 10, 2), "Verhuist naar het buitenland."),
    ),
    Plan(
        D(2023, 11, 6),
        U,
        AANGEVRAAGD,
        "BOS",
        D(2023, 11, 27),
        einde=(AF, D(2023, 12, 11), "Reistijd naar de locatie te lang."),
    ),
    # 2024
    Plan(
        D(2024, 1, 15),
        G,
        JA,
        "PAND",
        D(2024, 1, 29),
        (D(2024, 2, 12), D(2024, 6, 11)),
        einde=(AF, D(2024, 5, 27), "Werk sluit niet aan na de proefplaatsing."),
    ),
    Plan(
        D(2024, 3, 4),
        U,
        JA,
        "BOS",
        D(2024, 3, 18),
        einde=(TERUG, D(2024, 4, 2), "Heeft elders werk gevonden."),
    ),
    Plan(D(2024, 4, 22), S, NEE, "ARCHIEF", einde=(AF, D(2024, 5, 6), "Geen doelgroepindicatie.")),
    Plan(
        D(2024, 6, 10),
        A,
        JA,
        "PDOSSIERS",
        D(2024, 6, 24),
        (D(2024, 7, 8), D(2024, 11, 7)),
        einde=(TERUG, D(2024, 10, 1), "Gezondheid laat het werk nu niet toe."),
    ),
    Plan(
        D(2024, 9, 2),
        E,
        JA,
        "PAND",
        D(2024, 9, 16),
        einde=(AF, D(2024, 10, 7), "Geen passend team in de regio."),
    ),
    Plan(
        D(2024, 10, 21),
        G,
        AANGEVRAAGD,
        "BOS",
        einde=(TERUG, D(2024, 11, 4), "Niet meer bereikbaar."),
    ),
    # 2025
    Plan(
        D(2025, 1, 13),
        U,
        JA,
        "BOS",
        D(2025, 1, 27),
        (D(2025, 2, 10), D(2025, 7, 9)),
        einde=(AF, D(2025, 7, 1), "Werk past niet na de proefplaatsing."),
    ),
    Plan(
        D(2025, 3, 3),
        S,
        JA,
        "ARCHIEF",
        D(2025, 3, 17),
        einde=(TERUG, D(2025, 4, 7), "Kiest voor een opleiding."),
    ),
    Plan(D(2025, 5, 19), G, NEE, "PAND", einde=(AF, D(2025, 6, 2), "Geen doelgroepindicatie.")),
    Plan(
        D(2025, 8, 25),
        E,
        JA,
        "AMO",
        D(2025, 9, 8),
        einde=(AF, D(2025, 9, 29), "Geen plek in een AMO-team."),
    ),
    Plan(
        D(2025, 10, 6),
        U,
        JA,
        "BOS",
        D(2025, 10, 20),
        (D(2026, 7, 6), D(2026, 12, 31)),
        (D(2026, 10, 26), D(2027, 1, 4), "25.5"),
    ),
    Plan(D(2025, 11, 17), A, AANGEVRAAGD, "PDOSSIERS", D(2025, 12, 8)),
    # 2026
    Plan(
        D(2026, 1, 12),
        U,
        JA,
        "PAND",
        D(2026, 1, 26),
        (D(2026, 8, 3), D(2026, 12, 31)),
        (D(2026, 10, 12), D(2027, 1, 4), "32"),
    ),
    Plan(
        D(2026, 2, 2),
        G,
        JA,
        "BOS",
        D(2026, 2, 16),
        (D(2026, 9, 7), D(2027, 1, 31)),
        (D(2026, 11, 2), D(2027, 2, 1), "20"),
    ),
    Plan(D(2026, 3, 9), S, JA, "ARCHIEF", D(2026, 3, 23), (D(2026, 9, 14), D(2027, 3, 13))),
    Plan(D(2026, 4, 20), U, AANGEVRAAGD, "BOS", D(2026, 5, 4), (D(2026, 10, 5), D(2027, 2, 4))),
    Plan(
        D(2026, 5, 18),
        E,
        JA,
        "PAND",
        D(2026, 6, 1),
        einde=(AF, D(2026, 6, 22), "Past niet bij het team."),
    ),
    Plan(D(2026, 7, 6), G, JA, "AMO", D(2026, 7, 20)),
    Plan(D(2026, 8, 31), U, AANGEVRAAGD, "BOS", D(2026, 9, 14)),
    Plan(D(2026, 9, 21), S, AANGEVRAAGD, "ARCHIEF"),
    Plan(D(2026, 10, 12), U, JA, "PAND"),
    Plan(D(2026, 10, 26), A, AANGEVRAAGD, "PDOSSIERS"),
]


def _teams() -> dict[str, Team]:
    """Per work type the first demo team (by code) that is open and existed in 2023."""
    teams: dict[str, Team] = {}
    for team in Team.objects.filter(
        werksoort__code__in=WERKSOORTEN, einde__isnull=True, start__lte=D(2023, 1, 1)
    ).order_by("code"):
        teams.setdefault(team.werksoort.code, team)
    return teams


def _funder(team: Team) -> Any:
    """The client that funds most placements in the team at the end of the demo's history."""
    top = (
        Plaatsing.objects.filter(active_on(D(2026, 11, 1)), team=team)
        .values("opdrachtgever")
        .annotate(n=Count("pk"))
        .order_by("-n", "opdrachtgever")
        .first()
    )
    if top is None:
        return None
    return Organisatie.objects.get(pk=top["opdrachtgever"])


@transaction.atomic
def recruitment_demo_load(*, actor: Any = None) -> int:
    """Create the demo candidates that do not exist yet; returns how many were created."""
    teams = _teams()
    werksoorten = {w.code: w for w in Werksoort.objects.filter(code__in=WERKSOORTEN)}
    if len(werksoorten) < len(WERKSOORTEN) or len(teams) < len(WERKSOORTEN):
        return 0  # not the demo organisation: nothing to attach candidates to
    known = set(
        Kandidaat.objects.filter(email__endswith="@" + DOMAIN).values_list("email", flat=True)
    )
    names = fake_names(SEED)
    created = 0
    for number, plan in enumerate(PLANS, 1):
        voornaam, achternaam = next(names)
        email = f"kandidaat{number:02d}@{DOMAIN}"
        if email in known:
            continue
        _walk(actor, number, plan, voornaam, achternaam, email, teams, werksoorten)
        created += 1
    return created


def _walk(
    actor: Any,
    number: int,
    plan: Plan,
    voornaam: str,
    achternaam: str,
    email: str,
    teams: dict[str, Team],
    werksoorten: dict[str, Werksoort],
) -> None:
    team = teams[plan.werksoort]
    kandidaat = services.kandidaat_create(
        actor=actor,
        voornaam=voornaam,
        achternaam=achternaam,
        email=email,
        herkomst=plan.herkomst,
        indicatie=plan.indicatie,
        werksoort=werksoorten[plan.werksoort],
        aangemeld_op=plan.aangemeld,
    )
    if plan.kennismaking:
        services.kandidaat_advance(actor=actor, kandidaat=kandidaat, op=plan.kennismaking)
    if plan.proef:
        start, einde = plan.proef
        services.proefplaatsing_create(
            actor=actor, kandidaat=kandidaat, team=team, start=start, einde=einde
        )
    if plan.aanname:
        decision, first_day, hours = plan.aanname
        assert first_day >= HIRES_FROM, "a demo hire may not change the published figures"
        services.kandidaat_hire(
            actor=actor,
            kandidaat=kandidaat,
            personeelsnummer=str(FIRST_NUMBER + number),
            start=first_day,
            uren_per_week=Decimal(hours),
            soort=ContractSoort.BEPAALD,
            einde=D(first_day.year + 1, first_day.month, first_day.day) - dt.timedelta(days=1),
            team=team,
            opdrachtgever=_funder(team),
            op=decision,
        )
    if plan.einde:
        fase, op, reden = plan.einde
        services.kandidaat_close(actor=actor, kandidaat=kandidaat, fase=fase, reden=reden, op=op)

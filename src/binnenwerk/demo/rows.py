"""Turn the demo plan into rows of the import format (IMPORT-FORMAT.md), sheet by sheet."""

from __future__ import annotations

import datetime as dt
import random
from typing import Any

from binnenwerk.demo import scenario as plan
from binnenwerk.demo.generator import DemoPlan, fake_names, test_bsns
from binnenwerk.demo.hours import as_hours
from binnenwerk.imports.schema import latest_roles

Rows = dict[str, list[dict[str, Any]]]


def demo_rows(seed: int = plan.SEED) -> Rows:
    demo = DemoPlan(seed)
    demo.assign_numbers()
    # bandit B311: Random here only draws the demo's fictitious data from a fixed seed, no secret.
    rng = random.Random(seed + 1)  # nosec B311
    names = fake_names(seed)
    bsns = test_bsns()
    rows: Rows = {
        "organisaties": [
            {"code": c, "naam": n, "soort": s, "hoort_bij": h} for c, n, s, h in plan.ORGANISATIES
        ],
        "werksoorten": [
            {
                "code": w.code,
                "naam": w.naam,
                "teamgrootte_min": w.size[0],
                "teamgrootte_max": w.size[1],
            }
            for w in plan.WERKSOORTEN
        ],
        "locaties": [
            {"code": c, "naam": n, "plaats": p, "provincie": v} for c, n, p, v in plan.LOCATIES
        ],
        "medewerkers": [],
        "dienstverbanden": [],
        "plaatsingen": [],
        "teamrollen": [],
    }
    for staff in demo.staff:
        first, last = next(names)
        rows["medewerkers"].append(
            _medewerker(staff.nummer, first, last, _born(rng, staff.since), next(bsns), False, None)
        )
        rows["dienstverbanden"].append(
            {
                "personeelsnummer": staff.nummer,
                "start": staff.since,
                "einde": None,
                "uren_per_week": as_hours(3600),
                "soort": "onbepaald",
            }
        )
        for team, role, start, einde in staff.roles:
            rows["teamrollen"].append(
                {
                    "team": team,
                    "rol": role,
                    "personeelsnummer": staff.nummer,
                    "start": start,
                    "einde": einde,
                }
            )
    holders = {
        key: role["personeelsnummer"] for key, role in latest_roles(rows["teamrollen"]).items()
    }
    rows["teams"] = [
        {
            "code": t.code,
            "naam": t.naam,
            "werksoort": t.werksoort,
            "locatie": t.locatie,
            "partner": t.partner,
            "capaciteit": t.capaciteit,
            "start": t.start,
            "einde": None,
            "leidinggevende": holders.get((t.code, "leidinggevende")),
            "jobcoach": holders.get((t.code, "jobcoach")),
        }
        for t in demo.teams
    ]
    for person in sorted(demo.people, key=lambda p: p.nummer):
        first, last = next(names)
        rows["medewerkers"].append(
            _medewerker(
                person.nummer,
                first,
                last,
                _born(rng, person.hired),
                next(bsns),
                person.indicatie,
                person.werkgever,
            )
        )
        for start, einde, hours, soort in person.contracts():
            if start > plan.GENERATED_UNTIL:
                continue  # not decided yet: the contract clock's worklist asks for a decision
            rows["dienstverbanden"].append(
                {
                    "personeelsnummer": person.nummer,
                    "start": start,
                    "einde": einde,
                    "uren_per_week": as_hours(hours),
                    "soort": soort,
                }
            )
        for team, client, start, einde in person.placements():
            rows["plaatsingen"].append(
                {
                    "personeelsnummer": person.nummer,
                    "team": team,
                    "opdrachtgever": client,
                    "start": start,
                    "einde": einde,
                }
            )
    return rows


def _medewerker(
    nummer: str,
    first: str,
    last: str,
    born: dt.date,
    bsn: str,
    indicatie: bool,
    werkgever: str | None,
) -> dict[str, Any]:
    return {
        "personeelsnummer": nummer,
        "voornaam": first,
        "achternaam": last,
        "geboortedatum": born,
        "bsn": bsn,
        "doelgroepindicatie": "ja" if indicatie else "nee",
        "werkgever": werkgever,
    }


def _born(rng: random.Random, hired: dt.date) -> dt.date:
    age_days = rng.randint(18 * 365, 60 * 365)
    return hired - dt.timedelta(days=age_days)

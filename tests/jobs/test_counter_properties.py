"""The job counter against a plain-Python reference, on random histories (hypothesis).

The reference is DOMAIN.md's rule written out directly: for each contract active
on the date (start ≤ d ≤ einde) of a target-group employee, hours / 25.5,
attributed through the placement active on the date or to `niet_geplaatst`.
"""

import datetime as dt
from collections import defaultdict
from decimal import Decimal

from django.db import transaction
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from binnenwerk.jobs.constants import BAAN_UREN, NIET_GEPLAATST
from binnenwerk.jobs.selectors import banen, banen_op_data
from binnenwerk.organisation.models import Locatie, Organisatie, Team, Werksoort
from binnenwerk.people.models import Dienstverband, Medewerker, Plaatsing

BASE = dt.date(2020, 1, 1)
PROVINCES = ["Utrecht", "Fryslân", "Zeeland"]
PERS = [None, "opdrachtgever", "werksoort", "team", "provincie", "locatie"]


def day(n: int) -> dt.date:
    return BASE + dt.timedelta(days=n)


@st.composite
def periods(draw, count: int, lo: int = 0, hi: int = 60):
    """Up to `count` non-overlapping (start, einde) within [lo, hi] days, einde maybe open."""
    points = sorted(
        draw(st.lists(st.integers(lo, hi), min_size=0, max_size=2 * count, unique=True))
    )
    result = []
    for i in range(0, len(points) - 1, 2):
        start, end = points[i], points[i + 1]
        is_last = i + 2 >= len(points) - 1
        open_end = is_last and draw(st.booleans())
        result.append((day(start), None if open_end else day(end)))
    if len(points) % 2 == 1:
        result.append((day(points[-1]), None))
    return result


@st.composite
def histories(draw):
    teams = []
    for i in range(draw(st.integers(1, 3))):
        start = draw(st.integers(0, 10))
        einde = draw(st.one_of(st.none(), st.integers(45, 60)))
        teams.append(
            (
                f"T{i}",
                f"W{i % 2}",
                f"L{i}",
                PROVINCES[i % 3],
                day(start),
                None if einde is None else day(einde),
            )
        )
    people = []
    for i in range(draw(st.integers(0, 6))):
        contracts = [(s, e, Decimal(draw(st.integers(1, 4000))) / 100) for s, e in draw(periods(3))]
        team = draw(st.sampled_from(teams))
        lo = (team[4] - BASE).days
        hi = 60 if team[5] is None else (team[5] - BASE).days
        placements = [
            (team[0], draw(st.sampled_from(["A", "B", "C"])), s, e)
            for s, e in draw(periods(2, lo, hi))
            if team[5] is None or (e is not None and e <= team[5])
        ]
        people.append((f"P{i}", draw(st.booleans()), draw(st.booleans()), contracts, placements))
    dates = draw(st.lists(st.integers(-1, 62), min_size=1, max_size=4))
    return teams, people, [day(d) for d in dates]


def store(teams, people) -> None:
    orgs = {c: Organisatie.objects.create(code=c, naam=c, soort="ministerie") for c in "ABC"}
    partner = Organisatie.objects.create(code="RSO", naam="RSO", soort="partner")
    stored = {}
    for code, ws, loc, provincie, start, einde in teams:
        werksoort, _ = Werksoort.objects.get_or_create(code=ws, naam=ws)
        locatie = Locatie.objects.create(code=loc, naam=loc, provincie=provincie)
        stored[code] = Team.objects.create(
            code=code, naam=code, werksoort=werksoort, locatie=locatie, start=start, einde=einde
        )
    for nummer, indicatie, by_partner, contracts, placements in people:
        person = Medewerker.objects.create(
            personeelsnummer=nummer,
            voornaam="x",
            achternaam="y",
            doelgroepindicatie=indicatie,
            werkgever=partner if by_partner else None,
        )
        for start, einde, hours in contracts:
            Dienstverband.objects.create(
                medewerker=person, start=start, einde=einde, uren_per_week=hours
            )
        for team, client, start, einde in placements:
            Plaatsing.objects.create(
                medewerker=person,
                team=stored[team],
                opdrachtgever=orgs[client],
                start=start,
                einde=einde,
            )


def active(start, einde, d) -> bool:
    return start <= d and (einde is None or d <= einde)


def reference(teams, people, d, per):
    team_info = {
        t[0]: {"team": t[0], "werksoort": t[1], "locatie": t[2], "provincie": t[3]} for t in teams
    }
    hours, headcount = defaultdict(Decimal), 0
    total = Decimal(0)
    for _, indicatie, by_partner, contracts, placements in people:
        if not indicatie:
            continue
        for start, einde, h in contracts:
            if not active(start, einde, d):
                continue
            total += h
            headcount += 0 if by_partner else 1
            placed = [p for p in placements if active(p[2], p[3], d)]
            if per is not None:
                if placed:
                    team, client = placed[0][0], placed[0][1]
                    key = client if per == "opdrachtgever" else team_info[team][per]
                else:
                    key = NIET_GEPLAATST
                hours[key] += h
    groups = {k: v / BAAN_UREN for k, v in hours.items() if v}
    return total / BAAN_UREN, groups, headcount


class Rollback(Exception):
    pass


@settings(
    max_examples=60,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(history=histories(), per=st.sampled_from(PERS))
def test_counter_equals_reference(history, per):
    teams, people, dates = history
    try:
        with transaction.atomic():
            store(teams, people)
            series = banen_op_data(dates, per=per)
            for d, from_series in zip(sorted(set(dates)), series, strict=True):
                total, groups, headcount = reference(teams, people, d, per)
                single = banen(d, per=per)
                for result in (single, from_series):
                    assert result.peildatum == d
                    assert abs(result.totaal - total) < Decimal("1e-20")
                    assert result.groepen.keys() == groups.keys()
                    for key, value in groups.items():
                        assert abs(result.groepen[key] - value) < Decimal("1e-20"), key
                    assert result.medewerkers_binnenwerk == headcount
            raise Rollback
    except Rollback:
        pass

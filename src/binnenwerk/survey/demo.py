"""The demo's surveys: 2023 with anonymous responses, and an open 2026 questionnaire.

2023: the standard B1 questionnaire, open from the end of November; codes for every team,
one per target-group employee of Binnenwerk placed in it on the first day. A fixed seed
decides how many codes are used per team (one team answers exactly four times, so its
results are not shown) and draws the answers; a few answers are then nudged so that the
means land on the annual overview's figures. The generator aims at those figures (TARGETS);
every page computes what it shows from the stored answers with the selectors.

2026: the same questionnaire, open now, with a few known codes for one team so that a tester
can try the answering page (see DEMO_CODES). Idempotent: a second call changes nothing.
"""

from __future__ import annotations

import datetime as dt
import math
import random
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from django.db import transaction

from binnenwerk.organisation.models import Team
from binnenwerk.periods import active_on
from binnenwerk.survey.constants import SJABLOON, VraagSoort
from binnenwerk.survey.models import Vraag, Vragenlijst
from binnenwerk.survey.selectors import placed_per_team, questions_of
from binnenwerk.survey.services import (
    AnswerValue,
    respons_submit,
    uitnodigingen_create,
    vragenlijst_create_from_template,
)

SEED = 2023
# The generator's targets (annual overview 2023): overall mark, response rate (%), and the
# mean marks of the themes (in SJABLOON's order of the first three).
TARGETS = {
    "totaal": Decimal("8.2"),
    "respons": Decimal("80.3"),
    SJABLOON[0][0]: Decimal("8.1"),
    SJABLOON[1][0]: Decimal("7.3"),
    SJABLOON[2][0]: Decimal("8.4"),
}
# The survey opens at the end of November 2023 (the first of these days that allows the
# response rate) and runs two weeks.
FIRST_DAYS = [dt.date(2023, 11, 27) - dt.timedelta(days=d) for d in range(0, 14)]
OPEN_DAYS = 14
SMALL_TEAM_RESPONSES = 4
SKIP_CHANCE = 0.03
YES_CHANCE = 0.85
# Known codes of the open 2026 questionnaire (printed in the README): one team, unused.
DEMO_CODES = ["WERK2345", "WERK2346", "WERK2347", "WERK2348", "WERK2349", "WERK2352"]


def _rate(responses: int, invited: int) -> Decimal:
    value = Decimal(responses) * 100 / Decimal(invited)
    return value.quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)


def _responses_for(invited: int) -> int | None:
    """The fewest responses that show the target rate, or None when no count does."""
    low = math.floor(invited * TARGETS["respons"] / 100)
    for responses in range(max(low - 1, 0), low + 3):
        if _rate(responses, invited) == TARGETS["respons"]:
            return responses
    return None


def _first_day() -> tuple[dt.date, dict[int, int], int]:
    for day in FIRST_DAYS:
        placed = {t: n for t, n in placed_per_team(day).items() if n}
        total = sum(placed.values())
        if total and (responses := _responses_for(total)) is not None:
            return day, placed, responses
    raise RuntimeError("no survey date in late November 2023 fits the response rate")


def _spread(placed: dict[int, int], responses: int, rng: random.Random) -> dict[int, int]:
    """Responses per team: every code used, then codes left unused at random until the total
    fits; one team keeps exactly four responses, the others keep at least five (or all)."""
    used = dict(placed)
    small = min((t for t, n in placed.items() if n >= 8), key=lambda t: (placed[t], t))
    used[small] = SMALL_TEAM_RESPONSES
    teams = sorted(t for t in placed if t != small)
    while sum(used.values()) > responses:
        team = rng.choice(teams)
        if used[team] > 5:
            used[team] -= 1
    return used


def _draw(rng: random.Random, vraag: Vraag, target: Decimal) -> AnswerValue | None:
    if rng.random() < SKIP_CHANCE:
        return None
    if vraag.soort == VraagSoort.JA_NEE:
        return rng.random() < YES_CHANCE
    return max(1, min(10, round(rng.gauss(float(target), 1.1))))


def _nudge(
    answers: list[dict[int, AnswerValue]], ids: set[int], target: Decimal, rng: random.Random
) -> None:
    """Move single marks by one until the pool's sum is the target × count, rounded: then
    the mean is within half a mark per answer of the target and shows as the target."""
    cells = [(i, q) for i, given in enumerate(answers) for q in given if q in ids]
    want = int((target * len(cells)).quantize(Decimal(1), rounding=ROUND_HALF_UP))
    total = sum(int(answers[i][q]) for i, q in cells)
    while total != want:
        i, q = rng.choice(cells)
        value = int(answers[i][q])
        step = 1 if total < want else -1
        if 1 <= value + step <= 10:
            answers[i][q] = value + step
            total += step


def _plan_answers(
    questions: list[Vraag], count: int, rng: random.Random
) -> list[dict[int, AnswerValue]]:
    targets: dict[int, Decimal] = {}
    for vraag in questions:
        targets[vraag.pk] = TARGETS.get(vraag.thema.naam, TARGETS["totaal"])
    answers = []
    for _n in range(count):
        given = {}
        for vraag in questions:
            value = _draw(rng, vraag, targets[vraag.pk])
            if value is not None:
                given[vraag.pk] = value
        answers.append(given)
    marks = [v for v in questions if v.soort == VraagSoort.CIJFER]
    for naam in {v.thema.naam for v in marks if v.thema.naam in TARGETS}:
        ids = {v.pk for v in marks if v.thema.naam == naam}
        _nudge(answers, ids, TARGETS[naam], rng)
    overall = {v.pk for v in marks if v.is_totaalcijfer}
    _nudge(answers, overall, TARGETS["totaal"], rng)
    return answers


def _load_2023(actor: Any) -> None:
    if Vragenlijst.objects.filter(jaar=2023).exists():
        return
    # bandit B311: Random here only draws the demo's fictitious data from a fixed seed, no secret.
    rng = random.Random(SEED)  # nosec B311
    first_day, placed, responses = _first_day()
    vragenlijst = vragenlijst_create_from_template(
        actor=actor,
        jaar=2023,
        titel="Medewerkersonderzoek 2023",
        open_van=first_day,
        open_tot=first_day + dt.timedelta(days=OPEN_DAYS - 1),
    )
    used = _spread(placed, responses, rng)
    teams = {t.pk: t for t in Team.objects.filter(pk__in=placed)}
    questions = questions_of(vragenlijst)
    answers = iter(_plan_answers(questions, sum(used.values()), rng))
    for team_id in sorted(placed, key=lambda t: teams[t].code):
        codes = uitnodigingen_create(
            actor=actor, vragenlijst=vragenlijst, team=teams[team_id], aantal=placed[team_id]
        )
        for code in codes[: used[team_id]]:
            respons_submit(
                code=code,
                antwoorden=next(answers),
                vragen={v.pk: v for v in questions},
                datum=first_day + dt.timedelta(days=rng.randrange(OPEN_DAYS)),
            )


def _load_2026(actor: Any) -> None:
    if Vragenlijst.objects.filter(jaar=2026).exists():
        return
    today = dt.date.today()
    open_van = min(dt.date(2026, 11, 1), today)
    vragenlijst = vragenlijst_create_from_template(
        actor=actor,
        jaar=2026,
        titel="Medewerkersonderzoek 2026",
        open_van=open_van,
        open_tot=max(dt.date(2026, 12, 31), today + dt.timedelta(days=60)),
    )
    team = Team.objects.filter(active_on(open_van)).order_by("code").first()
    if team is not None:
        uitnodigingen_create(
            actor=actor, vragenlijst=vragenlijst, team=team, aantal=1, codes=DEMO_CODES
        )


@transaction.atomic
def survey_demo_load(*, actor: Any = None) -> None:
    _load_2023(actor)
    _load_2026(actor)

"""Reads about the survey: the questions in order, the people a team invites, the results.

Means are computed in Decimal from integer sums and counts (the same on SQLite and
PostgreSQL) and rounded only when shown. Results per team exist only for a team with at
least MIN_REACTIES responses; below it nothing of the team is returned but its name.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Count, Q, Sum

from binnenwerk.organisation.models import Team
from binnenwerk.people.models import Plaatsing
from binnenwerk.periods import active_on
from binnenwerk.survey.constants import MIN_REACTIES, VraagSoort
from binnenwerk.survey.models import Antwoord, Respons, Uitnodiging, Vraag, Vragenlijst

HUNDRED = Decimal(100)


def placed_in_team(team: Team, on: dt.date) -> int:
    """Binnenwerk's own target-group employees placed in the team on the date."""
    return (
        Plaatsing.objects.filter(
            active_on(on),
            team=team,
            medewerker__doelgroepindicatie=True,
            medewerker__werkgever__isnull=True,
        )
        .values("medewerker")
        .distinct()
        .count()
    )


def placed_per_team(on: dt.date) -> dict[int, int]:
    """The same count for every team at once (team id → people)."""
    rows = (
        Plaatsing.objects.filter(
            active_on(on), medewerker__doelgroepindicatie=True, medewerker__werkgever__isnull=True
        )
        .values("team_id")
        .annotate(n=Count("medewerker", distinct=True))
        .order_by()
    )
    return {r["team_id"]: r["n"] for r in rows}


def any_open(on: dt.date) -> bool:
    """Whether some questionnaire takes answers on the date."""
    return Vragenlijst.objects.filter(open_van__lte=on, open_tot__gte=on).exists()


def next_to_open(on: dt.date) -> Vragenlijst | None:
    return Vragenlijst.objects.filter(open_van__gt=on).order_by("open_van").first()


def questions_of(vragenlijst: Vragenlijst) -> list[Vraag]:
    return list(
        Vraag.objects.filter(vragenlijst=vragenlijst)
        .select_related("thema")
        .order_by("thema__volgorde", "volgorde")
    )


def open_questionnaire(on: dt.date) -> Vragenlijst | None:
    return Vragenlijst.objects.filter(open_van__lte=on, open_tot__gte=on).order_by("-jaar").first()


@dataclass
class _Tally:
    som: int = 0
    n: int = 0
    ja: int = 0
    nee: int = 0

    def add(self, other: _Tally) -> None:
        self.som += other.som
        self.n += other.n
        self.ja += other.ja
        self.nee += other.nee

    @property
    def gemiddelde(self) -> Decimal | None:
        return Decimal(self.som) / Decimal(self.n) if self.n else None

    @property
    def ja_aandeel(self) -> Decimal | None:
        total = self.ja + self.nee
        return Decimal(self.ja) * HUNDRED / Decimal(total) if total else None


@dataclass(frozen=True)
class Vraaguitslag:
    vraag: Vraag
    gemiddelde: Decimal | None  # mark questions
    ja_percentage: Decimal | None  # yes/no questions
    antwoorden: int


@dataclass(frozen=True)
class Themauitslag:
    naam: str
    gemiddelde: Decimal | None
    vragen: list[Vraaguitslag]


@dataclass(frozen=True)
class Uitslag:
    """The figures of a group of responses (the whole organisation or one team)."""

    reacties: int
    uitgenodigd: int
    totaalcijfer: Decimal | None
    themas: list[Themauitslag]
    te_weinig: bool = False  # fewer than MIN_REACTIES responses: no figures, only the counts

    @property
    def responspercentage(self) -> Decimal | None:
        return (
            Decimal(self.reacties) * HUNDRED / Decimal(self.uitgenodigd)
            if self.uitgenodigd
            else None
        )

    def thema(self, naam: str) -> Themauitslag | None:
        return next((t for t in self.themas if t.naam == naam), None)


@dataclass(frozen=True)
class Teamuitslag:
    team: Team
    uitslag: Uitslag | None  # None: te weinig reacties (fewer than MIN_REACTIES)

    @property
    def te_weinig(self) -> bool:
        return self.uitslag is None


@dataclass(frozen=True)
class Resultaten:
    vragenlijst: Vragenlijst
    totaal: Uitslag | None  # None when the viewer sees only their own teams
    teams: list[Teamuitslag] = field(default_factory=list)


def _uitslag(
    questions: list[Vraag], tallies: dict[int, _Tally], reacties: int, uitgenodigd: int
) -> Uitslag:
    themes: dict[int, tuple[str, _Tally, list[Vraaguitslag]]] = {}
    overall: Decimal | None = None
    for vraag in questions:
        tally = tallies.get(vraag.pk, _Tally())
        _naam, theme_tally, rows = themes.setdefault(
            vraag.thema_id, (vraag.thema.naam, _Tally(), [])
        )
        if vraag.soort == VraagSoort.CIJFER:
            theme_tally.add(tally)
            rows.append(Vraaguitslag(vraag, tally.gemiddelde, None, tally.n))
        else:
            rows.append(Vraaguitslag(vraag, None, tally.ja_aandeel, tally.ja + tally.nee))
        if vraag.is_totaalcijfer:
            overall = tally.gemiddelde
    return Uitslag(
        reacties=reacties,
        uitgenodigd=uitgenodigd,
        totaalcijfer=overall,
        themas=[Themauitslag(naam, t.gemiddelde, rows) for naam, t, rows in themes.values()],
    )


def resultaten(vragenlijst: Vragenlijst, teams: Iterable[Team] | None = None) -> Resultaten:
    """The questionnaire's results: overall (when `teams` is None) and per team, each only
    with at least MIN_REACTIES responses. `teams` limits the per-team part (a supervisor's
    own teams) and leaves out the overall figures. Four queries."""
    questions = questions_of(vragenlijst)
    per_team_question: dict[int, dict[int, _Tally]] = defaultdict(dict)
    rows = (
        Antwoord.objects.filter(respons__vragenlijst=vragenlijst)
        .values("respons__team_id", "vraag_id")
        .annotate(
            som=Sum("cijfer"),
            n=Count("cijfer"),
            ja_n=Count("id", filter=Q(ja=True)),
            nee_n=Count("id", filter=Q(ja=False)),
        )
        .order_by()
    )
    for r in rows:
        per_team_question[r["respons__team_id"]][r["vraag_id"]] = _Tally(
            r["som"] or 0, r["n"], r["ja_n"], r["nee_n"]
        )
    responses = dict(
        Respons.objects.filter(vragenlijst=vragenlijst)
        .values_list("team_id")
        .annotate(n=Count("id"))
        .order_by()
    )
    invited = dict(
        Uitnodiging.objects.filter(vragenlijst=vragenlijst)
        .values_list("team_id")
        .annotate(n=Count("id"))
        .order_by()
    )
    totaal = None
    if teams is None:
        all_tallies: dict[int, _Tally] = defaultdict(_Tally)
        for per_question in per_team_question.values():
            for vraag_id, tally in per_question.items():
                all_tallies[vraag_id].add(tally)
        total = sum(responses.values())
        if total >= MIN_REACTIES:
            totaal = _uitslag(questions, all_tallies, total, sum(invited.values()))
        else:  # the answers of fewer than five people could be told apart: counts only
            totaal = Uitslag(total, sum(invited.values()), None, [], te_weinig=True)
        team_list = list(Team.objects.filter(pk__in=set(invited) | set(responses)).order_by("naam"))
    else:
        team_list = sorted(
            (t for t in teams if t.pk in invited or t.pk in responses), key=lambda t: t.naam
        )
    per_team = []
    for team in team_list:
        n = responses.get(team.pk, 0)
        uitslag = (
            _uitslag(questions, per_team_question.get(team.pk, {}), n, invited.get(team.pk, 0))
            if n >= MIN_REACTIES
            else None
        )
        per_team.append(Teamuitslag(team, uitslag))
    return Resultaten(vragenlijst, totaal, per_team)


@dataclass(frozen=True)
class Lijstregel:
    vragenlijst: Vragenlijst
    vragen: int
    uitgenodigd: int
    gebruikt: int


def vragenlijsten() -> list[Lijstregel]:
    """Every questionnaire with its number of questions and codes (for the managers)."""
    lists = Vragenlijst.objects.annotate(
        n_vragen=Count("vragen", distinct=True),
    ).order_by("-jaar")
    codes: dict[int, tuple[int, int]] = {
        r["vragenlijst_id"]: (r["n"], r["used"])
        for r in Uitnodiging.objects.values("vragenlijst_id")
        .annotate(n=Count("id"), used=Count("id", filter=Q(gebruikt=True)))
        .order_by()
    }
    return [Lijstregel(v, v.n_vragen, *codes.get(v.pk, (0, 0))) for v in lists]

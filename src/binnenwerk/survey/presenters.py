"""The survey for people and machines: rows for the results table and the CSV files."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Count

from binnenwerk.formatting import csv_text, decimal_str
from binnenwerk.organisation.models import Team
from binnenwerk.survey.models import Uitnodiging, Vragenlijst
from binnenwerk.survey.selectors import Resultaten, Uitslag

TE_WEINIG = "te weinig reacties"


def theme_names(result: Resultaten) -> list[str]:
    if result.totaal is not None and not result.totaal.te_weinig:
        return [t.naam for t in result.totaal.themas]
    shown = next((t.uitslag for t in result.teams if t.uitslag is not None), None)
    if shown is not None:
        return [t.naam for t in shown.themas]
    return list(result.vragenlijst.themas.order_by("volgorde").values_list("naam", flat=True))


@dataclass(frozen=True)
class Teamrij:
    team: Team
    uitslag: Uitslag | None
    themas: list[Decimal | None]


def team_rows(result: Resultaten) -> list[Teamrij]:
    names = theme_names(result)
    rows = []
    for t in result.teams:
        means: list[Decimal | None] = []
        if t.uitslag is not None:
            found = {th.naam: th.gemiddelde for th in t.uitslag.themas}
            means = [found.get(n) for n in names]
        rows.append(Teamrij(t.team, t.uitslag, means))
    return rows


def issued_per_team(vragenlijst: Vragenlijst) -> list[tuple[str, str, int]]:
    """(team code, team name, codes issued) per team: no use counts (they are responses)."""
    rows = (
        Uitnodiging.objects.filter(vragenlijst=vragenlijst)
        .values("team__code", "team__naam")
        .annotate(n=Count("id"))
        .order_by("team__naam")
    )
    return [(r["team__code"], r["team__naam"], r["n"]) for r in rows]


def codes_csv(vragenlijst: Vragenlijst, team: Team, codes: list[str]) -> str:
    return csv_text(
        ["vragenlijst", "team", "code"], [[str(vragenlijst.jaar), team.code, c] for c in codes]
    )


def _num(value: Decimal | None) -> str:
    return "" if value is None else decimal_str(value, 1)


def results_csv(result: Resultaten) -> str:
    """One row for the whole organisation (when shown) and one per team; a team below the
    minimum says 'te weinig reacties' in every figure and gives no counts."""
    names = theme_names(result)
    headers = ["niveau", "team", "reacties", "uitgenodigd", "responspercentage", "totaalcijfer"]
    headers += [f"thema: {n}" for n in names]
    rows = []

    def line(level: str, team: str, u: Uitslag) -> list[str]:
        found = {t.naam: t.gemiddelde for t in u.themas}
        return [
            level,
            team,
            str(u.reacties),
            str(u.uitgenodigd),
            _num(u.responspercentage),
            _num(u.totaalcijfer),
            *(_num(found.get(n)) for n in names),
        ]

    if result.totaal is not None and result.totaal.te_weinig:
        rows.append(["organisatie", "", *([TE_WEINIG] * (len(headers) - 2))])
    elif result.totaal is not None:
        rows.append(line("organisatie", "", result.totaal))
    for t in result.teams:
        if t.uitslag is None:
            rows.append(["team", t.team.code, *([TE_WEINIG] * (len(headers) - 2))])
        else:
            rows.append(line("team", t.team.code, t.uitslag))
    return csv_text(headers, rows)

"""The survey's results: means per theme and overall, the response rate, the rule of five."""

from decimal import Decimal

from binnenwerk.survey.constants import SJABLOON
from binnenwerk.survey.models import Vraag
from binnenwerk.survey.selectors import resultaten
from binnenwerk.survey.services import respons_submit
from tests.factories import TeamFactory
from tests.survey.factories import IN_PERIOD, codes_for, overall_question, questionnaire, respond


def test_means_per_theme_overall_and_the_response_rate():
    vragenlijst = questionnaire()
    team = TeamFactory()
    respond(vragenlijst, team, [8, 9, 7, 10, 6], yes=True)
    codes_for(vragenlijst, team, aantal=3)  # three codes handed out, not used
    # One more: only the overall question (8) and one yes/no (no); the rest skipped.
    _team, [code] = codes_for(vragenlijst, team, aantal=1)
    yes_no = Vraag.objects.filter(vragenlijst=vragenlijst, soort="ja_nee").first()
    respons_submit(
        code=code,
        antwoorden={overall_question(vragenlijst).pk: 8, yes_no.pk: False},
        datum=IN_PERIOD,
    )
    result = resultaten(vragenlijst).totaal
    assert result.reacties == 6 and result.uitgenodigd == 9
    assert result.responspercentage == Decimal(600) / Decimal(9)
    assert result.totaalcijfer == Decimal(48) / Decimal(6)  # (8+9+7+10+6+8) / 6
    leiding = result.thema(SJABLOON[0][0])
    assert leiding.gemiddelde == Decimal(8)  # every mark question of the five: 40 / 5
    yes_row = next(v for t in result.themas for v in t.vragen if v.vraag.pk == yes_no.pk)
    assert yes_row.ja_percentage == Decimal(500) / Decimal(6)
    assert yes_row.antwoorden == 6


def test_a_team_with_four_responses_is_suppressed_and_five_are_shown():
    vragenlijst = questionnaire()
    four, five = TeamFactory(naam="Team Vier"), TeamFactory(naam="Team Vijf")
    respond(vragenlijst, four, [2, 3, 2, 3])
    respond(vragenlijst, five, [9, 9, 8, 8, 9])
    teams = {t.team.naam: t for t in resultaten(vragenlijst).teams}
    assert teams["Team Vier"].te_weinig and teams["Team Vier"].uitslag is None
    shown = teams["Team Vijf"].uitslag
    assert shown.reacties == 5 and shown.totaalcijfer == Decimal("8.6")
    assert shown.responspercentage == Decimal(100)
    # The organisation's figures still count every response.
    assert resultaten(vragenlijst).totaal.reacties == 9


def test_a_supervisors_view_has_no_overall_figures_and_only_their_teams():
    vragenlijst = questionnaire()
    mine, other = TeamFactory(), TeamFactory()
    respond(vragenlijst, mine, [7] * 5)
    respond(vragenlijst, other, [9] * 5)
    result = resultaten(vragenlijst, [mine])
    assert result.totaal is None
    assert [t.team for t in result.teams] == [mine]


def test_the_organisation_with_fewer_than_five_responses_shows_counts_only():
    vragenlijst = questionnaire()
    respond(vragenlijst, TeamFactory(), [3, 9, 6, 7])
    result = resultaten(vragenlijst).totaal
    assert result.te_weinig and result.reacties == 4
    assert result.totaalcijfer is None and result.themas == []
    respond(vragenlijst, TeamFactory(), [8])
    assert not resultaten(vragenlijst).totaal.te_weinig

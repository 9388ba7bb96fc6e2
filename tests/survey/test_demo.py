"""The demo's 2023 survey: the published figures, computed from the stored answers."""

from auditlog.models import LogEntry

from binnenwerk.survey.constants import MIN_REACTIES, SJABLOON
from binnenwerk.survey.demo import DEMO_CODES, survey_demo_load
from binnenwerk.survey.models import Respons, Uitnodiging, Vragenlijst
from binnenwerk.survey.selectors import resultaten
from binnenwerk.survey.services import code_digest
from binnenwerk.survey.templatetags.survey_format import cijfer, procent


def test_2023_results_are_the_published_figures(demo_org):
    result = resultaten(Vragenlijst.objects.get(jaar=2023)).totaal
    assert cijfer(result.totaalcijfer) == "8,2"
    assert procent(result.responspercentage) == "80,3%"
    themes = {t.naam: cijfer(t.gemiddelde) for t in result.themas}
    assert themes[SJABLOON[0][0]] == "8,1"
    assert themes[SJABLOON[1][0]] == "7,3"
    assert themes[SJABLOON[2][0]] == "8,4"


def test_one_team_has_exactly_four_responses_and_shows_nothing(demo_org):
    vragenlijst = Vragenlijst.objects.get(jaar=2023)
    teams = resultaten(vragenlijst).teams
    four = [
        t
        for t in teams
        if Respons.objects.filter(vragenlijst=vragenlijst, team=t.team).count() == 4
    ]
    assert four and all(t.te_weinig for t in four)
    assert all(
        not t.te_weinig
        for t in teams
        if Respons.objects.filter(vragenlijst=vragenlijst, team=t.team).count() >= MIN_REACTIES
    )


def test_2026_is_open_with_known_unused_codes_and_a_second_load_changes_nothing(demo_org):
    digests = [code_digest(c) for c in DEMO_CODES]
    assert Uitnodiging.objects.filter(digest__in=digests, gebruikt=False).count() == len(DEMO_CODES)
    counts = (Respons.objects.count(), Uitnodiging.objects.count(), LogEntry.objects.count())
    survey_demo_load(actor=None)
    assert (
        Respons.objects.count(),
        Uitnodiging.objects.count(),
        LogEntry.objects.count(),
    ) == counts

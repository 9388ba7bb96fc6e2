"""The survey pages: the answering flow without login, and the permission matrix."""

import datetime as dt
import re

import pytest
from django.test import Client

from binnenwerk.survey.demo import DEMO_CODES
from binnenwerk.survey.models import Antwoord, Respons, Uitnodiging
from binnenwerk.survey.selectors import questions_of
from tests.roles import ROLES
from tests.survey.factories import codes_for, questionnaire

TODAY = dt.date.today()
REFUSED = "We kennen deze code niet, of hij is al gebruikt."


@pytest.fixture
def open_survey():
    vragenlijst = questionnaire(
        jaar=2099, open_van=TODAY - dt.timedelta(days=3), open_tot=TODAY + dt.timedelta(days=3)
    )
    team, codes = codes_for(vragenlijst, aantal=2)
    return vragenlijst, team, codes


def test_the_whole_flow_with_skip_and_back(client, open_survey):
    vragenlijst, team, [code, _other] = open_survey
    questions = questions_of(vragenlijst)
    start = client.get("/onderzoek/")
    assert start.status_code == 200
    body = start.content.decode()
    assert '<html lang="nl">' in body and 'name="code"' in body
    response = client.post("/onderzoek/", {"code": f"{code[:4]} {code[4:]}".lower()})
    assert response.headers["Location"] == "/onderzoek/vraag/1/"

    page = client.get("/onderzoek/vraag/1/").content.decode()
    assert f"Vraag 1 van {len(questions)}" in page
    assert re.search(r"<fieldset[^>]*>\s*<legend[^>]*>" + re.escape(questions[0].tekst), page)
    assert page.count('type="radio"') == 10
    assert page.index('value="volgende"') < page.index('value="overslaan"')  # Enter: Next

    assert (
        client.post("/onderzoek/vraag/1/", {"antwoord": "8", "actie": "volgende"}).headers[
            "Location"
        ]
        == "/onderzoek/vraag/2/"
    )
    client.post("/onderzoek/vraag/2/", {"antwoord": "6", "actie": "overslaan"})  # skip
    back = client.post("/onderzoek/vraag/3/", {"antwoord": "5", "actie": "vorige"})
    assert back.headers["Location"] == "/onderzoek/vraag/2/"
    assert 'value="5" checked' not in client.get("/onderzoek/vraag/2/").content.decode()
    assert 'value="5" checked' in client.get("/onderzoek/vraag/3/").content.decode()
    ja_nee = next(i for i, v in enumerate(questions, 1) if v.soort == "ja_nee")
    yes_page = client.get(f"/onderzoek/vraag/{ja_nee}/").content.decode()
    assert ">Ja</label>" in yes_page and ">Nee</label>" in yes_page
    client.post(f"/onderzoek/vraag/{ja_nee}/", {"antwoord": "nee", "actie": "volgende"})
    last = client.post(f"/onderzoek/vraag/{len(questions)}/", {"actie": "volgende"})
    assert last.headers["Location"] == "/onderzoek/controle/"

    check = client.get("/onderzoek/controle/").content.decode()
    assert "Overgeslagen" in check and "Nee" in check
    assert not Respons.objects.exists()  # nothing stored before sending
    sent = client.post("/onderzoek/controle/")
    assert sent.headers["Location"] == "/onderzoek/bedankt/"
    assert "Bedankt" in client.get("/onderzoek/bedankt/").content.decode()

    respons = Respons.objects.get()
    assert respons.team == team
    given = {a.vraag_id: (a.cijfer, a.ja) for a in Antwoord.objects.filter(respons=respons)}
    assert given == {
        questions[0].pk: (8, None),
        questions[2].pk: (5, None),
        questions[ja_nee - 1].pk: (None, False),
    }
    assert "onderzoek" not in client.session
    assert client.get("/onderzoek/vraag/1/").headers["Location"] == "/onderzoek/"
    used = client.post("/onderzoek/", {"code": code})
    assert REFUSED in used.content.decode()


def test_a_wrong_code_gets_a_plain_message(client, open_survey):
    body = client.post("/onderzoek/", {"code": "ABCD2345"}).content.decode()
    assert "We kennen deze code niet" in body and 'aria-invalid="true"' in body
    assert "Typ de code" in client.post("/onderzoek/", {"code": ""}).content.decode()


def test_a_code_used_while_answering_is_refused_at_sending(client, open_survey):
    _vragenlijst, _team, [code, _other] = open_survey
    client.post("/onderzoek/", {"code": code})
    Uitnodiging.objects.update(gebruikt=True)
    body = client.post("/onderzoek/controle/").content.decode()
    assert REFUSED in body and not Respons.objects.exists()


MANAGE = {"beheerder", "personeelszaken"}
RESULTS = {"beheerder", "personeelszaken", "management", "leidinggevende"}
MATRIX = {
    "/onderzoek/beheer/": MANAGE,
    "/onderzoek/beheer/2023/codes/": MANAGE,
    "/onderzoek/resultaten/2023/": RESULTS,
    "/onderzoek/resultaten/2023/resultaten.csv": RESULTS,
}


@pytest.mark.parametrize("page", list(MATRIX))
@pytest.mark.parametrize("username", ROLES)
def test_permission_matrix(as_role, page, username):
    expected = 200 if username in MATRIX[page] else 404
    assert as_role(username).get(page).status_code == expected


@pytest.mark.parametrize("username", ROLES)
def test_the_navigation_opens_the_latest_results_with_answers(as_role, username):
    response = as_role(username).get("/onderzoek/resultaten/")
    if username in RESULTS:
        assert response.status_code == 302 and response.url == "/onderzoek/resultaten/2023/"
    else:
        assert response.status_code == 404


def test_management_pages_need_a_login(client, demo_org):
    assert client.get("/onderzoek/beheer/").status_code == 302
    assert client.get("/onderzoek/resultaten/2023/").status_code == 302
    assert client.get("/onderzoek/").status_code == 200


def test_a_team_with_four_answers_shows_too_few_responses(as_role):
    response = as_role("management").get("/onderzoek/resultaten/2023/")
    small = [t for t in response.context["r"].teams if t.te_weinig]
    assert small
    body = response.content.decode()
    assert "te weinig reacties" in body
    csv = as_role("management").get("/onderzoek/resultaten/2023/resultaten.csv").content.decode()
    line = next(x for x in csv.splitlines() if x.startswith(f"team,{small[0].team.code},"))
    assert line.count("te weinig reacties") == len(csv.splitlines()[0].split(",")) - 2


def test_a_supervisor_sees_only_their_own_teams(as_role):
    from binnenwerk.accounts.selectors import led_teams

    client = as_role("leidinggevende")
    result = client.get("/onderzoek/resultaten/2023/").context["r"]
    assert result.totaal is None
    user = client.get("/onderzoek/resultaten/2023/").wsgi_request.user
    vragenlijst = result.vragenlijst
    mine = set(led_teams(user, TODAY, "leidinggevende")) | set(
        led_teams(user, vragenlijst.open_tot, "leidinggevende")
    )
    assert {t.team for t in result.teams} <= mine
    assert client.get("/onderzoek/resultaten/1999/").status_code == 404


def test_hr_makes_codes_that_are_shown_once(as_role):
    client = as_role("personeelszaken")
    page = client.get("/onderzoek/beheer/2026/codes/")
    team = page.context["form"].fields["team"].queryset.first()
    before = Uitnodiging.objects.count()
    shown = client.post("/onderzoek/beheer/2026/codes/", {"team": team.pk, "aantal": 3})
    assert shown.status_code == 200 and len(shown.context["codes"]) == 3
    assert (
        "no-store" in shown.headers.get("Cache-Control", "")
        or "max-age=0" in shown.headers["Cache-Control"]
    )
    assert Uitnodiging.objects.count() == before + 3
    csv = client.post(
        "/onderzoek/beheer/2026/codes/", {"team": team.pk, "aantal": 2, "formaat": "csv"}
    )
    assert (
        csv["Content-Type"].startswith("text/csv") and len(csv.content.decode().splitlines()) == 3
    )


def test_hr_makes_a_questionnaire_from_the_template(as_role):
    client = as_role("personeelszaken")
    data = {"jaar": 2030, "titel": "", "open_van": "2030-11-01", "open_tot": "2030-11-30"}
    assert client.post("/onderzoek/beheer/", data).status_code == 302
    body = client.get("/onderzoek/beheer/").content.decode()
    assert "Medewerkersonderzoek 2030" in body
    again = client.post("/onderzoek/beheer/", data).content.decode()
    assert "al een vragenlijst" in again


def test_the_demo_codes_open_the_questionnaire(demo_org):
    """The README's demo codes, as people type them, each from its own browser and address."""
    for number, code in enumerate(DEMO_CODES):
        browser = Client(REMOTE_ADDR=f"192.0.2.{number + 1}")
        response = browser.post("/onderzoek/", {"code": f"{code[:4]} {code[4:]}"})
        assert response.headers["Location"] == "/onderzoek/vraag/1/", code

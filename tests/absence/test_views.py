"""The absence pages per role on the demo organisation: details for HR and the person's
supervisor only, figures for HR, management, the administrator, the supervisor and a client
(aggregates, never a group under 5 people); every read of a sick report is logged."""

import csv
import datetime as dt
import io

import pytest
from django.contrib.auth import get_user_model

from binnenwerk.absence.constants import Per, StapSoort
from binnenwerk.absence.models import Poortwachterstap, Verzuimnorm, Ziekmelding
from binnenwerk.absence.scope import figure_scope, readable_people
from binnenwerk.absence.selectors import periode, verzuim_cijfers
from binnenwerk.coaching.models import Inzage
from tests.roles import ROLES

DETAILS = {"personeelszaken", "leidinggevende"}
FIGURES = {"beheerder", "personeelszaken", "management", "leidinggevende", "opdrachtgever"}
NORMS = {"beheerder", "personeelszaken"}


def user(username):
    return get_user_model().objects.get(username=username)


@pytest.fixture
def supervisors_report(demo_org):
    """An open sick report of someone in the demo supervisor's teams today."""
    people = readable_people(user("leidinggevende"), dt.date.today())
    return (
        Ziekmelding.objects.filter(medewerker__in=people, einde__isnull=True, soort="ziek")
        .select_related("medewerker")
        .order_by("pk")
        .first()
    )


@pytest.fixture
def other_report(demo_org):
    people = readable_people(user("leidinggevende"), dt.date.today())
    return Ziekmelding.objects.exclude(medewerker__in=people).order_by("pk").first()


def pages(report) -> dict[str, set[str]]:
    stap = report.stappen.filter(status="open").order_by("uiterlijk").first()
    base = f"/verzuim/meldingen/{report.pk}/"
    return {
        "/verzuim/": FIGURES,
        "/verzuim/?jaar=2023&per=team": FIGURES,
        "/verzuim/cijfers.csv?jaar=2023&per=werksoort": FIGURES,
        "/verzuim/maanden.csv?jaar=2023": FIGURES,
        "/verzuim/meldingen/": DETAILS,
        "/verzuim/meldingen/nieuw/": DETAILS,
        base: DETAILS,
        f"{base}stappen/{stap.pk}/": DETAILS,
        f"{base}herstelperiode/": DETAILS,
        f"{base}herstel/": DETAILS,
        "/verzuim/normen/": NORMS,
    }


@pytest.mark.parametrize("username", ROLES)
def test_permission_matrix(as_role, supervisors_report, username):
    client = as_role(username)
    for page, allowed in pages(supervisors_report).items():
        expected = 200 if username in allowed else 404
        assert client.get(page).status_code == expected, page
    heropenen = f"/verzuim/meldingen/{supervisors_report.pk}/heropenen/"
    assert client.get(heropenen).status_code == (302 if username in DETAILS else 404)


def test_supervisor_sees_only_their_teams(as_role, other_report):
    assert (
        as_role("leidinggevende").get(f"/verzuim/meldingen/{other_report.pk}/").status_code == 404
    )
    assert (
        as_role("personeelszaken").get(f"/verzuim/meldingen/{other_report.pk}/").status_code == 200
    )


def test_supervisors_list_holds_only_their_people(as_role):
    response = as_role("leidinggevende").get("/verzuim/meldingen/")
    people = set(
        readable_people(user("leidinggevende"), dt.date.today()).values_list("pk", flat=True)
    )
    shown = response.context["meldingen"]
    assert shown and all(m.medewerker_id in people for m in shown)
    assert all(r.stap.ziekmelding.medewerker_id in people for r in response.context["werklijst"])
    hr_shown = as_role("personeelszaken").get("/verzuim/meldingen/").context["meldingen"]
    assert len(hr_shown) > len(shown)


def test_worklist_marks_overdue_in_text(as_role):
    response = as_role("leidinggevende").get("/verzuim/meldingen/")
    rows = response.context["werklijst"]
    assert any(r.te_laat for r in rows) and any(not r.te_laat for r in rows)
    today = dt.date.today()
    assert all(r.stap.uiterlijk <= today + dt.timedelta(days=14) for r in rows)
    assert [r.stap.uiterlijk for r in rows] == sorted(r.stap.uiterlijk for r in rows)
    content = response.content.decode()
    assert "Te laat" in content and "Binnenkort" in content


def test_every_detail_read_is_logged(as_role, supervisors_report):
    hr = user("personeelszaken")
    before = Inzage.objects.filter(gebruiker=hr, soort="ziekmelding").count()
    as_role("personeelszaken").get(f"/verzuim/meldingen/{supervisors_report.pk}/")
    record = Inzage.objects.filter(gebruiker=hr, soort="ziekmelding").order_by("-id").first()
    assert Inzage.objects.filter(gebruiker=hr, soort="ziekmelding").count() == before + 1
    assert record.object_id == supervisors_report.pk
    assert record.medewerker_id == supervisors_report.medewerker_id


def test_the_list_logs_every_report_shown(as_role):
    sup = user("leidinggevende")
    response = as_role("leidinggevende").get("/verzuim/meldingen/")
    shown = {m.pk for m in response.context["meldingen"]}
    shown |= {r.stap.ziekmelding_id for r in response.context["werklijst"]}
    logged = set(
        Inzage.objects.filter(gebruiker=sup, soort="ziekmelding").values_list(
            "object_id", flat=True
        )
    )
    assert shown and shown <= logged


def test_no_access_record_outside_scope(as_role, supervisors_report):
    as_role("management").get(f"/verzuim/meldingen/{supervisors_report.pk}/")
    assert not Inzage.objects.filter(gebruiker=user("management")).exists()


def test_client_sees_too_few_for_small_groups(as_role):
    client_user = user("opdrachtgever")
    scope = figure_scope(client_user, dt.date.today())
    result = verzuim_cijfers(periode(2023), Per.TEAM, scope)
    small = [g for g in result.groepen if g.cijfers.aantal_mensen < 5]
    large = [g for g in result.groepen if g.cijfers.aantal_mensen >= 5]
    assert small and large
    client = as_role("opdrachtgever")
    content = client.get("/verzuim/?jaar=2023&per=team").content.decode()
    assert "te weinig medewerkers" in content
    rows = list(
        csv.reader(
            io.StringIO(client.get("/verzuim/cijfers.csv?jaar=2023&per=team").content.decode())
        )
    )
    by_key = {row[0]: row for row in rows[1:]}
    for group in small:
        assert by_key[group.sleutel][2:] == ["te weinig medewerkers", "", "", ""]
    assert by_key[large[0].sleutel][5] == str(large[0].cijfers.aantal_mensen)


def test_management_sees_the_organisation_figures(as_role):
    response = as_role("management").get("/verzuim/?jaar=2023")
    content = response.content.decode()
    assert "11,39%" in content
    assert "<svg" in content and "12,50%" in content  # the chart and its norm
    assert "Ziekmeldingen en werklijst" not in content


def test_new_sick_report_creates_its_steps(as_role, supervisors_report):
    client = as_role("leidinggevende")
    response = client.get("/verzuim/meldingen/nieuw/")
    assert "Noteer nooit de aard of oorzaak van de ziekte" in response.content.decode()
    people = response.context["form"].fields["medewerker"].queryset
    start = dt.date.today() - dt.timedelta(days=2)
    busy = Ziekmelding.objects.filter(start__lte=start + dt.timedelta(days=8)).exclude(
        einde__lt=start - dt.timedelta(days=8)
    )
    person = (
        people.exclude(ziekmeldingen__in=busy).exclude(dienstverbanden__einde__lt=start).first()
    )
    response = client.post(
        "/verzuim/meldingen/nieuw/",
        {"medewerker": person.pk, "soort": "ziek", "start": start.isoformat()},
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    melding = Ziekmelding.objects.get(medewerker=person, start=start)
    analysis = melding.stappen.get(soort=StapSoort.PROBLEEMANALYSE)
    assert analysis.uiterlijk == start + dt.timedelta(days=41)
    assert melding.stappen.count() == 6


def test_errors_in_dutch_next_to_the_field(as_role, supervisors_report):
    response = as_role("personeelszaken").post(
        "/verzuim/meldingen/nieuw/",
        {
            "medewerker": supervisors_report.medewerker_id,
            "soort": "ziek",
            "start": supervisors_report.start.isoformat(),
        },
    )
    assert response.status_code == 200
    assert "overlapt" in " ".join(response.context["form"].errors["start"])


def test_supervisor_marks_a_step_done(as_role, supervisors_report):
    stap = supervisors_report.stappen.filter(status="open").order_by("uiterlijk").first()
    response = as_role("leidinggevende").post(
        f"/verzuim/meldingen/{supervisors_report.pk}/stappen/{stap.pk}/",
        {"gedaan_op": dt.date.today().isoformat()},
    )
    assert response.status_code == 302
    stap = Poortwachterstap.objects.get(pk=stap.pk)
    assert stap.status == "gedaan" and stap.gedaan_door == user("leidinggevende")


def test_hr_sets_a_norm(as_role):
    response = as_role("beheerder").post("/verzuim/normen/", {"jaar": 2027, "percentage": "11,5"})
    assert response.status_code == 302
    assert str(Verzuimnorm.objects.get(jaar=2027).percentage) == "11.50"

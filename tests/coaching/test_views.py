"""The coaching pages per role on the demo organisation: the person's job coach and
supervisor and HR see them; everyone else gets 404; every read of a note is logged."""

import datetime as dt

import pytest
from django.contrib.auth import get_user_model

from binnenwerk.accounts.constants import Rol
from binnenwerk.coaching.models import Coachingnotitie, Inzage, Ontwikkeldoel
from binnenwerk.organisation.models import TeamRol
from binnenwerk.periods import active_on
from tests.coaching.factories import account
from tests.roles import ROLES

READERS = {"personeelszaken", "leidinggevende", "jobcoach"}
COACH = {"jobcoach"}
HR = {"personeelszaken"}
SECRET = "Besproken: wil graag leren heftruck rijden"


@pytest.fixture
def note(demo_org):
    return Coachingnotitie.objects.select_related("medewerker").order_by("pk").first()


def pages(note) -> dict[str, set[str]]:
    nr = note.medewerker.personeelsnummer
    goal = Ontwikkeldoel.objects.filter(medewerker=note.medewerker).first()
    return {
        "/coaching/": READERS,
        "/coaching/functieprofielen/": READERS,
        f"/coaching/{nr}/": READERS,
        f"/coaching/{nr}/notities/{note.pk}/": READERS,
        f"/coaching/{nr}/notities/nieuw/": COACH,
        f"/coaching/{nr}/notities/{note.pk}/wijzigen/": COACH,
        f"/coaching/{nr}/doelen/nieuw/": COACH,
        f"/coaching/{nr}/doelen/{goal.pk}/": COACH,
        f"/coaching/{nr}/functieprofiel/": HR,
    }


@pytest.mark.parametrize("username", ROLES)
def test_permission_matrix(as_role, note, username):
    client = as_role(username)
    for page, allowed in pages(note).items():
        expected = 200 if username in allowed else 404
        assert client.get(page).status_code == expected, page


def _other_teams_coach():
    """A staff member coaching another team today, with a job coach account."""
    demo_coach = get_user_model().objects.get(username="jobcoach").profiel.medewerker
    other = (
        TeamRol.objects.filter(active_on(dt.date.today()), rol="jobcoach")
        .exclude(medewerker=demo_coach)
        .order_by("team__code")
        .first()
    )
    return account("andere-coach", Rol.JOBCOACH, other.medewerker)


def test_a_coach_writes_a_note_that_the_supervisor_reads_and_the_read_is_logged(as_role, note):
    person = note.medewerker
    nr = person.personeelsnummer
    coach = as_role("jobcoach")
    response = coach.post(
        f"/coaching/{nr}/notities/nieuw/", {"datum": dt.date.today().isoformat(), "tekst": SECRET}
    )
    assert response.status_code == 302
    written = Coachingnotitie.objects.get(tekst=SECRET)
    assert written.geschreven_door.username == "jobcoach"

    supervisor = as_role("leidinggevende")
    body = supervisor.get(f"/coaching/{nr}/").content.decode()
    assert SECRET in body
    read = Inzage.objects.filter(gebruiker__username="leidinggevende", object_id=written.pk)
    assert read.count() == 1 and read.get().soort == "coachingnotitie"
    supervisor.get(f"/coaching/{nr}/notities/{written.pk}/")
    assert read.count() == 2

    outsider = _other_teams_coach()
    for username in ("management", "opdrachtgever", "beheerder", outsider.username):
        client = as_role(username)
        assert client.get(f"/coaching/{nr}/").status_code == 404
        assert client.get(f"/coaching/{nr}/notities/{written.pk}/").status_code == 404
        assert SECRET not in client.get("/coaching/").content.decode()
    assert not Inzage.objects.filter(gebruiker__username__in=["management", "beheerder"]).exists()


def test_the_audit_log_page_shows_the_change_but_not_the_text(as_role, note):
    nr = note.medewerker.personeelsnummer
    coach = as_role("jobcoach")
    coach.post(
        f"/coaching/{nr}/notities/{note.pk}/wijzigen/",
        {"datum": note.datum.isoformat(), "tekst": SECRET},
    )
    body = as_role("beheerder").get("/logboek/?soort=coachingnotitie").content.decode()
    # The administrator may not read coaching data: who changed a note, and when, not whose.
    assert "coachingnotitie" in body.lower() and "bijzondere persoonsgegevens, niet getoond" in body
    assert SECRET not in body and note.medewerker.achternaam not in body


def test_hr_sees_who_read_the_notes_the_coach_does_not(as_role, note):
    nr = note.medewerker.personeelsnummer
    as_role("leidinggevende").get(f"/coaching/{nr}/")
    hr_page = as_role("personeelszaken").get(f"/coaching/{nr}/")
    assert "Wie de notities las" in hr_page.content.decode()
    assert any(i.gebruiker.username == "leidinggevende" for i in hr_page.context["inzagen"])
    coach_page = as_role("jobcoach").get(f"/coaching/{nr}/")
    assert coach_page.context["inzagen"] is None
    assert "Wie de notities las" not in coach_page.content.decode()


def test_an_empty_note_is_refused_next_to_the_field_and_nothing_is_written(as_role, note):
    before = Coachingnotitie.objects.count()
    nr = note.medewerker.personeelsnummer
    tomorrow = (dt.date.today() + dt.timedelta(days=1)).isoformat()
    response = as_role("jobcoach").post(
        f"/coaching/{nr}/notities/nieuw/", {"datum": tomorrow, "tekst": "iets"}
    )
    assert response.status_code == 200
    assert "de datum van een notitie kan niet in de toekomst liggen" in response.content.decode()
    assert response.context["form"].errors["datum"]
    response = as_role("jobcoach").post(
        f"/coaching/{nr}/notities/nieuw/", {"datum": dt.date.today().isoformat(), "tekst": " "}
    )
    assert "Dit veld is verplicht." in response.content.decode()
    assert Coachingnotitie.objects.count() == before


def test_the_coach_changes_their_note_and_opening_it_is_a_read(as_role, note):
    nr = note.medewerker.personeelsnummer
    coach = as_role("jobcoach")
    coach.get(f"/coaching/{nr}/notities/{note.pk}/wijzigen/")
    assert Inzage.objects.filter(gebruiker__username="jobcoach", object_id=note.pk).exists()
    response = coach.post(
        f"/coaching/{nr}/notities/{note.pk}/wijzigen/",
        {"datum": note.datum.isoformat(), "tekst": "Aangepast"},
    )
    assert response.status_code == 302
    note.refresh_from_db()
    assert note.tekst == "Aangepast"


def test_the_coach_adds_and_closes_a_goal(as_role, note):
    nr = note.medewerker.personeelsnummer
    coach = as_role("jobcoach")
    response = coach.post(
        f"/coaching/{nr}/doelen/nieuw/",
        {"omschrijving": "VCA-basis halen", "streefdatum": "", "status": "open"},
    )
    assert response.status_code == 302
    goal = Ontwikkeldoel.objects.get(omschrijving="VCA-basis halen")
    coach.post(
        f"/coaching/{nr}/doelen/{goal.pk}/",
        {"omschrijving": "VCA-basis halen", "status": "behaald"},
    )
    goal.refresh_from_db()
    assert goal.status == "behaald"
    assert "Behaald" in coach.get(f"/coaching/{nr}/").content.decode()


def test_hr_records_a_job_profile_and_sees_the_next_step(as_role, note):
    from binnenwerk.coaching.models import Functieprofiel

    nr = note.medewerker.personeelsnummer
    profile = Functieprofiel.objects.get(code="ADM-3")
    hr = as_role("personeelszaken")
    response = hr.post(
        f"/coaching/{nr}/functieprofiel/",
        {"functieprofiel": profile.pk, "start": dt.date.today().isoformat()},
    )
    assert response.status_code == 302
    page = hr.get(f"/coaching/{nr}/")
    assert page.context["huidig"].functieprofiel == profile
    assert page.context["volgende"].code == "ADM-4"
    response = hr.post(
        f"/coaching/{nr}/functieprofiel/",
        {"functieprofiel": profile.pk, "start": dt.date.today().isoformat()},
    )
    assert "op deze datum begint al een functieprofiel" in response.content.decode()


def test_the_overview_lists_the_coachs_people_in_bounded_queries(
    as_role, note, django_assert_max_num_queries
):
    coach = as_role("jobcoach")
    with django_assert_max_num_queries(12):
        response = coach.get("/coaching/")
    coachees = response.context["page"].paginator.count
    assert coachees > 50  # more than one page
    nr = note.medewerker.personeelsnummer
    (mine,) = coach.get(f"/coaching/?zoek={nr}").context["page"].object_list
    assert mine.laatste_notitie is not None and mine.open_doelen >= 1
    hr = as_role("personeelszaken")
    with django_assert_max_num_queries(12):
        response = hr.get("/coaching/")
    assert response.context["page"].paginator.count > coachees


def test_the_person_page_reads_in_bounded_queries(as_role, note, django_assert_max_num_queries):
    client = as_role("personeelszaken")
    with django_assert_max_num_queries(20):
        client.get(f"/coaching/{note.medewerker.personeelsnummer}/")

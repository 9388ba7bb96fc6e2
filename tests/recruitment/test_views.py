"""Recruitment's pages per role on the demo organisation: scope (404 outside it), forms that
refuse bad input with a Dutch message and write nothing, and bounded queries."""

import datetime as dt

import pytest

from binnenwerk.jobs.selectors import banen
from binnenwerk.people.models import Medewerker
from binnenwerk.recruitment.constants import Fase, Indicatie
from binnenwerk.recruitment.models import Kandidaat, Proefplaatsing
from tests.roles import ROLES

CHANGES = {"beheerder", "personeelszaken", "werving"}
FUNNEL = CHANGES | {"management"}
MATRIX = {
    "/werving/": CHANGES,
    "/werving/bord.csv": CHANGES,
    "/werving/nieuw/": CHANGES,
    "/werving/{pk}/": CHANGES,
    "/werving/{pk}/wijzigen/": CHANGES,
    "/werving/{pk}/kennismaking/": CHANGES,
    "/werving/{pk}/proefplaatsing/": CHANGES,
    "/werving/{pk}/aannemen/": CHANGES,
    "/werving/{pk}/afsluiten/": CHANGES,
    "/werving/trechter/": FUNNEL,
    "/werving/trechter/?jaar=2023": FUNNEL,
}


def a_candidate(fase: str, **filters) -> Kandidaat:
    return Kandidaat.objects.filter(fase=fase, **filters).order_by("pk").first()


@pytest.mark.parametrize("page", list(MATRIX))
@pytest.mark.parametrize("username", ROLES)
def test_permission_matrix(as_role, page, username):
    pk = a_candidate(Fase.AANGEMELD).pk
    expected = 200 if username in MATRIX[page] else 404
    assert as_role(username).get(page.format(pk=pk)).status_code == expected


def test_the_board_shows_open_stages_with_time_in_stage(as_role, django_assert_max_num_queries):
    client = as_role("werving")
    with django_assert_max_num_queries(12):
        response = client.get("/werving/")
    body = response.content.decode()
    columns = response.context["kolommen"]
    assert [c.fase for c in columns] == [Fase.AANGEMELD, Fase.KENNISMAKING, Fase.PROEFPLAATSING]
    assert all(r.dagen >= 0 for c in columns for r in c.kandidaten)
    assert "Dagen in fase" in body and "Proefplaatsing" in body
    closed = client.get("/werving/?afgerond=1").context["kolommen"]
    assert len(closed) == 6 and closed[3].kandidaten  # the demo's hires


def test_the_csv_has_no_contact_details(as_role):
    body = as_role("werving").get("/werving/bord.csv?afgerond=1").content.decode()
    assert body.startswith("Fase,Voornaam,Achternaam,Herkomst")
    assert "@" not in body and "voorbeeld.invalid" not in body


def test_management_sees_the_funnel_without_names(as_role, django_assert_max_num_queries):
    client = as_role("management")
    with django_assert_max_num_queries(12):
        response = client.get("/werving/trechter/?jaar=2026")
    body = response.content.decode()
    assert "<svg" in body and "Wervingstrechter 2026" in body
    for k in Kandidaat.objects.all():
        assert k.achternaam not in body
    assert "Kandidaten per fase" not in body.split("<main")[0]


def test_a_candidate_walks_to_a_hire_and_jobs_change_only_at_the_start(as_role):
    client = as_role("werving")
    team = a_candidate(Fase.PROEFPLAATSING).proefplaatsingen.get().team
    response = client.post(
        "/werving/nieuw/",
        {
            "voornaam": "Testa",
            "achternaam": "Proefpersoon",
            "email": "testa@voorbeeld.invalid",
            "herkomst": "gemeente",
            "indicatie": "ja",
            "team": team.pk,
            "aangemeld_op": "2026-11-02",
        },
    )
    k = Kandidaat.objects.get(achternaam="Proefpersoon")
    assert response.status_code == 302 and response["Location"] == f"/werving/{k.pk}/"
    assert client.post(f"/werving/{k.pk}/kennismaking/", {"op": "2026-11-09"}).status_code == 302
    before = [banen(dt.date(2027, 3, d)).totaal for d in (1, 2)]
    during = banen(dt.date(2026, 12, 1), per="team").groepen.get(team.code)
    response = client.post(
        f"/werving/{k.pk}/proefplaatsing/",
        {"team": team.pk, "start": "2026-11-16", "einde": "2027-02-28"},
    )
    assert response.status_code == 302
    assert [banen(dt.date(2027, 3, d)).totaal for d in (1, 2)] == before
    assert banen(dt.date(2026, 12, 1), per="team").groepen.get(team.code) == during
    client_org = Medewerker.objects.filter(plaatsingen__team=team).first().plaatsingen.first()
    response = client.post(
        f"/werving/{k.pk}/aannemen/",
        {
            "personeelsnummer": "9100001",
            "start": "2027-03-02",
            "uren_per_week": "25,5",
            "soort": "bepaald",
            "einde": "2028-03-01",
            "team": team.pk,
            "opdrachtgever": client_org.opdrachtgever_id,
        },
        follow=True,
    )
    assert "is aangenomen vanaf 02-03-2027" in response.content.decode()
    k.refresh_from_db()
    assert k.fase == Fase.AANGENOMEN
    after = [banen(dt.date(2027, 3, d)).totaal for d in (1, 2)]
    assert after[0] == before[0]
    assert after[1] - before[1] == 1


def test_a_trial_placement_longer_than_six_months_is_refused(as_role):
    client = as_role("werving")
    k = a_candidate(Fase.KENNISMAKING)
    team = k.werksoort.teams.filter(einde__isnull=True).first()
    response = client.post(
        f"/werving/{k.pk}/proefplaatsing/",
        {"team": team.pk, "start": "2026-12-01", "einde": "2027-06-01"},
    )
    assert response.status_code == 200
    body = response.content.decode()
    assert "Een proefplaatsing duurt hoogstens 6 maanden" in body
    assert 'id="id_einde_fout"' in body  # next to the field
    assert not Proefplaatsing.objects.filter(kandidaat=k).exists()
    k.refresh_from_db()
    assert k.fase == Fase.KENNISMAKING


def test_hiring_without_an_indication_is_refused(as_role):
    client = as_role("werving")
    k = a_candidate(Fase.PROEFPLAATSING, indicatie=Indicatie.AANGEVRAAGD)
    people = Medewerker.objects.count()
    detail = client.get(f"/werving/{k.pk}/").content.decode()
    assert "nog niet bevestigd" in detail
    team = k.proefplaatsingen.get().team
    response = client.post(
        f"/werving/{k.pk}/aannemen/",
        {
            "personeelsnummer": "9100002",
            "start": "2027-03-01",
            "uren_per_week": "20",
            "soort": "bepaald",
            "team": team.pk,
            "opdrachtgever": Medewerker.objects.first().plaatsingen.first().opdrachtgever_id,
        },
    )
    body = response.content.decode()
    assert "Aannemen geweigerd: de doelgroepindicatie is niet bevestigd" in body
    assert 'role="alert"' in body
    assert Medewerker.objects.count() == people
    k.refresh_from_db()
    assert k.fase == Fase.PROEFPLAATSING


def test_reject_needs_a_reason(as_role):
    client = as_role("personeelszaken")
    k = a_candidate(Fase.AANGEMELD)
    response = client.post(f"/werving/{k.pk}/afsluiten/", {"fase": "afgewezen", "op": "2026-11-20"})
    assert "Dit veld is verplicht" in response.content.decode()
    response = client.post(
        f"/werving/{k.pk}/afsluiten/",
        {"fase": "afgewezen", "reden": "Geen plek", "op": "2026-11-20"},
    )
    assert response.status_code == 302
    k.refresh_from_db()
    assert (k.fase, k.reden) == (Fase.AFGEWEZEN, "Geen plek")


def test_the_detail_page_needs_a_bounded_number_of_queries(as_role, django_assert_max_num_queries):
    client = as_role("werving")
    k = a_candidate(Fase.AANGENOMEN)
    with django_assert_max_num_queries(15):
        body = client.get(f"/werving/{k.pk}/").content.decode()
    assert k.medewerker.personeelsnummer in body

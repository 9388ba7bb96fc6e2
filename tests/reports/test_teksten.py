"""The annual overview's texts (foreword, stories): the services validate and audit, the
pages are the administrator's only (404 for everyone else), a published overview keeps its
texts as published while the difference view lists every change. One demo module."""

import re

import pytest
from auditlog.models import LogEntry
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.utils import timezone

from binnenwerk.reports.constants import MAX_INHOUD, TekstSoort
from binnenwerk.reports.differences import TekstVerschil, verschillen
from binnenwerk.reports.models import Publicatie, Tekst
from binnenwerk.reports.selectors import (
    Jaaroverzicht,
    huidige_publicatie,
    jaaroverzicht_cijfers,
    snapshot,
)
from binnenwerk.reports.services import tekst_create, tekst_delete, tekst_update
from binnenwerk.reports.views import overview_context
from tests.roles import ROLES

VOORWOORD = TekstSoort.VOORWOORD
VERHAAL = TekstSoort.VERHAAL


@pytest.fixture
def beheerder(demo_org):
    return get_user_model().objects.get(username="beheerder")


@pytest.fixture
def voorwoord_2023(demo_org):
    return Tekst.objects.get(jaar=2023, soort=VOORWOORD)


def _errors(error):
    return error.value.message_dict


# --- the demo -----------------------------------------------------------------


def test_the_demo_publishes_2023_with_a_foreword_and_stories(demo_org):
    texts = list(Tekst.objects.filter(jaar=2023))
    assert sum(t.soort == VOORWOORD for t in texts) == 1
    assert 2 <= sum(t.soort == VERHAAL for t in texts) <= 3
    published = snapshot(huidige_publicatie(2023)).teksten
    assert sorted(t.inhoud for t in published) == sorted(t.inhoud for t in texts)
    assert published[0].is_voorwoord  # the foreword first
    # No figures in the demo's texts: every figure is in the tables.
    assert not any(re.search(r"\d", t.inhoud.replace("2024", "")) for t in texts)


def test_the_published_page_shows_the_foreword_on_top_and_the_stories_after(as_role):
    body = as_role("management").get("/jaaroverzicht/2023/").content.decode()
    foreword = body.index('id="voorwoord"')
    assert foreword < body.index('id="kop-kern"')
    assert body.index('id="kop-opdrachtgever"') < body.index('id="verhaal-1"')
    assert "<p>Binnenwerk kijkt terug op een mooi en divers jaar." in body
    assert "Feest met Staatsbosbeheer" in body


def test_the_pdf_html_has_the_texts(demo_org):
    html = render_to_string("reports/jaaroverzicht_pdf.html", overview_context(2023))
    assert 'id="voorwoord"' in html and 'id="verhaal-1"' in html
    assert "Groeien met het Functiegebouw Rijk" in html


# --- services -----------------------------------------------------------------


def test_create_a_story_goes_last_and_is_audited(beheerder):
    before = Tekst.objects.filter(jaar=2023).order_by("-volgorde").first().volgorde
    story = tekst_create(
        actor=beheerder,
        jaar=2023,
        soort=VERHAAL,
        titel="  Nieuw verhaal ",
        inhoud="Eerste alinea.\r\n\r\nTweede alinea.  \r\n",
    )
    assert story.titel == "Nieuw verhaal"
    assert story.inhoud == "Eerste alinea.\n\nTweede alinea."
    assert story.volgorde > before
    entry = LogEntry.objects.get_for_object(story).get()
    assert entry.actor == beheerder and entry.action == LogEntry.Action.CREATE


def test_a_second_foreword_is_refused(beheerder):
    with pytest.raises(ValidationError) as error:
        tekst_create(actor=beheerder, jaar=2023, soort=VOORWOORD, inhoud="Nog een voorwoord.")
    assert "soort" in _errors(error)
    # Another year may have its own.
    assert tekst_create(actor=beheerder, jaar=2022, soort=VOORWOORD, inhoud="Welkom.").pk


def test_the_database_refuses_a_second_foreword_as_well(voorwoord_2023):
    with pytest.raises(IntegrityError), transaction.atomic():
        Tekst.objects.create(jaar=2023, soort=VOORWOORD, inhoud="Dubbel")


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({"soort": VERHAAL, "titel": "", "inhoud": "Tekst"}, "titel"),
        ({"soort": VERHAAL, "titel": "Titel", "inhoud": "  \n\n "}, "inhoud"),
        ({"soort": VOORWOORD, "inhoud": "x" * (MAX_INHOUD + 1)}, "inhoud"),
        ({"soort": VOORWOORD, "inhoud": "Hallo <b>vet</b>"}, "inhoud"),
        ({"soort": VOORWOORD, "inhoud": "<script>alert(1)</script>"}, "inhoud"),
        ({"soort": VOORWOORD, "inhoud": "Een &nbsp; spatie"}, "inhoud"),
        ({"soort": VERHAAL, "titel": "<i>Titel</i>", "inhoud": "Tekst"}, "titel"),
        ({"soort": "bijlage", "titel": "Titel", "inhoud": "Tekst"}, "soort"),
    ],
)
def test_invalid_texts_are_refused_at_their_field(beheerder, fields, field):
    count = Tekst.objects.count()
    with pytest.raises(ValidationError) as error:
        tekst_create(actor=beheerder, jaar=2021, **fields)
    assert field in _errors(error)
    assert Tekst.objects.count() == count


def test_plain_text_with_signs_is_accepted(beheerder):
    tekst = tekst_create(
        actor=beheerder, jaar=2021, soort=VOORWOORD, inhoud="Teams van <5 & meer > niets"
    )
    assert tekst.inhoud == "Teams van <5 & meer > niets"


def test_update_and_delete_are_audited(beheerder):
    story = tekst_create(actor=beheerder, jaar=2021, soort=VERHAAL, titel="A", inhoud="Een.")
    tekst_update(actor=beheerder, tekst=story, titel="B", inhoud="Twee.", volgorde=3)
    story.refresh_from_db()
    assert (story.titel, story.inhoud, story.volgorde) == ("B", "Twee.", 3)
    pk = story.pk
    tekst_delete(actor=beheerder, tekst=story)
    assert not Tekst.objects.filter(pk=pk).exists()
    actions = list(
        LogEntry.objects.filter(content_type__model="tekst", object_pk=str(pk))
        .order_by("timestamp", "pk")
        .values_list("action", "actor__username")
    )
    assert actions == [
        (LogEntry.Action.CREATE, "beheerder"),
        (LogEntry.Action.UPDATE, "beheerder"),
        (LogEntry.Action.DELETE, "beheerder"),
    ]


# --- the published snapshot keeps its texts -------------------------------------


def test_an_edit_after_publishing_leaves_the_published_text_and_shows_as_a_difference(
    as_role, beheerder, voorwoord_2023
):
    published = voorwoord_2023.inhoud
    tekst_update(actor=beheerder, tekst=voorwoord_2023, inhoud="Een nieuw voorwoord.")
    story = Tekst.objects.filter(jaar=2023, soort=VERHAAL).order_by("volgorde").first()
    story_title = story.titel
    tekst_delete(actor=beheerder, tekst=story)
    tekst_create(actor=beheerder, jaar=2023, soort=VERHAAL, titel="Later", inhoud="Nieuw.")

    publicatie = huidige_publicatie(2023)
    assert snapshot(publicatie).teksten[0].inhoud == published
    changes = {(t.soort, t.titel, t.wijziging) for t in verschillen(publicatie).teksten}
    assert changes == {
        (VOORWOORD, "", TekstVerschil.GEWIJZIGD),
        (VERHAAL, story_title, TekstVerschil.VERWIJDERD),
        (VERHAAL, "Later", TekstVerschil.TOEGEVOEGD),
    }

    client = as_role("management")
    page = client.get("/jaaroverzicht/2023/").content.decode()
    assert "Binnenwerk kijkt terug op een mooi en divers jaar." in page
    assert "Een nieuw voorwoord." not in page
    assert story_title in page and "Later" not in page
    diff = client.get("/jaaroverzicht/2023/verschillen/").content.decode()
    assert diff.count('data-wijziging="gewijzigd"') == 1
    assert diff.count('data-wijziging="verwijderd"') == 1
    assert diff.count('data-wijziging="toegevoegd"') == 1
    # The unpublished overview of today would show the new text.
    assert jaaroverzicht_cijfers(2023).teksten[0].inhoud == "Een nieuw voorwoord."


def test_no_text_change_means_no_text_difference(demo_org):
    assert verschillen(huidige_publicatie(2023)).teksten == []


def test_a_snapshot_from_before_texts_is_still_readable(as_role, beheerder):
    data = jaaroverzicht_cijfers(2021).as_json()
    del data["teksten"]
    assert Jaaroverzicht.from_json(data).teksten == []
    Publicatie.objects.create(
        jaar=2021, published_at=timezone.now(), published_by=beheerder, cijfers=data
    )
    tekst_create(actor=beheerder, jaar=2021, soort=VERHAAL, titel="Na afloop", inhoud="Tekst.")
    body = as_role("management").get("/jaaroverzicht/2021/").content.decode()
    assert 'id="vastgesteld"' in body and "Na afloop" not in body
    changes = verschillen(huidige_publicatie(2021)).teksten
    assert [(t.titel, t.wijziging) for t in changes] == [("Na afloop", TekstVerschil.TOEGEVOEGD)]


def test_texts_are_escaped_and_split_into_paragraphs(as_role):
    # Written around the service (which refuses HTML): the page still shows it as text.
    Tekst.objects.create(
        jaar=2022, soort=VOORWOORD, inhoud="<script>alert(1)</script>\n\nTweede & laatste"
    )
    body = as_role("beheerder").get("/jaaroverzicht/2022/").content.decode()
    assert "<script>alert(1)" not in body
    assert "<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>" in body
    assert "<p>Tweede &amp; laatste</p>" in body


# --- pages ----------------------------------------------------------------------


def _pages(tekst_pk):
    return [
        "/jaaroverzicht/2023/teksten/",
        "/jaaroverzicht/2023/teksten/nieuw/?soort=verhaal",
        "/jaaroverzicht/2023/teksten/nieuw/?soort=voorwoord",
        f"/jaaroverzicht/2023/teksten/{tekst_pk}/",
        f"/jaaroverzicht/2023/teksten/{tekst_pk}/verwijderen/",
    ]


@pytest.mark.parametrize("username", ROLES)
def test_permission_matrix(as_role, voorwoord_2023, username):
    client = as_role(username)
    expected = 200 if username == "beheerder" else 404
    for page in _pages(voorwoord_2023.pk):
        assert client.get(page).status_code == expected, page


@pytest.mark.parametrize("username", sorted(set(ROLES) - {"beheerder"}))
def test_others_cannot_post(as_role, voorwoord_2023, username):
    client = as_role(username)
    data = {"titel": "x", "inhoud": "y"}
    assert client.post("/jaaroverzicht/2023/teksten/nieuw/?soort=verhaal", data).status_code == 404
    assert client.post(f"/jaaroverzicht/2023/teksten/{voorwoord_2023.pk}/", data).status_code == 404
    url = f"/jaaroverzicht/2023/teksten/{voorwoord_2023.pk}/verwijderen/"
    assert client.post(url).status_code == 404
    assert Tekst.objects.get(pk=voorwoord_2023.pk).inhoud == voorwoord_2023.inhoud


def test_unknown_kind_year_or_text_is_404(as_role, voorwoord_2023):
    client = as_role("beheerder")
    assert client.get("/jaaroverzicht/2023/teksten/nieuw/?soort=bijlage").status_code == 404
    assert client.get("/jaaroverzicht/2023/teksten/nieuw/").status_code == 404
    assert client.get("/jaaroverzicht/1990/teksten/").status_code == 404
    # A text is opened under its own year only.
    assert client.get(f"/jaaroverzicht/2022/teksten/{voorwoord_2023.pk}/").status_code == 404


def test_the_overview_links_to_the_texts_for_the_administrator_only(as_role):
    assert (
        'id="teksten-bewerken"' in as_role("beheerder").get("/jaaroverzicht/2023/").content.decode()
    )
    assert (
        'id="teksten-bewerken"'
        not in as_role("management").get("/jaaroverzicht/2023/").content.decode()
    )


def test_the_list_shows_every_text_with_its_links(as_role, voorwoord_2023):
    body = as_role("beheerder").get("/jaaroverzicht/2023/teksten/").content.decode()
    for tekst in Tekst.objects.filter(jaar=2023):
        assert f'id="tekst-{tekst.pk}"' in body
        assert f"/jaaroverzicht/2023/teksten/{tekst.pk}/verwijderen/" in body
    # 2023 has a foreword: only a story can be added.
    assert 'id="nieuw-voorwoord"' not in body and 'id="nieuw-verhaal"' in body


def test_adding_a_story_through_the_form(as_role):
    client = as_role("beheerder")
    url = "/jaaroverzicht/2023/teksten/nieuw/?soort=verhaal"
    response = client.post(url, {"titel": "Van de werkvloer", "inhoud": "Een dag in het bos."})
    assert response.status_code == 302 and response.url == "/jaaroverzicht/2023/teksten/"
    story = Tekst.objects.get(jaar=2023, titel="Van de werkvloer")
    assert story.soort == VERHAAL and story.inhoud == "Een dag in het bos."


def test_an_invalid_form_keeps_the_input_and_shows_the_error_at_the_field(as_role):
    client = as_role("beheerder")
    count = Tekst.objects.count()
    url = "/jaaroverzicht/2023/teksten/nieuw/?soort=verhaal"
    body = client.post(url, {"titel": "Mijn titel", "inhoud": ""}).content.decode()
    assert 'id="id_inhoud_fout"' in body and 'value="Mijn titel"' in body
    body = client.post(url, {"titel": "Mijn titel", "inhoud": "Met <b>HTML</b>"}).content.decode()
    assert 'id="id_inhoud_fout"' in body and "Met &lt;b&gt;HTML&lt;/b&gt;" in body
    body = client.post(url, {"titel": "", "inhoud": "Tekst"}).content.decode()
    assert 'id="id_titel_fout"' in body
    assert Tekst.objects.count() == count


def test_a_second_foreword_through_the_form_shows_the_error(as_role):
    url = "/jaaroverzicht/2023/teksten/nieuw/?soort=voorwoord"
    response = as_role("beheerder").post(url, {"inhoud": "Nog een"})
    assert response.status_code == 200
    assert 'class="fout" role="alert"' in response.content.decode()
    assert Tekst.objects.filter(jaar=2023, soort=VOORWOORD).count() == 1


def test_editing_and_removing_through_the_forms(as_role, voorwoord_2023):
    client = as_role("beheerder")
    url = f"/jaaroverzicht/2023/teksten/{voorwoord_2023.pk}/"
    body = client.get(url).content.decode()
    assert "Binnenwerk kijkt terug op een mooi en divers jaar." in body  # the form holds it
    assert 'name="volgorde"' not in body  # the foreword always comes first
    response = client.post(url, {"titel": "Woord vooraf", "inhoud": "Kort."})
    assert response.status_code == 302
    voorwoord_2023.refresh_from_db()
    assert (voorwoord_2023.titel, voorwoord_2023.inhoud) == ("Woord vooraf", "Kort.")
    # GET asks for confirmation and removes nothing; POST removes.
    remove = f"/jaaroverzicht/2023/teksten/{voorwoord_2023.pk}/verwijderen/"
    assert client.get(remove).status_code == 200
    assert Tekst.objects.filter(pk=voorwoord_2023.pk).exists()
    assert client.post(remove).status_code == 302
    assert not Tekst.objects.filter(pk=voorwoord_2023.pk).exists()

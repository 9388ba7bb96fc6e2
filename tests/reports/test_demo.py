"""On the demo organisation: the 2023 overview gives the seed's published figures, 2023 is
published, the demo's late correction shows in the difference view only, the pages answer
per role (404 outside), the PDF is tagged, and the command writes the files. One module: the
demo loads once."""

import datetime as dt
import io
import re
import zlib

import pytest
from django.core.management import call_command

from binnenwerk.people.models import Dienstverband
from binnenwerk.people.services import dienstverband_end
from binnenwerk.periods import active_on
from binnenwerk.reports.differences import verschillen
from binnenwerk.reports.models import Publicatie
from binnenwerk.reports.selectors import (
    huidige_publicatie,
    jaaroverzicht_cijfers,
    snapshot,
)
from tests.roles import ROLES

SEES = {"beheerder", "personeelszaken", "management"}
MATRIX = {
    "/jaaroverzicht/2023/": SEES,
    "/jaaroverzicht/2023/verschillen/": SEES,
    "/jaaroverzicht/2023/publiceren/": {"beheerder"},
}
SEED = {
    "banen": "870.20",
    "nieuwe_banen": "182.00",
    "per_opdrachtgever.BZK": "201.76",
    "per_opdrachtgever.JenV": "217.41",
    "per_werksoort.BOS": None,  # checked by label below
    "medewerkers": "674",
    "nieuwe_collegas": "156",
    "teams": "76",
    "uitstroom.doorstroom": "9",
    "verzuim.percentage": "11.39",
    "tevredenheid.totaalcijfer": "8.2",
    "doel.banen": "1500",
}


def pdf_text(data: bytes) -> bytes:
    """The PDF with its (compressed) streams inflated: the structure tree and the document
    information live in object streams."""
    streams = re.finditer(rb"stream\r?\n(.*?)endstream", data, re.S)
    inflated = []
    for match in streams:
        try:
            inflated.append(zlib.decompress(match.group(1)))
        except zlib.error:
            continue
    return b"\n".join([data, *inflated])


@pytest.fixture(scope="module")
def live(demo_org, django_db_blocker):
    with django_db_blocker.unblock():
        return jaaroverzicht_cijfers(2023)


def test_live_figures_are_the_seeds(live):
    figures = live.by_key()
    for key, value in SEED.items():
        if value is not None:
            assert figures[key].waarde == value, key
    by_label = {c.label: c.waarde for c in live.section("per_werksoort")}
    assert by_label["Bos- en natuurbeheer"] == "407.79"
    assert {c.label: c.waarde for c in live.section("teams_per_werksoort")}[
        "Bos- en natuurbeheer"
    ] == "49"
    assert figures["tevredenheid.respons"].waarde == "80.3"
    assert [figures[f"groei.{y}"].waarde for y in (2020, 2022)] == ["387.00", "688.20"]


def test_2023_is_published_with_the_seed_figures(demo_org):
    publicatie = huidige_publicatie(2023)
    assert publicatie is not None and publicatie.published_by.username == "beheerder"
    published = snapshot(publicatie).by_key()
    for key, value in SEED.items():
        if value is not None:
            assert published[key].waarde == value, key
    assert published["banen"].label == "Banen aan het eind van het jaar"


def test_the_demo_correction_shows_in_the_difference_view(demo_org):
    result = verschillen(huidige_publicatie(2023))
    changed = {v.sleutel: v for v in result.cijfers}
    assert (
        int(changed["verzuim.meldingen"].nu) == int(changed["verzuim.meldingen"].gepubliceerd) + 1
    )
    assert not {"banen", "medewerkers", "teams", "verzuim.percentage"} & set(changed)
    causes = [o for o in result.oorzaken if o.wie == "personeelszaken"]
    assert causes
    # Absence records are not named in the list (special-category data).
    assert all(o.object == o.soort for o in causes)


@pytest.mark.parametrize("page", list(MATRIX))
@pytest.mark.parametrize("username", ROLES)
def test_permission_matrix(as_role, page, username):
    expected = 200 if username in MATRIX[page] else 404
    assert as_role(username).get(page).status_code == expected


@pytest.mark.parametrize("username", ROLES)
def test_the_navigation_opens_the_latest_published_year(as_role, username):
    response = as_role(username).get("/jaaroverzicht/")
    if username in SEES:
        assert response.status_code == 302 and response.url == "/jaaroverzicht/2023/"
    else:
        assert response.status_code == 404


def test_a_server_without_the_pdf_libraries_says_so(as_role, monkeypatch):
    from binnenwerk.reports import views

    def no_pango(html):
        raise OSError("cannot load library 'libpango-1.0-0'")

    monkeypatch.setattr(views, "html_to_pdf", no_pango)
    response = as_role("management").get("/jaaroverzicht/2023.pdf")
    assert response.status_code == 503 and "make pdf-libraries" in response.content.decode()


@pytest.mark.parametrize("username", sorted(set(ROLES) - SEES))
def test_pdf_is_404_outside_the_readers(as_role, username):
    assert as_role(username).get("/jaaroverzicht/2023.pdf").status_code == 404


def test_the_published_page_is_frozen(as_role):
    client = as_role("management")
    body = client.get("/jaaroverzicht/2023/").content.decode()
    assert "Vastgesteld op" in body and "door beheerder" in body
    assert 'id="cijfer-banen">870,20<' in body
    assert "201,76" in body and "<svg" in body
    # A late correction of a 2023 contract: the published page stays, the difference shows.
    contract = (
        Dienstverband.objects.filter(
            active_on(dt.date(2023, 12, 31)), medewerker__doelgroepindicatie=True
        )
        .order_by("pk")
        .first()
    )
    dienstverband_end(actor=None, dienstverband=contract, einde=dt.date(2023, 12, 30))
    assert client.get("/jaaroverzicht/2023/").content.decode().count("870,20") >= 1
    diff = client.get("/jaaroverzicht/2023/verschillen/").content.decode()
    assert "<code>banen</code>" in diff and "870.20" in diff
    assert "2023-12-30" in diff


def test_an_unpublished_year_is_a_concept(as_role):
    body = as_role("beheerder").get("/jaaroverzicht/2022/").content.decode()
    assert 'id="concept"' in body and "688,20" in body


def test_publishing_again_needs_a_reason(as_role):
    client = as_role("beheerder")
    assert client.post("/jaaroverzicht/2023/publiceren/", {"reden": ""}).status_code == 400
    response = client.post("/jaaroverzicht/2023/publiceren/", {"reden": "Correctie verzuim"})
    assert response.status_code == 302
    assert huidige_publicatie(2023).reden == "Correctie verzuim"
    assert Publicatie.objects.filter(jaar=2023).count() == 2


def test_pdf_is_tagged_with_title(as_role):
    response = as_role("management").get("/jaaroverzicht/2023.pdf")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
    data = pdf_text(response.content)
    assert b"/StructTreeRoot" in data  # tagged
    assert b"pdfuaid" in data  # declared PDF/UA-1
    assert b"/Lang (nl)" in data
    assert b"/Title (Binnenwerk jaaroverzicht 2023)" in data


def test_command_writes_html(demo_org, tmp_path):
    out = io.StringIO()
    target = tmp_path / "jaaroverzicht.html"
    call_command("jaaroverzicht", "--jaar", "2023", "--output", str(target), stdout=out)
    html = target.read_text(encoding="utf-8")
    assert '<html lang="nl">' in html and "870,20" in html


def test_command_writes_pdf(demo_org, tmp_path):
    target = tmp_path / "jaaroverzicht.pdf"
    call_command("jaaroverzicht", "--jaar", "2023", "--output", str(target), stdout=io.StringIO())
    assert target.read_bytes().startswith(b"%PDF")

"""Subject access (AVG art. 15, issue 11 item 6): HR makes, for one person, a zip with
everything the system holds about them: a PDF and one JSON and CSV file per category."""

import io
import json
import logging
import zipfile

import pytest
from auditlog.models import LogEntry
from django.apps import apps
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.core.management.base import CommandError

from binnenwerk.absence.models import Poortwachterstap, Ziekmelding
from binnenwerk.coaching.constants import InzageSoort
from binnenwerk.coaching.models import Coachingnotitie, Inzage, Ontwikkeldoel
from binnenwerk.people.models import Dienstverband, Medewerker, Plaatsing
from binnenwerk.privacy_export.selectors import (
    AUDIT_KEY,
    PERSON_KEY,
    related_records,
    subject_access,
)
from binnenwerk.privacy_export.services import PDF_NAME, inzageverzoek_export
from tests.roles import ROLES

ALLOWED = {"personeelszaken", "beheerder"}
# A number that passes the 11-proef, given to the chosen person when the demo left it empty.
SPARE_BSN = "111222333"


def _url(person: Medewerker) -> str:
    return f"/inzageverzoek/{person.personeelsnummer}/"


@pytest.fixture
def person(demo_org) -> Medewerker:
    """A demo person with coaching notes and a sick report with Poortwachter steps, and a
    BSN (read in Python: it is stored encrypted)."""
    ids = (
        Poortwachterstap.objects.filter(ziekmelding__medewerker__coachingnotities__isnull=False)
        .values_list("ziekmelding__medewerker", flat=True)
        .distinct()
        .order_by("ziekmelding__medewerker")
    )
    chosen = Medewerker.objects.get(pk=ids[0])
    if not chosen.bsn:
        assert not Medewerker.objects.exclude(pk=chosen.pk).filter(bsn=SPARE_BSN).exists()
        chosen.bsn = SPARE_BSN
        chosen.save()
    return chosen


@pytest.fixture
def hr(demo_org):
    return get_user_model().objects.get(username="personeelszaken")


def _open(content: bytes) -> zipfile.ZipFile:
    return zipfile.ZipFile(io.BytesIO(content))


def _records(archive: zipfile.ZipFile, key: str) -> list[dict]:
    return json.loads(archive.read(key.replace(".", "_") + ".json"))["records"]


def test_the_zip_holds_every_category_with_the_persons_data(person, hr):
    export = inzageverzoek_export(actor=hr, medewerker=person, reden="verzoek 2026-17")
    archive = _open(export.content)
    names = set(archive.namelist())
    assert PDF_NAME in names
    for category in export.categories:
        assert f"{category.filename}.json" in names
        assert f"{category.filename}.csv" in names

    own = _records(archive, PERSON_KEY)
    assert len(own) == 1
    assert own[0]["personeelsnummer"] == person.personeelsnummer
    assert own[0]["bsn"] == person.bsn  # their own data
    assert own[0]["doelgroepindicatie"] is person.doelgroepindicatie
    assert "bsn_zoekwaarde" not in own[0]  # a key of the system, not their data

    expected = {
        "people.dienstverband": Dienstverband.objects.filter(medewerker=person).count(),
        "people.plaatsing": Plaatsing.objects.filter(medewerker=person).count(),
        "absence.ziekmelding": Ziekmelding.objects.filter(medewerker=person).count(),
        "absence.poortwachterstap": Poortwachterstap.objects.filter(
            ziekmelding__medewerker=person
        ).count(),
        "coaching.coachingnotitie": Coachingnotitie.objects.filter(medewerker=person).count(),
        "coaching.ontwikkeldoel": Ontwikkeldoel.objects.filter(medewerker=person).count(),
        "coaching.inzage": Inzage.objects.filter(medewerker=person).count(),
    }
    for key, count in expected.items():
        assert len(_records(archive, key)) == count, key
    assert expected["absence.poortwachterstap"] > 0
    assert expected["coaching.coachingnotitie"] > 0
    texts = {r["tekst"] for r in _records(archive, "coaching.coachingnotitie")}
    assert texts == set(
        Coachingnotitie.objects.filter(medewerker=person).values_list("tekst", flat=True)
    )
    # The request itself is in the access log it exports.
    exports = [r for r in _records(archive, "coaching.inzage") if "verzoek 2026-17" in r["context"]]
    assert len(exports) == 1 and exports[0]["gebruiker"] == "personeelszaken"


def test_the_audit_log_about_the_persons_records_is_included(person, hr):
    export = inzageverzoek_export(actor=hr, medewerker=person, reden="r")
    audit = next(c for c in export.categories if c.key == AUDIT_KEY)
    expected = 0
    for item in related_records(person).values():
        expected += LogEntry.objects.get_for_objects(
            item.model._base_manager.filter(pk__in=item.ids)
        ).count()
    about_person = LogEntry.objects.get_for_object(person)
    assert about_person.filter(action=LogEntry.Action.ACCESS).count() == 1  # this request
    contracts = LogEntry.objects.get_for_objects(Dienstverband.objects.filter(medewerker=person))
    assert contracts.exists()
    assert len(audit.records) == expected + about_person.count()
    assert {str(e.object_repr) for e in contracts} <= {r["record"] for r in audit.records}
    # Someone else's records are not in it.
    other = Dienstverband.objects.exclude(medewerker=person).first()
    other_entries = LogEntry.objects.get_for_object(other)
    assert not {e.object_repr for e in other_entries} & {r["record"] for r in audit.records}


def test_discovery_covers_every_model_that_points_at_a_person(person):
    """Fails when a model with a foreign key to Medewerker (or to a record about the person,
    such as a sick report) would be left out of the export."""
    found = related_records(person)
    direct = {
        model._meta.label_lower
        for model in apps.get_models()
        for f in model._meta.get_fields()
        if f.concrete and f.is_relation and f.related_model is Medewerker
    }
    assert direct  # the project has such models
    assert direct <= set(found)
    # Closed under "points at": every model with a relation to a found model is found too.
    for label in list(found):
        target = apps.get_model(label)
        for model in apps.get_models():
            if model is Medewerker:
                continue
            if any(
                f.concrete and f.is_relation and f.related_model is target
                for f in model._meta.get_fields()
            ):
                assert model._meta.label_lower in found, (model, label)
    for label in ("contracts.contractbesluit", "absence.poortwachterstap", "recruitment.kandidaat"):
        assert label in found
    keys = {c.key for c in subject_access(person)}
    assert set(found) | {PERSON_KEY, AUDIT_KEY} == keys


def test_the_export_is_logged_and_audited_without_the_bsn(person, hr, caplog):
    before = Inzage.objects.count()
    with caplog.at_level(logging.DEBUG):
        inzageverzoek_export(
            actor=hr, medewerker=person, reden=f"verzoek van {person.bsn} per brief"
        )
    assert Inzage.objects.count() == before + 1
    entry = Inzage.objects.latest("pk")
    assert (entry.soort, entry.medewerker, entry.gebruiker, entry.aantal) == (
        InzageSoort.EXPORT,
        person,
        hr,
        1,
    )
    assert "per brief" in entry.context
    assert person.bsn not in entry.context  # masked in the reason
    audit = LogEntry.objects.filter(
        content_type__model="medewerker", object_id=person.pk, action=LogEntry.Action.ACCESS
    ).latest("pk")
    assert audit.actor == hr
    assert person.bsn not in json.dumps(audit.additional_data) + audit.object_repr
    assert person.bsn not in caplog.text


def test_a_reason_is_required(person, hr):
    before = Inzage.objects.count()
    with pytest.raises(ValidationError):
        inzageverzoek_export(actor=hr, medewerker=person, reden="   ")
    assert Inzage.objects.count() == before


def test_the_pdf_opens_and_has_a_title(person, hr):
    pypdf = pytest.importorskip("pypdf")
    export = inzageverzoek_export(actor=hr, medewerker=person, reden="r")
    reader = pypdf.PdfReader(io.BytesIO(_open(export.content).read(PDF_NAME)))
    assert person.personeelsnummer in (reader.metadata.title or "")
    text = "\n".join(page.extract_text() for page in reader.pages)
    assert person.achternaam in text
    assert person.bsn in text.replace(" ", "")


@pytest.mark.parametrize("username", ROLES)
def test_permission_matrix(as_role, person, username):
    client = as_role(username)
    allowed = username in ALLOWED
    assert client.get(_url(person)).status_code == (200 if allowed else 404)
    before = Inzage.objects.filter(soort=InzageSoort.EXPORT).count()
    response = client.post(_url(person), {"reden": "verzoek 9"})
    if allowed:
        assert response.status_code == 200
        assert response["Content-Type"] == "application/zip"
        assert PDF_NAME in _open(response.content).namelist()
        assert Inzage.objects.filter(soort=InzageSoort.EXPORT).count() == before + 1
    else:
        assert response.status_code == 404
        assert Inzage.objects.filter(soort=InzageSoort.EXPORT).count() == before
    detail = client.get(f"/medewerkers/{person.personeelsnummer}/")
    if detail.status_code == 200:
        assert (_url(person) in detail.content.decode()) is allowed


def test_the_confirm_page_refuses_an_empty_reason(as_role, person):
    client = as_role("personeelszaken")
    before = Inzage.objects.filter(soort=InzageSoort.EXPORT).count()
    response = client.post(_url(person), {"reden": ""})
    assert response.status_code == 200
    assert response.context["form"].errors["reden"]
    assert Inzage.objects.filter(soort=InzageSoort.EXPORT).count() == before


def test_an_unknown_person_is_404(as_role, demo_org):
    assert as_role("personeelszaken").get("/inzageverzoek/GEEN-NUMMER/").status_code == 404


def test_the_command_writes_the_zip(person, tmp_path):
    output = tmp_path / "inzage.zip"
    call_command(
        "inzageverzoek",
        nummer=person.personeelsnummer,
        output=str(output),
        reden="brief 12",
        door="fg",
        stdout=io.StringIO(),
    )
    archive = _open(output.read_bytes())
    assert PDF_NAME in archive.namelist()
    assert _records(archive, PERSON_KEY)[0]["personeelsnummer"] == person.personeelsnummer
    entry = Inzage.objects.latest("pk")
    assert entry.gebruiker is None and entry.medewerker == person
    assert "brief 12" in entry.context and "fg" in entry.context
    with pytest.raises(CommandError):
        call_command(
            "inzageverzoek", nummer="GEEN", output=str(output), reden="x", stdout=io.StringIO()
        )

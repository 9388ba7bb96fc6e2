"""Import through the web (check, then confirm) and export, for the functional administrator."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from binnenwerk.accounts.constants import Rol
from binnenwerk.accounts.services import account_set
from binnenwerk.people.models import Medewerker
from tests.imports.conftest import SHEETS, write_xlsx


@pytest.fixture
def admin(client):
    client.force_login(account_set(actor=None, username="b", roles=[Rol.BEHEERDER]))
    return client


def upload(tmp_path, sheets) -> SimpleUploadedFile:
    path = write_xlsx(tmp_path / "org.xlsx", sheets)
    return SimpleUploadedFile("org.xlsx", path.read_bytes())


def test_check_then_confirm(admin, tmp_path):
    response = admin.post("/import/", {"bestand": upload(tmp_path, SHEETS)})
    body = response.content.decode()
    assert "geen fouten" in body and "Import opslaan" in body
    assert Medewerker.objects.count() == 0  # the check writes nothing
    confirmed = admin.post("/import/bevestigen/", follow=True)
    assert "Import opgeslagen: " in confirmed.content.decode()
    assert Medewerker.objects.count() == 6


def test_broken_file_lists_located_errors_and_writes_nothing(admin, tmp_path):
    sheets = {name: [list(r) for r in rows] for name, rows in SHEETS.items()}
    sheets["plaatsingen"][1][1] = "GEEN"
    body = admin.post("/import/", {"bestand": upload(tmp_path, sheets)}).content.decode()
    assert "plaatsingen:2:team: onbekend team" in body and "Er is niets opgeslagen" in body
    assert admin.post("/import/bevestigen/", follow=True).status_code == 200
    assert Medewerker.objects.count() == 0


def test_wrong_file_type_is_refused(admin):
    body = admin.post("/import/", {"bestand": SimpleUploadedFile("a.pdf", b"%PDF")}).content
    assert "Kies een .xlsx- of .zip-bestand." in body.decode()


def test_export_download(admin, tmp_path):
    admin.post("/import/", {"bestand": upload(tmp_path, SHEETS)})
    admin.post("/import/bevestigen/")
    response = admin.get("/export/")
    assert response["Content-Disposition"] == 'attachment; filename="binnenwerk-export.xlsx"'
    assert response.content[:2] == b"PK"


@pytest.mark.parametrize("rol", [r for r in Rol if r != Rol.BEHEERDER])
def test_only_the_administrator_imports_and_exports(client, rol):
    client.force_login(account_set(actor=None, username="x", roles=[rol]))
    for url in ("/import/", "/export/"):
        assert client.get(url).status_code == 404
    assert client.post("/import/bevestigen/").status_code == 404

"""The web import (/import/) with hostile uploads (issue 18): each refused with a located Dutch
message, nothing written, the page bounded, no file left behind; a file above the upload limit
refused before it is read; a checked file kept 0600 in a 0700 folder until it is confirmed,
and removed after a refusal, the confirmation or an error; files left over removed."""

from __future__ import annotations

import datetime as dt
import os
import stat
import time

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from binnenwerk.accounts.constants import Rol
from binnenwerk.accounts.services import account_set
from binnenwerk.imports import uploads
from binnenwerk.imports.uploads import UploadFolderUnsafe, upload_leftovers_remove
from binnenwerk.organisation.models import Organisatie
from binnenwerk.people.models import Medewerker
from tests.imports.conftest import SHEETS, write_xlsx
from tests.imports.hostile import HOSTILE, deflated, hostile, zip_bytes


@pytest.fixture
def folder(settings, tmp_path):
    settings.IMPORT_UPLOAD_DIR = str(tmp_path / "uploads")
    return tmp_path / "uploads"


@pytest.fixture
def admin(client, folder):
    client.force_login(account_set(actor=None, username="b", roles=[Rol.BEHEERDER]))
    return client


def left_in(folder) -> list[str]:
    return sorted(p.name for p in folder.iterdir()) if folder.exists() else []


@pytest.mark.parametrize("name", list(HOSTILE))
def test_a_hostile_upload_is_refused_located_and_leaves_nothing(admin, folder, name):
    filename, content = hostile(name)
    _, _, where, words = HOSTILE[name]
    response = admin.post("/import/", {"bestand": SimpleUploadedFile(filename, content)})
    assert response.status_code == 200
    body = response.content.decode()
    assert "Het bestand is geweigerd: 1 fout." in body
    assert f"<code>{where}" in body.replace("&#x27;", "'") and words in body
    assert len(body) < 50_000  # one line, whatever the file held
    assert Organisatie.objects.count() == Medewerker.objects.count() == 0
    assert left_in(folder) == []
    assert "import_upload" not in admin.session


def test_a_page_of_many_errors_shows_the_first_ones_and_a_count(admin, settings):
    settings.IMPORT_ERRORS_LISTED = 5
    rows = b"".join(b"C%d,Naam,geen-soort\r\n" % i for i in range(2000))
    content = zip_bytes([deflated("organisaties.csv", b"code,naam,soort\r\n" + rows)])
    body = admin.post("/import/", {"bestand": SimpleUploadedFile("f.zip", content)}).content
    text = body.decode()
    assert "Het bestand is geweigerd: 2000 fouten." in text
    assert text.count("<li><code>") == 6 and "… en nog 1.995 fouten" in text


def test_a_file_above_the_limit_is_refused_before_it_is_read(admin, settings, folder):
    settings.IMPORT_MAX_UPLOAD_BYTES = 1000
    big = SimpleUploadedFile("org.xlsx", b"PK" + b"x" * 200_000)
    response = admin.post("/import/", {"bestand": big})
    assert response.status_code == 413  # the body was never parsed
    assert "Het bestand is groter dan 1000 bytes" in response.content.decode()
    assert left_in(folder) == []


def test_a_file_just_above_the_limit_is_dropped_while_it_arrives(admin, settings, folder):
    """Within the request's margin for form fields, the upload handler stops the file itself."""
    settings.IMPORT_MAX_UPLOAD_BYTES = 1000
    response = admin.post("/import/", {"bestand": SimpleUploadedFile("org.xlsx", b"x" * 5000)})
    assert response.status_code == 200
    assert "Het bestand is groter dan 1000 bytes" in response.content.decode()
    assert left_in(folder) == []


def test_a_checked_file_is_private_until_it_is_confirmed_and_then_gone(admin, folder, tmp_path):
    path = write_xlsx(tmp_path / "org.xlsx", SHEETS)
    response = admin.post(
        "/import/", {"bestand": SimpleUploadedFile("org.xlsx", path.read_bytes())}
    )
    assert "geen fouten" in response.content.decode()
    [kept] = left_in(folder)
    assert stat.S_IMODE(os.stat(folder).st_mode) == 0o700
    assert stat.S_IMODE(os.stat(folder / kept).st_mode) == 0o600
    admin.post("/import/bevestigen/")
    assert Medewerker.objects.count() == 6
    assert left_in(folder) == []


def test_a_new_upload_replaces_the_file_of_an_earlier_check(admin, folder, tmp_path):
    content = write_xlsx(tmp_path / "org.xlsx", SHEETS).read_bytes()
    admin.post("/import/", {"bestand": SimpleUploadedFile("org.xlsx", content)})
    first = left_in(folder)
    admin.post("/import/", {"bestand": SimpleUploadedFile("org.xlsx", content)})
    assert len(left_in(folder)) == 1 and left_in(folder) != first


def test_an_error_during_the_check_leaves_no_file(admin, folder, tmp_path, monkeypatch):
    def broken(**_kwargs):
        raise RuntimeError("stuk")

    monkeypatch.setattr("binnenwerk.web.views.transfer.import_dataset", broken)
    content = write_xlsx(tmp_path / "org.xlsx", SHEETS).read_bytes()
    with pytest.raises(RuntimeError):
        admin.post("/import/", {"bestand": SimpleUploadedFile("org.xlsx", content)})
    assert left_in(folder) == []


def test_an_error_during_the_confirmation_leaves_no_file(admin, folder, tmp_path, monkeypatch):
    content = write_xlsx(tmp_path / "org.xlsx", SHEETS).read_bytes()
    admin.post("/import/", {"bestand": SimpleUploadedFile("org.xlsx", content)})
    assert len(left_in(folder)) == 1

    def broken(**_kwargs):
        raise RuntimeError("stuk")

    monkeypatch.setattr("binnenwerk.web.views.transfer.import_dataset", broken)
    with pytest.raises(RuntimeError):
        admin.post("/import/bevestigen/")
    assert left_in(folder) == []


def test_files_left_over_for_a_day_are_removed(admin, folder, tmp_path):
    folder.mkdir(mode=0o700)
    old, recent = folder / ("a" * 32 + ".xlsx"), folder / ("b" * 32 + ".zip")
    for path in (old, recent):
        path.write_bytes(b"x")
    two_days_ago = time.time() - 2 * 24 * 3600
    os.utime(old, (two_days_ago, two_days_ago))
    assert upload_leftovers_remove(older_than=dt.timedelta(days=1)) == 1
    assert left_in(folder) == [recent.name]
    os.utime(recent, (two_days_ago, two_days_ago))
    content = write_xlsx(tmp_path / "org.xlsx", SHEETS).read_bytes()
    admin.post("/import/", {"bestand": SimpleUploadedFile("org.xlsx", content)})  # cleans up too
    assert recent.name not in left_in(folder) and len(left_in(folder)) == 1


def test_an_upload_folder_that_is_a_link_is_refused(settings, tmp_path):
    (tmp_path / "elders").mkdir()
    (tmp_path / "uploads").symlink_to(tmp_path / "elders")
    settings.IMPORT_UPLOAD_DIR = str(tmp_path / "uploads")
    with pytest.raises(UploadFolderUnsafe):
        uploads.upload_folder()


def test_an_existing_folder_is_made_private(settings, tmp_path):
    (tmp_path / "uploads").mkdir(mode=0o755)
    settings.IMPORT_UPLOAD_DIR = str(tmp_path / "uploads")
    uploads.upload_folder()
    assert stat.S_IMODE(os.stat(tmp_path / "uploads").st_mode) == 0o700

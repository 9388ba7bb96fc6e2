"""Files with personal data (issue 18): the export and the subject-access zip are 0600 whatever
the umask, a new export folder 0700, and a failed write leaves nothing behind."""

import io
import os
import stat

import pytest
from django.core.management import call_command

from binnenwerk.files import write_private
from binnenwerk.imports.exporters import export_path
from tests.factories import MedewerkerFactory


def mode(path) -> int:
    return stat.S_IMODE(os.stat(path).st_mode)


@pytest.fixture
def open_umask():
    """As a careless shell would have it: everything readable by everyone."""
    before = os.umask(0o000)
    yield
    os.umask(before)


def test_the_export_is_readable_by_its_owner_only(tmp_path, open_umask):
    MedewerkerFactory(bsn="999990019")
    workbook = export_path(tmp_path / "uit.xlsx")
    folder = tmp_path / "nieuw"
    files = export_path(folder)
    assert [mode(p) for p in (*workbook, *files)] == [0o600] * (1 + len(files))
    assert mode(folder) == 0o700
    call_command("exporteren", str(tmp_path / "cli.xlsx"), stdout=io.StringIO())
    assert mode(tmp_path / "cli.xlsx") == 0o600


def test_the_subject_access_zip_is_readable_by_its_owner_only(tmp_path, open_umask):
    person = MedewerkerFactory()
    output = tmp_path / "inzage.zip"
    call_command(
        "inzageverzoek",
        "--nummer",
        person.personeelsnummer,
        "--output",
        str(output),
        "--reden",
        "verzoek 2026-001",
        stdout=io.StringIO(),
    )
    assert mode(output) == 0o600


def test_a_failed_write_leaves_no_file(tmp_path):
    with pytest.raises(TypeError):
        write_private(tmp_path / "half.csv", 12)  # type: ignore[arg-type]
    assert list(tmp_path.iterdir()) == []
    write_private(tmp_path / "heel.csv", "a;b\r\n")
    assert [p.name for p in tmp_path.iterdir()] == ["heel.csv"]
